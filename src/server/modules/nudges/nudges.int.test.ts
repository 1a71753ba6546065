import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorOf, newTenant, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';
import type { NudgeDto, NudgesDto } from '../../../shared/contracts/nudges.ts';

/*
 * The nudges feed as its users meet it. "Today" is 15 March 2026 in Europe/London (the 2025–26
 * academic year began on 1 August 2025), so under the default Loughborough partnership model the
 * first of three staff-student committee meetings (August–November) is overdue everywhere.
 * The clock moves by hand only to see a snooze run out, and is put back straight after.
 */
const TODAY = Date.parse('2026-03-15T12:00:00Z');
let current = TODAY;
const clock = { now: () => new Date(current) };

let t: TestApp;
let a: Tenant;
let b: Tenant;
/** a: Faculty of Science (the librarian covers it) with Chemistry and Physics below; History on its own. */
const fx = { science: '', chem: '', physics: '', history: '', ada: '', ben: '', committee: '', fns: {} as Record<string, string>, types: {} as Record<string, string> };
const other = { unit: '', person: '' };

const ok = <T>(res: { statusCode: number; body: string; json: <U>() => U }, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
};
const feed = async (agent: Agent, scope: 'mine' | 'team' = 'mine') => ok<NudgesDto>(await agent.get(`/api/v1/nudges?scope=${scope}`));
const keys = async (agent: Agent, scope: 'mine' | 'team' = 'mine') => (await feed(agent, scope)).items.map((n) => n.key);
const byKey = (items: NudgeDto[], key: string) => items.find((n) => n.key === key);
const act = (agent: Agent, body: Record<string, unknown>) => agent.post('/api/v1/nudges/actions', body);

async function vocab(agent: Agent, kind: string) {
  return Object.fromEntries(ok<{ key: string; id: string }[]>(await agent.get(`/api/v1/vocab?kind=${kind}`)).map((v) => [v.key, v.id]));
}
async function unit(agent: Agent, name: string, type: 'faculty' | 'department', parentId?: string) {
  return ok<{ id: string }>(await agent.post('/api/v1/org-units', { name, type, ...(parentId ? { parentId } : {}) }), 201).id;
}
async function person(agent: Agent, name: string, orgUnitId: string, extra: Record<string, unknown> = {}) {
  return ok<{ id: string }>(await agent.post('/api/v1/people', { name, positions: [{ orgUnitId, title: 'Lecturer' }], ...extra }), 201).id;
}
async function engage(agent: Agent, body: Record<string, unknown>, types = fx.types) {
  return ok<{ id: string }>(await agent.post('/api/v1/engagements', { typeId: types.meeting, summary: 'Talked about reading lists', initiatedBy: 'partner', ...body }), 201).id;
}
const cadenceKey = (unitId: string, from: string, activity = fx.committee) => `cadence:${activity}:${unitId}:${from}`;

