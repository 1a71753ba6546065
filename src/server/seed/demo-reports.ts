import { academicYearOf } from '../../shared/academic-year.ts';
import type { Executor } from '../db/types.ts';
import { newId } from '../lib/ids.ts';
import { fold } from '../lib/text.ts';

/*
 * The demo's annual reports (issue 7) for the academic year just ended: what six departments'
 * meetings with their heads raised, so the library-wide year ranks themes across departments, and
 * Computing's report written through, with next year's proposed actions. The figures are computed.
 */

interface Spec { code: string; discussedDaysAfterYearEnd: number; notes: string; themes: string[]; proposed?: string[]; introduction?: string }

const SPECS: Spec[] = [
  {
    code: 'COMP', discussedDaysAfterYearEnd: -20, themes: ['Research data management', 'AI literacy', 'Reading lists'],
    notes: 'Met the Head of School and the Director of Teaching. Embedded research skills in years 3 and 4 to continue; they asked for help with research data plans for the new doctoral training centre.',
    introduction: 'This was the year research skills became part of the School of Computing’s own teaching, co-designed with Dr Zoë Ångström and assessed in the third-year project.',
    proposed: ['Research data management sessions for the doctoral training centre', 'Extend embedded research skills to the MSc Data Science', 'Reading-list review with module convenors before Semester 1'],
  },
  { code: 'HIST', discussedDaysAfterYearEnd: -12, themes: ['Archive skills', 'Reading lists', 'Digitised collections'], notes: 'Archive induction valued; reading lists late for two modules.' },
  { code: 'MATH', discussedDaysAfterYearEnd: -30, themes: ['Research data management', 'Open access'], notes: 'Data deposit for the new grant; open-access costs.' },
  { code: 'NURS', discussedDaysAfterYearEnd: -25, themes: ['AI literacy', 'Placement access to resources'], notes: 'Students on placement cannot reach e-resources off site.' },
  { code: 'MKTG', discussedDaysAfterYearEnd: -18, themes: ['AI literacy', 'Reading lists'], notes: 'The AI literacy pilot to run again, with staff this time.' },
  { code: 'LAW', discussedDaysAfterYearEnd: -40, themes: ['Reading lists', 'Open access'], notes: 'Core texts in short supply; interest in open textbooks.' },
];

export async function seedDemoReports(c: { trx: Executor; institutionId: string; today: string; now: string; yearStartMonth: number; yearStartDay: number }) {
  const current = academicYearOf(c.today, c.yearStartMonth, c.yearStartDay);
  const year = current.year - 1;
  const yearEnd = `${current.start}`;
  const units = new Map((await c.trx.selectFrom('org_units').select(['id', 'code']).where('institution_id', '=', c.institutionId).execute()).map((u) => [u.code, u.id]));
  for (const s of SPECS) {
    const unitId = units.get(s.code);
    if (!unitId) continue;
    const id = newId();
    const discussed = new Date(Date.parse(`${yearEnd}T00:00:00Z`) + s.discussedDaysAfterYearEnd * 86_400_000).toISOString().slice(0, 10);
    await c.trx.insertInto('annual_reports').values({
      id, institution_id: c.institutionId, org_unit_id: unitId, year, introduction: s.introduction ?? null, conclusion: null,
      discussed_on: discussed, discussion_notes: s.notes, created_by: null, created_at: c.now, updated_at: c.now,
    }).execute();
    await c.trx.insertInto('report_themes').values(s.themes.map((t) => ({ report_id: id, institution_id: c.institutionId, theme: t, theme_key: fold(t) }))).execute();
    if (s.proposed?.length) {
      await c.trx.insertInto('report_proposed_actions').values(s.proposed.map((title, i) => ({ id: newId(), report_id: id, institution_id: c.institutionId, title, notes: null, sort_order: i }))).execute();
    }
  }
}
