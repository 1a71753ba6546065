import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { invalid } from '../../http/errors.ts';
import { addressOf, excerptOf, isTimeZone, subjectOf, zonedInstant, type Captured } from './text.ts';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type Event = InstanceType<typeof ICAL.Event>;

/** Occurrences of one recurring meeting kept from the window: a daily stand-up does not flood the queue. */
export const MAX_OCCURRENCES = 200;
/** Meetings one file may add; the rest are counted as skipped. */
export const MAX_MEETINGS = 5000;
/** Recurrence steps walked per series before giving up: a daily series from 1990 stops here, not in an endless loop. */
const MAX_STEPS = 20_000;
/** Recurrence steps for the whole file: many long series cannot keep the server busy for long. */
const MAX_FILE_STEPS = 100_000;

export interface CalendarOptions {
  /** the uploader's own address (lower case): never a partner, and their "declined" skips the meeting */
  owner: string;
  /** only occurrences starting in [from, to] are kept */
  from: Date;
  to: Date;
  /** for times with no zone, or one the file does not define and IANA does not know */
  timeZone: string;
}

export interface CalendarResult { items: Captured[]; skipped: number }

/** The window the upload keeps: the last 12 months to a month ahead. */
export function calendarWindow(now: Date): { from: Date; to: Date } {
  const from = new Date(now);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  const to = new Date(now);
  to.setUTCMonth(to.getUTCMonth() + 1);
  return { from, to };
}

function parseRoots(text: string): Component[] {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (err) {
    throw invalid('file', `is not a readable iCalendar (.ics) file: ${err instanceof Error ? err.message : 'parse error'}`);
  }
  // several VCALENDAR blocks in one file parse to a list of them
  const list = (Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal : [jcal]) as unknown[];
  const roots = list.map((j) => new ICAL.Component(j as never));
  if (!roots.length || roots.some((r) => r.name !== 'vcalendar')) throw invalid('file', 'is not an iCalendar (.ics) file: it has no VCALENDAR');
  return roots;
}

/** Calendar times with a zone the file defines are exact; others are read in their IANA zone or the institution's. */
function instantOf(t: Time, comp: Component, prop: 'dtstart' | 'dtend', fallback: string): Date {
  const zone = t.zone;
  if (zone && zone !== ICAL.Timezone.localTimezone && zone.tzid !== 'floating') return t.toJSDate();
  const tzid = comp.getFirstProperty(prop)?.getParameter('tzid');
  const tz = typeof tzid === 'string' && isTimeZone(tzid) ? tzid : fallback;
  return zonedInstant(t, tz);
}

const param = (p: { getParameter(n: string): unknown }, name: string) => {
  const v = p.getParameter(name);
  return typeof v === 'string' ? v.toUpperCase() : null;
};

/** Organizer and attendees, minus the owner, rooms and resources and anyone who declined; and whether the owner declined. */
function partiesOf(comp: Component, owner: string) {
  const organizerProp = comp.getFirstProperty('organizer');
  const organizer = organizerProp ? addressOf(String(organizerProp.getFirstValue())) ?? addressOf(String(organizerProp.getParameter('email') ?? '')) : null;
  let ownerDeclined = false;
  const addresses = new Set<string>();
  for (const a of comp.getAllProperties('attendee')) {
    const address = addressOf(String(a.getFirstValue())) ?? addressOf(String(a.getParameter('email') ?? ''));
    if (!address) continue;
    const declined = param(a, 'partstat') === 'DECLINED';
    if (address === owner) {
      ownerDeclined ||= declined;
      continue;
    }
    const cutype = param(a, 'cutype');
    if (declined || cutype === 'ROOM' || cutype === 'RESOURCE') continue;
    addresses.add(address);
  }
  const from = organizer && organizer !== owner ? organizer : null;
  if (from) addresses.add(from);
  return { from, addresses: [...addresses].sort(), ownerDeclined };
}

function uidOf(comp: Component): string {
  const uid = comp.getFirstPropertyValue('uid');
  if (typeof uid === 'string' && uid.trim()) return uid.trim().slice(0, 400);
  // RFC 5545 requires a UID; without one, the event's own content is its identity
  const basis = [comp.getFirstPropertyValue('dtstart'), comp.getFirstPropertyValue('summary')].map(String).join('|');
  return `nouid-${createHash('sha256').update(basis).digest('hex').slice(0, 32)}`;
}

