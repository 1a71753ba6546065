import { coverageGaps, departments, faculties, researchCover, subjectCover, teachingCover } from './demo-data.ts';
import type { PlanCoverage } from './demo-plan.ts';
import { addDays, type Rng } from './demo-random.ts';

/*
 * A hybrid structure (the talk's Lancaster model): faculty and subject librarians
 * give every department subject liaison; functional teams cover teaching and
 * learning, research support and open research. Two gaps are left on purpose,
 * open research rests on one person for most faculties (a single point of
 * failure), and one department changed hands during the three years.
 */
export function buildCoverage(rng: Rng, firstYearStart: string): PlanCoverage[] {
  const rows: PlanCoverage[] = [];
  const since = () => addDays(firstYearStart, -rng.int(200, 2500));
  const add = (staff: string, unit: string, fn: string, start: string | null = since(), end: string | null = null) => rows.push({ staff, unit, fn, start, end });
  const isGap = (unit: string, fn: string) => coverageGaps.some((g) => g.code === unit && g.fn === fn);

  for (const f of faculties) add(subjectCover[f.code]?.lead ?? 'manager', f.code, 'subject_liaison');
  for (const d of departments) {
    const faculty = d.parent ?? '';
    const cover = subjectCover[faculty];
    if (d.code === 'LAW') {
      // handed over from the faculty librarian to the new subject librarian in the first year
      const handover = addDays(firstYearStart, rng.int(60, 300));
      add(cover?.lead ?? 'manager', d.code, 'subject_liaison', since(), addDays(handover, -1));
      add(cover?.second?.staff ?? 'manager', d.code, 'subject_liaison', handover);
    } else {
      add(cover?.lead ?? 'manager', d.code, 'subject_liaison');
      if (cover?.second?.departments.includes(d.code)) add(cover.second.staff, d.code, 'subject_liaison');
    }
    if (!isGap(d.code, 'teaching_learning')) add(teachingCover[faculty] ?? 'ld_lead', d.code, 'teaching_learning');
    if (!isGap(d.code, 'research_support')) add(researchCover[faculty] ?? 'research', d.code, 'research_support');
    add(faculty === 'FHM' ? 'scholcomm' : 'open', d.code, 'open_research');
  }
  add('fse', 'DSI', 'subject_liaison');
  add('rdm', 'DSI', 'research_support');
  add('fass', 'CCC', 'subject_liaison');
  add('research', 'CCC', 'research_support');
  add('open', 'RES', 'open_research');
  add('research_manager', 'RES', 'research_support');
  add('manager', 'REG', 'subject_liaison');
  add('ld_lead', 'CTE', 'teaching_learning');
  add('ld_skills', 'CAREERS', 'teaching_learning');
  add('ld_lead', 'WP', 'teaching_learning');
  add('fse', 'CSSOC', 'subject_liaison');
  add('fass2', 'LAWSOC', 'subject_liaison');
  add('ld_skills', 'MATSOC', 'teaching_learning');
  return rows;
}
