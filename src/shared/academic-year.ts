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
