import { describe, expect, it } from 'vitest';
import { reportYearDue } from './due.ts';

const august = { academic_year_start_month: 8, academic_year_start_day: 1 };
const september = { academic_year_start_month: 9, academic_year_start_day: 15 };

describe('the annual report due window', () => {
  it('opens two months before the year ends and closes four months after, for a year starting 1 August', () => {
    expect(reportYearDue(august, '2026-05-31')).toBeNull();
    expect(reportYearDue(august, '2026-06-01')).toMatchObject({ year: 2025, label: '2025–26', end: '2026-07-31', dueBy: '2026-11-30' });
    expect(reportYearDue(august, '2026-08-15')).toMatchObject({ year: 2025 });
    expect(reportYearDue(august, '2026-11-30')).toMatchObject({ year: 2025 });
    expect(reportYearDue(august, '2026-12-01')).toBeNull();
  });

  it('follows the institution’s own start of year', () => {
    // the year 15 September 2025 – 14 September 2026
    expect(reportYearDue(september, '2026-07-15')).toBeNull();
    expect(reportYearDue(september, '2026-07-16')).toMatchObject({ year: 2025, end: '2026-09-14', dueBy: '2027-01-14' });
    expect(reportYearDue(september, '2027-01-15')).toBeNull();
  });
});
