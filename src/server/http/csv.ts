import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify';
import { MAX_PAGE_SIZE } from '../../shared/contracts/common.ts';

type Cell = string | number | boolean | null | undefined;
export type Columns<T> = Record<string, (row: T) => Cell>;
export const csvColumns = <T>(c: Columns<T>): Columns<T> => c;

/**
 * Streams a list as CSV, page by page through the same service call the JSON list uses,
 * so filters and access checks are the same. Cells that a spreadsheet would run as a
 * formula (=, +, -, @, tab, CR) are escaped by csv-stringify.
 */
export function sendCsv<T>(reply: FastifyReply, filename: string, columns: Columns<T>, fetchPage: (page: number, pageSize: number) => Promise<T[]>) {
  const names = Object.keys(columns);
  const getters = Object.values(columns);
  async function* rows() {
    for (let page = 1; ; page++) {
      const items = await fetchPage(page, MAX_PAGE_SIZE);
      for (const item of items) yield getters.map((g) => g(item) ?? '');
      if (items.length < MAX_PAGE_SIZE) return;
    }
  }
  const csv = Readable.from(rows()).pipe(stringify({ header: true, columns: names, escape_formulas: true, bom: true }));
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(csv);
}