beforeAll(async () => {
  // sessions must outlive the day the clock moves forward
  t = await buildTestApp({ clock, env: { LOGIN_RATE_LIMIT: '1000', SESSION_IDLE_MINUTES: '100000', SESSION_ABSOLUTE_HOURS: '10000' } });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  fx.types = await vocab(a.viewer, 'engagement_type');
  fx.fns = await vocab(a.viewer, 'function');
  const templates = ok<{ name: string; activities: { id: string; cadence: string }[] }[]>(await a.viewer.get('/api/v1/partnership-templates'));
  expect(templates.map((x) => x.name)).toEqual(['Loughborough partnership model']);
  fx.committee = templates[0]?.activities.find((x) => x.cadence === 'per_meeting')?.id ?? '';

  fx.science = await unit(a.manager, 'Faculty of Science', 'faculty');
  fx.chem = await unit(a.manager, 'Chemistry', 'department', fx.science);
  fx.physics = await unit(a.manager, 'Physics', 'department', fx.science);
  fx.history = await unit(a.manager, 'History', 'department');
  ok(await a.manager.post('/api/v1/coverage', { userId: a.librarian.userId, orgUnitId: fx.science, functionId: fx.fns.subject_liaison }), 201);
  ok(await a.admin.patch('/api/v1/institution', { contactCap: 2, contactCapDays: 30 }));

  // Ada, in touch every 30 days, was last met on 10 January: due on 9 February
  fx.ada = await person(a.librarian, 'Dr Ada Byron', fx.chem, { stayInTouchDays: 30 });
  await engage(a.librarian, { occurredOn: '2026-01-10', personIds: [fx.ada], orgUnitIds: [fx.chem] });
  // Ben has had three library-initiated emails in 30 days, over the institution's cap of two
  fx.ben = await person(a.librarian, 'Prof Ben Brook', fx.chem);
  for (const day of ['2026-03-02', '2026-03-06', '2026-03-10']) {
    await engage(a.librarian, { typeId: fx.types.email, occurredOn: day, personIds: [fx.ben], initiatedBy: 'library' });
  }
  // History is seen by two members of staff; Physics by nobody
  await engage(a.librarian, { occurredOn: '2025-09-01', orgUnitIds: [fx.history], staffIds: [a.librarian.userId, a.manager.userId] });

  // b: the same situations in another institution
  other.unit = await unit(b.manager, 'Chemistry', 'department');
  other.person = await person(b.librarian, 'Dr Other Person', other.unit, { stayInTouchDays: 30, contactCap: 1 });
  const bTypes = await vocab(b.viewer, 'engagement_type');
  await engage(b.librarian, { occurredOn: '2026-01-10', personIds: [other.person], orgUnitIds: [other.unit], initiatedBy: 'library' }, bTypes);
  await engage(b.librarian, { occurredOn: '2026-01-11', personIds: [other.person], initiatedBy: 'library' }, bTypes);
});
afterAll(() => t?.close());

