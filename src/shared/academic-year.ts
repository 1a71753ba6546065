/**
 * The first day (YYYY-MM-DD) of the academic year containing `date` (YYYY-MM-DD), for an institution
 * whose years start on startMonth/startDay (default 1 August). One rule for the server, the seeders
 * and the web app.
 */
export function academicYearStart(date: string, startMonth = 8, startDay = 1): string {
  const year = Number(date.slice(0, 4));
  const start = (y: number) => `${y}-${String(startMonth).padStart(2, '0')}-${String(startDay).padStart(2, '0')}`;
  return date >= start(year) ? start(year) : start(year - 1);
}

export interface AcademicYear {
  /** first day, YYYY-MM-DD */
  start: string;
  /** last day (inclusive), YYYY-MM-DD */
  end: string;
  /** "2025–26" */
  label: string;
  /** the calendar year it starts in */
  year: number;
}

/** Adds whole days to a YYYY-MM-DD date (UTC arithmetic: dates have no time zone). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The academic year that starts in calendar year `year`. */
export function academicYearStarting(year: number, startMonth = 8, startDay = 1): AcademicYear {
  const start = `${year}-${String(startMonth).padStart(2, '0')}-${String(startDay).padStart(2, '0')}`;
  const next = `${year + 1}-${String(startMonth).padStart(2, '0')}-${String(startDay).padStart(2, '0')}`;
  return { start, end: addDays(next, -1), label: `${year}–${String((year + 1) % 100).padStart(2, '0')}`, year };
}

/** The academic year containing `date`. */
export function academicYearOf(date: string, startMonth = 8, startDay = 1): AcademicYear {
  return academicYearStarting(Number(academicYearStart(date, startMonth, startDay).slice(0, 4)), startMonth, startDay);
}
