import { DateInput } from '@mantine/dates';
import dayjs, { type Dayjs } from 'dayjs';

const ISO = 'YYYY-MM-DD';
const DISPLAY = 'D MMM YYYY';
const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function ymd(y: number, m: number, d: number): string | null {
  const date = new Date(y, m - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) return null;
  return dayjs(date).format(ISO);
}

const year = (y: string | undefined, now: Dayjs) => (!y ? now.year() : y.length === 2 ? 2000 + Number(y) : Number(y));

/**
 * What a person types for a date, read the British way: "today", "yesterday", a weekday ("tue": the
 * latest one up to today), 2026-03-05, 5/3, 5/3/26, 5.3.2026, "5 Mar", "5 March 2026".
 */
export function parseDate(text: string, now: Dayjs = dayjs()): string | null {
  const s = text.trim().toLowerCase();
  if (!s) return null;
  if (s.length >= 3 && 'today'.startsWith(s)) return now.format(ISO);
  if (s.length >= 3 && 'yesterday'.startsWith(s)) return now.subtract(1, 'day').format(ISO);
  const wd = weekdays.indexOf(s.slice(0, 3));
  if (wd >= 0 && /^[a-z]+$/.test(s)) return now.subtract((now.day() - wd + 7) % 7, 'day').format(ISO);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(s);
  if (m) return ymd(year(m[3], now), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,})\.?(?:\s+(\d{2}|\d{4}))?$/.exec(s);
  if (m) {
    const month = months.indexOf((m[2] ?? '').slice(0, 3)) + 1;
    return month ? ymd(year(m[3], now), month, Number(m[1])) : null;
  }
  return null;
}

/**
 * A date as one keyboard stop (a native date input takes three Tabs to leave): type it in words or
 * numbers, or pick it from the calendar. Value and onChange use ISO dates (YYYY-MM-DD).
 */
export function DateField({ label, value, onChange, onBlur, error, required, description = 'e.g. today, yesterday, mon, 5/3', clearable, w }: {
  label: string;
  value: string | null;
  onChange: (v: string | null) => void;
  onBlur?: () => void;
  error?: string;
  required?: boolean;
  /** null for none */
  description?: string | null;
  clearable?: boolean;
  w?: number;
}) {
  const today = dayjs();
  return (
    <DateInput
      label={label}
      description={description}
      required={required}
      value={value || null}
      onChange={onChange}
      onBlur={onBlur}
      error={error}
      valueFormat={DISPLAY}
      dateParser={(text) => parseDate(text)}
      clearable={clearable}
      firstDayOfWeek={1}
      w={w}
      presets={[
        { value: today.format(ISO), label: 'Today' },
        { value: today.subtract(1, 'day').format(ISO), label: 'Yesterday' },
      ]}
      popoverProps={{ withinPortal: true }}
    />
  );
}
