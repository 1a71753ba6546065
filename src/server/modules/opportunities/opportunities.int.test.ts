import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { movableClock, movingClockEnv, opportunityFixtures } from '../../../../test/opportunities.ts';
import type { PrioritiesDto } from '../../../shared/contracts/opportunities.ts';

const clock = movableClock('2026-03-15');
let t: TestApp;
let a: Tenant;
let b: Tenant;
const f = opportunityFixtures(() => t);
const fields = (res: Parameters<typeof errorOf>[0]) => errorOf(res).details?.map((d) => d.field);

const count = async (table: 'opportunities' | 'opportunity_stage_changes' | 'opportunity_org_units', institutionId: string) =>
  Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('institution_id', '=', institutionId).executeTakeFirstOrThrow()).n);
const audits = (id: string) =>
  t.handle.db.selectFrom('audit_log').select(['action', 'user_id', 'changes']).where('entity_type', '=', 'opportunity').where('entity_id', '=', id).orderBy('at').orderBy('id').execute();

beforeAll(async () => {
  t = await buildTestApp({ clock, env: movingClockEnv });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  await Promise.all([f.loadVocab(a), f.loadVocab(b)]);
});
afterAll(() => t?.close());

describe('opportunities: access', () => {
  it('401 without a session on every route', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/v1/opportunities'], ['GET', '/api/v1/opportunities/board'], ['GET', '/api/v1/opportunities/triage'], ['GET', '/api/v1/opportunities/priorities'],
      ['GET', '/api/v1/opportunities/x'], ['POST', '/api/v1/opportunities'], ['PATCH', '/api/v1/opportunities/x'], ['POST', '/api/v1/opportunities/x/stage'],
      ['POST', '/api/v1/opportunities/x/milestone'], ['DELETE', '/api/v1/opportunities/x'],
    ];
    for (const [method, url] of routes) {
      const res = await t.app.inject({ method: method as 'GET', url, ...(method === 'GET' || method === 'DELETE' ? {} : { headers: { 'content-type': 'application/json' }, payload: '{}' }) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(errorOf(res).code).toBe('UNAUTHENTICATED');
    }
  });

  it('403 for a viewer on every write and for a librarian on priorities; viewers read everything else', async () => {
    const o = await f.create(a.librarian, { title: 'Access check' });
    const writes = [
      () => a.viewer.post('/api/v1/opportunities', { title: 'Nope', triggerKind: 'other' }),
      () => a.viewer.patch(`/api/v1/opportunities/${o.id}`, { title: 'Nope' }),
      () => a.viewer.post(`/api/v1/opportunities/${o.id}/stage`, { stage: 'hook_found' }),
      () => a.viewer.post(`/api/v1/opportunities/${o.id}/milestone`, { title: 'Nope', on: '2026-03-01' }),
      () => a.viewer.delete(`/api/v1/opportunities/${o.id}`),
      () => a.librarian.get('/api/v1/opportunities/priorities'),
      () => a.viewer.get('/api/v1/opportunities/priorities'),
    ];
    for (const w of writes) {
      const res = await w();
      expect(res.statusCode, res.body).toBe(403);
      expect(errorOf(res).code).toBe('FORBIDDEN');
    }
    expect(await f.get(a.viewer, o.id)).toMatchObject({ title: 'Access check', stage: 'spotted' });
    for (const url of ['/api/v1/opportunities', '/api/v1/opportunities/board', '/api/v1/opportunities/triage']) expect((await a.viewer.get(url)).statusCode, url).toBe(200);
    expect((await a.manager.get('/api/v1/opportunities/priorities')).statusCode).toBe(200);
  });

  it("another institution's opportunity is 404 on every route, and never listed", async () => {
    const o = await f.create(a.librarian, { title: 'Only for A', stage: 'embedded' });
    const calls = [
      () => b.admin.get(`/api/v1/opportunities/${o.id}`),
      () => b.admin.patch(`/api/v1/opportunities/${o.id}`, { title: 'Taken' }),
      () => b.admin.post(`/api/v1/opportunities/${o.id}/stage`, { stage: 'piloting' }),
      () => b.admin.post(`/api/v1/opportunities/${o.id}/milestone`, { title: 'Taken', on: '2026-03-01' }),
      () => b.admin.delete(`/api/v1/opportunities/${o.id}`),
    ];
    for (const call of calls) {
      const res = await call();
      expect(res.statusCode, res.body).toBe(404);
      expect(errorOf(res).code).toBe('NOT_FOUND');
    }
    expect((await f.list(b.viewer)).total).toBe(0);
    const board = (await b.viewer.get('/api/v1/opportunities/board')).json<{ columns: { total: number }[] }>();
    expect(board.columns.map((c) => c.total)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect((await f.get(a.viewer, o.id)).title).toBe('Only for A');
  });

  it("the triage queue and the managers' priorities never show another institution's requests, opportunities or staff", async () => {
    const request = await f.create(a.librarian, { title: 'A: incoming request', triggerKind: 'incoming_request' });
    const open = await f.create(a.librarian, { title: 'A: being approached', stage: 'approached' });
    const theirs = (await f.create(b.librarian, { title: 'B: incoming request', triggerKind: 'incoming_request' })).id;
    const triage = (await b.viewer.get('/api/v1/opportunities/triage')).json<{ items: { id: string }[]; total: number }>();
    expect(triage.items.map((x) => x.id)).toEqual([theirs]);
    expect(triage.total).toBe(1);
    const priorities = (await b.manager.get('/api/v1/opportunities/priorities')).json<PrioritiesDto>();
    expect(priorities.requests.map((x) => x.id)).toEqual([theirs]);
    expect([priorities.open, priorities.openTotal]).toEqual([[], 0]);
    const staffOfA = [a.admin, a.manager, a.librarian, a.viewer].map((x) => x.userId);
    expect(priorities.load.map((l) => l.id)).toContain(b.librarian.userId);
    expect(priorities.load.filter((l) => staffOfA.includes(l.id))).toEqual([]);
    const mine = (await a.manager.get('/api/v1/opportunities/priorities')).json<PrioritiesDto>();
    expect(mine.requests.map((x) => x.id)).toContain(request.id);
    expect(mine.open.map((x) => x.id)).toContain(open.id);
    expect([...mine.requests, ...mine.open].map((x) => x.id)).not.toContain(theirs);
  });
});

describe('opportunities: validation', () => {
  it('400 naming the field for a bad body; nothing written', async () => {
    const before = await count('opportunities', a.institutionId);
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '  ' }, 'title'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ triggerKind: 'rumour' }, 'triggerKind'],
      [{ value: 6 }, 'value'],
      [{ effort: 0 }, 'effort'],
      [{ windowClosesOn: '2026-02-30' }, 'windowClosesOn'],
      [{ stage: 'declined' }, 'stage'],
      [{ east: { easy: 'fine', cheap: 'no' } }, 'east.cheap'],
      [{ colour: 'green' }, 'colour'],
    ];
    for (const [over, field] of cases) {
      const res = await a.librarian.post('/api/v1/opportunities', { title: 'Bad', triggerKind: 'other', ...over });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(fields(res), JSON.stringify(over)).toContain(field);
    }
    expect(await count('opportunities', a.institutionId)).toBe(before);
  });

  it("400 naming each reference that is not the institution's, retired, inactive or not a success yet; nothing written", async () => {
    const [unitB, personB] = [await f.unit(b, 'B School'), await f.person(b, 'B Person')];
    const engagementB = (await f.log(b.librarian, b, { personIds: [personB] })).id;
    const goalB = await f.goal(b, 'institution', 'B goal');
    const retired = await f.goal(a, 'library', 'Retired goal', { active: false });
    const early = await f.create(a.librarian, { title: 'Still spotted' });
    const proofB = await f.create(b.librarian, { title: 'B success', stage: 'embedded' });
    const gone = await f.formerColleague(a);
    const before = { o: await count('opportunities', a.institutionId), c: await count('opportunity_stage_changes', a.institutionId) };
    const cases: [Record<string, unknown>, string][] = [
      [{ ownerId: b.librarian.userId }, 'ownerId'],
      [{ ownerId: gone }, 'ownerId'],
      [{ triggerEngagementId: engagementB }, 'triggerEngagementId'],
      [{ orgUnitIds: [unitB] }, 'orgUnitIds'],
      [{ personIds: [personB] }, 'personIds'],
      [{ goalIds: [goalB] }, 'goalIds'],
      [{ goalIds: [retired] }, 'goalIds'],
      [{ engagementIds: [engagementB] }, 'engagementIds'],
      [{ proofIds: [proofB.id] }, 'proofIds'],
      [{ proofIds: [early.id] }, 'proofIds'],
    ];
    for (const [over, field] of cases) {
      const res = await a.librarian.post('/api/v1/opportunities', { title: 'Bad refs', triggerKind: 'other', ...over });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(fields(res), JSON.stringify(over)).toEqual([field]);
      const patched = await a.librarian.patch(`/api/v1/opportunities/${early.id}`, over);
      expect(patched.statusCode, JSON.stringify(over)).toBe(400);
      expect(fields(patched)).toEqual([field]);
    }
    expect(await count('opportunities', a.institutionId)).toBe(before.o);
    expect(await count('opportunity_stage_changes', a.institutionId)).toBe(before.c);
    const self = await a.librarian.patch(`/api/v1/opportunities/${early.id}`, { proofIds: [early.id] });
    expect([self.statusCode, fields(self)]).toEqual([400, ['proofIds']]);
    expect(await f.get(a.viewer, early.id)).toMatchObject({ title: 'Still spotted', owner: { id: a.librarian.userId }, socialProof: [], goals: [] });
  });
});

