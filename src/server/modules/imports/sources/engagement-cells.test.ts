import { describe, expect, it } from 'vitest';
import { parseCount, parseDuration, parseInitiator, parseWhen, splitEmails, splitList } from './engagement-cells.ts';

describe('parseWhen', () => {
  it('reads the spellings exports and spreadsheets use, with and without a time', () => {
    const cases: [string, string, string | null][] = [
      ['2026-03-04', '2026-03-04', null],
      ['2026/3/4', '2026-03-04', null],
      ['2026-03-04T10:30:00Z', '2026-03-04', '10:30'],
      ['2026-03-04 23:30:00+01:00', '2026-03-04', '23:30'],
      ['04/03/2026', '2026-03-04', null],
      ['4.3.26', '2026-03-04', null],
      ['04/03/2026 14:00', '2026-03-04', '14:00'],
      ['4 Mar 2026', '2026-03-04', null],
      ['4th March 2026', '2026-03-04', null],
      ['04-Mar-2026', '2026-03-04', null],
      ['Wednesday, 4 March 2026 2:15pm', '2026-03-04', '14:15'],
      ['Mar 4, 2026 10:00am', '2026-03-04', '10:00'],
      ['Sept 30 2025 12 am', '2025-09-30', '00:00'],
    ];
    for (const [text, date, time] of cases) expect(parseWhen(text), text).toEqual({ date, time });
  });

  it('reads numeric dates the UK way unless told the file is US ordered', () => {
    expect(parseWhen('03/04/2026')?.date).toBe('2026-04-03');
    expect(parseWhen('03/04/2026', 'mdy')?.date).toBe('2026-03-04');
    expect(parseWhen('13/04/2026', 'mdy')).toBeNull();
  });

  it('refuses impossible dates, guessed years and stray words', () => {
    for (const text of ['', '31/02/2026', '2026-13-01', '4 Mar', 'next tuesday', '10:00', '4 Marchy 2026', '04/03/2026 25:00', '2026-03-04 13:00pm']) {
      expect(parseWhen(text), text).toBeNull();
    }
  });
});

describe('parseDuration', () => {
  it('reads minutes, h:mm and hours in words', () => {
    const cases: [string, number][] = [['90', 90], ['45 mins', 45], ['1:30', 90], ['0:45:30', 46], ['1.5 hours', 90], ['2 hrs', 120], ['1h 30m', 90], ['1 hour and 15 minutes', 75], ['50.4', 50]];
    for (const [text, minutes] of cases) expect(parseDuration(text), text).toBe(minutes);
  });
  it('refuses what is not a duration', () => {
    for (const text of ['an hour', '-30', '1:75x', '1.5 days', 'ninety']) expect(parseDuration(text), text).toBeNull();
  });
});

describe('the other cells', () => {
  it('counts, lists, addresses and who initiated', () => {
    expect([parseCount('24'), parseCount('1,200'), parseCount('12.5'), parseCount('many')]).toEqual([24, 1200, null, null]);
    expect(splitList(' COMP; MATH ,COMP,, ')).toEqual(['COMP', 'MATH']);
    expect(splitEmails('Ada Lovelace <ada@uni.test>; bob@uni.test, BOB@uni.test carol@uni.test')).toEqual(['ada@uni.test', 'bob@uni.test', 'carol@uni.test']);
    expect([parseInitiator(''), parseInitiator('Library'), parseInitiator('Partner'), parseInitiator('department'), parseInitiator('maybe')]).toEqual(['library', 'library', 'partner', 'partner', null]);
  });
});
