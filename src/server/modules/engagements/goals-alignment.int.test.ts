import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { engagementFixtures } from '../../../../test/engagements.ts';
import { newId } from '../../lib/ids.ts';

/*
 * Engagements align to strategic goals (issue 5): only to the institution's own goals, and only to
 * those still in use. A retired goal keeps what already aligns to it, but nothing new may choose it.
 */
let t: TestApp;
let a: Tenant;
let b: Tenant;
const f = engagementFixtures(() => t);
const goals = { mine: '', retired: '', theirs: '' };
let unit = '';
const fields = (res: Parameters<typeof errorOf>[0]) => errorOf(res).details?.map((d) => d.field);

async function goal(tenant: Tenant, title: string, active = true): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await t.handle.db.insertInto('goals').values({
    id, institution_id: tenant.institutionId, parent_id: null, owner: 'library', title, description: null, sort_order: 99, active: active ? 1 : 0, created_at: now, updated_at: now,
  }).execute();
  return id;
}
const alignedTo = async (engagementId: string) =>
  (await t.handle.db.selectFrom('engagement_goals').select('goal_id').where('engagement_id', '=', engagementId).execute()).map((r) => r.goal_id);
const engagementCount = async () =>
  Number((await t.handle.db.selectFrom('engagements').select((eb) => eb.fn.countAll<number>().as('n')).where('institution_id', '=', a.institutionId).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await buildTestApp();
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  await Promise.all([f.loadVocab(a), f.loadVocab(b)]);
  unit = await f.unit(a, 'History');
  goals.mine = await goal(a, 'Research visibility');
  goals.retired = await goal(a, 'Old strategy', false);
  goals.theirs = await goal(b, 'Their goal');
});
afterAll(() => t?.close());

describe('engagements: goalIds', () => {
  it("400 naming goalIds for another institution's, a retired or an unknown goal, on create and on edit; nothing written", async () => {
    const before = await engagementCount();
    const e = await f.log(a.librarian, a, { summary: 'Aligned meeting', orgUnitIds: [unit], goalIds: [goals.mine] });
    expect(await alignedTo(e.id)).toEqual([goals.mine]);
    for (const bad of [goals.theirs, goals.retired, 'no-such-goal']) {
      const created = await a.librarian.post('/api/v1/engagements', { typeId: f.types(a).meeting, occurredOn: '2024-05-01', summary: 'Misaligned', orgUnitIds: [unit], goalIds: [goals.mine, bad] });
      expect([created.statusCode, fields(created)], bad).toEqual([400, ['goalIds']]);
      const edited = await a.librarian.patch(`/api/v1/engagements/${e.id}`, { summary: 'Changed', goalIds: [bad] });
      expect([edited.statusCode, fields(edited)], bad).toEqual([400, ['goalIds']]);
    }
    expect(await engagementCount()).toBe(before + 1);
    expect(await alignedTo(e.id)).toEqual([goals.mine]);
    const still = await a.viewer.get(`/api/v1/engagements/${e.id}`);
    expect(still.json<{ summary: string }>().summary).toBe('Aligned meeting');
  });
});
