import { academicYearOf, addDays } from '../../shared/academic-year.ts';
import type { Executor, GoalTable, OpportunityTable, PlanActionTable } from '../db/types.ts';
import { newId } from '../lib/ids.ts';

/*
 * The planning side of the demo university (issue 5), laid over the engagements already seeded:
 * the institution's goals beside the library's six, objectives, opportunities at every stage (the
 * School of Computing's story among them), action plans for this year and last with one action
 * carried forward, and a service-wide campaign. Dates are relative to today so the demo stays fresh.
 */

interface Ctx {
  trx: Executor;
  institutionId: string;
  today: string;
  now: string;
  yearStartMonth: number;
  yearStartDay: number;
}

const stamp = (now: string) => ({ created_at: now, updated_at: now });

async function idsBy<T extends 'org_units' | 'users' | 'people'>(c: Ctx, table: T, column: 'code' | 'email', values: string[]): Promise<Map<string, string>> {
  const rows = await c.trx.selectFrom(table as 'org_units').select(['id', `${column as 'code'} as key`]).where('institution_id', '=', c.institutionId)
    .where(column as 'code', 'in', values).execute();
  const map = new Map(rows.map((r) => [r.key ?? '', r.id]));
  for (const v of values) if (!map.has(v)) throw new Error(`demo planning: no ${table} with ${column} ${v}`);
  return map;
}
const need = (m: Map<string, string>, k: string) => m.get(k) ?? '';

async function seedGoals(c: Ctx): Promise<Record<string, string>> {
  const library = await c.trx.selectFrom('goals').select(['id', 'title']).where('institution_id', '=', c.institutionId).where('parent_id', 'is', null).execute();
  const libraryId = (title: string) => library.find((g) => g.title === title)?.id ?? '';
  const rows: GoalTable[] = [];
  const ids: Record<string, string> = {};
  const goal = (key: string, owner: GoalTable['owner'], title: string, parent: string | null, sort: number, description: string | null = null) => {
    const id = newId();
    ids[key] = id;
    rows.push({ id, institution_id: c.institutionId, parent_id: parent, owner, title, description, sort_order: sort, active: 1, ...stamp(c.now) });
    return id;
  };
  const student = goal('student', 'institution', 'An outstanding student experience', null, 100, 'University Strategy 2030, theme 1');
  goal('nss', 'institution', 'Raise NSS learning resources scores above the sector average', student, 10);
  goal('employability', 'institution', 'Embed employability and digital skills in every programme', student, 20);
  const research = goal('research', 'institution', 'Research with impact', null, 110, 'University Strategy 2030, theme 2');
  goal('open', 'institution', 'Open research by default', research, 10);
  goal('literacy', 'library', 'Embed information and digital literacy in the curriculum', libraryId('Skills'), 10);
  goal('champions', 'library', 'A library champion in every school', libraryId('Relations'), 10);
  goal('known', 'library', 'Every department knows who its librarian is', libraryId('Visibility'), 10);
  ids.skills = libraryId('Skills');
  ids.relations = libraryId('Relations');
  ids.researchKnowledge = libraryId('Research & Knowledge');
  await c.trx.insertInto('goals').values(rows).execute();
  return ids;
}

/** The engagements of the story by their milestone, and the latest engagement with some units. */
async function engagementsFor(c: Ctx) {
  const milestones = await c.trx.selectFrom('engagements').select(['id', 'milestone', 'occurred_on']).where('institution_id', '=', c.institutionId)
    .where('milestone', 'is not', null).execute();
  const byMilestone = (m: string) => milestones.find((e) => e.milestone === m);
  const latestWith = async (unitId: string) => c.trx.selectFrom('engagement_org_units').select(['engagement_id', 'occurred_on'])
    .where('org_unit_id', '=', unitId).where('occurred_on', '<=', c.today).orderBy('occurred_on', 'desc').limit(1).executeTakeFirst();
  return { byMilestone, latestWith };
}

