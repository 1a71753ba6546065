import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { clock, relationshipFixtures } from '../../../../test/relationships.ts';
import type { JourneyDto, StakeholderMapDto } from '../../../shared/contracts/relationships.ts';

/* A department's journey (maturity, milestones, champions) and its stakeholder map. */

let t: TestApp;
let a: Tenant;
const f = relationshipFixtures(() => t);
const fx = { dept: '', other: '', carla: '', dev: '', nora: '', ben: '', provider: '', partner: '', m1: '', m2: '', m3: '' };
const userName: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp({ clock, env: { LOGIN_RATE_LIMIT: '100' } });
  a = await newTenant(t);
  await f.loadVocab(a);
  for (const agent of [a.admin, a.manager, a.librarian, a.viewer]) {
    userName[agent.userId] = (await a.admin.get(`/api/v1/users/${agent.userId}`)).json<{ name: string }>().name;
  }
  const faculty = await f.orgUnit(a, 'Faculty of Engineering', 'faculty');
  fx.dept = await f.orgUnit(a, 'Civil Engineering', 'department', faculty);
  fx.other = await f.orgUnit(a, 'Mechanical Engineering', 'department', faculty);
  const at = (orgUnitId: string, title: string, dates: Record<string, string> = {}) => ({ orgUnitId, title, ...dates });

  fx.carla = await f.person(a, 'Carla Champion', {
    positions: [at(fx.dept, 'Head of Department'), at(fx.dept, 'Director of Studies')], isChampion: true, championSince: '2024-11-05', influence: 5, interest: 4,
  });
  // a champion since today (championSince defaults to the day isChampion turns true), whose post ends today: still current
  fx.dev = await f.person(a, 'Dev Fellow', { positions: [at(fx.dept, 'Teaching Fellow', { endDate: '2026-03-15' })], isChampion: true });
  fx.nora = await f.person(a, 'Nora Lecturer', { positions: [at(fx.dept, 'Lecturer')], influence: 2 });
  // left the department at the end of 2025: not a stakeholder there now
  fx.ben = await f.person(a, 'Ben Moved', { positions: [at(fx.dept, 'Module convenor', { endDate: '2025-12-31' }), at(fx.other, 'Module convenor')] });
  await f.person(a, 'Oscar Elsewhere', { positions: [at(fx.other, 'Dean')], isChampion: true, championSince: '2025-01-01' });
  await f.person(a, 'Eve Former', { positions: [at(fx.dept, 'Lecturer')], isChampion: false, championSince: '2024-01-01' });

  const lib = a.librarian;
  fx.m1 = (await f.engage(lib, a, { on: '2025-02-01', units: [fx.dept], milestone: 'First embedded teaching session', summary: 'Taught year 1 lab skills' })).id;
  fx.m2 = (await f.engage(lib, a, { on: '2025-06-15', units: [fx.other, fx.dept], milestone: 'Joint bid submitted', summary: 'Bid with both departments' })).id;
  fx.m3 = (await f.engage(lib, a, { on: '2025-11-20', units: [fx.dept], milestone: 'Module co-designed', summary: 'Co-designed the research methods module' })).id;
  await f.engage(lib, a, { on: '2025-07-01', units: [fx.dept], summary: 'An ordinary meeting' });
  await f.engage(lib, a, { on: '2025-07-02', units: [fx.other], milestone: 'Not ours' });
  fx.provider = (await f.assess(lib, { orgUnitId: fx.dept, level: 'provider', assessedOn: '2025-01-10', rationale: 'Reliable induction support' })).id;
  fx.partner = (await f.assess(lib, { orgUnitId: fx.dept, level: 'partner', assessedOn: '2025-11-20', rationale: 'Co-designed assessment' })).id;
  await f.assess(lib, { orgUnitId: fx.other, level: 'pioneer', assessedOn: '2025-03-01' });
  await f.assess(lib, { personId: fx.carla, level: 'pioneer', assessedOn: '2025-03-02' });

  // who holds each relationship: 365 days to today is 16 March 2025 .. 15 March 2026
  const s = (on: string, staff: string[], people: string[], units: string[] = []) => f.engage(lib, a, { on, staff, people, units });
  await s('2025-04-01', [a.librarian.userId, a.manager.userId], [fx.carla], [fx.dept]);
  await s('2025-09-01', [a.librarian.userId], [fx.carla, fx.nora], [fx.dept]);
  await s('2026-03-01', [a.librarian.userId, a.admin.userId], [fx.carla]);
  await s('2025-12-01', [a.manager.userId], [fx.carla], [fx.other]);
  await s('2025-10-01', [a.viewer.userId], [fx.carla]);
  await s('2025-03-15', [a.viewer.userId, a.admin.userId], [fx.carla]); // 366 days ago
  await s('2026-04-01', [a.viewer.userId, a.admin.userId], [fx.carla]); // planned
});
afterAll(() => t?.close());