describe('opportunities: create, edit, delete', () => {
  it('starts from an engagement: spotted today by the librarian, the meeting linked, the first stage change and an audit entry', async () => {
    clock.set('2026-03-15');
    const dept = await f.unit(a, 'School of Chemistry');
    const champion = await f.person(a, 'Dr Ada Byron');
    const meeting = await f.log(a.librarian, a, { occurredOn: '2026-03-10', summary: 'Talked about the external examiner report', personIds: [champion], orgUnitIds: [dept] });
    const skills = (await t.handle.db.selectFrom('goals').select('id').where('institution_id', '=', a.institutionId).where('title', '=', 'Skills').executeTakeFirstOrThrow()).id;
    const o = await f.create(a.librarian, {
      title: '  Referencing workshop for second years ', triggerKind: 'external_examiner', triggerText: 'Examiner flagged weak referencing',
      triggerEngagementId: meeting.id, hook: 'Marks lost on referencing', value: 4, effort: 2, windowClosesOn: '2026-05-15',
      east: { easy: 'Run it in their timetabled slot', timely: 'Before the dissertation' }, isPilot: true,
      orgUnitIds: [dept, dept], personIds: [champion], goalIds: [skills],
    });
    expect(o).toMatchObject({
      title: 'Referencing workshop for second years',
      trigger: { kind: 'external_examiner', text: 'Examiner flagged weak referencing', engagement: { id: meeting.id, occurredOn: '2026-03-10', summary: 'Talked about the external examiner report' } },
      hook: 'Marks lost on referencing', value: 4, effort: 2, windowClosesOn: '2026-05-15',
      east: { easy: 'Run it in their timetabled slot', attractive: null, social: null, timely: 'Before the dissertation' }, isPilot: true,
      owner: { id: a.librarian.userId }, stage: 'spotted', closedReason: null, stageChangedOn: '2026-03-15', lastActivityOn: '2026-03-15', milestone: null,
      orgUnits: [{ id: dept, name: 'School of Chemistry' }], people: [{ id: champion, name: 'Dr Ada Byron' }],
      goals: [{ id: skills, title: 'Skills', owner: 'library', parent: null }], socialProof: [], cold: null,
      engagements: [{ id: meeting.id, occurredOn: '2026-03-10', summary: 'Talked about the external examiner report' }],
      history: [{ from: null, to: 'spotted', reason: null, on: '2026-03-15', by: { id: a.librarian.userId } }],
    });
    // 4 × 1.5 (library) × 1.5 (61 days) ÷ 2
    expect(o.priority).toEqual({ score: 4.5, value: 4, effort: 2, alignment: 1.5, alignmentReason: "Aligned to the library's strategy", urgency: 1.5, urgencyReason: 'Closes in 61 days' });
    const [entry, ...more] = await audits(o.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: 'create', user_id: a.librarian.userId });
    expect(JSON.parse(entry?.changes ?? '{}')).toMatchObject({ stage: { after: 'spotted' }, engagementIds: { after: [meeting.id] }, orgUnitIds: { after: [dept] } });
  });

  it('PATCH changes only what is given; given lists replace; the trigger stays linked; audited', async () => {
    const [u1, u2] = [await f.unit(a, 'Unit one'), await f.unit(a, 'Unit two')];
    const e1 = await f.log(a.librarian, a, { occurredOn: '2026-03-01', summary: 'First talk', orgUnitIds: [u1] });
    const e2 = await f.log(a.librarian, a, { occurredOn: '2026-03-05', summary: 'Second talk', orgUnitIds: [u1] });
    const proof = await f.create(a.librarian, { title: 'Embedded elsewhere', stage: 'embedded' });
    const o = await f.create(a.librarian, { title: 'To edit', triggerEngagementId: e1.id, orgUnitIds: [u1], east: { easy: 'Easy', social: 'Peers' }, hook: 'A hook' });
    const res = await a.librarian.patch(`/api/v1/opportunities/${o.id}`, {
      orgUnitIds: [u2], engagementIds: [e2.id], proofIds: [proof.id], east: { social: null, attractive: 'Credit-bearing' }, hook: '', ownerId: a.manager.userId, value: 5,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      title: 'To edit', value: 5, effort: 3, hook: null, owner: { id: a.manager.userId },
      east: { easy: 'Easy', attractive: 'Credit-bearing', social: null, timely: null },
      orgUnits: [{ id: u2 }], socialProof: [{ id: proof.id, title: 'Embedded elsewhere', stage: 'embedded' }],
      engagements: [{ id: e2.id }, { id: e1.id }], trigger: { engagement: { id: e1.id } }, lastActivityOn: '2026-03-15',
    });
    const update = (await audits(o.id)).find((x) => x.action === 'update');
    expect(JSON.parse(update?.changes ?? '{}')).toMatchObject({ value: { before: 3, after: 5 }, orgUnitIds: { before: [u1], after: [u2] }, owner_id: { after: a.manager.userId } });
    const cleared = await a.librarian.patch(`/api/v1/opportunities/${o.id}`, { ownerId: null, triggerEngagementId: null });
    expect(cleared.json()).toMatchObject({ owner: null, trigger: { engagement: null }, engagements: [{ id: e2.id }, { id: e1.id }] });
  });

  it('the creator or a manager deletes; another librarian gets 403; citations as social proof go with it', async () => {
    const other = await f.create(a.manager, { title: "The manager's", stage: 'piloting' });
    const mine = await f.create(a.librarian, { title: 'Mine', proofIds: [other.id] });
    const forbidden = await a.librarian.delete(`/api/v1/opportunities/${other.id}`);
    expect(forbidden.statusCode).toBe(403);
    expect((await a.librarian.delete(`/api/v1/opportunities/${mine.id}`)).statusCode).toBe(204);
    expect((await a.viewer.get(`/api/v1/opportunities/${mine.id}`)).statusCode).toBe(404);
    const cites = await f.create(a.librarian, { title: 'Cites it', proofIds: [other.id] });
    expect((await a.manager.delete(`/api/v1/opportunities/${other.id}`)).statusCode).toBe(204);
    expect((await f.get(a.viewer, cites.id)).socialProof).toEqual([]);
    expect((await audits(other.id)).map((x) => x.action)).toEqual(['create', 'delete']);
  });
});