export async function seedDemoPlanning(c: Ctx): Promise<void> {
  const goals = await seedGoals(c);
  const units = await idsBy(c, 'org_units', 'code', ['COMP', 'HIST', 'LAW', 'PSYC', 'ENGR', 'MKTG', 'CHEM', 'NURS', 'FSE', 'MATH', 'PHYS', 'ENVS', 'GEOG']);
  const staff = await idsBy(c, 'users', 'email', [
    'librarian@northmoor.example', 'owen.pritchard@northmoor.example', 'marcus.bell@northmoor.example', 'ravi.patel@northmoor.example', 'sian.hughes@northmoor.example',
    'manager@northmoor.example',
  ]);
  const people = await idsBy(c, 'people', 'email', [
    'zoe.angstrom@northmoor.example', 'gwen.harrow@northmoor.example', 'siobhan.obriain@northmoor.example', 'jose.nunez@northmoor.example', 'patrick.oyelaran@northmoor.example',
  ]);
  const eng = await engagementsFor(c);
  const report = eng.byMilestone('External examiner’s critical report');
  const firstTeaching = eng.byMilestone('First embedded teaching session');
  const eleanor = need(staff, 'librarian@northmoor.example');
  const { today, trx, institutionId: inst } = c;

  // opportunities: one per stage and kind, so the board, triage and nudges all have something to show
  type Spec = Partial<OpportunityTable> & Pick<OpportunityTable, 'title' | 'trigger_kind' | 'stage' | 'value' | 'effort'> & {
    units: string[]; people?: string[]; goals?: string[]; engagements?: string[]; changedDaysAgo: number;
  };
  const specs: Spec[] = [
    {
      title: 'Research skills embedded in the School of Computing dissertations', trigger_kind: 'external_examiner', stage: 'embedded', value: 5, effort: 3,
      trigger_text: 'The external examiner called the dissertations’ research methods, searching and referencing “disappointing”.', trigger_engagement_id: report?.id ?? null,
      hook: 'Answer the examiner: better-referenced, better-argued dissertations next year.', owner_id: eleanor, is_pilot: 0,
      east_easy: 'One 90-minute session inside COMP390, timed with the proposal deadline; we bring the materials.',
      east_attractive: 'Fewer referencing problems to mark; a response to the examiner to point to.',
      east_social: 'Dr Zoë Ångström champions it to the other convenors.', east_timely: 'The curriculum review is open now.',
      milestone: 'Embedded: research skills in years 3 and 4', milestone_on: firstTeaching?.occurred_on ?? null,
      units: ['COMP'], people: ['zoe.angstrom@northmoor.example', 'patrick.oyelaran@northmoor.example'], goals: [goals.literacy ?? '', goals.employability ?? ''],
      engagements: [report?.id ?? '', firstTeaching?.id ?? ''].filter(Boolean), changedDaysAgo: 200,
    },
    {
      title: 'Archive skills for the new MA in Public History', trigger_kind: 'new_programme', stage: 'approached', value: 4, effort: 2,
      trigger_text: 'A new MA in Public History starts next September; the programme team is writing modules now.',
      hook: 'Their students must work with archives from week one: we hold the town’s archive.', owner_id: need(staff, 'owen.pritchard@northmoor.example'),
      east_easy: 'A ready-made archive induction they can drop into the first module.', east_attractive: 'A distinctive selling point for recruitment.',
      east_social: null, east_timely: 'Module specifications are due at the end of the month.', window_closes_on: addDays(today, 20),
      units: ['HIST'], people: ['siobhan.obriain@northmoor.example'], goals: [goals.literacy ?? '', goals.student ?? ''], changedDaysAgo: 6,
    },
    {
      title: 'Reading-list review for first-year Law modules', trigger_kind: 'incoming_request', stage: 'spotted', value: 4, effort: 3,
      trigger_text: 'José Núñez asked whether the library could review the first-year reading lists before the summer.',
      owner_id: need(staff, 'owen.pritchard@northmoor.example'), units: ['LAW'], people: ['jose.nunez@northmoor.example'], goals: [goals.nss ?? ''], changedDaysAgo: 3,
      window_closes_on: addDays(today, 45),
    },
    {
      title: 'Systematic review clinic for Engineering PhD students', trigger_kind: 'incoming_request', stage: 'spotted', value: 3, effort: 4,
      trigger_text: 'The Director of Postgraduate Research asked for help with literature reviews in the first year of the PhD.',
      owner_id: need(staff, 'sian.hughes@northmoor.example'), units: ['ENGR'], goals: [goals.researchKnowledge ?? ''], changedDaysAgo: 9,
    },
    {
      title: 'NSS learning resources dip in Psychology', trigger_kind: 'nss_results', stage: 'hook_found', value: 4, effort: 2,
      trigger_text: 'Learning resources fell eight points in this year’s NSS; free-text comments mention the reading lists.',
      hook: 'Reading lists that are current and available: the scores follow.', owner_id: need(staff, 'sian.hughes@northmoor.example'),
      units: ['PSYC'], goals: [goals.nss ?? ''], changedDaysAgo: 30,
    },
    {
      title: 'Open research training fund bid', trigger_kind: 'funding_call', stage: 'spotted', value: 3, effort: 3,
      trigger_text: 'Research and Enterprise Services circulated a call for bids to fund open research training.',
      owner_id: need(staff, 'ravi.patel@northmoor.example'), window_closes_on: addDays(today, 5), units: ['FSE'], goals: [goals.open ?? ''], changedDaysAgo: 2,
    },
    {
      title: 'AI literacy pilot with Marketing', trigger_kind: 'curriculum_review', stage: 'piloting', value: 4, effort: 3, is_pilot: 1,
      trigger_text: 'Marketing’s curriculum review wants students to use generative AI critically.',
      hook: 'A short pilot in one module, evaluated with the module team.', owner_id: need(staff, 'marcus.bell@northmoor.example'),
      east_easy: 'One workshop in MKTG201, materials provided.', east_attractive: 'Students ask for it; staff are unsure where to start.',
      east_social: 'The School of Computing’s embedded sessions, in the school’s own words.', east_timely: 'Before the assessment briefs are written.',
      units: ['MKTG'], goals: [goals.employability ?? '', goals.literacy ?? ''], changedDaysAgo: 12,
    },
    {
      title: 'Lab-skills video series for Chemistry', trigger_kind: 'other', stage: 'declined', value: 2, effort: 4,
      closed_reason: 'No capacity in the school this year; revisit after their curriculum review.', owner_id: eleanor,
      units: ['CHEM'], goals: [goals.skills ?? ''], changedDaysAgo: 40,
    },
  ];
  const byTitle = new Map<string, string>();
  for (const s of specs) {
    const id = newId();
    byTitle.set(s.title, id);
    const { units: u, people: p = [], goals: g = [], engagements: e = [], changedDaysAgo, ...cols } = s;
    const changed = addDays(today, -changedDaysAgo);
    await trx.insertInto('opportunities').values({
      id, institution_id: inst, trigger_text: null, trigger_engagement_id: null, hook: null, window_closes_on: null, east_easy: null, east_attractive: null,
      east_social: null, east_timely: null, is_pilot: 0, owner_id: null, closed_reason: null, milestone: null, milestone_on: null, created_by: eleanor,
      ...cols, stage_changed_on: changed, ...stamp(c.now),
    }).execute();
    await trx.insertInto('opportunity_org_units').values(u.map((code) => ({ opportunity_id: id, org_unit_id: need(units, code), institution_id: inst }))).execute();
    if (p.length) await trx.insertInto('opportunity_people').values(p.map((email) => ({ opportunity_id: id, person_id: need(people, email), institution_id: inst }))).execute();
    const goalIds = g.filter(Boolean);
    if (goalIds.length) await trx.insertInto('opportunity_goals').values(goalIds.map((goal_id) => ({ opportunity_id: id, goal_id, institution_id: inst }))).execute();
    if (e.length) await trx.insertInto('opportunity_engagements').values(e.map((engagement_id) => ({ opportunity_id: id, engagement_id, institution_id: inst }))).execute();
    await trx.insertInto('opportunity_stage_changes').values({
      id: newId(), institution_id: inst, opportunity_id: id, from_stage: null, to_stage: s.stage, reason: s.closed_reason ?? null,
      changed_on: changed, changed_by: s.owner_id ?? null, created_at: c.now,
    }).execute();
  }
  // the pilot points to Computing as social proof
  await trx.insertInto('opportunity_proofs').values({ opportunity_id: byTitle.get('AI literacy pilot with Marketing') ?? '', proof_id: byTitle.get(specs[0]?.title ?? '') ?? '', institution_id: inst }).execute();

  // the teaching that embedded it serves the literacy objective
  const teaching = await trx.selectFrom('engagements as e').innerJoin('engagement_org_units as u', 'u.engagement_id', 'e.id').innerJoin('vocab_terms as t', 't.id', 'e.type_id')
    .select('e.id').where('u.org_unit_id', '=', need(units, 'COMP')).where('t.key', '=', 'teaching_session').execute();
  if (teaching.length) await trx.insertInto('engagement_goals').values(teaching.map((t) => ({ engagement_id: t.id, goal_id: goals.literacy ?? '', institution_id: inst }))).execute();

  await seedPlans(c, { units, staff, people, goals, teachingIds: teaching.map((t) => t.id) });
  await seedCampaign(c, units, goals, need(staff, 'manager@northmoor.example'));
}

