/*
 * Reading the cells of an engagements export: dates as booking and statistics tools and people's
 * own spreadsheets write them, durations, counts and lists. Pure functions, unit-tested beside.
 * (The web app's parseDate reads what a person types — "today", "tue", a year left out — which is
 * the wrong reading for a file: a year is never guessed here.)
 */

export type DateOrder = 'dmy' | 'mdy';

/** A date as stored (YYYY-MM-DD) and the time of day when the cell carried one (HH:MM, 24-hour). */
export interface When { date: string; time: string | null }

const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
// "10:00", "10:00:00", "10:00am", "2 pm", "T14:30:00.000Z", "14:30 +01:00"
const TIME = /(?:^|[\sT,]+)(?:(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*([ap])?\.?m?\.?|(\d{1,2})\s*([ap])\.?m\.?)\s*(?:z|utc|gmt|bst|[+-]\d{2}:?\d{2})?$/i;
const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4})$/i;
const MONTH_DAY = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;

const pad = (n: number) => String(n).padStart(2, '0');

function ymd(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** "Mar", "March", "Sept" → 3, 3, 9; anything else → 0. */
function monthOf(name: string): number {
  const n = name.toLowerCase();
  return n.length >= 3 ? FULL_MONTHS.findIndex((f) => f.startsWith(n)) + 1 : 0;
}

function timeOf(m: RegExpExecArray): string | null {
  let h = Number(m[1] ?? m[4]);
  const min = Number(m[2] ?? 0);
  const half = (m[3] ?? m[5])?.toLowerCase();
  if (half) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (half === 'p' ? 12 : 0);
  }
  return h <= 23 && min <= 59 ? `${pad(h)}:${pad(min)}` : null;
}

/**
 * 2026-03-04, 2026-03-04T10:00:00Z, 04/03/2026 (or 03/04/2026 with `order` 'mdy'), 4.3.26, 4 Mar 2026,
 * 4th March 2026, 04-Mar-2026, Mar 4, 2026, Wednesday, 4 March 2026 — each with an optional time.
 * The date is taken as written: a time zone after the time does not move it to another day.
 */
export function parseWhen(text: string, order: DateOrder = 'dmy'): When | null {
  let s = text.trim().replace(/\s+/g, ' ').replace(WEEKDAY, '');
  let time: string | null = null;
  const t = TIME.exec(s);
  // a bare "2026" at the end is a year, not a time: TIME needs a colon or am/pm
  if (t && t.index > 0) {
    time = timeOf(t);
    if (!time) return null;
    s = s.slice(0, t.index).replace(/[\s,T]+$/, '');
  }
  let m = ISO.exec(s);
  let date: string | null = null;
  if (m) date = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  else if ((m = NUMERIC.exec(s))) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const y = (m[3] as string).length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    date = order === 'dmy' ? ymd(y, b, a) : ymd(y, a, b);
  } else if ((m = DAY_MONTH.exec(s))) date = ymd(Number(m[3]), monthOf(m[2] as string), Number(m[1]));
  else if ((m = MONTH_DAY.exec(s))) date = ymd(Number(m[3]), monthOf(m[1] as string), Number(m[2]));
  return date ? { date, time } : null;
}

const HOURS = '(?:h|hrs?|hours?)';
const MINUTES = '(?:m|mins?|minutes?)';
const NUMBER = '(\\d+(?:\\.\\d+)?)';
const DURATION_FORMS: [RegExp, (m: RegExpExecArray) => number][] = [
  [new RegExp(`^${NUMBER}(?:\\s*${MINUTES})?$`, 'i'), (m) => Number(m[1])],
  [/^(\d+):(\d{2})(?::(\d{2}))?$/, (m) => Number(m[1]) * 60 + Number(m[2]) + Number(m[3] ?? 0) / 60],
  [new RegExp(`^${NUMBER}\\s*${HOURS}$`, 'i'), (m) => Number(m[1]) * 60],
  [new RegExp(`^(\\d+)\\s*${HOURS},?\\s*(?:and\\s+)?(\\d+)\\s*${MINUTES}$`, 'i'), (m) => Number(m[1]) * 60 + Number(m[2])],
];

/** Minutes from "90", "90 mins", "1:30", "1.5 hours", "1h 30m", "1 hour and 30 minutes"; null when it is none of these. */
export function parseDuration(text: string): number | null {
  const s = text.trim().replace(/\s+/g, ' ');
  for (const [form, minutes] of DURATION_FORMS) {
    const m = form.exec(s);
    if (m) return Math.round(minutes(m));
  }
  return null;
}

/** A whole count: "24", "1,200"; null otherwise. */
export function parseCount(text: string): number | null {
  const s = text.trim();
  return /^\d{1,3}(?:,\d{3})*$|^\d+$/.test(s) ? Number(s.replace(/,/g, '')) : null;
}

/** "COMP; MATH", "COMP,MATH" → ['COMP', 'MATH']: distinct, in order, blanks dropped. */
export const splitList = (text: string): string[] => [...new Set(text.split(/[;,\n]/).map((p) => p.trim()).filter(Boolean))];

/** Addresses separated by ; , or spaces, each as written ("Name <a@b>" gives a@b); distinct by case. */
export function splitEmails(text: string): string[] {
  const out = new Map<string, string>();
  for (const part of text.split(/[;,\n]/)) {
    const angle = /<([^>]+)>/.exec(part);
    for (const word of (angle ? (angle[1] as string) : part).split(/\s+/)) {
      const w = word.trim();
      if (w && !out.has(w.toLowerCase())) out.set(w.toLowerCase(), w);
    }
  }
  return [...out.values()];
}

const PARTNER = new Set(['partner', 'department', 'academic', 'faculty', 'them', 'p']);
const LIBRARY = new Set(['library', 'librarian', 'staff', 'us', 'l']);

/** Who took the first step: library (also when empty) or partner; null when the cell says something else. */
export function parseInitiator(text: string): 'library' | 'partner' | null {
  const s = text.trim().toLowerCase();
  if (!s || LIBRARY.has(s)) return 'library';
  return PARTNER.has(s) ? 'partner' : null;
}
