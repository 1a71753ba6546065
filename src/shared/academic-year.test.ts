import { describe, expect, it } from 'vitest';
import { academicYearOf, academicYearStart, academicYearStarting, addDays, daysBetween } from './academic-year.ts';

describe('academicYearStart', () => {
  it('defaults to 1 August and includes the start day', () => {
    expect(academicYearStart('2026-07-31')).toBe('2025-08-01');
    expect(academicYearStart('2026-08-01')).toBe('2026-08-01');
    expect(academicYearStart('2027-01-15')).toBe('2026-08-01');
  });
  it("follows an institution's own start", () => {
    expect(academicYearStart('2026-09-14', 9, 15)).toBe('2025-09-15');
    expect(academicYearStart('2026-09-15', 9, 15)).toBe('2026-09-15');
    expect(academicYearStart('2026-03-01', 1, 1)).toBe('2026-01-01');
  });
});

describe('academic years as ranges', () => {
  it('runs from the start day to the day before the next start, labelled by both years', () => {
    expect(academicYearStarting(2025)).toEqual({ start: '2025-08-01', end: '2026-07-31', label: '2025–26', year: 2025 });
    expect(academicYearStarting(1999, 9, 1)).toEqual({ start: '1999-09-01', end: '2000-08-31', label: '1999–00', year: 1999 });
  });
  it('ends on 28 or 29 February when the year starts on 1 March, leap years included', () => {
    expect(academicYearStarting(2023, 3, 1).end).toBe('2024-02-29');
    expect(academicYearStarting(2024, 3, 1).end).toBe('2025-02-28');
  });
  it('finds the year containing a date on either side of the start', () => {
    expect(academicYearOf('2026-07-31').label).toBe('2025–26');
    expect(academicYearOf('2026-08-01').label).toBe('2026–27');
  });
  it('adds days across month, year and leap-day boundaries and counts them back', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -365)).toBe('2025-03-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-03-29', '2026-03-30')).toBe(1); // the UK clocks change that night; dates do not care
  });
});
