import { academicYearOf, academicYearStarting, addDays } from '../../../shared/academic-year.ts';
import type { Executor, InstitutionTable } from '../../db/types.ts';

/**
 * When a department's annual report is due: from two months before its academic year ends (the
 * figures are nearly in and the meeting with the head of department can be booked) until the end of
 * the next autumn term, four months after. It stops being due once the discussion is recorded.
 */
export const REPORT_DUE_LEAD_DAYS = 61;
export const REPORT_DUE_GRACE_DAYS = 122;

export interface DueReport {
  orgUnitId: string;
  name: string;
  /** the academic year's starting calendar year */
  year: number;
  yearLabel: string;
  dueBy: string;
  /** words have been written (an introduction or conclusion), but the discussion is not yet recorded */
  drafted: boolean;
}

/** The academic year whose report is due on `today`, or null between windows. */
export function reportYearDue(inst: Pick<InstitutionTable, 'academic_year_start_month' | 'academic_year_start_day'>, today: string) {
  const [m, d] = [inst.academic_year_start_month, inst.academic_year_start_day];
  // the year that will have ended by the lead's end: the year before the one `today + lead` falls in
  const y = academicYearStarting(academicYearOf(addDays(today, REPORT_DUE_LEAD_DAYS), m, d).year - 1, m, d);
  const dueBy = addDays(y.end, REPORT_DUE_GRACE_DAYS);
  return today <= dueBy ? { ...y, dueBy } : null;
}

/** The departments (of those given, active) whose report for the year in view has no discussion recorded. */
export async function dueReports(db: Executor, inst: InstitutionTable, today: string, departments: { id: string; name: string }[]): Promise<DueReport[]> {
  const y = reportYearDue(inst, today);
  if (!y || !departments.length) return [];
  const rows = await db.selectFrom('annual_reports').select(['org_unit_id', 'discussed_on', 'introduction', 'conclusion'])
    .where('institution_id', '=', inst.id).where('year', '=', y.year).where('org_unit_id', 'in', departments.map((u) => u.id))
    .execute();
  const byUnit = new Map(rows.map((r) => [r.org_unit_id, r]));
  return departments.filter((u) => !byUnit.get(u.id)?.discussed_on).map((u) => {
    const r = byUnit.get(u.id);
    // a row made only to share the report, or to record themes, is not yet a draft (the report list's rule)
    return { orgUnitId: u.id, name: u.name, year: y.year, yearLabel: y.label, dueBy: y.dueBy, drafted: Boolean(r?.introduction ?? r?.conclusion) };
  });
}