async function seedPlans(c: Ctx, refs: { units: Map<string, string>; staff: Map<string, string>; people: Map<string, string>; goals: Record<string, string>; teachingIds: string[] }) {
  const { trx, institutionId: inst, today } = c;
  const year = academicYearOf(today, c.yearStartMonth, c.yearStartDay);
  const eleanor = need(refs.staff, 'librarian@northmoor.example');
  const plan = async (unit: string, y: number, status: 'draft' | 'agreed' | 'in_progress' | 'reviewed', extra: { agreed_by?: string; agreed_on?: string; review_notes?: string } = {}) => {
    const id = newId();
    await trx.insertInto('action_plans').values({
      id, institution_id: inst, org_unit_id: need(refs.units, unit), year: y, status, agreed_by: extra.agreed_by ?? null, agreed_on: extra.agreed_on ?? null,
      agreed_via: extra.agreed_by ? 'recorded' : null, review_notes: extra.review_notes ?? null, created_by: eleanor, ...stamp(c.now),
    }).execute();
    return id;
  };
  const objective = async (planId: string, title: string, goalId: string | undefined, sort: number) => {
    const id = newId();
    await trx.insertInto('plan_objectives').values({ id, institution_id: inst, plan_id: planId, title, goal_id: goalId ?? null, sort_order: sort, ...stamp(c.now) }).execute();
    return id;
  };
  let sort = 0;
  const action = async (planId: string, a: Partial<PlanActionTable> & Pick<PlanActionTable, 'title' | 'status'>) => {
    const id = newId();
    await trx.insertInto('plan_actions').values({
      id, institution_id: inst, plan_id: planId, objective_id: null, owner_id: eleanor, partner_person_id: null, due_on: null, notes: null, carried_from_id: null,
      sort_order: (sort += 10), ...a, ...stamp(c.now),
    }).execute();
    return id;
  };

  // School of Computing: last year reviewed, this year agreed with the Head of School, one action carried forward
  const last = await plan('COMP', year.year - 1, 'reviewed', {
    agreed_by: 'Gwen Harrow, Head of School', agreed_on: addDays(year.start, -330),
    review_notes: 'Embedded sessions ran in years 3 and 4 with 80–94 students each. The examiner noticed better-referenced dissertations. The MSci writing workshop is carried forward.',
  });
  const lastTeaching = await objective(last, 'Research skills taught inside the dissertation modules', refs.goals.literacy, 10);
  await action(last, { title: 'Embedded literature searching session in COMP390', status: 'done', objective_id: lastTeaching, partner_person_id: need(refs.people, 'zoe.angstrom@northmoor.example'), due_on: addDays(year.start, -200) });
  const carried = await action(last, { title: 'Dissertation writing workshop for the MSci group project', status: 'in_progress', objective_id: lastTeaching, due_on: addDays(year.start, -60) });
  const current = await plan('COMP', year.year, 'agreed', { agreed_by: 'Gwen Harrow, Head of School', agreed_on: addDays(year.start, 30) });
  const teachingObj = await objective(current, 'Research skills taught inside the dissertation modules', refs.goals.literacy, 10);
  const championObj = await objective(current, 'Grow the library champion network in the school', refs.goals.champions, 20);
  const first = await action(current, {
    title: 'Embedded sessions in COMP350, COMP390 and COMP401', status: 'in_progress', objective_id: teachingObj,
    partner_person_id: need(refs.people, 'zoe.angstrom@northmoor.example'), due_on: addDays(today, 60),
  });
  if (refs.teachingIds.length) await trx.insertInto('plan_action_engagements').values(refs.teachingIds.slice(-2).map((engagement_id) => ({ action_id: first, engagement_id, institution_id: inst }))).execute();
  await action(current, { title: 'Dissertation writing workshop for the MSci group project', status: 'not_started', objective_id: teachingObj, carried_from_id: carried, notes: 'Carried forward from last year.' });
  await action(current, { title: 'Introduce a second champion among the year-1 convenors', status: 'not_started', objective_id: championObj, due_on: addDays(today, -10) });

  // History: a draft to agree with the Head of Department
  const hist = await plan('HIST', year.year, 'draft');
  const archives = await objective(hist, 'Archive skills for the new MA in Public History', refs.goals.literacy, 10);
  await action(hist, { title: 'Draft an archive induction for the first MA module', status: 'not_started', objective_id: archives, owner_id: need(refs.staff, 'owen.pritchard@northmoor.example'), partner_person_id: need(refs.people, 'siobhan.obriain@northmoor.example'), due_on: addDays(today, 40) });

  // Law: in progress, one action overdue
  const law = await plan('LAW', year.year, 'in_progress', { agreed_by: 'José Núñez, Director for Undergraduate Teaching', agreed_on: addDays(year.start, 45) });
  const lists = await objective(law, 'Reading lists current and available for every first-year module', refs.goals.nss, 10);
  await action(law, { title: 'Review the first-year reading lists with the module convenors', status: 'in_progress', objective_id: lists, owner_id: need(refs.staff, 'owen.pritchard@northmoor.example'), partner_person_id: need(refs.people, 'jose.nunez@northmoor.example'), due_on: addDays(today, -5) });
}

