import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuplicateGroupDto, MergeResultDto } from '../../../shared/contracts/people-merge.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import { newId } from '../../lib/ids.ts';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { engagementFixtures } from '../../../../test/engagements.ts';

let t: TestApp;
let a: Tenant;
let b: Tenant;
const f = engagementFixtures(() => t);
const db = () => t.handle.db;
let hist: string;
let law: string;
/** John Smith (kept), "J. Smith" and "JOHN SMITH" (merged), Zoë Ångström and "zoe angstrom", Jane Smith (apart) */
const ids = { john: '', j: '', upper: '', zoe: '', zoe2: '', jane: '', theirs: '' };

async function person(tenant: Tenant, body: Record<string, unknown>): Promise<string> {
  const res = await tenant.librarian.post('/api/v1/people', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

const snapshotTables = ['people', 'positions', 'engagement_people', 'opportunity_people', 'evidence', 'plan_actions', 'maturity_assessments', 'unit_person_years', 'audit_log', 'search_documents'] as const;
/** Every row of the tables a merge touches, as text: equal snapshots mean nothing was written. */
async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of snapshotTables) out[table] = JSON.stringify(await db().selectFrom(table).selectAll().where('institution_id', '=', a.institutionId).execute());
  return out;
}

beforeAll(async () => {
  t = await buildTestApp();
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  await f.loadVocab(a);
  hist = await f.unit(a, 'History');
  law = await f.unit(a, 'Law');
  ids.john = await person(a, { name: 'John Smith', email: 'john.smith@uni.example', positions: [{ orgUnitId: hist, title: 'Head of Department', startDate: '2022-09-01' }] });
  ids.j = await person(a, { name: 'J. Smith', phone: '01234 567890', tags: ['nss'], positions: [{ orgUnitId: hist, title: 'head of department', startDate: '2020-09-01' }, { orgUnitId: law, title: 'Visiting Lecturer' }] });
  ids.upper = await person(a, { name: 'JOHN SMITH', email: 'jsmith@uni.example', isChampion: true, championSince: '2023-01-10' });
  ids.zoe = await person(a, { name: 'Zoë Ångström' });
  ids.zoe2 = await person(a, { name: 'zoe  angstrom' });
  ids.jane = await person(a, { name: 'Jane Doe' });
  ids.theirs = await person(b, { name: 'John Smith' });

  // engagements: one with John and J. Smith together, one with J. Smith alone, one with JOHN SMITH in another year
  await f.log(a.librarian, a, { personIds: [ids.john, ids.j], orgUnitIds: [hist], occurredOn: '2024-05-01' });
  await f.log(a.librarian, a, { personIds: [ids.j], orgUnitIds: [hist], occurredOn: '2024-06-01', summary: 'Reading list review' });
  await f.log(a.librarian, a, { personIds: [ids.upper, ids.j], orgUnitIds: [law], occurredOn: '2025-10-01', summary: 'Law induction' });
  const opp = await a.librarian.post('/api/v1/opportunities', { title: 'Embed skills in year 1', triggerKind: 'other', orgUnitIds: [hist], personIds: [ids.john, ids.j] });
  expect(opp.statusCode, opp.body).toBe(201);
  const ev = await a.librarian.post('/api/v1/evidence', { kind: 'quote', text: 'The sessions changed how students search.', sourcePersonId: ids.j, occurredOn: '2024-06-02' });
  expect(ev.statusCode, ev.body).toBe(201);
  const now = new Date().toISOString();
  const planId = newId();
  await db().insertInto('action_plans').values({ id: planId, institution_id: a.institutionId, org_unit_id: hist, year: 2024, status: 'in_progress', agreed_by: null, agreed_on: null, agreed_via: null, review_notes: null, created_by: null, created_at: now, updated_at: now }).execute();
  await db().insertInto('plan_actions').values({ id: newId(), institution_id: a.institutionId, plan_id: planId, objective_id: null, title: 'Termly meeting', owner_id: null, partner_person_id: ids.upper, due_on: null, status: 'not_started', notes: null, carried_from_id: null, sort_order: 0, created_at: now, updated_at: now }).execute();
  await db().insertInto('maturity_assessments').values({ id: newId(), institution_id: a.institutionId, org_unit_id: null, person_id: ids.j, level: 'partner', assessed_on: '2024-07-01', rationale: 'Co-designs sessions', assessed_by: null, created_at: now, updated_at: now }).execute();
});
afterAll(() => t.close());