describe('journey', () => {
  it('merges maturity changes, milestones and champions gained, oldest first', async () => {
    const res = await a.viewer.get(`/api/v1/org-units/${fx.dept}/journey`);
    expect(res.statusCode).toBe(200);
    expect(res.json<JourneyDto>().items).toEqual([
      { kind: 'champion', date: '2024-11-05', title: 'Carla Champion became a library champion', detail: null, level: null, ref: { type: 'person', id: fx.carla } },
      { kind: 'maturity', date: '2025-01-10', title: 'Reliable provider', detail: 'Reliable induction support', level: 'provider', ref: { type: 'assessment', id: fx.provider } },
      { kind: 'milestone', date: '2025-02-01', title: 'First embedded teaching session', detail: 'Taught year 1 lab skills', level: null, ref: { type: 'engagement', id: fx.m1 } },
      { kind: 'milestone', date: '2025-06-15', title: 'Joint bid submitted', detail: 'Bid with both departments', level: null, ref: { type: 'engagement', id: fx.m2 } },
      // the same day: the milestone, then the judgement it led to
      { kind: 'milestone', date: '2025-11-20', title: 'Module co-designed', detail: 'Co-designed the research methods module', level: null, ref: { type: 'engagement', id: fx.m3 } },
      { kind: 'maturity', date: '2025-11-20', title: 'Trusted partner', detail: 'Co-designed assessment', level: 'partner', ref: { type: 'assessment', id: fx.partner } },
      { kind: 'champion', date: '2026-03-15', title: 'Dev Fellow became a library champion', detail: null, level: null, ref: { type: 'person', id: fx.dev } },
    ]);
  });

  it('follows edits: a milestone cleared, an assessment withdrawn', async () => {
    expect((await a.librarian.patch(`/api/v1/engagements/${fx.m2}`, { milestone: null })).statusCode).toBe(200);
    expect((await a.librarian.delete(`/api/v1/maturity-assessments/${fx.provider}`)).statusCode).toBe(204);
    const items = (await a.viewer.get(`/api/v1/org-units/${fx.dept}/journey`)).json<JourneyDto>().items;
    expect(items.map((i) => [i.kind, i.date])).toEqual([
      ['champion', '2024-11-05'], ['milestone', '2025-02-01'], ['milestone', '2025-11-20'], ['maturity', '2025-11-20'], ['champion', '2026-03-15'],
    ]);
  });

  it('a unit with no history has an empty journey', async () => {
    const empty = await f.orgUnit(a, 'Empty Department', 'department');
    expect((await a.viewer.get(`/api/v1/org-units/${empty}/journey`)).json()).toEqual({ items: [] });
  });
});

describe('stakeholders', () => {
  it('current positions only, by name, with influence, interest, champion and who holds the relationship', async () => {
    const res = await a.viewer.get(`/api/v1/org-units/${fx.dept}/stakeholders`);
    expect(res.statusCode).toBe(200);
    const holder = (agent: { userId: string }, engagements: number) => ({ id: agent.userId, name: userName[agent.userId], engagements });
    const items = res.json<StakeholderMapDto>().items;
    expect(items.map((i) => i.name)).toEqual(['Carla Champion', 'Dev Fellow', 'Eve Former', 'Nora Lecturer']);
    const by = (id: string) => items.find((i) => i.id === id);
    expect(by(fx.carla)).toEqual({
      id: fx.carla, name: 'Carla Champion', titles: expect.arrayContaining(['Head of Department', 'Director of Studies']) as string[], influence: 5, interest: 4, isChampion: true,
      // librarian 3, manager 2, then admin and viewer 1 each in the window: at most three, ties by name ("Admin …" before "viewer …")
      holders: [holder(a.librarian, 3), holder(a.manager, 2), holder(a.admin, 1)],
    });
    expect(by(fx.carla)?.titles).toHaveLength(2);
    expect(by(fx.nora)).toEqual({ id: fx.nora, name: 'Nora Lecturer', titles: ['Lecturer'], influence: 2, interest: null, isChampion: false, holders: [holder(a.librarian, 1)] });
    expect(by(fx.dev)).toMatchObject({ titles: ['Teaching Fellow'], influence: null, interest: null, isChampion: true, holders: [] });
  });

  it('a person who left is a stakeholder where they are now', async () => {
    const items = (await a.viewer.get(`/api/v1/org-units/${fx.other}/stakeholders`)).json<StakeholderMapDto>().items;
    expect(items.map((i) => [i.name, i.titles])).toEqual([['Ben Moved', ['Module convenor']], ['Oscar Elsewhere', ['Dean']]]);
  });
});