/** Sunderland's service-wide campaign: "Know your librarian", across Science and Engineering, from the start of this year. */
async function seedCampaign(c: Ctx, units: Map<string, string>, goals: Record<string, string>, managerId: string) {
  const { trx, institutionId: inst } = c;
  const year = academicYearOf(c.today, c.yearStartMonth, c.yearStartDay);
  const id = newId();
  const ends = addDays(year.start, 90);
  await trx.insertInto('campaigns').values({
    id, institution_id: inst, name: 'Know your librarian', purpose: 'Every department in Science and Engineering knows who its librarian is and what we offer.',
    message: 'Your librarian can help with reading lists, research skills and open research — ask them.', starts_on: year.start, ends_on: ends, created_by: managerId, ...stamp(c.now),
  }).execute();
  const targets = ['COMP', 'MATH', 'PHYS', 'CHEM', 'ENGR', 'ENVS', 'PSYC', 'GEOG'];
  await trx.insertInto('campaign_org_units').values(targets.map((code) => ({ campaign_id: id, org_unit_id: need(units, code), institution_id: inst }))).execute();
  if (goals.known) await trx.insertInto('campaign_goals').values({ campaign_id: id, goal_id: goals.known, institution_id: inst }).execute();
  // the campaign's engagements: meetings and promotion in its first weeks with some of the targets
  const linked = await trx.selectFrom('engagement_org_units as u').innerJoin('vocab_terms as t', 't.id', 'u.type_id').select('u.engagement_id').distinct()
    .where('u.org_unit_id', 'in', ['COMP', 'MATH', 'PHYS', 'PSYC', 'GEOG'].map((code) => need(units, code)))
    .where('u.occurred_on', '>=', year.start).where('u.occurred_on', '<=', ends < c.today ? ends : c.today).where('t.key', 'in', ['meeting', 'promotion', 'event'])
    .limit(12).execute();
  if (linked.length) await trx.insertInto('engagement_campaigns').values(linked.map((l) => ({ engagement_id: l.engagement_id, campaign_id: id, institution_id: inst }))).execute();
}
