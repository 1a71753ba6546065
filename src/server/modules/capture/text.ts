/** Text and time helpers shared by the calendar and mail readers. */

/** The longest excerpt a capture item keeps: enough to recognise the meeting, not a copy of the mail. */
export const EXCERPT_CHARS = 1000;
export const SUBJECT_CHARS = 300;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML to plain text, roughly: enough for an excerpt, never rendered as HTML anywhere. */
export function stripHtml(html: string): string {
  return html
    .replace(/<(script|style|head)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (m, e: string) => {
      const code = e.startsWith('#x') || e.startsWith('#X') ? parseInt(e.slice(2), 16) : e.startsWith('#') ? Number(e.slice(1)) : null;
      // a number no character has (&#x110000;) stays as written rather than failing the whole message
      if (code !== null) return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      return entities[e.toLowerCase()] ?? m;
    });
}

/**
 * A bounded plain-text excerpt. Cuts the meeting-service boilerplate Outlook and Google append
 * (a rule of underscores before "Microsoft Teams meeting", Google Meet's "-::~:~::-" block),
 * and quoted replies, which say nothing about this message.
 */
export function excerptOf(text: string | null | undefined, html = false): string | null {
  if (!text) return null;
  let t = html || /<\/?[a-z][^>]*>/i.test(text) ? stripHtml(text) : text;
  t = t.split(/\n\s*[_-]{10,}\s*\n|\n\s*-::~[:~]+-|\n-+ ?Original Message ?-+|\nOn .{5,120} wrote:\s*\n|\nJoin with Google Meet/i)[0] ?? '';
  t = t.split('\n').filter((l) => !l.trimStart().startsWith('>')).join('\n');
  t = t.replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').replace(/\n{2,}/g, '\n').trim();
  if (!t) return null;
  return t.length > EXCERPT_CHARS ? `${t.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : t;
}

export const subjectOf = (s: string | null | undefined): string => {
  const line = (s ?? '').replace(/\s+/g, ' ').trim();
  return line.length > SUBJECT_CHARS ? `${line.slice(0, SUBJECT_CHARS - 1).trimEnd()}…` : line;
};

const ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/** A lower-case address, or null when it is not one ("mailto:" and angle brackets removed). */
export function addressOf(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const a = raw.trim().replace(/^mailto:/i, '').replace(/^<|>$/g, '').trim().toLowerCase();
  return ADDRESS.test(a) && a.length <= 254 ? a : null;
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The offset of `timeZone` from UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time in an IANA zone names: for calendar times that carry a zone the
 * file does not define (or none at all: "floating", read in the institution's zone).
 */
export function zonedInstant(wall: { year: number; month: number; day: number; hour: number; minute: number; second: number }, timeZone: string): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const first = guess - offsetAt(guess, timeZone);
  // a second pass settles times near a daylight-saving change
  return new Date(guess - offsetAt(first, timeZone));
}

/** One meeting or message as a reader found it, before anyone is matched. */
export interface Captured {
  kind: 'meeting' | 'message';
  /** the natural key: ICS UID (+ '#' + occurrence) or Message-ID */
  externalUid: string;
  subject: string;
  startsAt: Date | null;
  durationMinutes: number | null;
  excerpt: string | null;
  /** organizer or From; null when it is the owner or missing */
  fromAddress: string | null;
  /** everyone else who took part, the owner and those who declined left out */
  addresses: string[];
}