describe('duplicate people', () => {
  it('is for managers', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/people/duplicates' })).statusCode).toBe(401);
    expect((await a.librarian.get('/api/v1/people/duplicates')).statusCode).toBe(403);
  });

  it('groups folded names, initials against a full first name, and says why', async () => {
    const res = await a.manager.get('/api/v1/people/duplicates?pageSize=10');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<Page<DuplicateGroupDto>>();
    expect(page.total).toBe(2);
    const [smiths, zoes] = [page.items.find((g) => g.people.length === 3), page.items.find((g) => g.people.length === 2)];
    expect(new Set(smiths?.people.map((p) => p.id))).toEqual(new Set([ids.john, ids.j, ids.upper]));
    expect(smiths?.reasons.map((r) => r.kind).sort()).toEqual(['initials', 'name']);
    // most engaged first: J. Smith took part in all three engagements
    expect(smiths?.people[0]).toMatchObject({ id: ids.j, engagements: 3, currentPositions: expect.arrayContaining(['head of department, History']) as unknown });
    expect(new Set(zoes?.people.map((p) => p.id))).toEqual(new Set([ids.zoe, ids.zoe2]));
    expect(zoes?.reasons).toEqual([{ kind: 'name', value: expect.stringMatching(/zo/i) as unknown }]);
    // another institution's John Smith is never grouped with these
    expect(page.items.flatMap((g) => g.people.map((p) => p.id))).not.toContain(ids.theirs);
    expect((await b.manager.get('/api/v1/people/duplicates')).json<Page<DuplicateGroupDto>>().total).toBe(0);
  });
});

