import { describe, expect, it } from 'vitest';
import { calendarWindow, MAX_OCCURRENCES, readCalendar } from './ics.ts';
import { excerptOf, zonedInstant } from './text.ts';

const owner = 'me@library.example.ac.uk';
const window = calendarWindow(new Date('2026-11-20T12:00:00Z'));
const cal = (...events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR'].join('\r\n');
const event = (lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20261101T000000Z', ...lines, 'END:VEVENT'].join('\r\n');
const partner = 'ATTENDEE;PARTSTAT=ACCEPTED:mailto:partner@uni.example.ac.uk';
const read = (text: string, timeZone = 'Europe/London') => readCalendar(text, { owner, ...window, timeZone });

describe('readCalendar', () => {
  it('reads floating times and zones the file does not define in the right zone', () => {
    const r = read(cal(
      event(['UID:floating', 'DTSTART:20260701T100000', 'DTEND:20260701T110000', 'SUMMARY:Floating', partner]),
      event(['UID:iana', 'DTSTART;TZID=America/New_York:20260701T100000', 'DTEND;TZID=America/New_York:20260701T103000', 'SUMMARY:IANA', partner]),
    ));
    expect(r.items.map((i) => [i.externalUid, i.startsAt?.toISOString(), i.durationMinutes])).toEqual([
      ['floating', '2026-07-01T09:00:00.000Z', 60],
      ['iana', '2026-07-01T14:00:00.000Z', 30],
    ]);
  });

  it('keeps at most MAX_OCCURRENCES of a series and walks a long-running one without end', () => {
    const r = read(cal(event(['UID:daily', 'DTSTART:20000103T090000Z', 'DTEND:20000103T091500Z', 'RRULE:FREQ=DAILY', 'SUMMARY:Stand-up', partner])));
    expect(r.items).toHaveLength(MAX_OCCURRENCES);
    expect(r.items[0]?.startsAt?.toISOString()).toBe('2025-11-21T09:00:00.000Z');
    expect(r.skipped).toBeGreaterThan(150);
    expect(new Set(r.items.map((i) => i.externalUid)).size).toBe(MAX_OCCURRENCES);
  });

  it('skips a cancellation notice, a series outside the window once, and keeps an exception whose series is missing', () => {
    expect(read(cal('METHOD:CANCEL', event(['UID:c', 'DTSTART:20260701T100000Z', 'SUMMARY:Off', partner]))).items).toEqual([]);
    const r = read(cal(
      event(['UID:old', 'DTSTART:20200101T100000Z', 'RRULE:FREQ=WEEKLY;COUNT=10', 'SUMMARY:Old series', partner]),
      event(['UID:orphan', 'RECURRENCE-ID:20260801T100000Z', 'DTSTART:20260802T100000Z', 'DTEND:20260802T110000Z', 'SUMMARY:Moved', partner]),
    ));
    expect(r.skipped).toBe(1);
    expect(r.items.map((i) => i.externalUid)).toEqual(['orphan#2026-08-01T10:00:00.000Z']);
  });

  it('leaves out the owner, rooms and those who declined, and names the file when it is not a calendar', () => {
    const r = read(cal(event(['UID:m', 'DTSTART:20260701T100000Z', 'SUMMARY:M', `ORGANIZER:mailto:${owner.toUpperCase()}`, partner,
      'ATTENDEE;PARTSTAT=DECLINED:mailto:no@uni.example.ac.uk', 'ATTENDEE;CUTYPE=ROOM:mailto:room@uni.example.ac.uk'])));
    expect(r.items[0]).toMatchObject({ fromAddress: null, addresses: ['partner@uni.example.ac.uk'] });
    expect(() => read('BEGIN:VCARD\r\nEND:VCARD')).toThrow(/file: /);
  });
});

describe('text helpers', () => {
  it('finds the instant of a wall-clock time across a daylight-saving change', () => {
    expect(zonedInstant({ year: 2026, month: 3, day: 29, hour: 3, minute: 0, second: 0 }, 'Europe/London').toISOString()).toBe('2026-03-29T02:00:00.000Z');
    expect(zonedInstant({ year: 2026, month: 10, day: 25, hour: 0, minute: 30, second: 0 }, 'Europe/London').toISOString()).toBe('2026-10-24T23:30:00.000Z');
  });

  it('bounds an excerpt and strips HTML', () => {
    expect(excerptOf('<p>Fish &amp; chips</p><script>alert(1)</script>')).toBe('Fish & chips');
    expect(excerptOf('x'.repeat(5000))?.length).toBe(1000);
    expect(excerptOf('   ')).toBeNull();
  });
});
