import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { movableClock, movingClockEnv, opportunityFixtures } from '../../../../test/opportunities.ts';

const clock = movableClock('2026-03-15');
let t: TestApp;
let a: Tenant;
const f = opportunityFixtures(() => t);
const fields = (res: Parameters<typeof errorOf>[0]) => errorOf(res).details?.map((d) => d.field);
const changes = (id: string) => t.handle.db.selectFrom('opportunity_stage_changes').select(['from_stage', 'to_stage']).where('opportunity_id', '=', id).execute();

beforeAll(async () => {
  t = await buildTestApp({ clock, env: movingClockEnv });
  a = await newTenant(t);
  await f.loadVocab(a);
});
afterAll(() => t?.close());

describe('opportunities: stages', () => {
  it('moves through the stages on the days they happen, with who and why in the history, oldest first', async () => {
    clock.set('2026-03-01');
    const o = await f.create(a.librarian, { title: 'Embed information literacy in PY101' });
    clock.set('2026-03-04');
    await f.move(a.librarian, o.id, 'hook_found', 'They want better dissertations');
    clock.set('2026-03-09');
    await f.move(a.manager, o.id, 'approached');
    clock.set('2026-03-15');
    const piloting = await f.move(a.librarian, o.id, 'piloting', 'A pilot with one module');
    expect(piloting).toMatchObject({ stage: 'piloting', stageChangedOn: '2026-03-15', lastActivityOn: '2026-03-15', closedReason: null });
    expect(piloting.history.map((h) => [h.from, h.to, h.reason, h.on, h.by?.id])).toEqual([
      [null, 'spotted', null, '2026-03-01', a.librarian.userId],
      ['spotted', 'hook_found', 'They want better dissertations', '2026-03-04', a.librarian.userId],
      ['hook_found', 'approached', null, '2026-03-09', a.manager.userId],
      ['approached', 'piloting', 'A pilot with one module', '2026-03-15', a.librarian.userId],
    ]);
    expect(piloting.history[2]?.by?.name).toMatch(/^manager /);
    const audit = await t.handle.db.selectFrom('audit_log').select(['action', 'changes']).where('entity_id', '=', o.id).orderBy('at').orderBy('id').execute();
    expect(audit.map((x) => x.action)).toEqual(['create', 'update', 'update', 'update']);
    expect(JSON.parse(audit[3]?.changes ?? '{}')).toMatchObject({ stage: { before: 'approached', after: 'piloting' }, stage_changed_on: { before: '2026-03-09', after: '2026-03-15' } });
  });

  it('the same stage again is 409 on stage; declined or lapsed needs a reason (400); nothing written', async () => {
    const o = await f.create(a.librarian, { title: 'Stage rules' });
    const same = await a.librarian.post(`/api/v1/opportunities/${o.id}/stage`, { stage: 'spotted' });
    expect([same.statusCode, errorOf(same).code, fields(same)]).toEqual([409, 'CONFLICT', ['stage']]);
    for (const stage of ['declined', 'lapsed']) {
      const res = await a.librarian.post(`/api/v1/opportunities/${o.id}/stage`, { stage, reason: '  ' });
      expect([res.statusCode, fields(res)], stage).toEqual([400, ['reason']]);
    }
    const unknown = await a.librarian.post(`/api/v1/opportunities/${o.id}/stage`, { stage: 'won' });
    expect([unknown.statusCode, fields(unknown)]).toEqual([400, ['stage']]);
    expect(await changes(o.id)).toHaveLength(1);
    expect((await a.librarian.post('/api/v1/opportunities/no-such-id/stage', { stage: 'approached' })).statusCode).toBe(404);
  });

  it('declined keeps its reason; reopening clears it', async () => {
    const o = await f.create(a.librarian, { title: 'Declined then back' });
    const declined = await f.move(a.librarian, o.id, 'declined', 'No capacity in the department this year');
    expect(declined).toMatchObject({ stage: 'declined', closedReason: 'No capacity in the department this year', cold: null });
    const lapsed = await f.move(a.librarian, o.id, 'lapsed', 'The funding call closed');
    expect(lapsed.closedReason).toBe('The funding call closed');
    const back = await f.move(a.librarian, o.id, 'approached', 'New head of department is keen');
    expect(back).toMatchObject({ stage: 'approached', closedReason: null });
    expect(back.history.map((h) => h.reason)).toEqual([null, 'No capacity in the department this year', 'The funding call closed', 'New head of department is keen']);
  });
});

describe('opportunities: milestone', () => {
  it('only once embedded (409 on stage), with a department (400 on orgUnitIds), not in the future (400 on on)', async () => {
    clock.set('2026-03-15');
    const dept = await f.unit(a, 'School of Physics');
    const o = await f.create(a.librarian, { title: 'Embed the literature search', stage: 'piloting' });
    const early = await a.librarian.post(`/api/v1/opportunities/${o.id}/milestone`, { title: 'Literature search embedded', on: '2026-03-10' });
    expect([early.statusCode, fields(early)]).toEqual([409, ['stage']]);
    await f.move(a.librarian, o.id, 'embedded');
    const noUnit = await a.librarian.post(`/api/v1/opportunities/${o.id}/milestone`, { title: 'Literature search embedded', on: '2026-03-10' });
    expect([noUnit.statusCode, fields(noUnit)]).toEqual([400, ['orgUnitIds']]);
    await a.librarian.patch(`/api/v1/opportunities/${o.id}`, { orgUnitIds: [dept] });
    const future = await a.librarian.post(`/api/v1/opportunities/${o.id}/milestone`, { title: 'Literature search embedded', on: '2026-03-16' });
    expect([future.statusCode, fields(future)]).toEqual([400, ['on']]);
    for (const [body, field] of [[{ title: ' ', on: '2026-03-10' }, 'title'], [{ title: 'x', on: 'yesterday' }, 'on'], [{ title: 'x' }, 'on']] as const) {
      const res = await a.librarian.post(`/api/v1/opportunities/${o.id}/milestone`, body);
      expect([res.statusCode, fields(res)], JSON.stringify(body)).toEqual([400, [field]]);
    }
    expect((await f.get(a.viewer, o.id)).milestone).toBeNull();

    const res = await a.librarian.post(`/api/v1/opportunities/${o.id}/milestone`, { title: 'Literature search embedded in PY2', on: '2026-03-15' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'embedded', milestone: { title: 'Literature search embedded in PY2', on: '2026-03-15' }, orgUnits: [{ id: dept }] });
    const row = await t.handle.db.selectFrom('opportunities').select(['milestone', 'milestone_on']).where('id', '=', o.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ milestone: 'Literature search embedded in PY2', milestone_on: '2026-03-15' });
  });
});