describe('the nudges feed', () => {
  it('401 without a session; team scope is for managers and admins only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/nudges' })).statusCode).toBe(401);
    const post = await t.app.inject({ method: 'POST', url: '/api/v1/nudges/actions', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ action: 'dismiss', key: 'k', reason: 'r' }) });
    expect(post.statusCode).toBe(401);
    for (const who of [a.librarian, a.viewer]) {
      const res = await who.get('/api/v1/nudges?scope=team');
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe('FORBIDDEN');
    }
    for (const who of [a.manager, a.admin]) expect((await who.get('/api/v1/nudges?scope=team')).statusCode).toBe(200);
    expect(errorOf(await a.librarian.get('/api/v1/nudges?scope=everyone')).code).toBe('VALIDATION');
  });

  it("mine: each kind for the librarian's faculty and the people there, linked to where to act", async () => {
    const { items, hidden } = await feed(a.librarian);
    expect(hidden).toBe(0);
    const expected: Partial<NudgeDto>[] = [
      { key: cadenceKey(fx.chem, '2025-08-01'), kind: 'cadence_overdue', href: `/departments/${fx.chem}`, date: '2025-11-30' },
      { key: cadenceKey(fx.physics, '2025-08-01'), kind: 'cadence_overdue', href: `/departments/${fx.physics}`, date: '2025-11-30' },
      { key: `touch:${fx.ada}:2026-02-09`, kind: 'stay_in_touch', href: `/people/${fx.ada}`, date: '2026-02-09', title: 'Get in touch with Dr Ada Byron' },
      { key: `cap:${fx.ben}:3`, kind: 'contact_cap', href: `/people/${fx.ben}`, title: 'Prof Ben Brook: contact cap passed' },
      { key: `unengaged:${fx.physics}:2025`, kind: 'not_engaged', href: `/departments/${fx.physics}`, title: 'Physics: not engaged this academic year' },
      { key: `single:${fx.chem}:2025`, kind: 'single_point', href: `/departments/${fx.chem}`, title: 'Chemistry: one member of staff holds the relationship' },
    ];
    for (const e of expected) expect(byKey(items, e.key ?? ''), e.key).toMatchObject(e);
    expect(byKey(items, cadenceKey(fx.chem, '2025-08-01'))?.title).toBe('Attendance at the staff-student committee: overdue for Chemistry');
    expect(byKey(items, `cap:${fx.ben}:3`)?.detail).toContain('3 library-initiated engagements in the last 30 days, over the cap of 2');
    expect(byKey(items, `touch:${fx.ada}:2026-02-09`)?.detail).toContain('last engagement 2026-01-10');
    // nothing of History (not covered), no coverage gaps (team only), no department engaged this year as unengaged
    expect(items.filter((n) => n.href.includes(fx.history) || n.title.includes('History'))).toEqual([]);
    expect(items.filter((n) => n.kind === 'coverage_gap')).toEqual([]);
    expect(byKey(items, `unengaged:${fx.chem}:2025`)).toBeUndefined();
    // the same situation keeps the same key, and every key is unique
    expect(await keys(a.librarian)).toEqual(items.map((n) => n.key));
    expect(new Set(items.map((n) => n.key)).size).toBe(items.length);
    // the most actionable kinds first, and within a kind by the date that makes them urgent
    const order = ['cadence_overdue', 'stay_in_touch', 'contact_cap', 'not_engaged', 'single_point', 'coverage_gap'];
    const ranks = items.map((n) => order.indexOf(n.kind));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    for (const kind of order) {
      const dated = items.filter((n) => n.kind === kind).map((n) => n.date).filter((d): d is string => d !== null);
      expect(dated, kind).toEqual([...dated].sort());
    }
  });

  it('team: every department, with the coverage gaps; mine is empty for someone who covers nothing', async () => {
    const { items } = await feed(a.manager, 'team');
    expect(byKey(items, cadenceKey(fx.history, '2025-08-01'))).toMatchObject({ kind: 'cadence_overdue', href: `/departments/${fx.history}` });
    expect(byKey(items, `touch:${fx.ada}:2026-02-09`)).toBeDefined();
    expect(byKey(items, `unengaged:${fx.physics}:2025`)).toBeDefined();
    // History is seen by two people: neither unengaged nor resting on one
    expect(byKey(items, `unengaged:${fx.history}:2025`)).toBeUndefined();
    expect(byKey(items, `single:${fx.history}:2025`)).toBeUndefined();
    const gaps = items.filter((n) => n.kind === 'coverage_gap');
    const gapKeys = (unitId: string) => gaps.filter((n) => n.key.startsWith(`gap:${unitId}:`)).map((n) => n.key).sort();
    const allBut = (unitId: string, skip: string[]) => Object.entries(fx.fns).filter(([k]) => !skip.includes(k)).map(([, id]) => `gap:${unitId}:${id}`).sort();
    // Chemistry and Physics inherit the faculty's subject liaison; History has nobody at all
    expect(gapKeys(fx.chem)).toEqual(allBut(fx.chem, ['subject_liaison']));
    expect(gapKeys(fx.physics)).toEqual(allBut(fx.physics, ['subject_liaison']));
    expect(gapKeys(fx.history)).toEqual(allBut(fx.history, []));
    expect(gapKeys(fx.science)).toEqual([]);
    expect(gaps.every((n) => n.href === '/coverage')).toBe(true);
    expect(byKey(items, `gap:${fx.history}:${fx.fns.research_support}`)?.title).toBe('History: nobody covers research support');
    expect(await feed(a.viewer)).toEqual({ items: [], hidden: 0 });
  });

  it("never shows another institution's departments or people", async () => {
    const mineA = [...(await feed(a.manager, 'team')).items, ...(await feed(a.librarian)).items];
    const theirs = (await feed(b.manager, 'team')).items;
    expect(theirs.length).toBeGreaterThan(0);
    expect(byKey(theirs, `touch:${other.person}:2026-02-10`)).toBeDefined();
    // b's person is over their own cap of one, but only in January: outside the 30-day window
    expect(theirs.filter((n) => n.kind === 'contact_cap')).toEqual([]);
    for (const n of theirs) expect(`${n.key} ${n.href} ${n.title}`).not.toMatch(new RegExp([fx.chem, fx.physics, fx.history, fx.ada, fx.ben, 'Byron', 'Brook', 'Physics', 'History'].join('|')));
    for (const n of mineA) expect(`${n.key} ${n.href} ${n.title}`).not.toMatch(new RegExp([other.unit, other.person, 'Other Person'].join('|')));
  });
});