describe('merging people', () => {
  const body = () => ({ keepId: ids.john, mergeIds: [ids.j, ids.upper] });

  it('needs a manager, and people of this institution', async () => {
    expect((await a.librarian.post('/api/v1/people/merge', { ...body(), dryRun: true })).statusCode).toBe(403);
    expect((await a.manager.post('/api/v1/people/merge', { keepId: ids.theirs, mergeIds: [ids.j], dryRun: true })).statusCode).toBe(404);
    const foreign = await a.manager.post('/api/v1/people/merge', { keepId: ids.john, mergeIds: [ids.theirs], dryRun: true });
    expect(foreign.statusCode).toBe(400);
    expect(errorOf(foreign).details?.[0]?.field).toBe('mergeIds');
    const self = await a.manager.post('/api/v1/people/merge', { keepId: ids.john, mergeIds: [ids.john], dryRun: true });
    expect(errorOf(self).details?.[0]?.field).toBe('mergeIds');
    const stray = await a.manager.post('/api/v1/people/merge', { ...body(), dryRun: true, force: true });
    expect(errorOf(stray).details?.[0]?.field).toBe('force');
  });

  it('a dry run says what would move and what clashes, and writes nothing', async () => {
    const before = await snapshot();
    const res = await a.manager.post('/api/v1/people/merge', { ...body(), dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<MergeResultDto>();
    expect(r).toMatchObject({
      dryRun: true, keepId: ids.john, mergeIds: [ids.j, ids.upper],
      moves: { engagements: 2, opportunities: 0, positions: 2, evidence: 1, planActions: 1, maturityAssessments: 1 },
      // J. Smith shares the first engagement and the opportunity with John; JOHN SMITH and J. Smith share the Law induction; the history post is the same
      shared: { engagements: 2, opportunities: 1, positions: 1 },
    });
    expect(r.conflicts).toContainEqual({ field: 'email', kept: 'john.smith@uni.example', merged: [{ personId: ids.upper, value: 'jsmith@uni.example' }] });
    expect(r.conflicts.find((c) => c.field === 'name')?.merged.map((m) => m.value)).toEqual(['J. Smith', 'JOHN SMITH']);
    expect(r.filled).toContainEqual({ field: 'phone', value: '01234 567890', fromId: ids.j });
    expect(await snapshot()).toEqual(before);
  });

  it('moves every reference to the kept person in one go, and the merged people are gone', async () => {
    const res = await a.manager.post('/api/v1/people/merge', { ...body(), dryRun: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MergeResultDto>()).toMatchObject({ dryRun: false, moves: { engagements: 2 } });
    for (const id of [ids.j, ids.upper]) expect((await a.viewer.get(`/api/v1/people/${id}`)).statusCode).toBe(404);

    const john = (await a.viewer.get(`/api/v1/people/${ids.john}`)).json<{ phone: string; email: string; isChampion: boolean; championSince: string; tags: string[]; positions: { title: string; orgUnitName: string; startDate: string | null }[] }>();
    expect(john).toMatchObject({ phone: '01234 567890', email: 'john.smith@uni.example', isChampion: true, championSince: '2023-01-10', tags: ['nss'] });
    // the History post held twice became one, from the earlier start; the Law post came across
    expect(john.positions.map((p) => [p.orgUnitName, p.title, p.startDate]).sort()).toEqual([['History', 'Head of Department', '2020-09-01'], ['Law', 'Visiting Lecturer', null]]);

    const engagements = (await a.viewer.get(`/api/v1/engagements?personId=${ids.john}`)).json<{ items: { summary: string; people: { id: string }[] }[] }>();
    expect(engagements.items.map((e) => e.summary).sort()).toEqual(['A meeting', 'Law induction', 'Reading list review']);
    for (const e of engagements.items) expect(e.people.map((p) => p.id)).toEqual([ids.john]);
    const links = await db().selectFrom('engagement_people').select(['person_id', 'occurred_on']).where('institution_id', '=', a.institutionId).execute();
    expect(links).toHaveLength(3);
    expect(links.map((l) => l.occurred_on).sort()).toEqual(['2024-05-01', '2024-06-01', '2025-10-01']);

    const left = async (table: 'opportunity_people' | 'maturity_assessments', column: 'person_id') =>
      (await db().selectFrom(table).select(column).where('institution_id', '=', a.institutionId).execute()).map((r) => r[column]);
    expect(await left('opportunity_people', 'person_id')).toEqual([ids.john]);
    expect(await left('maturity_assessments', 'person_id')).toEqual([ids.john]);
    expect((await db().selectFrom('evidence').select('source_person_id').where('institution_id', '=', a.institutionId).execute()).map((r) => r.source_person_id)).toEqual([ids.john]);
    expect((await db().selectFrom('plan_actions').select('partner_person_id').where('institution_id', '=', a.institutionId).execute()).map((r) => r.partner_person_id)).toEqual([ids.john]);

    // the breadth summaries count John once per unit and year, with every engagement that is now his
    const years = await db().selectFrom('unit_person_years').select(['org_unit_id', 'person_id', 'ay', 'engagements']).where('institution_id', '=', a.institutionId).orderBy('ay').execute();
    expect(years).toEqual([
      { org_unit_id: hist, person_id: ids.john, ay: 2023, engagements: 2 },
      { org_unit_id: law, person_id: ids.john, ay: 2025, engagements: 1 },
    ]);
    const docs = await db().selectFrom('search_documents').select('entity_id').where('entity_type', '=', 'person').where('institution_id', '=', a.institutionId).execute();
    expect(docs.map((d) => d.entity_id)).not.toContain(ids.j);
    const hits = (await a.viewer.get('/api/v1/search?q=visiting lecturer')).json<{ hits: { id: string }[] }>();
    expect(hits.hits.map((h) => h.id)).toContain(ids.john);

    const audits = await db().selectFrom('audit_log').select(['action', 'entity_id', 'user_id']).where('institution_id', '=', a.institutionId).where('entity_type', '=', 'person')
      .where('entity_id', 'in', [ids.john, ids.j, ids.upper]).where('action', 'in', ['update', 'delete']).execute();
    expect(audits).toHaveLength(3);
    expect(new Set(audits.map((x) => x.user_id))).toEqual(new Set([a.manager.userId]));
    // and the group is gone from the duplicates
    const page = (await a.manager.get('/api/v1/people/duplicates')).json<Page<DuplicateGroupDto>>();
    expect(page.total).toBe(1);
  });
});
