import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, newTenant, type TestApp } from '../../../test/app.ts';
import type { Db } from '../db/types.ts';
import { SCALE_INSTITUTION, SCALE_SIGN_IN, scaleCounts, seedScale } from './scale.ts';

const SCALE = 0.002;
const expected = scaleCounts(SCALE);
const apps: TestApp[] = [];
let t: TestApp;
let result: Awaited<ReturnType<typeof seedScale>>;
let institutionId: string;
const progress: { done: number; total: number; what: string }[] = [];

async function freshApp() {
  const app = await buildTestApp();
  apps.push(app);
  return app;
}

beforeAll(async () => {
  t = await freshApp();
  result = await seedScale(t.handle.db, { scale: SCALE, seed: 42, onProgress: (done, total, what) => progress.push({ done, total, what }) });
  const inst = await t.handle.db.selectFrom('institutions').select('id').where('name', '=', SCALE_INSTITUTION).executeTakeFirstOrThrow();
  institutionId = inst.id;
});
afterAll(async () => {
  for (const a of apps) await a.close();
});

const count = async (db: Db, table: 'org_units' | 'people' | 'engagements' | 'search_documents' | 'positions' | 'coverage') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('institution_id', '=', institutionId).executeTakeFirstOrThrow()).n);

/** Links per engagement: [min, max] over all engagements, counting engagements with none as 0. */
async function linkRange(db: Db, table: 'engagement_people' | 'engagement_staff' | 'engagement_org_units' | 'engagement_themes') {
  const r = await sql<{ lo: number; hi: number }>`
    SELECT min(n) AS lo, max(n) AS hi FROM (
      SELECT e.id, (SELECT count(*) FROM ${sql.table(table)} l WHERE l.engagement_id = e.id AND l.institution_id = e.institution_id) AS n
      FROM engagements e WHERE e.institution_id = ${institutionId}) x`.execute(db);
  return [Number(r.rows[0]?.lo), Number(r.rows[0]?.hi)];
}

/** What the generator decided, without the ids (which are fresh UUIDv7s on every run), in creation order. */
async function fingerprint(db: Db): Promise<string> {
  const people = await db.selectFrom('people').select(['name', 'email']).orderBy('id').execute();
  const links = await sql<{ summary: string; occurred_on: string; who: string; units: string }>`
    SELECT e.summary, e.occurred_on,
      (SELECT count(*) FROM engagement_people ep WHERE ep.engagement_id = e.id) AS who,
      (SELECT min(o.name) FROM engagement_org_units eo JOIN org_units o ON o.id = eo.org_unit_id WHERE eo.engagement_id = e.id) AS units
    FROM engagements e ORDER BY e.id`.execute(db);
  return JSON.stringify([people, links.rows.map((r) => [r.summary, r.occurred_on, Number(r.who), r.units])]);
}

