import { addDays } from '../../shared/academic-year.ts';
import type { Executor, ImpactEvaluationTable } from '../db/types.ts';
import { newId } from '../lib/ids.ts';
import { demoMetricSpecs } from './demo-metrics.ts';

/*
 * The demo's impact evaluations (issue 6), in Worcester's template: the School of Computing's embedded
 * research skills, complete, told from the examiner's critical report to the examiner noticing the change;
 * and Marketing's AI literacy pilot, in progress. They link the engagements, departments and goals the
 * earlier seeders made, and whatever evidence and metrics are already there when this runs (found by a
 * query, so the evaluations seed with or without them).
 */

export interface DemoImpactContext {
  trx: Executor;
  institutionId: string;
  /** the institution's today, 'YYYY-MM-DD' */
  today: string;
  /** ISO timestamp for created_at and updated_at */
  now: string;
}

interface Spec {
  row: Omit<ImpactEvaluationTable, 'id' | 'institution_id' | 'created_by' | 'created_at' | 'updated_at'>;
  objectives: string[];
  communications: { audience: string; communicated_on: string | null; how: string }[];
  unitIds: string[];
  goalIds: string[];
  engagementIds: string[];
  evidenceIds: string[];
  metricIds: string[];
}

const METRICS = { nss: demoMetricSpecs.nss.name, sessions: demoMetricSpecs.sessions.name, loans: demoMetricSpecs.loans.name };

