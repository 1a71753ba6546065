import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type TestApp } from '../../../test/app.ts';
import type { Db } from '../db/types.ts';
import type { Clock } from '../lib/clock.ts';
import { DEMO_ACCOUNTS, DEMO_SIGN_IN, DemoExistsError, seedDemo, type SeedDemoResult } from './demo.ts';
import { buildDemoPlan } from './demo-plan.ts';
import { addDays } from './demo-random.ts';

// Midday in London, in term: "today" is 2026-03-10, so the years are 2023/24, 2024/25 and 2025/26.
const clock: Clock = { now: () => new Date('2026-03-10T12:00:00Z') };
const TODAY = '2026-03-10';
const FIRST_YEAR_START = '2023-08-01';

async function institutionOf(db: Db): Promise<string> {
  const u = await db.selectFrom('users').select('institution_id').where('email', '=', DEMO_SIGN_IN.email).executeTakeFirstOrThrow();
  return u.institution_id;
}

/** Everything a person reads in the demo, independent of ids and insertion order. */
async function digest(db: Db): Promise<string> {
  const inst = await institutionOf(db);
  const units = await db.selectFrom('org_units').select(['name', 'code', 'type']).where('institution_id', '=', inst).execute();
  const people = await db.selectFrom('people').select(['name', 'email', 'motivations', 'tags', 'is_champion']).where('institution_id', '=', inst).execute();
  const engagements = await db
    .selectFrom('engagements as e')
    .innerJoin('vocab_terms as t', 't.id', 'e.type_id')
    .select(['e.occurred_on', 'e.summary', 'e.attendance', 'e.initiated_by', 't.key'])
    .where('e.institution_id', '=', inst)
    .execute();
  const lines = [...units, ...people, ...engagements].map((r) => JSON.stringify(Object.values(r))).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** The School of Computing's engagements, oldest first, with their type key. */
async function computingEngagements(db: Db) {
  const inst = await institutionOf(db);
  return db
    .selectFrom('engagements as e')
    .innerJoin('engagement_org_units as eo', 'eo.engagement_id', 'e.id')
    .innerJoin('org_units as o', 'o.id', 'eo.org_unit_id')
    .innerJoin('vocab_terms as t', 't.id', 'e.type_id')
    .select(['e.id', 'e.occurred_on', 'e.summary', 'e.attendance', 't.key as type'])
    .where('e.institution_id', '=', inst)
    .where('o.code', '=', 'COMP')
    .orderBy('e.occurred_on')
    .orderBy('e.id')
    .execute();
}

describe('the demo university', () => {
  let t: TestApp;
  let twin: TestApp;
  let result: SeedDemoResult;
  const progress: [number, number, string][] = [];

  beforeAll(async () => {
    [t, twin] = await Promise.all([buildTestApp({ clock }), buildTestApp({ clock })]);
    result = await seedDemo(t.handle.db, { clock, onProgress: (d, n, w) => progress.push([d, n, w]) });
    await seedDemo(twin.handle.db, { clock });
  });
  afterAll(async () => {
    await t?.close();
    await twin?.close();
  });

  it('has the shape of the talk’s university: 4 faculties, 27 departments, ~20 staff, ~500 people, ~5,000 engagements', async () => {
    const db = t.handle.db;
    const inst = await institutionOf(db);
    const count = async (table: 'users' | 'people' | 'engagements') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('institution_id', '=', inst).executeTakeFirstOrThrow()).n);
    const types = await db.selectFrom('org_units').select(['type', (eb) => eb.fn.countAll<number>().as('n')]).where('institution_id', '=', inst).groupBy('type').execute();
    const byType = Object.fromEntries(types.map((r) => [r.type, Number(r.n)]));
    expect(byType.faculty).toBe(4);
    expect(byType.department).toBe(27);
    expect(byType.research_centre).toBeGreaterThanOrEqual(1);
    expect(byType.professional_service).toBeGreaterThanOrEqual(1);
    expect(byType.committee).toBeGreaterThanOrEqual(3);
    expect(byType.student_society).toBeGreaterThanOrEqual(1);
    const users = await count('users');
    expect(users).toBeGreaterThanOrEqual(18);
    expect(users).toBeLessThanOrEqual(22);
    const people = await count('people');
    expect(people).toBeGreaterThanOrEqual(450);
    expect(people).toBeLessThanOrEqual(550);
    const engagements = await count('engagements');
    expect(engagements).toBeGreaterThanOrEqual(4500);
    expect(engagements).toBeLessThanOrEqual(5500);
    expect(result).toMatchObject({ institutionId: inst, users, people, engagements });

    const roles = await db.selectFrom('users').select(['role', (eb) => eb.fn.countAll<number>().as('n')]).where('institution_id', '=', inst).groupBy('role').execute();
    expect(Object.fromEntries(roles.map((r) => [r.role, Number(r.n)]))).toMatchObject({ admin: 1, manager: 2, viewer: 1 });
    const codes = await db.selectFrom('org_units').select('code').where('institution_id', '=', inst).where('type', '=', 'department').execute();
    expect(codes.every((c) => c.code && /^[A-Z]{2,8}$/.test(c.code))).toBe(true);
  });

  it('spans the three academic years up to today, with every type and theme and both sides initiating', async () => {
    const db = t.handle.db;
    const inst = await institutionOf(db);
    const range = await db
      .selectFrom('engagements')
      .select([(eb) => eb.fn.min('occurred_on').as('first'), (eb) => eb.fn.max('occurred_on').as('last')])
      .where('institution_id', '=', inst)
      .executeTakeFirstOrThrow();
    expect(range.first >= FIRST_YEAR_START).toBe(true);
    expect(range.first < addDays(FIRST_YEAR_START, 30)).toBe(true);
    expect(range.last <= TODAY).toBe(true);
    expect(range.last >= addDays(TODAY, -7)).toBe(true);

    const used = await db
      .selectFrom('vocab_terms as v')
      .select(['v.kind', 'v.key'])
      .where('v.institution_id', '=', inst)
      .where((eb) =>
        eb.or([
          eb.exists(eb.selectFrom('engagements as e').select('e.id').whereRef('e.type_id', '=', 'v.id')),
          eb.exists(eb.selectFrom('engagement_themes as et').select('et.engagement_id').whereRef('et.theme_id', '=', 'v.id')),
        ]),
      )
      .execute();
    expect(used.filter((v) => v.kind === 'theme')).toHaveLength(6);
    expect(used.filter((v) => v.kind === 'engagement_type').map((v) => v.key)).toEqual(
      expect.arrayContaining(['meeting', 'email', 'committee', 'teaching_session', 'workshop', 'consultation', 'curriculum_review', 'joint_bid']),
    );
    const sides = await db.selectFrom('engagements').select(['initiated_by', (eb) => eb.fn.countAll<number>().as('n')]).where('institution_id', '=', inst).groupBy('initiated_by').execute();
    const partner = Number(sides.find((s) => s.initiated_by === 'partner')?.n ?? 0);
    const library = Number(sides.find((s) => s.initiated_by === 'library')?.n ?? 0);
    expect(partner / (partner + library)).toBeGreaterThan(0.2);
    expect(partner / (partner + library)).toBeLessThan(0.6);
    const links = await sql<{ n: number }>`SELECT count(*) AS n FROM engagements e WHERE e.institution_id = ${inst}
      AND NOT EXISTS (SELECT 1 FROM engagement_staff s WHERE s.engagement_id = e.id)`.execute(db);
    expect(Number(links.rows[0]?.n)).toBe(0);
  });

  it('gives every department subject liaison and leaves the deliberate functional gaps', async () => {
    const db = t.handle.db;
    const inst = await institutionOf(db);
    const covered = async (fn: string) =>
      db
        .selectFrom('org_units as o')
        .select('o.code')
        .where('o.institution_id', '=', inst)
        .where('o.type', '=', 'department')
        .where((eb) =>
          eb.exists(
            eb.selectFrom('coverage as c').innerJoin('vocab_terms as f', 'f.id', 'c.function_id').select('c.id')
              .whereRef('c.org_unit_id', '=', 'o.id').where('f.key', '=', fn).where('c.end_date', 'is', null),
          ),
        )
        .execute();
    expect(await covered('subject_liaison')).toHaveLength(27);
    const teaching = (await covered('teaching_learning')).map((r) => r.code);
    const research = (await covered('research_support')).map((r) => r.code);
    expect(teaching).toHaveLength(26);
    expect(teaching).not.toContain('ENTS');
    expect(research).not.toContain('NURS');
    expect(await covered('open_research')).toHaveLength(27);

    const fse = await db
      .selectFrom('coverage as c')
      .innerJoin('users as u', 'u.id', 'c.user_id')
      .innerJoin('org_units as o', 'o.id', 'c.org_unit_id')
      .select('o.code')
      .where('u.email', '=', DEMO_SIGN_IN.email)
      .execute();
    expect(fse.map((r) => r.code)).toEqual(expect.arrayContaining(['FSE', 'COMP']));
  });

  it('is deterministic: the same seed and today give the same university', async () => {
    expect(await digest(twin.handle.db)).toBe(await digest(t.handle.db));
    const other = buildDemoPlan({ seed: 2, today: TODAY, yearStartMonth: 8, yearStartDay: 1 });
    const same = buildDemoPlan({ seed: 20_260_101, today: TODAY, yearStartMonth: 8, yearStartDay: 1 });
    expect(other.people.map((p) => p.name)).not.toEqual(same.people.map((p) => p.name));
  });

  it('tells the School of Computing story in order', async () => {
    const db = t.handle.db;
    const comp = await computingEngagements(db);
    const report = comp[0];
    expect(report?.summary).toMatch(/external examiner/i);
    // nothing in the first year: the report comes well after the first year began
    expect(report && report.occurred_on >= addDays(FIRST_YEAR_START, 300)).toBe(true);

    const inst = await institutionOf(db);
    const champion = await db
      .selectFrom('people as p')
      .innerJoin('positions as x', 'x.person_id', 'p.id')
      .innerJoin('org_units as o', 'o.id', 'x.org_unit_id')
      .select(['p.id', 'p.name', 'x.title'])
      .where('p.institution_id', '=', inst)
      .where('p.is_champion', '=', 1)
      .where('o.code', '=', 'COMP')
      .where('x.title', 'like', 'Module Convenor%')
      .execute();
    expect(champion.map((c) => c.name)).toContain('Zoë Ångström');
    const zoe = champion.find((c) => c.name === 'Zoë Ångström');
    const met = await db
      .selectFrom('engagements as e')
      .innerJoin('engagement_people as ep', 'ep.engagement_id', 'e.id')
      .select(['e.occurred_on'])
      .where('ep.person_id', '=', zoe?.id ?? '')
      .orderBy('e.occurred_on')
      .executeTakeFirstOrThrow();
    expect(met.occurred_on > (report?.occurred_on ?? '')).toBe(true);

    const review = comp.find((e) => e.type === 'curriculum_review');
    expect(review && review.occurred_on > met.occurred_on).toBe(true);
    const teaching = comp.filter((e) => e.type === 'teaching_session' && e.occurred_on > (review?.occurred_on ?? '9999'));
    expect(teaching.length).toBeGreaterThanOrEqual(4);
    expect(teaching.every((e) => (e.attendance ?? 0) > 0)).toBe(true);
    expect(teaching.some((e) => /Year 3/.test(e.summary))).toBe(true);
    expect(teaching.some((e) => /Year 4/.test(e.summary))).toBe(true);
    expect(comp.filter((e) => e.type === 'teaching_session' && e.occurred_on <= (review?.occurred_on ?? ''))).toHaveLength(0);

    const society = await db
      .selectFrom('engagements as e')
      .innerJoin('engagement_org_units as eo', 'eo.engagement_id', 'e.id')
      .innerJoin('org_units as o', 'o.id', 'eo.org_unit_id')
      .select(['e.occurred_on'])
      .where('o.name', '=', 'Computer Science Society')
      .orderBy('e.occurred_on')
      .execute();
    expect(society.length).toBeGreaterThan(0);
    expect((society[0]?.occurred_on ?? '') > (report?.occurred_on ?? '9999')).toBe(true);
  });

  it('keeps the story in order whatever today is, from the first day of a year to the last', () => {
    for (const today of ['2025-08-01', '2025-12-24', '2026-07-31', '2028-02-29']) {
      const plan = buildDemoPlan({ seed: 20_260_101, today, yearStartMonth: 8, yearStartDay: 1 });
      const comp = plan.engagements.filter((e) => e.units.includes('COMP'));
      expect(plan.engagements.every((e) => e.date >= plan.firstYearStart && e.date <= today)).toBe(true);
      expect(comp[0]?.date).toBe(plan.reportDate);
      expect(comp[0]?.summary).toMatch(/external examiner/i);
      expect(plan.reportDate >= addDays(plan.firstYearStart, 300)).toBe(true);
      const review = comp.find((e) => e.type === 'curriculum_review');
      const firstTeaching = comp.find((e) => e.type === 'teaching_session');
      expect(review && firstTeaching && review.date < firstTeaching.date).toBe(true);
    }
  });

  it('reports progress up to the total', () => {
    expect(progress.length).toBeGreaterThan(5);
    const last = progress[progress.length - 1];
    expect(last?.[0]).toBe(last?.[1]);
    expect(progress.every(([d], i) => i === 0 || d >= (progress[i - 1]?.[0] ?? 0))).toBe(true);
  });

  it('indexes the demo for search, diacritics folded', async () => {
    const librarian = await login(t.app, DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);
    const res = await librarian.get('/api/v1/search?q=angstrom');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ hits: { type: string; title: string }[] }>().hits).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'person', title: 'Zoë Ångström' })]));
    const eng = await librarian.get('/api/v1/search?q=external%20examiner');
    expect(eng.json<{ hits: { type: string }[] }>().hits.some((h) => h.type === 'engagement')).toBe(true);
  });

  it('signs in the documented demo accounts with their roles', async () => {
    for (const [role, email] of Object.entries(DEMO_ACCOUNTS)) {
      const agent = await login(t.app, email, DEMO_SIGN_IN.password);
      const me = await agent.get('/api/v1/auth/me');
      expect(me.json<{ user: { role: string }; institution: { name: string } }>()).toMatchObject({ user: { role }, institution: { name: 'University of Northmoor' } });
    }
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email: DEMO_SIGN_IN.email, password: 'not-the-password' }) });
    expect(wrong.statusCode).toBe(401);
  });

  it('plans the year: goals beside the library’s six, opportunities at every stage, plans with a carried action, a campaign with reach', async () => {
    const librarian = await login(t.app, DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);
    const get = async <T>(url: string) => {
      const res = await librarian.get(url);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<T>();
    };
    const goals = await get<{ owner: string; title: string; objectives: unknown[] }[]>('/api/v1/goals');
    expect(goals.filter((g) => g.owner === 'library').map((g) => g.title)).toEqual(['Visibility', 'Relations', 'Skills', 'Research & Knowledge', 'Education & Learning', 'Community & Citizens']);
    expect(goals.filter((g) => g.owner === 'institution').map((g) => g.objectives.length)).toEqual([2, 1]);

    const board = await get<{ columns: { stage: string; total: number }[] }>('/api/v1/opportunities/board');
    expect(Object.fromEntries(board.columns.map((c) => [c.stage, c.total]))).toEqual({ spotted: 3, hook_found: 1, approached: 1, piloting: 1, embedded: 1, declined: 1, lapsed: 0 });
    const triage = await get<{ items: { title: string }[] }>('/api/v1/opportunities/triage');
    expect(triage.items.map((o) => o.title).sort()).toEqual(['Reading-list review for first-year Law modules', 'Systematic review clinic for Engineering PhD students']);

    const comp = (await t.handle.db.selectFrom('org_units').select('id').where('code', '=', 'COMP').where('institution_id', '=', result.institutionId).executeTakeFirstOrThrow()).id;
    const journey = await get<{ items: { kind: string; title: string; ref: { type: string } }[] }>(`/api/v1/org-units/${comp}/journey`);
    const embedded = journey.items.find((i) => i.title === 'Embedded: research skills in years 3 and 4');
    expect([embedded?.kind, embedded?.ref.type]).toEqual(['milestone', 'opportunity']);

    const plans = await get<{ items: { id: string; year: number; status: string }[] }>(`/api/v1/action-plans?orgUnitId=${comp}`);
    expect(plans.items.map((p) => [p.year, p.status])).toEqual([[2025, 'agreed'], [2024, 'reviewed']]);
    const current = await get<{ agreedBy: string; actions: { title: string; carriedFrom: { year: number } | null; overdue: boolean }[] }>(`/api/v1/action-plans/${plans.items[0]?.id ?? ''}`);
    expect(current.agreedBy).toBe('Gwen Harrow, Head of School');
    expect(current.actions.find((x) => x.carriedFrom)).toMatchObject({ title: 'Dissertation writing workshop for the MSci group project', carriedFrom: { year: 2024 } });
    expect(current.actions.filter((x) => x.overdue).map((x) => x.title)).toEqual(['Introduce a second champion among the year-1 convenors']);

    const campaigns = await get<{ items: { name: string; status: string; reach: { targeted: number; engaged: number } }[] }>('/api/v1/campaigns');
    expect(campaigns.items).toHaveLength(1);
    expect(campaigns.items[0]).toMatchObject({ name: 'Know your librarian', reach: { targeted: 8 } });
    expect(campaigns.items[0]?.reach.engaged).toBeGreaterThan(0);

    const evidence = await get<{ items: { kind: string; attribution: string; engagements: unknown[] }[]; total: number }>(`/api/v1/evidence?orgUnitId=${comp}`);
    expect(evidence.items.map((e) => e.kind).sort()).toEqual(['external_examiner', 'figure', 'student_comment', 'survey_result']);
    expect(evidence.items.find((e) => e.kind === 'student_comment')).toMatchObject({ attribution: 'anonymous' });

    const trends = await get<{ items: { metric: { name: string }; points: { value: number | null; institutionAverage: number | null }[] }[] }>(`/api/v1/org-units/${comp}/metrics`);
    expect(trends.items.length).toBeGreaterThanOrEqual(4);
    const nssTrend = trends.items.find((i) => i.metric.name.startsWith('NSS'))?.points ?? [];
    expect(nssTrend.length).toBeGreaterThanOrEqual(4);
    // Computing's NSS rises past the average once its embedded teaching begins
    const [firstYear, lastYear] = [nssTrend[0], nssTrend.at(-1)];
    expect((lastYear?.value ?? 0) - (firstYear?.value ?? 0)).toBeGreaterThan(5);

    const impact = await get<{ items: { initiative: string; status: string }[] }>('/api/v1/impact-evaluations');
    expect(impact.items.map((i) => i.status).sort()).toEqual(['complete', 'in_progress']);

    // last year's reports: six departments discussed, their themes ranked by how many raised each
    const thisYear = Number((await get<{ year: { key: string } }>('/api/v1/reports/library')).year.key);
    const previous = await get<{ themes: { theme: string; departments: unknown[] }[]; reportsDiscussed: number }>(`/api/v1/reports/library?year=${thisYear - 1}`);
    expect(previous.reportsDiscussed).toBe(6);
    expect(previous.themes.slice(0, 4).map((x) => [x.theme, x.departments.length])).toEqual([
      ['Reading lists', 4], ['AI literacy', 3], ['Open access', 2], ['Research data management', 2],
    ]);
    const compReport = await get<{ narrative: { introduction: string | null }; plan: { proposed: unknown[] } }>(`/api/v1/reports/${comp}/${thisYear - 1}`);
    expect(compReport.narrative.introduction).toContain('co-designed with Dr Zoë Ångström');
    expect(compReport.plan.proposed).toHaveLength(3);

    const nudges = await get<{ items: { kind: string; title: string }[] }>('/api/v1/nudges');
    expect(nudges.items).toContainEqual(expect.objectContaining({ kind: 'action_overdue', title: 'Introduce a second champion among the year-1 convenors: overdue' }));
  });

  it('refuses to load the demo twice and changes nothing', async () => {
    const before = await digest(t.handle.db);
    await expect(seedDemo(t.handle.db, { clock })).rejects.toBeInstanceOf(DemoExistsError);
    expect(await digest(t.handle.db)).toBe(before);
    const institutions = await t.handle.db.selectFrom('institutions').select('id').where('name', '=', 'University of Northmoor').execute();
    expect(institutions).toHaveLength(1);
  });
});
