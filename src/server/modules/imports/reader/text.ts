import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import chardet from 'chardet';
import { CsvError, parse } from 'csv-parse';
import { invalid } from '../../../http/errors.ts';
import type { TableRow } from './types.ts';

const RESAVE = 'save it again as “CSV UTF-8 (Comma delimited)” (Excel) or with UTF-8 encoding, and upload that';

/**
 * Decodes UTF-8 as it streams (dropping a byte-order mark) and refuses anything else with the line
 * where it went wrong and the encoding it looks like.
 */
function utf8Only() {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lines = 1;
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
        done(null, text);
      } catch {
        // the line of the first byte that is not UTF-8: decode leniently and find the first replacement character
        const lenient = new TextDecoder('utf-8').decode(chunk);
        const upTo = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
        const line = lines + (upTo.match(/\n/g)?.length ?? 0);
        const guess = chardet.detect(chunk);
        const looks = guess && guess !== 'UTF-8' ? ` (it looks like ${guess})` : '';
        done(invalid('file', `is not UTF-8 text from line ${line}${looks}: ${RESAVE}`));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(invalid('file', `ends part-way through a character: ${RESAVE}`));
      }
    },
  });
}

/** `line`: where the record being read starts, which is where an unclosed quote was opened. */
function csvProblem(err: CsvError, line: number): Error {
  const at = `line ${line}: `;
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return invalid('file', `${at}a quoted cell starts here and is never closed (a " is missing)`);
  if (err.code === 'INVALID_OPENING_QUOTE') return invalid('file', `${at}a quote mark in the middle of a cell: put the whole cell in quotes and double the quote marks inside it ("")`);
  if (err.code === 'CSV_INVALID_CLOSING_QUOTE') return invalid('file', `${at}a quote mark inside a cell must be doubled ("")`);
  return invalid('file', `${at}${err.message}`);
}

/** Line breaks in a record's raw text: csv-parse leaves the \n of a CRLF ending out of it. */
function lineBreaks(raw: string): number {
  let n = 0;
  for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) n++;
  return raw.endsWith('\r') ? n + 1 : n;
}

/** Every record of a CSV or TSV file, blank lines included, with the line each starts on. */
export async function* textRows(path: string, delimiter: ',' | '\t'): AsyncGenerator<TableRow> {
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  const parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: false, raw: true, bom: false });
  const decode = utf8Only();
  file.on('error', (e) => parser.destroy(e));
  decode.on('error', (e) => parser.destroy(e));
  file.pipe(decode).pipe(parser);
  let next = 1;
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      yield { line: next, cells: rec.record };
      next += lineBreaks(rec.raw);
    }
  } catch (err) {
    if (err instanceof CsvError) throw csvProblem(err, next);
    throw err;
  } finally {
    file.destroy();
    parser.destroy();
  }
}