describe('a nudge clears when its cause does', () => {
  it('cadence: log the committee meeting and that period is no longer overdue', async () => {
    const before = await keys(a.librarian);
    expect(before).toContain(cadenceKey(fx.chem, '2025-08-01'));
    await engage(a.librarian, { typeId: fx.types.committee, occurredOn: '2025-10-01', orgUnitIds: [fx.chem] });
    const after = await keys(a.librarian);
    expect(after).not.toContain(cadenceKey(fx.chem, '2025-08-01'));
    // Physics still owes its meeting, and Chemistry's other overdue activities stay
    expect(after).toContain(cadenceKey(fx.physics, '2025-08-01'));
    const others = (list: string[]) => list.filter((k) => k.startsWith('cadence:') && k !== cadenceKey(fx.chem, '2025-08-01'));
    expect(others(after)).toEqual(others(before));
  });

  it('stay in touch: log an engagement with the person and the nudge goes', async () => {
    expect(await keys(a.librarian)).toContain(`touch:${fx.ada}:2026-02-09`);
    await engage(a.librarian, { occurredOn: '2026-03-10', personIds: [fx.ada] });
    const after = await keys(a.librarian);
    expect(after.filter((k) => k.startsWith(`touch:${fx.ada}:`))).toEqual([]);
  });

  it('single point, not engaged, contact cap and coverage gap clear too', async () => {
    const causes = [`single:${fx.chem}:2025`, `unengaged:${fx.physics}:2025`, `cap:${fx.ben}:3`];
    expect(await keys(a.librarian)).toEqual(expect.arrayContaining(causes));
    expect(await keys(a.manager, 'team')).toEqual(expect.arrayContaining([...causes, `gap:${fx.history}:${fx.fns.collections}`]));
    await engage(a.librarian, { occurredOn: '2026-03-01', orgUnitIds: [fx.chem], staffIds: [a.librarian.userId, a.manager.userId] });
    await engage(a.librarian, { occurredOn: '2026-03-01', orgUnitIds: [fx.physics], staffIds: [a.librarian.userId, a.manager.userId] });
    ok(await a.librarian.patch(`/api/v1/people/${fx.ben}`, { contactCap: 3 }));
    ok(await a.manager.post('/api/v1/coverage', { userId: a.manager.userId, orgUnitId: fx.history, functionId: fx.fns.collections }), 201);
    const mine = await keys(a.librarian);
    const team = await keys(a.manager, 'team');
    for (const gone of causes) {
      expect(mine).not.toContain(gone);
      expect(team).not.toContain(gone);
    }
    expect(team).not.toContain(`gap:${fx.history}:${fx.fns.collections}`);
    expect(team).toContain(`gap:${fx.history}:${fx.fns.open_research}`);
  });
});