export async function seedDemoImpact(c: DemoImpactContext): Promise<{ evaluations: number }> {
  const { trx, institutionId: inst, today } = c;
  const unit = async (code: string) => (await trx.selectFrom('org_units').select('id').where('institution_id', '=', inst).where('code', '=', code).executeTakeFirst())?.id;
  const goalIds = async (titles: string[]) =>
    (await trx.selectFrom('goals').select('id').where('institution_id', '=', inst).where('title', 'in', titles).execute()).map((g) => g.id);
  const metricIds = async (names: string[]) =>
    (await trx.selectFrom('metric_definitions').select('id').where('institution_id', '=', inst).where('name', 'in', names).orderBy('name').execute()).map((m) => m.id);
  /** Evidence about the unit or one of these engagements, oldest first. */
  const evidenceFor = async (unitId: string, engagementIds: string[], limit: number) => {
    const rows = await trx.selectFrom('evidence as v').select(['v.id', 'v.occurred_on']).where('v.institution_id', '=', inst)
      .where((eb) => eb.or([
        eb('v.id', 'in', eb.selectFrom('evidence_org_units').select('evidence_id').where('org_unit_id', '=', unitId)),
        ...(engagementIds.length ? [eb('v.id', 'in', eb.selectFrom('evidence_engagements').select('evidence_id').where('engagement_id', 'in', engagementIds))] : []),
      ]))
      .orderBy('v.occurred_on').orderBy('v.id').limit(limit).execute();
    return rows.map((r) => r.id);
  };
  const author = (await trx.selectFrom('users').select('id').where('institution_id', '=', inst).where('email', '=', 'librarian@northmoor.example').executeTakeFirst())?.id ?? null;

  const specs: Spec[] = [];
  const comp = await unit('COMP');
  if (comp) {
    const milestones = await trx.selectFrom('engagements').select(['id', 'milestone', 'occurred_on']).where('institution_id', '=', inst).where('milestone', 'is not', null).execute();
    const at = (m: string) => milestones.find((e) => e.milestone === m);
    const report = at('External examiner’s critical report');
    const noticed = at('The examiner notices better-referenced dissertations');
    const teaching = await trx.selectFrom('engagements as e').innerJoin('engagement_org_units as u', 'u.engagement_id', 'e.id').innerJoin('vocab_terms as t', 't.id', 'e.type_id')
      .select(['e.id', 'e.occurred_on']).where('e.institution_id', '=', inst).where('u.org_unit_id', '=', comp).where('t.key', '=', 'teaching_session')
      // the story's embedded sessions, not the school's other teaching
      .where('e.summary', 'like', 'Embedded session in %, co-taught with %').where('e.occurred_on', '<=', today).orderBy('e.occurred_on').execute();
    const engagementIds = [...new Set([report?.id, ...teaching.map((t) => t.id), noticed?.id].filter((id): id is string => !!id))];
    const after = (d: string | undefined, days: number) => (d ? (addDays(d, days) < today ? addDays(d, days) : today) : null);
    specs.push({
      row: {
        initiative: 'Research skills embedded in the School of Computing dissertations',
        aims: 'Answer the external examiner’s report: final-year and fourth-year students who search, evaluate and reference sources well, and dissertations that show it.',
        success_criteria: 'The next examiner’s report no longer singles out research methods, searching or referencing; the module teams keep the sessions in their modules.',
        impact_indicators: 'The external examiner’s comments; convenors’ marking of sources and referencing; attendance at the embedded sessions; students’ comments afterwards.',
        what_we_did: 'Joined the school’s curriculum review with Dr Zoë Ångström, mapped research skills across years 1 to 4, and co-taught embedded sessions in COMP350, COMP390 and COMP401, timed with the proposal and write-up deadlines.',
        what_we_learned: 'Students wanted help at the proposal stage, not at submission; a session taught with the convenor was attended far better than an optional one from the library alone.',
        how_we_acted: 'Moved the first session to the week the proposals are set, added a write-up session on citing software and datasets, and ran each session a second time the following term.',
        how_we_measured: 'Compared this year’s external examiner’s report with last year’s, sampled dissertations with the convenors for the quality of sources and referencing, and counted attendance.',
        short_term_outcomes: 'Between 80 and 94 students at each embedded session; the examiner called the dissertations “markedly better referenced and better argued”.',
        long_term_outcomes: 'Library-led sessions are written into the learning outcomes of three modules, so they outlast any one convenor or librarian.',
        status: 'complete',
      },
      objectives: [
        'Teach literature searching inside the dissertation module (COMP390)',
        'Teach structuring a literature review in Research Methods (COMP350)',
        'Teach referencing and citing software and datasets before the write-up',
        'Write the sessions into the modules’ learning outcomes',
      ],
      communications: [
        { audience: 'Gwen Harrow, Head of School', communicated_on: after(noticed?.occurred_on, 14), how: 'Summary and the examiner’s comments at the annual liaison meeting' },
        { audience: 'School of Computing Learning and Teaching Committee', communicated_on: after(noticed?.occurred_on, 30), how: 'A one-page paper with attendance figures and students’ comments' },
        { audience: 'Library staff', communicated_on: null, how: 'A case study for the library’s annual report' },
      ],
      unitIds: [comp],
      goalIds: await goalIds(['Embed information and digital literacy in the curriculum', 'Embed employability and digital skills in every programme']),
      engagementIds,
      evidenceIds: await evidenceFor(comp, engagementIds, 4),
      metricIds: await metricIds([METRICS.nss, METRICS.sessions, METRICS.loans]),
    });
  }
  const mktg = await unit('MKTG');
  if (mktg) {
    const recent = await trx.selectFrom('engagement_org_units').select('engagement_id').where('org_unit_id', '=', mktg).where('occurred_on', '<=', today)
      .orderBy('occurred_on', 'desc').limit(2).execute();
    const engagementIds = recent.map((r) => r.engagement_id).reverse();
    specs.push({
      row: {
        initiative: 'AI literacy pilot with Marketing',
        aims: 'Students in MKTG201 use generative AI critically: knowing what it is good for, checking what it says, and saying how they used it.',
        success_criteria: 'The module team asks to keep the workshop; students’ assessed work acknowledges AI use in the way the brief asks.',
        impact_indicators: 'A short survey after the workshop; the module team’s view of the first assessments; questions to the library about AI tools.',
        what_we_did: 'One workshop in MKTG201, designed with the module team before the assessment briefs were written.',
        what_we_learned: null,
        how_we_acted: null,
        how_we_measured: 'A three-question survey at the end of the workshop, and a review of the first assessments with the module team.',
        short_term_outcomes: null,
        long_term_outcomes: null,
        status: 'in_progress',
      },
      objectives: ['Run one workshop in MKTG201', 'Agree with the module team how students acknowledge AI use', 'Decide with the team whether to extend it to other modules'],
      communications: [{ audience: 'MKTG201 module team', communicated_on: null, how: 'Review meeting after the first assessments' }],
      unitIds: [mktg],
      goalIds: await goalIds(['Embed employability and digital skills in every programme', 'Embed information and digital literacy in the curriculum']),
      engagementIds,
      evidenceIds: await evidenceFor(mktg, engagementIds, 2),
      metricIds: await metricIds([METRICS.nss, METRICS.sessions]),
    });
  }

  for (const s of specs) {
    const id = newId();
    await trx.insertInto('impact_evaluations').values({ id, institution_id: inst, ...s.row, created_by: author, created_at: c.now, updated_at: c.now }).execute();
    const link = { evaluation_id: id, institution_id: inst };
    if (s.objectives.length) await trx.insertInto('impact_objectives').values(s.objectives.map((text, i) => ({ id: newId(), ...link, text, sort_order: i }))).execute();
    if (s.communications.length) await trx.insertInto('impact_communications').values(s.communications.map((x, i) => ({ id: newId(), ...link, ...x, sort_order: i }))).execute();
    if (s.unitIds.length) await trx.insertInto('impact_evaluation_org_units').values(s.unitIds.map((org_unit_id) => ({ ...link, org_unit_id }))).execute();
    if (s.goalIds.length) await trx.insertInto('impact_evaluation_goals').values(s.goalIds.map((goal_id) => ({ ...link, goal_id }))).execute();
    if (s.engagementIds.length) await trx.insertInto('impact_evaluation_engagements').values(s.engagementIds.map((engagement_id) => ({ ...link, engagement_id }))).execute();
    if (s.evidenceIds.length) await trx.insertInto('impact_evaluation_evidence').values(s.evidenceIds.map((evidence_id) => ({ ...link, evidence_id }))).execute();
    if (s.metricIds.length) await trx.insertInto('impact_evaluation_metrics').values(s.metricIds.map((metric_id) => ({ ...link, metric_id }))).execute();
  }
  return { evaluations: specs.length };
}
