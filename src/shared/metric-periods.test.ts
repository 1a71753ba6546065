import { describe, expect, it } from 'vitest';
import { parsePeriod, periodLabel } from './metric-periods.ts';

describe('parsePeriod', () => {
  it('reads academic years in the ways spreadsheets write them', () => {
    for (const t of ['2025-26', '2025/26', '2025–26', '2025 - 2026', '2025/2026', ' 2025 ', 'AY 2025-26']) expect(parsePeriod(t, 'academic_year')).toBe('2025');
    expect(parsePeriod('1999-00', 'academic_year')).toBe('1999');
  });
  it('refuses year spans that do not follow on, and other text', () => {
    for (const t of ['2025-27', '2025/2027', 'next year', '', '25-26', '2025-13']) expect(parsePeriod(t, 'academic_year')).toBeNull();
  });
  it('puts a date in the academic year that contains it, by the institution’s start month', () => {
    expect(parsePeriod('2026-03-15', 'academic_year')).toBe('2025');
    expect(parsePeriod('2026-09-01', 'academic_year')).toBe('2026');
    expect(parsePeriod('2026-08-15', 'academic_year', 9)).toBe('2025');
  });
  it('reads months as ISO, COUNTER’s Mmm-yyyy, names and MM/YYYY', () => {
    for (const t of ['2026-03', '2026-3', 'Mar-2026', 'mar-2026', 'March 2026', '03/2026', '3/2026', '2026-03-01']) expect(parsePeriod(t, 'month')).toBe('2026-03');
    for (const t of ['2026-13', '13/2026', 'Marc 2026', 'Mayo 2026', '2026', 'Smarch-2026']) expect(parsePeriod(t, 'month')).toBeNull();
    expect(parsePeriod('September 2025', 'month')).toBe('2025-09');
  });
});

describe('periodLabel', () => {
  it('labels years and months', () => {
    expect(periodLabel('2025', 'academic_year')).toBe('2025–26');
    expect(periodLabel('2026-03', 'month')).toBe('Mar 2026');
    expect(periodLabel('2025-12', 'month')).toBe('Dec 2025');
  });
});