describe('snooze and dismiss', () => {
  const key = () => cadenceKey(fx.physics, '2025-08-01');

  it('snooze hides a nudge for that user until the date, then it is back', async () => {
    expect(await keys(a.librarian)).toContain(key());
    expect((await act(a.librarian, { action: 'snooze', key: key(), until: '2026-03-16', reason: 'Committee meets next week' })).statusCode).toBe(204);
    const snoozed = await feed(a.librarian);
    expect(snoozed.items.map((n) => n.key)).not.toContain(key());
    expect(snoozed.hidden).toBe(1);
    expect(await keys(a.manager, 'team')).toContain(key());
    current = Date.parse('2026-03-16T12:00:00Z');
    try {
      const back = await feed(a.librarian);
      expect(back.items.map((n) => n.key)).toContain(key());
      expect(back.hidden).toBe(0);
    } finally {
      current = TODAY;
    }
    expect((await feed(a.librarian)).hidden).toBe(1);
  });

  it('a snooze must end after today, in the institution’s time zone', async () => {
    for (const until of ['2026-03-15', '2026-01-01']) {
      const res = await act(a.librarian, { action: 'snooze', key: `unengaged:${fx.chem}:2025`, until });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).details?.map((d) => d.field)).toEqual(['until']);
    }
    // 23:30 UTC on 31 March is already 1 April in London (BST): "tomorrow" there is 2 April
    current = Date.parse('2026-03-31T23:30:00Z');
    try {
      expect((await act(a.librarian, { action: 'snooze', key: 'tz-check', until: '2026-04-01' })).statusCode).toBe(400);
    } finally {
      current = TODAY;
    }
    const bad = await act(a.librarian, { action: 'snooze', key: key(), until: '16/03/2026' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details?.map((d) => d.field)).toContain('until');
  });

  it('dismiss needs a reason, and hides the nudge for that user only', async () => {
    // a fresh department, seen by the librarian alone
    const lone = await unit(a.manager, 'Geology', 'department', fx.science);
    await engage(a.librarian, { occurredOn: '2026-02-01', orgUnitIds: [lone] });
    const single = `single:${lone}:2025`;
    expect(await keys(a.librarian)).toContain(single);
    for (const reason of [undefined, '   ']) {
      const res = await act(a.librarian, { action: 'dismiss', key: single, ...(reason === undefined ? {} : { reason }) });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).details?.map((d) => d.field)).toEqual(['reason']);
    }
    expect(await keys(a.librarian)).toContain(single);
    expect((await act(a.librarian, { action: 'dismiss', key: single, reason: 'Geology is being merged into Earth Sciences' })).statusCode).toBe(204);
    const mine = await feed(a.librarian);
    expect(mine.items.map((n) => n.key)).not.toContain(single);
    expect(mine.hidden).toBe(2); // the snoozed cadence nudge and this one
    // still there for the manager, and for the librarian only this key went
    expect(await keys(a.manager, 'team')).toContain(single);
    expect(mine.items.map((n) => n.key)).toContain(cadenceKey(lone, '2025-08-01'));
    // someone in another institution dismissing the same key changes nothing here
    expect((await act(b.librarian, { action: 'dismiss', key: cadenceKey(lone, '2025-08-01'), reason: 'not mine' })).statusCode).toBe(204);
    expect(await keys(a.librarian)).toContain(cadenceKey(lone, '2025-08-01'));
  });

  it('each snooze and dismissal is in the audit trail of its own institution', async () => {
    type Entry = { userId: string; action: string; entityType: string; changes: Record<string, { after: unknown }> };
    const entries = ok<{ items: Entry[] }>(await a.admin.get('/api/v1/audit?entityType=nudge_state&pageSize=50')).items;
    const after = (e: Entry) => Object.fromEntries(Object.entries(e.changes).map(([k, v]) => [k, v.after]));
    expect(entries.map((e) => ({ userId: e.userId, action: e.action, ...after(e) }))).toEqual(expect.arrayContaining([
      expect.objectContaining({ userId: a.librarian.userId, action: 'create', nudge_key: key(), state: 'snoozed', until: '2026-03-16', reason: 'Committee meets next week' }),
      expect.objectContaining({ userId: a.librarian.userId, action: 'create', state: 'dismissed', reason: 'Geology is being merged into Earth Sciences' }),
    ]));
    expect(entries).toHaveLength(2);
    const theirs = ok<{ items: Entry[] }>(await b.admin.get('/api/v1/audit?entityType=nudge_state&pageSize=50')).items;
    expect(theirs.map((e) => e.userId)).toEqual([b.librarian.userId]);
  });
});
