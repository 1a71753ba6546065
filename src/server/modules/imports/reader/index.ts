import { open } from 'node:fs/promises';
import { invalid } from '../../../http/errors.ts';
import { textRows } from './text.ts';
import type { TableFormat, TableRow } from './types.ts';
import { xlsxRows } from './xlsx.ts';

export type { TableFormat, TableRow } from './types.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Buffer, sig: number[]) => sig.every((x, i) => b[i] === x);

/** The file's real format, from its first bytes and its name; a file dressed as another gets a clear refusal. */
export async function sniffFormat(path: string, fileName: string): Promise<TableFormat> {
  const fh = await open(path, 'r');
  const head = Buffer.alloc(4096);
  const { bytesRead } = await fh.read(head, 0, head.length, 0).finally(() => fh.close());
  const b = head.subarray(0, bytesRead);
  const name = fileName.toLowerCase();
  if (bytesRead === 0) throw invalid('file', 'is empty');
  if (startsWith(b, ZIP)) {
    if (name.endsWith('.xlsx')) return 'xlsx';
    throw invalid('file', `is a ZIP archive or an Excel workbook, but it is named “${fileName}”: upload an .xlsx under its own name, or save the sheet as CSV`);
  }
  if (startsWith(b, OLE)) throw invalid('file', 'is an old-style Excel (.xls) file: save it as .xlsx or as CSV UTF-8, and upload that');
  if (name.endsWith('.xlsx')) throw invalid('file', 'is named .xlsx but is not an Excel workbook');
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    throw invalid('file', 'is UTF-16 text: save it again as “CSV UTF-8 (Comma delimited)” (Excel) or with UTF-8 encoding, and upload that');
  }
  if (b.includes(0)) throw invalid('file', 'is not a text file: upload CSV, TSV or .xlsx');
  if (name.endsWith('.tsv') || name.endsWith('.tab')) return 'tsv';
  const firstLine = b.toString('utf8').split(/\r?\n/, 1)[0] ?? '';
  return firstLine.includes('\t') && !firstLine.includes(',') ? 'tsv' : 'csv';
}

/** Every row of the file (the first sheet of a workbook), blank rows included, streamed. */
export function readRows(path: string, format: TableFormat): AsyncIterable<TableRow> {
  return format === 'xlsx' ? xlsxRows(path) : textRows(path, format === 'tsv' ? '\t' : ',');
}

export const isBlank = (row: TableRow) => row.cells.every((c) => c.trim() === '');

/** The first cell of a COUNTER Release 5 / 5.1 report's header block. */
const REPORT_HEADER = 'report_name';

/**
 * The table's header row and its body. Normally the first non-blank row is the header. A COUNTER
 * R5 / R5.1 report starts with a header block instead (Report_Name, Report_ID, …, Created, Created_By
 * as name–value rows), then one blank separator row: the block is returned as `preamble` and the
 * header is the first row after it. Blank names become "Column N"; a repeated name is refused, since
 * columns are mapped by name. `body` yields the later non-blank rows and closes the file if left early.
 */
export async function withHeader(rows: AsyncIterable<TableRow>): Promise<{ header: string[]; headerLine: number; preamble: Record<string, string> | null; body: AsyncIterable<TableRow> }> {
  const it = rows[Symbol.asyncIterator]();
  const nextNonBlank = async (): Promise<TableRow | undefined> => {
    for (;;) {
      const n = await it.next();
      if (n.done) return undefined;
      if (!isBlank(n.value)) return n.value;
    }
  };
  let first = await nextNonBlank();
  if (!first) throw invalid('file', 'has no rows: its first row must name the columns');
  let preamble: Record<string, string> | null = null;
  if ((first.cells[0] ?? '').trim().toLowerCase() === REPORT_HEADER) {
    preamble = {};
    let row: TableRow = first;
    for (let count = 1; ; count++) {
      const name = (row.cells[0] ?? '').trim();
      if (name) preamble[name] = row.cells.slice(1).map((c) => c.trim()).filter(Boolean).join(' ');
      const n = await it.next();
      if (n.done) throw invalid('file', 'has a COUNTER header block but no blank row after it and no table: is the report complete?');
      if (isBlank(n.value)) break;
      if (count > 40) throw invalid('file', `line ${n.value.line}: a COUNTER header block runs on past its usual rows with no blank row after it`);
      row = n.value;
    }
    first = await nextNonBlank();
    if (!first) throw invalid('file', 'has a COUNTER header block but no table after it');
  }
  const header = first.cells.map((c, i) => c.trim() || `Column ${i + 1}`);
  const seen = new Map<string, number>();
  header.forEach((h, i) => {
    const before = seen.get(h);
    if (before !== undefined) throw invalid('file', `columns ${before + 1} and ${i + 1} are both called “${h}”: rename one`);
    seen.set(h, i);
  });
  const body: AsyncIterable<TableRow> = {
    [Symbol.asyncIterator]: () => ({
      async next() {
        const value = await nextNonBlank();
        return value ? { done: false as const, value } : { done: true as const, value: undefined };
      },
      async return() {
        await it.return?.();
        return { done: true as const, value: undefined };
      },
    }),
  };
  return { header, headerLine: first.line, preamble, body };
}

/**
 * A cell a spreadsheet would run as a formula when the data is opened again: it starts with =, +, @,
 * a tab or CR, or with - that does not start a number.
 */
export function looksLikeFormula(cell: string): boolean {
  if (cell === '') return false;
  const c = cell[0];
  if (c === '=' || c === '+' || c === '@' || c === '\t' || c === '\r') return true;
  return c === '-' && cell.length > 1 && !/^-(\d|\.\d)/.test(cell);
}
