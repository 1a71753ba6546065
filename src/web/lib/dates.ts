import dayjs from 'dayjs';

export const today = () => dayjs().format('YYYY-MM-DD');
export const formatDate = (d: string | null | undefined) => (d ? dayjs(d).format('D MMM YYYY') : '—');
export const daysSince = (d: string | null | undefined) => (d ? dayjs().startOf('day').diff(dayjs(d), 'day') : null);

/** The academic year containing `date`, given the institution's start month and day (default 1 August). */
export function academicYearStart(date: string, month = 8, day = 1): string {
  const d = dayjs(date);
  const start = dayjs(new Date(d.year(), month - 1, day));
  return (d.isBefore(start) ? start.subtract(1, 'year') : start).format('YYYY-MM-DD');
}