describe('scale dataset', () => {
  it('creates the scaled counts, with at least one org unit of every type', async () => {
    expect(result).toEqual({ orgUnits: expected.orgUnits, people: expected.people, engagements: expected.engagements });
    expect(expected).toMatchObject({ people: 40, engagements: 2000, staff: 1 });
    expect(await count(t.handle.db, 'org_units')).toBe(expected.orgUnits);
    expect(await count(t.handle.db, 'people')).toBe(40);
    expect(await count(t.handle.db, 'engagements')).toBe(2000);
    expect(await count(t.handle.db, 'positions')).toBeGreaterThanOrEqual(40);
    expect(await count(t.handle.db, 'coverage')).toBeGreaterThan(0);
    const types = await t.handle.db.selectFrom('org_units').select('type').distinct().where('institution_id', '=', institutionId).execute();
    expect(types.map((r) => r.type).sort()).toEqual(['committee', 'department', 'faculty', 'professional_service', 'research_centre', 'student_society']);
    const users = await t.handle.db.selectFrom('users').select(['email', 'role']).where('institution_id', '=', institutionId).orderBy('email').execute();
    expect(users).toEqual([{ email: SCALE_SIGN_IN.email, role: 'admin' }, { email: 'staff-0001@scale.example', role: 'manager' }]);
  });

  it('links every engagement to 1–3 people, 1–2 staff, 1–2 org units and 0–2 themes, and indexes everything for search', async () => {
    expect(await linkRange(t.handle.db, 'engagement_people')).toEqual([1, 3]);
    expect(await linkRange(t.handle.db, 'engagement_org_units')).toEqual([1, 2]);
    expect(await linkRange(t.handle.db, 'engagement_themes')).toEqual([0, 2]);
    const [lo, hi] = await linkRange(t.handle.db, 'engagement_staff');
    expect(lo).toBe(1);
    expect(hi).toBeLessThanOrEqual(2); // one staff member at this scale
    expect(await count(t.handle.db, 'search_documents')).toBe(expected.orgUnits + expected.people + expected.engagements);
    const foreign = await sql<{ n: number }>`
      SELECT count(*) AS n FROM engagement_people ep JOIN people p ON p.id = ep.person_id WHERE p.institution_id <> ep.institution_id`.execute(t.handle.db);
    expect(Number(foreign.rows[0]?.n)).toBe(0);
  });

  it('reports progress per chunk up to the totals', () => {
    const engagements = progress.filter((p) => p.what === 'engagements');
    expect(engagements.at(-1)).toEqual({ done: 2000, total: 2000, what: 'engagements' });
    expect(engagements.map((p) => p.done)).toEqual([...engagements.map((p) => p.done)].sort((a, b) => a - b));
    expect(progress.find((p) => p.what === 'people')).toEqual({ done: 40, total: 40, what: 'people' });
  });

  it('signs the bench user in and serves the dataset through the API, to that institution only', async () => {
    const bench = await login(t.app, SCALE_SIGN_IN.email, SCALE_SIGN_IN.password);
    const list = await bench.get('/api/v1/org-units?type=department&pageSize=50');
    expect(list.statusCode).toBe(200);
    expect(list.json<{ total: number }>().total).toBe(expected.units.department);
    const person = await t.handle.db.selectFrom('people').select(['id', 'name']).where('institution_id', '=', institutionId).orderBy('id').executeTakeFirstOrThrow();
    const surname = person.name.split(' ').at(-1) ?? '';
    const found = await bench.get(`/api/v1/search?q=${encodeURIComponent(surname)}&types=person&limit=50`);
    expect(found.json<{ hits: { id: string }[] }>().hits.map((h) => h.id)).toContain(person.id);

    const other = await newTenant(t);
    expect((await other.viewer.get('/api/v1/org-units')).json<{ total: number }>().total).toBe(0);
    expect((await other.viewer.get(`/api/v1/search?q=${encodeURIComponent(surname)}`)).json<{ hits: unknown[] }>().hits).toEqual([]);
  });

  it('gives every department ten years of what its annual report reads, so the report bench times full sections', async () => {
    const db = t.handle.db;
    const [dept] = await db.selectFrom('org_units').select('id').where('institution_id', '=', institutionId).where('type', '=', 'department').execute();
    const plans = await db.selectFrom('action_plans').select('year').where('org_unit_id', '=', dept?.id ?? '').orderBy('year').execute();
    expect(plans.map((p) => p.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    const reports = await db.selectFrom('annual_reports').select('year').where('org_unit_id', '=', dept?.id ?? '').orderBy('year').execute();
    expect(reports.map((p) => p.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]); // this year's is not yet written

    const bench = await login(t.app, SCALE_SIGN_IN.email, SCALE_SIGN_IN.password);
    const res = await bench.get(`/api/v1/reports/${dept?.id ?? ''}/2025`);
    expect(res.statusCode).toBe(200);
    const report = res.json<{ metrics: { points: { value: number | null }[] }[]; highlights: { evidence: unknown[]; impact: unknown[] }; relationship: { maturity: unknown }; plan: { reviewed: { actions: unknown[] } | null } }>();
    expect(report.metrics).toHaveLength(6); // the monthly series is not a headline metric
    for (const m of report.metrics) expect(m.points).toHaveLength(5);
    expect(report.highlights.evidence.length).toBeGreaterThan(0);
    expect(report.highlights.impact.length).toBeGreaterThanOrEqual(2); // a planned evaluation is not a highlight
    expect(report.relationship.maturity).not.toBeNull();
    expect(report.plan.reviewed?.actions.length).toBeGreaterThanOrEqual(4);
    const library = await bench.get('/api/v1/reports/library?year=2024');
    expect(library.json<{ themes: unknown[] }>().themes.length).toBeGreaterThan(0);
  });

  it('is deterministic from the seed', async () => {
    const same = await freshApp();
    await seedScale(same.handle.db, { scale: SCALE, seed: 42 });
    const other = await freshApp();
    await seedScale(other.handle.db, { scale: SCALE, seed: 43 });
    const original = await fingerprint(t.handle.db);
    expect(await fingerprint(same.handle.db)).toBe(original);
    expect(await fingerprint(other.handle.db)).not.toBe(original);
  });

  it('refuses a second dataset in the same database and a bad scale, writing nothing', async () => {
    const before = await t.handle.db.selectFrom('institutions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await expect(seedScale(t.handle.db, { scale: SCALE })).rejects.toThrow(/already exists/);
    for (const scale of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) await expect(seedScale(t.handle.db, { scale })).rejects.toThrow(RangeError);
    const after = await t.handle.db.selectFrom('institutions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
