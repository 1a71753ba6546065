import { describe, expect, it } from 'vitest';
import { academicYearStart } from './academic-year.ts';

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
