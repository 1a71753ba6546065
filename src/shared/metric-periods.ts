import { academicYearStart, academicYearStarting } from './academic-year.ts';

/**
 * Metric periods as stored: 'YYYY' for the academic year starting in that calendar year ('2025' is
 * 2025–26), 'YYYY-MM' for a month. One parser for imports, hand entry and the web app.
 */
export type PeriodKind = 'academic_year' | 'month';

const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTHS = FULL_MONTHS.map((m) => m.slice(0, 3));
const YEAR_SPAN = /^(?:ay\s*)?(\d{4})\s*[-/–—]\s*(\d{2}|\d{4})$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(\d{1,2})$/;
const MONTH_SLASH_YEAR = /^(\d{1,2})\/(\d{4})$/;
const NAMED_MONTH = /^([a-z]{3,9})[\s-]+(\d{4})$/i;

const pad = (n: number) => String(n).padStart(2, '0');
const month = (y: number, m: number) => (m >= 1 && m <= 12 && y >= 1900 && y <= 2200 ? `${y}-${pad(m)}` : null);

function parseYear(t: string, startMonth: number): string | null {
  if (/^\d{4}$/.test(t)) return t;
  const span = YEAR_SPAN.exec(t);
  if (span) {
    const first = Number(span[1]);
    const second = span[2] as string;
    const next = second.length === 2 ? (first + 1) % 100 : first + 1;
    return Number(second) === next ? String(first) : null;
  }
  const date = ISO_DATE.exec(t);
  return date ? academicYearStart(t, startMonth).slice(0, 4) : null;
}

function parseMonth(t: string): string | null {
  let m = YEAR_MONTH.exec(t) ?? ISO_DATE.exec(t);
  if (m) return month(Number(m[1]), Number(m[2]));
  m = MONTH_SLASH_YEAR.exec(t);
  if (m) return month(Number(m[2]), Number(m[1]));
  m = NAMED_MONTH.exec(t);
  if (m) {
    const name = (m[1] as string).toLowerCase();
    const i = name.length === 3 ? MONTHS.indexOf(name) : FULL_MONTHS.indexOf(name);
    return i < 0 ? null : month(Number(m[2]), i + 1);
  }
  return null;
}

/** The stored period for `text`, or null when it is not a period of this kind. */
export function parsePeriod(text: string, kind: PeriodKind, startMonth = 8): string | null {
  const t = text.trim();
  return kind === 'academic_year' ? parseYear(t, startMonth) : parseMonth(t);
}

/** How a stored period reads: '2025–26' or 'Mar 2026'. */
export function periodLabel(period: string, kind: PeriodKind, startMonth = 8): string {
  if (kind === 'academic_year') return academicYearStarting(Number(period), startMonth).label;
  const [y, m] = period.split('-');
  const name = MONTHS[Number(m) - 1] ?? '';
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${y}`;
}
