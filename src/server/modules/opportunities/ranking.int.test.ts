import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { movableClock, movingClockEnv, opportunityFixtures, titles } from '../../../../test/opportunities.ts';
import { BOARD_COLUMN_LIMIT, type BoardDto, type OpportunityDto } from '../../../shared/contracts/opportunities.ts';

const clock = movableClock('2026-03-15');
let t: TestApp;
let a: Tenant;
let b: Tenant;
const f = opportunityFixtures(() => t);
const parts = (o: OpportunityDto) => [o.title, o.priority.score, o.priority.value, o.priority.alignment, o.priority.urgency, o.priority.effort];

beforeAll(async () => {
  t = await buildTestApp({ clock, env: movingClockEnv });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  await Promise.all([f.loadVocab(a), f.loadVocab(b)]);
});
afterAll(() => t?.close());

describe('opportunities: priority', () => {
  /** a's crafted set, "today" 2026-03-15 */
  const ids: Record<string, string> = {};
  const units = { science: '', chemistry: '', history: '' };
  const goals = { lib: '', inst: '', instObjective: '' };

  beforeAll(async () => {
    clock.set('2026-03-15');
    units.science = await f.unit(a, 'Faculty of Science');
    units.chemistry = await f.unit(a, 'Chemistry', units.science);
    units.history = await f.unit(a, 'History');
    goals.lib = await f.goal(a, 'library', 'Library: Skills for life');
    goals.inst = await f.goal(a, 'institution', 'Institution: Student success');
    goals.instObjective = await f.goal(a, 'institution', 'Raise continuation rates', { parentId: goals.inst });
    const make = async (key: string, body: Record<string, unknown>) => { ids[key] = (await f.create(a.librarian, { title: key, ...body })).id; };
    await make('Both strategies, closing soon', { value: 5, effort: 1, windowClosesOn: '2026-03-18', goalIds: [goals.lib, goals.instObjective], orgUnitIds: [units.chemistry] });
    await make('Institution, in 20 days', { value: 4, effort: 2, windowClosesOn: '2026-04-04', goalIds: [goals.instObjective], triggerKind: 'nss_results' });
    await make('Library, in 60 days', { value: 3, effort: 3, windowClosesOn: '2026-05-14', goalIds: [goals.lib], orgUnitIds: [units.history], hook: 'Zoë wants a reading list audit' });
    await make('Plain, far window', { value: 3, effort: 3, windowClosesOn: '2026-12-01', ownerId: a.manager.userId });
    await make('Plain, no window A', { value: 3, effort: 3 });
    await make('Plain, no window B', { value: 3, effort: 3, orgUnitIds: [units.science] });
    await make('Window closed', { value: 2, effort: 4, windowClosesOn: '2026-03-01', stage: 'approached' });
  });

  it('lists by score, then the window closing soonest, then title, with every part shown', async () => {
    const page = await f.list(a.viewer, '?pageSize=200');
    expect(page.items.map(parts)).toEqual([
      ['Both strategies, closing soon', 30, 5, 2, 3, 1], // 5 × 2 × 3 ÷ 1
      ['Institution, in 20 days', 6, 4, 1.5, 2, 2], //      4 × 1.5 × 2 ÷ 2
      ['Library, in 60 days', 2.25, 3, 1.5, 1.5, 3], //     3 × 1.5 × 1.5 ÷ 3
      ['Plain, far window', 1, 3, 1, 1, 3], //              a window beats none at the same score
      ['Plain, no window A', 1, 3, 1, 1, 3],
      ['Plain, no window B', 1, 3, 1, 1, 3],
      ['Window closed', 0.25, 2, 1, 0.5, 4], //             2 × 1 × 0.5 ÷ 4
    ]);
    const [top] = page.items;
    expect(top?.priority).toMatchObject({ alignmentReason: 'Aligned to both library and institutional strategy', urgencyReason: 'Closes in 3 days' });
    expect(top?.goals.find((g) => g.id === goals.instObjective)).toEqual({ id: goals.instObjective, title: 'Raise continuation rates', owner: 'institution', parent: { id: goals.inst, title: 'Institution: Student success' } });
    expect(page.items[6]?.priority.urgencyReason).toBe('The window closed on 2026-03-01');
    const second = await f.list(a.viewer, '?pageSize=2&page=2');
    expect([titles(second.items), second.total, second.page, second.pageSize]).toEqual([['Library, in 60 days', 'Plain, far window'], 7, 2, 2]);
  });

  it('sorts by window (none last) or by last update', async () => {
    expect(titles((await f.list(a.viewer, '?sort=window')).items)).toEqual([
      'Window closed', 'Both strategies, closing soon', 'Institution, in 20 days', 'Library, in 60 days', 'Plain, far window', 'Plain, no window A', 'Plain, no window B',
    ]);
    // the clock is fixed, so everything else was last updated at the same instant: newest id first among them
    clock.set('2026-03-16');
    const touched = await a.librarian.patch(`/api/v1/opportunities/${ids['Plain, no window A'] ?? ''}`, { triggerText: 'touched' });
    expect(touched.statusCode, touched.body).toBe(200);
    clock.set('2026-03-15');
    expect(titles((await f.list(a.viewer, '?sort=updated')).items)).toEqual([
      'Plain, no window A', 'Window closed', 'Plain, no window B', 'Plain, far window', 'Library, in 60 days', 'Institution, in 20 days', 'Both strategies, closing soon',
    ]);
  });

  it('filters by stage, owner, org unit with the units below it, goal with its objectives, trigger kind and words', async () => {
    const q = async (query: string) => titles((await f.list(a.viewer, query)).items);
    expect(await q('?stage=approached')).toEqual(['Window closed']);
    expect(await q('?stage=spotted,approached')).toHaveLength(7);
    expect(await q(`?ownerId=${a.manager.userId}`)).toEqual(['Plain, far window']);
    expect(await q(`?orgUnitId=${units.science}`)).toEqual(['Both strategies, closing soon', 'Plain, no window B']);
    expect(await q(`?orgUnitId=${units.chemistry}`)).toEqual(['Both strategies, closing soon']);
    expect(await q(`?goalId=${goals.inst}`)).toEqual(['Both strategies, closing soon', 'Institution, in 20 days']);
    expect(await q(`?goalId=${goals.lib}`)).toEqual(['Both strategies, closing soon', 'Library, in 60 days']);
    expect(await q('?triggerKind=nss_results')).toEqual(['Institution, in 20 days']);
    expect(await q('?q=zoe%20wants')).toEqual(['Library, in 60 days']);
    expect(await q('?q=PLAIN%2C%20NO')).toEqual(['Plain, no window A', 'Plain, no window B']);
    expect(await q('?q=touched')).toEqual(['Plain, no window A']);
    expect(await q(`?orgUnitId=${units.history}&goalId=${goals.inst}`)).toEqual([]);
    const bad = await a.viewer.get('/api/v1/opportunities?stage=won');
    expect(bad.statusCode).toBe(400);
  });

  it('the board: a column per stage in order, each with its total and its cards by priority', async () => {
    const res = await a.viewer.get('/api/v1/opportunities/board');
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json<BoardDto>();
    expect(board.columns.map((c) => [c.stage, c.total, titles(c.items)])).toEqual([
      ['spotted', 6, ['Both strategies, closing soon', 'Institution, in 20 days', 'Library, in 60 days', 'Plain, far window', 'Plain, no window A', 'Plain, no window B']],
      ['hook_found', 0, []], ['approached', 1, ['Window closed']], ['piloting', 0, []], ['embedded', 0, []], ['declined', 0, []], ['lapsed', 0, []],
    ]);
    const filtered = (await a.viewer.get(`/api/v1/opportunities/board?orgUnitId=${units.science}`)).json<BoardDto>();
    expect(filtered.columns.map((c) => c.total)).toEqual([2, 0, 0, 0, 0, 0, 0]);
  });
});

describe('opportunities: the board caps each column', () => {
  it(`shows the first ${BOARD_COLUMN_LIMIT} by priority and counts them all`, async () => {
    for (let i = 0; i < BOARD_COLUMN_LIMIT + 1; i++) {
      await f.create(b.librarian, { title: `Card ${String(i).padStart(2, '0')}`, stage: 'hook_found', value: i === BOARD_COLUMN_LIMIT ? 5 : 1 });
    }
    const board = (await b.viewer.get('/api/v1/opportunities/board')).json<BoardDto>();
    const column = board.columns.find((c) => c.stage === 'hook_found');
    expect([column?.total, column?.items.length, column?.items[0]?.title, column?.items[1]?.title]).toEqual([BOARD_COLUMN_LIMIT + 1, BOARD_COLUMN_LIMIT, `Card ${BOARD_COLUMN_LIMIT}`, 'Card 00']);
    expect(column?.items.at(-1)?.title).toBe(`Card ${BOARD_COLUMN_LIMIT - 2}`);
  });
});
