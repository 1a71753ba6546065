import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/academic-year.ts';
import { alignmentOf, CLOSING_SOON_DAYS, coldnessOf, priorityOf, urgencyOf, type ColdInput } from './rules.ts';

const today = '2026-03-15';
const inDays = (n: number) => addDays(today, n);

describe('alignmentOf', () => {
  it('counts both strategies most, either one next, neither least', () => {
    expect(alignmentOf(['library', 'institution'])).toEqual({ alignment: 2, reason: 'Aligned to both library and institutional strategy' });
    expect(alignmentOf(['institution', 'library', 'library'])).toEqual({ alignment: 2, reason: 'Aligned to both library and institutional strategy' });
    expect(alignmentOf(['institution'])).toEqual({ alignment: 1.5, reason: "Aligned to the institution's strategy" });
    expect(alignmentOf(['library', 'library'])).toEqual({ alignment: 1.5, reason: "Aligned to the library's strategy" });
    expect(alignmentOf([])).toEqual({ alignment: 1, reason: 'Not yet aligned to a strategic goal' });
  });
});

describe('urgencyOf', () => {
  it('has no urgency beyond the ordinary without a closing date', () => {
    expect(urgencyOf(null, today)).toEqual({ urgency: 1, reason: 'No closing date' });
  });

  it('bands by the days left, each edge on its own side', () => {
    const band = (n: number) => urgencyOf(inDays(n), today);
    expect(CLOSING_SOON_DAYS).toBe(7);
    expect(band(0)).toEqual({ urgency: 3, reason: 'Closes today' });
    expect(band(1)).toEqual({ urgency: 3, reason: 'Closes in 1 day' });
    expect(band(7)).toEqual({ urgency: 3, reason: 'Closes in 7 days' });
    expect(band(8)).toEqual({ urgency: 2, reason: 'Closes in 8 days' });
    expect(band(30)).toEqual({ urgency: 2, reason: 'Closes in 30 days' });
    expect(band(31)).toEqual({ urgency: 1.5, reason: 'Closes in 31 days' });
    expect(band(90)).toEqual({ urgency: 1.5, reason: 'Closes in 90 days' });
    expect(band(91)).toEqual({ urgency: 1, reason: 'Closes in 91 days' });
    expect(band(400)).toEqual({ urgency: 1, reason: 'Closes in 400 days' });
  });

  it('drops below ordinary once the window has closed', () => {
    expect(urgencyOf('2026-03-14', today)).toEqual({ urgency: 0.5, reason: 'The window closed on 2026-03-14' });
    expect(urgencyOf('2025-01-01', today).urgency).toBe(0.5);
  });
});

describe('priorityOf', () => {
  const base = { value: 3, effort: 3, windowClosesOn: null, goalOwners: [], today } as const;

  it('is value × alignment × urgency ÷ effort, with every part shown', () => {
    expect(priorityOf({ ...base, value: 5, effort: 2, windowClosesOn: inDays(10), goalOwners: ['library', 'institution'] })).toEqual({
      score: 10, value: 5, effort: 2, alignment: 2, alignmentReason: 'Aligned to both library and institutional strategy',
      urgency: 2, urgencyReason: 'Closes in 10 days',
    });
    expect(priorityOf({ ...base, value: 4, effort: 1, windowClosesOn: inDays(3), goalOwners: ['institution'] }).score).toBe(18);
    expect(priorityOf(base).score).toBe(1);
    expect(priorityOf({ ...base, value: 1, effort: 5, windowClosesOn: inDays(-1) }).score).toBe(0.1);
  });

  it('rounds to two decimals, halves up', () => {
    expect(priorityOf({ ...base, value: 1, effort: 3 }).score).toBe(0.33);
    expect(priorityOf({ ...base, value: 2, effort: 3 }).score).toBe(0.67);
    // 1 × 1 × 0.5 ÷ 4 = 0.125
    expect(priorityOf({ ...base, value: 1, effort: 4, windowClosesOn: inDays(-3) }).score).toBe(0.13);
    // 5 × 1.5 × 1.5 ÷ 3 = 3.75 exactly
    expect(priorityOf({ ...base, value: 5, effort: 3, windowClosesOn: inDays(60), goalOwners: ['library'] }).score).toBe(3.75);
  });
});

describe('coldnessOf', () => {
  const base: ColdInput = { stage: 'approached', lastActivityOn: today, windowClosesOn: null, today, coldDays: 14 };

  it('goes quiet at coldDays without an engagement or stage change, not a day before', () => {
    expect(coldnessOf({ ...base, lastActivityOn: inDays(-13) })).toEqual({ quiet: null, closing: null });
    expect(coldnessOf({ ...base, lastActivityOn: inDays(-14) })).toEqual({
      quiet: { days: 14, reason: 'No engagement or stage change for 14 days (since 2026-03-01)' }, closing: null,
    });
    expect(coldnessOf({ ...base, lastActivityOn: inDays(-30) }).quiet?.days).toBe(30);
  });

  it('follows the institution setting', () => {
    expect(coldnessOf({ ...base, lastActivityOn: inDays(-4), coldDays: 5 }).quiet).toBeNull();
    expect(coldnessOf({ ...base, lastActivityOn: inDays(-5), coldDays: 5 }).quiet?.days).toBe(5);
    expect(coldnessOf({ ...base, lastActivityOn: inDays(-1), coldDays: 1 }).quiet).toEqual({ days: 1, reason: 'No engagement or stage change for 1 day (since 2026-03-14)' });
  });

  it('is closing within 7 days of the window, today included, and not once it has closed', () => {
    const closing = (n: number) => coldnessOf({ ...base, windowClosesOn: inDays(n) }).closing;
    expect(closing(0)).toEqual({ days: 0, reason: 'The window closes today (2026-03-15)' });
    expect(closing(7)).toEqual({ days: 7, reason: 'The window closes on 2026-03-22, in 7 days' });
    expect(closing(1)?.reason).toBe('The window closes on 2026-03-16, in 1 day');
    expect(closing(8)).toBeNull();
    expect(closing(-1)).toBeNull();
  });

  it('can be both quiet and closing', () => {
    const c = coldnessOf({ ...base, lastActivityOn: inDays(-20), windowClosesOn: inDays(2) });
    expect([c.quiet?.days, c.closing?.days]).toEqual([20, 2]);
  });

  it('never for an opportunity embedded, declined or lapsed; always possible while it is worked', () => {
    const stale = { ...base, lastActivityOn: inDays(-100), windowClosesOn: inDays(1) };
    for (const stage of ['embedded', 'declined', 'lapsed'] as const) expect(coldnessOf({ ...stale, stage }), stage).toEqual({ quiet: null, closing: null });
    for (const stage of ['spotted', 'hook_found', 'approached', 'piloting'] as const) {
      const c = coldnessOf({ ...stale, stage });
      expect([c.quiet?.days, c.closing?.days], stage).toEqual([100, 1]);
    }
  });
});
