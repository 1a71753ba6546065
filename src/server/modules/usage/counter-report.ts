import { counterReportIds, type CounterReportId } from '../../../shared/contracts/usage.ts';
import { invalid } from '../../http/errors.ts';

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A month column's header → 'YYYY-MM', or null when it is not one. COUNTER writes `Jan-2025`; an
 * Excel report often holds the first of the month as a date, which the reader gives as 2025-01-01.
 */
export function monthOfHeader(header: string): string | null {
  const h = header.trim();
  const named = /^([a-z]{3})[- ](\d{4})$/i.exec(h);
  if (named) {
    const m = MONTH_NAMES.indexOf((named[1] ?? '').toLowerCase());
    return m < 0 ? null : `${named[2]}-${pad(m + 1)}`;
  }
  const iso = /^(\d{4})-(0[1-9]|1[0-2])(-01)?$/.exec(h);
  return iso ? `${iso[1]}-${iso[2]}` : null;
}

/** Every month from `from` to `to` ('YYYY-MM', inclusive). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const month = `${y}-${pad(m)}`;
    if (month > to) break;
    out.push(month);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** A month plus or minus whole months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
}

/** `Begin_Date=2025-01-01; End_Date=2025-03-31` → its first and last month; null when it says neither. */
export function parseReportingPeriod(text: string): { from: string; to: string } | null {
  const begin = /Begin_Date\s*=\s*(\d{4}-(0[1-9]|1[0-2]))(-\d{2})?/i.exec(text);
  const end = /End_Date\s*=\s*(\d{4}-(0[1-9]|1[0-2]))(-\d{2})?/i.exec(text);
  return begin?.[1] && end?.[1] ? { from: begin[1], to: end[1] } : null;
}

/** Column headings that start a COUNTER table: seen in the header block, the blank row after it is missing. */
const TABLE_STARTS = new Set(['title', 'database', 'platform', 'item', 'metric_type', 'reporting_period_total']);

export interface CounterReport {
  reportId: CounterReportId;
  /** the month columns: index in the row → 'YYYY-MM', in file order */
  months: { index: number; month: string }[];
}

const supported = counterReportIds.join(', ');

/**
 * Checks a COUNTER R5 / R5.1 report's header block against its table and says what the file is;
 * refuses (400 naming `file`) what this import cannot read, before anything is written.
 */
export function readCounterReport(preamble: Record<string, string> | null, columns: readonly string[]): CounterReport {
  if (!preamble) {
    throw invalid('file', 'has no COUNTER header block (Report_Name, Report_ID, … Created_By, then a blank row): download the report from the platform as a COUNTER Release 5 or 5.1 tabular report (TSV, CSV or Excel) and upload it unchanged');
  }
  const get = (name: string) => Object.entries(preamble).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1]?.trim() ?? '';
  const runOn = Object.keys(preamble).find((k) => TABLE_STARTS.has(k.toLowerCase()));
  if (runOn) throw invalid('file', `its header block runs into the table (“${runOn}” is a column heading): the blank row between the header block and the table is missing`);
  const release = get('Release');
  if (release && !/^5(\.\d+)*$/.test(release)) throw invalid('file', `is a COUNTER Release ${release} report: this import reads Release 5 and 5.1`);
  const id = get('Report_ID').toUpperCase();
  if (!id) throw invalid('file', 'its header block names no Report_ID: is it a complete COUNTER report?');
  const reportId = counterReportIds.find((r) => r === id);
  if (!reportId) throw invalid('file', `is a ${id} report: this import reads ${supported} (title, database and platform reports)`);

  const months: CounterReport['months'] = [];
  const seen = new Set<string>();
  columns.forEach((c, index) => {
    const month = monthOfHeader(c);
    if (!month) return;
    if (seen.has(month)) throw invalid('file', `two columns are both ${month}`);
    seen.add(month);
    months.push({ index, month });
  });
  if (!months.length) throw invalid('file', 'has no month columns (Jan-2025, Feb-2025, …): download the report again without “Exclude_Monthly_Details”');

  const periodText = get('Reporting_Period');
  if (periodText) {
    const period = parseReportingPeriod(periodText);
    if (!period) throw invalid('file', `its Reporting_Period “${periodText}” is not Begin_Date=YYYY-MM-DD; End_Date=YYYY-MM-DD`);
    const want = monthsBetween(period.from, period.to);
    const have = months.map((m) => m.month).sort();
    if (want.join() !== have.join()) {
      throw invalid('file', `its Reporting_Period (${period.from} to ${period.to}) does not match its month columns (${have[0]} to ${have[have.length - 1]}, ${have.length} months)`);
    }
  }
  return { reportId, months };
}
