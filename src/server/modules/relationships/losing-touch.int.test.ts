import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, newTenant, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';
import { clock, relationshipFixtures } from '../../../../test/relationships.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import type { LosingTouchItemDto } from '../../../shared/contracts/relationships.ts';

/* People past their stay-in-touch date, most overdue first; `mine` for the units the caller covers. */

let t: TestApp;
let a: Tenant;
let b: Tenant;
const f = relationshipFixtures(() => t);
const p: Record<string, string> = {};

async function losingTouch(agent: Agent, query = ''): Promise<Page<LosingTouchItemDto>> {
  const res = await agent.get(`/api/v1/relationships/losing-touch${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const names = (page: Page<LosingTouchItemDto>) => page.items.map((i) => i.name);

beforeAll(async () => {
  t = await buildTestApp({ clock, env: { LOGIN_RATE_LIMIT: '100' } });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  await Promise.all([f.loadVocab(a), f.loadVocab(b)]);
  const faculty = await f.orgUnit(a, 'Faculty', 'faculty');
  const [u1, u2, u3] = [await f.orgUnit(a, 'Covered', 'department', faculty), await f.orgUnit(a, 'Once covered', 'department', faculty), await f.orgUnit(a, 'Covered from April', 'department', faculty)];
  const at = (orgUnitId: string, dates: Record<string, string> = {}) => ({ positions: [{ orgUnitId, title: 'Lecturer', ...dates }] });
  p.Ada = await f.person(a, 'Ada', { stayInTouchDays: 30, ...at(u1) });
  p.Bo = await f.person(a, 'Bo', { stayInTouchDays: 10, ...at(u1) });
  p.Cy = await f.person(a, 'Cy', { stayInTouchDays: 60, ...at(u1, { endDate: '2026-01-31' }) });
  p.Di = await f.person(a, 'Di', { stayInTouchDays: 30, ...at(u1) });
  p.Ed = await f.person(a, 'Ed', at(u1));
  p.Flo = await f.person(a, 'Flo', { stayInTouchDays: 14, isChampion: true, ...at(u2) });
  p.Gus = await f.person(a, 'Gus', { stayInTouchDays: 30, ...at(u3) });
  p.Hal = await f.person(a, 'Hal', { stayInTouchDays: 14, ...at(u1) });
  // Flo was added on 1 January and never engaged
  await t.handle.db.updateTable('people').set({ created_at: '2026-01-01T10:00:00.000Z' }).where('id', '=', p.Flo).execute();
  const engage = (name: string, on: string) => f.engage(a.librarian, a, { type: 'email', on, by: 'partner', people: [p[name] ?? ''] });
  await engage('Ada', '2026-01-01');
  await engage('Bo', '2026-03-01');
  await engage('Cy', '2025-12-01');
  await engage('Di', '2026-03-01');
  await engage('Ed', '2025-01-01');
  await engage('Gus', '2026-01-01');
  await engage('Gus', '2026-04-01'); // planned: does not keep Gus in touch today
  await engage('Hal', '2026-03-01'); // due today: not yet overdue
  await f.engage(b.librarian, b, { on: '2025-01-01', people: [await f.person(b, 'Elsewhere', { stayInTouchDays: 7 })] });

  const functionId = (await a.viewer.get('/api/v1/vocab?kind=function')).json<{ id: string; key: string }[]>().find((v) => v.key === 'subject_liaison')?.id;
  const cover = async (orgUnitId: string, dates: Record<string, string>) => {
    const res = await a.manager.post('/api/v1/coverage', { userId: a.librarian.userId, orgUnitId, functionId, ...dates });
    expect(res.statusCode, res.body).toBe(201);
  };
  await cover(u1, { startDate: '2025-08-01' });
  await cover(u2, { startDate: '2025-08-01', endDate: '2026-02-28' });
  await cover(u3, { startDate: '2026-04-01' });
});
afterAll(() => t?.close());

describe('losing touch', () => {
  it('people with an interval past their due date, most overdue first, ties by name', async () => {
    const page = await losingTouch(a.viewer);
    expect(page).toMatchObject({ page: 1, pageSize: 50, total: 5 });
    expect(page.items).toEqual([
      { id: p.Flo, name: 'Flo', isChampion: true, intervalDays: 14, lastEngagementOn: null, dueOn: '2026-01-15', daysOverdue: 59 },
      { id: p.Cy, name: 'Cy', isChampion: false, intervalDays: 60, lastEngagementOn: '2025-12-01', dueOn: '2026-01-30', daysOverdue: 44 },
      { id: p.Ada, name: 'Ada', isChampion: false, intervalDays: 30, lastEngagementOn: '2026-01-01', dueOn: '2026-01-31', daysOverdue: 43 },
      { id: p.Gus, name: 'Gus', isChampion: false, intervalDays: 30, lastEngagementOn: '2026-01-01', dueOn: '2026-01-31', daysOverdue: 43 },
      { id: p.Bo, name: 'Bo', isChampion: false, intervalDays: 10, lastEngagementOn: '2026-03-01', dueOn: '2026-03-11', daysOverdue: 4 },
    ]);
  });

  it('agrees with each person\'s own stay-in-touch signal', async () => {
    expect((await f.personSignals(a.viewer, p.Flo ?? '')).stayInTouch).toEqual({ intervalDays: 14, lastEngagementOn: null, dueOn: '2026-01-15', overdue: true });
    expect((await f.personSignals(a.viewer, p.Gus ?? '')).stayInTouch).toEqual({ intervalDays: 30, lastEngagementOn: '2026-01-01', dueOn: '2026-01-31', overdue: true });
    expect((await f.personSignals(a.viewer, p.Hal ?? '')).stayInTouch).toEqual({ intervalDays: 14, lastEngagementOn: '2026-03-01', dueOn: '2026-03-15', overdue: false });
  });

  it('pages', async () => {
    const pages = [await losingTouch(a.viewer, '?pageSize=2'), await losingTouch(a.viewer, '?pageSize=2&page=2'), await losingTouch(a.viewer, '?pageSize=2&page=3')];
    expect(pages.map(names)).toEqual([['Flo', 'Cy'], ['Ada', 'Gus'], ['Bo']]);
    expect(pages.map((x) => [x.page, x.pageSize, x.total])).toEqual([[1, 2, 5], [2, 2, 5], [3, 2, 5]]);
    expect(await losingTouch(a.viewer, '?pageSize=2&page=4')).toEqual({ items: [], page: 4, pageSize: 2, total: 5 });
  });

  it('mine: people with a current position at a unit the caller covers now', async () => {
    // the librarian covers "Covered" now, "Once covered" until February, "Covered from April" from April;
    // Cy's post at "Covered" ended in January
    const mine = await losingTouch(a.librarian, '?mine=true');
    expect(names(mine)).toEqual(['Ada', 'Bo']);
    expect(mine.total).toBe(2);
    expect(await losingTouch(a.manager, '?mine=true')).toMatchObject({ items: [], total: 0 });
    expect((await losingTouch(a.librarian, '?mine=false')).total).toBe(5);
  });

  it('an engagement today brings a person back in touch', async () => {
    await f.engage(a.librarian, a, { type: 'call', on: '2026-03-15', people: [p.Ada ?? ''] });
    const page = await losingTouch(a.viewer);
    expect(names(page)).toEqual(['Flo', 'Cy', 'Gus', 'Bo']);
    expect(page.total).toBe(4);
  });
});
