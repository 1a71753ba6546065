import ExcelJS from 'exceljs';
import { AppError, invalid } from '../../../http/errors.ts';
import type { TableRow } from './types.ts';

type Cell = ExcelJS.CellValue;

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A cell as the text a person sees in it: numbers without float noise, dates as YYYY-MM-DD, formulas as their result. */
export function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return iso(v);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: Cell }).result ?? null);
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : '';
  if ('error' in v) return '';
  return '';
}

const broken = () => invalid('file', 'is not a complete Excel workbook (it may have been cut short while copying or downloading); open it in Excel, save it again as .xlsx, and upload that');

/** The first worksheet's rows, streamed: the workbook is never held in memory whole. */
export async function* xlsxRows(path: string): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets++;
      let expected = 1;
      for await (const row of sheet) {
        // the reader skips empty rows: give them back as blank rows so line numbers match the sheet
        for (; expected < row.number; expected++) yield { line: expected, cells: [] };
        const values = Array.isArray(row.values) ? row.values : [];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        yield { line: row.number, cells };
        expected = row.number + 1;
      }
      return;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw broken();
  }
  if (sheets === 0) throw broken();
}
