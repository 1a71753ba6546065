import dayjs from 'dayjs';

export const today = () => dayjs().format('YYYY-MM-DD');
export const formatDate = (d: string | null | undefined) => (d ? dayjs(d).format('D MMM YYYY') : '—');
export const daysSince = (d: string | null | undefined) => (d ? dayjs().startOf('day').diff(dayjs(d), 'day') : null);

export { academicYearStart } from '../../shared/academic-year.ts';