interface Occurrence { item: Event; start: Time; end: Time; key: string }

/** A calendar file's meetings in the window, with what was left out counted. Pure: no database, no clock. */
export function readCalendar(text: string, o: CalendarOptions): CalendarResult {
  const items: Captured[] = [];
  let skipped = 0;
  let budget = MAX_FILE_STEPS;

  const consider = ({ item, start, end, key }: Occurrence) => {
    const comp = item.component;
    const status = comp.getFirstPropertyValue('status');
    const startsAt = instantOf(start, comp, 'dtstart', o.timeZone);
    if (String(status).toUpperCase() === 'CANCELLED' || start.isDate || startsAt < o.from || startsAt > o.to) return void skipped++;
    const parties = partiesOf(comp, o.owner);
    // declined, or a block with nobody else in it ("Focus time"): nothing happened with a partner
    if (parties.ownerDeclined || !parties.addresses.length) return void skipped++;
    if (items.length >= MAX_MEETINGS) return void skipped++;
    const minutes = Math.round((instantOf(end, comp, 'dtend', o.timeZone).getTime() - startsAt.getTime()) / 60_000);
    items.push({
      kind: 'meeting', externalUid: key, subject: subjectOf(String(comp.getFirstPropertyValue('summary') ?? '')), startsAt,
      durationMinutes: Number.isFinite(minutes) ? Math.min(Math.max(minutes, 0), 1440) : null,
      excerpt: excerptOf(String(comp.getFirstPropertyValue('description') ?? '')), fromAddress: parties.from, addresses: parties.addresses,
    });
  };

  for (const root of parseRoots(text)) {
    // a file that only carries cancellations (METHOD:CANCEL) adds no meetings
    const cancelAll = String(root.getFirstPropertyValue('method') ?? '').toUpperCase() === 'CANCEL';
    const vevents = root.getAllSubcomponents('vevent');
    const masters = new Set(vevents.filter((v) => !v.hasProperty('recurrence-id')).map(uidOf));
    for (const vevent of vevents) {
      const uid = uidOf(vevent);
      // an exception is handled with its series; one whose series is missing stands alone
      if (vevent.hasProperty('recurrence-id') && masters.has(uid)) continue;
      if (cancelAll) {
        skipped++;
        continue;
      }
      // an event without a start (or one ical.js cannot read) is skipped, not a failed upload
      if (!vevent.hasProperty('dtstart')) {
        skipped++;
        continue;
      }
      const event = new ICAL.Event(vevent);
      if (!event.isRecurring()) {
        const key = event.isRecurrenceException() ? `${uid}#${event.recurrenceId.toJSDate().toISOString()}` : uid;
        consider({ item: event, start: event.startDate, end: event.endDate, key });
        continue;
      }
      if (event.startDate.isDate) {
        skipped++;
        continue;
      }
      const before = items.length + skipped;
      let kept = 0;
      const it = event.iterator();
      // the series' own times are in one zone: the cheap check skips the years before the window
      const early = o.from.getTime() - 2 * 86_400_000;
      for (let steps = 0, next = it.next(); next && steps < MAX_STEPS && budget > 0; steps++, budget--, next = it.next()) {
        if (next.toUnixTime() * 1000 < early && !next.zone?.tzid.includes('floating')) continue;
        const details = event.getOccurrenceDetails(next);
        const start = instantOf(details.startDate, details.item.component, 'dtstart', o.timeZone);
        if (start < o.from) continue;
        if (instantOf(next, vevent, 'dtstart', o.timeZone) > o.to && start > o.to) break;
        if (start > o.to) continue;
        if (kept >= MAX_OCCURRENCES) {
          skipped++;
          continue;
        }
        kept++;
        const recurrence = instantOf(details.recurrenceId, vevent, 'dtstart', o.timeZone).toISOString();
        consider({ item: details.item, start: details.startDate, end: details.endDate, key: `${uid}#${recurrence}` });
      }
      // a series with nothing in the window counts once, not once per occurrence
      if (items.length + skipped === before) skipped++;
    }
  }
  return { items, skipped };
}
