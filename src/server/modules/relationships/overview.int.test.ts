import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { clock, expectCadenceShape, relationshipFixtures } from '../../../../test/relationships.ts';
import type { MaturityDistributionDto, OverviewDto } from '../../../shared/contracts/relationships.ts';

/* Every department at once (the heatmap and its CSV), and the maturity distribution over the years. */

let t: TestApp;
let a: Tenant;
let b: Tenant;
let c: Tenant;
const f = relationshipFixtures(() => t);
const u = { science: '', arts: '', chemistry: '', group: '', physics: '', biology: '', centre: '', history: '', music: '' };

async function overview(query = ''): Promise<OverviewDto> {
  const res = await a.viewer.get(`/api/v1/relationships/overview${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const names = (o: OverviewDto) => o.items.map((i) => i.orgUnit.name);

beforeAll(async () => {
  t = await buildTestApp({ clock, env: { LOGIN_RATE_LIMIT: '100' } });
  [a, b, c] = await Promise.all([newTenant(t), newTenant(t), newTenant(t)]);
  await Promise.all([f.loadVocab(a), f.loadVocab(b), f.loadVocab(c)]);
  u.science = await f.orgUnit(a, 'Faculty of Science', 'faculty');
  u.arts = await f.orgUnit(a, 'Faculty of Arts', 'faculty');
  const res = await a.manager.post('/api/v1/org-units', { name: 'Chemistry', type: 'department', parentId: u.science, code: 'CHEM' });
  u.chemistry = res.json<{ id: string }>().id;
  // a department below a department: still within the faculty
  u.group = await f.orgUnit(a, 'Analytical Chemistry Group', 'department', u.chemistry);
  u.physics = await f.orgUnit(a, 'Physics', 'department', u.science);
  u.biology = await f.orgUnit(a, 'Biology', 'department', u.science);
  u.centre = (await a.manager.post('/api/v1/org-units', { name: 'Centre for Catalysis', type: 'research_centre', parentId: u.science })).json<{ id: string }>().id;
  u.history = await f.orgUnit(a, 'History', 'department', u.arts);
  u.music = await f.orgUnit(a, 'Music', 'department', u.arts);
  const [p1, p2, p3, p4] = [await f.person(a, 'P One'), await f.person(a, 'P Two'), await f.person(a, 'P Three'), await f.person(a, 'P Four')];
  const log = (e: Parameters<typeof f.engage>[2]) => f.engage(a.librarian, a, e);
  await log({ type: 'meeting', on: '2025-09-01', people: [p1 ?? ''], units: [u.chemistry], themes: ['skills'] });
  await log({ type: 'email', on: '2025-10-01', by: 'partner', people: [p2 ?? ''], units: [u.chemistry], themes: ['visibility'] });
  await log({ type: 'workshop', on: '2026-01-10', people: [p1 ?? ''], units: [u.chemistry], themes: ['skills'] });
  await log({ type: 'call', on: '2025-12-01', people: [p3 ?? ''], units: [u.physics] });
  await log({ type: 'curriculum_review', on: '2025-11-01', by: 'partner', people: [p4 ?? ''], units: [u.history], themes: ['relations'] });
  await log({ type: 'joint_bid', on: '2026-02-01', by: 'partner', people: [p4 ?? ''], units: [u.history] });
  await log({ type: 'meeting', on: '2025-05-01', units: [u.music] });
  await log({ type: 'meeting', on: '2025-09-02', units: [u.biology, u.centre] });
  await f.assess(a.librarian, { orgUnitId: u.chemistry, level: 'partner', assessedOn: '2025-12-01' });
  expect((await a.manager.patch(`/api/v1/org-units/${u.biology}`, { status: 'archived' })).statusCode).toBe(200);
  // another institution's department never shows
  await f.engage(b.librarian, b, { on: '2025-09-01', units: [await f.orgUnit(b, 'Chemistry', 'department', await f.orgUnit(b, 'Science', 'faculty'))] });
});
afterAll(() => t?.close());

describe('relationships overview', () => {
  it('lists every active department, by name: not faculties, research centres, archived units or other institutions\'', async () => {
    const o = await overview();
    expect(o.window).toMatchObject({ from: '2025-08-01', to: '2026-03-15' });
    expect(names(o)).toEqual(['Analytical Chemistry Group', 'Chemistry', 'History', 'Music', 'Physics']);
    const row = (name: string) => o.items.find((i) => i.orgUnit.name === name);
    expect(row('Chemistry')).toMatchObject({
      orgUnit: { id: u.chemistry, code: 'CHEM', parentId: u.science, parentName: 'Faculty of Science' }, maturity: 'partner', maturityOn: '2025-12-01',
      engagements: 3, perMonth: 0.4, people: 2, keyPeople: 0, themes: 2, depth: 5.5, partnerShare: 0.333, lastEngagementOn: '2026-01-10', daysSinceLast: 64,
    });
    expect(row('History')).toMatchObject({ engagements: 2, people: 1, themes: 1, depth: 8, partnerShare: 1, lastEngagementOn: '2026-02-01', daysSinceLast: 42, maturity: null });
    expect(row('Music')).toMatchObject({ engagements: 0, perMonth: 0, people: 0, depth: 0, partnerShare: null, lastEngagementOn: '2025-05-01', daysSinceLast: 318 });
    expect(row('Analytical Chemistry Group')).toMatchObject({ engagements: 0, lastEngagementOn: null, daysSinceLast: null, orgUnit: { parentName: 'Chemistry' } });
    for (const i of o.items) expectCadenceShape(i.cadence);
  });

  it('a faculty filter keeps its departments at any depth', async () => {
    expect(names(await overview(`?facultyId=${u.science}`))).toEqual(['Analytical Chemistry Group', 'Chemistry', 'Physics']);
    expect(names(await overview(`?facultyId=${u.arts}`))).toEqual(['History', 'Music']);
    expect(names(await overview('?facultyId=no-such-unit'))).toEqual([]);
  });

  it('sorts by a signal, nulls last, ties by name', async () => {
    expect(names(await overview('?sort=engagements&order=desc'))).toEqual(['Chemistry', 'History', 'Physics', 'Analytical Chemistry Group', 'Music']);
    expect(names(await overview('?sort=daysSinceLast'))).toEqual(['History', 'Chemistry', 'Physics', 'Music', 'Analytical Chemistry Group']);
    expect(names(await overview('?sort=partnerShare&order=desc'))).toEqual(['History', 'Chemistry', 'Physics', 'Analytical Chemistry Group', 'Music']);
    expect(names(await overview('?sort=depth&order=desc'))).toEqual(['History', 'Chemistry', 'Physics', 'Analytical Chemistry Group', 'Music']);
    expect(names(await overview('?sort=maturity&order=desc'))).toEqual(['Chemistry', 'Analytical Chemistry Group', 'History', 'Music', 'Physics']);
    expect(names(await overview('?sort=name&order=desc'))).toEqual(['Physics', 'Music', 'History', 'Chemistry', 'Analytical Chemistry Group']);
  });

  it('takes the same windows as a department\'s signals', async () => {
    const o = await overview(`?year=2024&facultyId=${u.arts}`);
    expect(o.window).toMatchObject({ from: '2024-08-01', to: '2025-07-31' });
    expect(o.items.map((i) => [i.orgUnit.name, i.engagements, i.daysSinceLast])).toEqual([['History', 0, null], ['Music', 1, 91]]);
  });

  it('the CSV: a header row, then one line per department with its figures', async () => {
    const res = await a.viewer.get(`/api/v1/relationships/overview.csv?facultyId=${u.science}&sort=engagements&order=desc`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((l) => l.split(','));
    expect(lines[0]).toEqual([
      'department', 'code', 'faculty', 'maturity', 'maturity_assessed_on', 'last_engagement_on', 'days_since_last', 'engagements', 'per_month', 'people',
      'key_people', 'themes', 'depth', 'partner_share', 'cadence_done', 'cadence_due', 'cadence_overdue',
    ]);
    expect(lines.slice(1).map((l) => l.slice(0, 14))).toEqual([
      ['Chemistry', 'CHEM', 'Faculty of Science', 'Trusted partner', '2025-12-01', '2026-01-10', '64', '3', '0.4', '2', '0', '2', '5.5', '0.333'],
      ['Physics', '', 'Faculty of Science', '', '', '2025-12-01', '104', '1', '0.13', '1', '0', '0', '1', '0'],
      ['Analytical Chemistry Group', '', 'Chemistry', '', '', '', '', '0', '0', '0', '0', '0', '0', ''],
    ]);
    for (const l of lines.slice(1)) {
      expect(l).toHaveLength(17);
      for (const cell of l.slice(14)) expect(cell).toMatch(/^(\d+)?$/);
    }
  });
});

describe('maturity distribution', () => {
  const d = { A: '', B: '', C: '', D: '', G: '', E: '' };

  beforeAll(async () => {
    const faculty = await f.orgUnit(c, 'Faculty', 'faculty');
    for (const k of Object.keys(d) as (keyof typeof d)[]) d[k] = await f.orgUnit(c, `Dept ${k}`, 'department', faculty);
    const at = (orgUnitId: string, level: string, assessedOn: string) => f.assess(c.librarian, { orgUnitId, level, assessedOn });
    await at(d.A, 'provider', '2023-10-01');
    await at(d.A, 'partner', '2024-07-31'); // the last day of 2023–24
    await at(d.B, 'pioneer', '2024-06-01');
    await at(d.B, 'provider', '2024-08-01');
    await at(d.C, 'none', '2025-09-01');
    await at(d.D, 'provider', '2025-10-01');
    await at(d.D, 'partner', '2025-10-01'); // the same day, made later: it stands
    await at(d.E, 'pioneer', '2023-09-01');
    expect((await c.manager.patch(`/api/v1/org-units/${d.E}`, { status: 'archived' })).statusCode).toBe(200);
    await at(faculty, 'pioneer', '2024-01-01'); // faculties are not counted
    await f.assess(c.librarian, { personId: await f.person(c, 'Someone'), level: 'partner', assessedOn: '2024-01-01' });
  });

  const counts = (none: number, provider: number, partner: number, pioneer: number, unassessed: number) => ({ none, provider, partner, pioneer, unassessed });

  it('each active department\'s latest level at each academic year\'s end (or today)', async () => {
    const res = await c.viewer.get('/api/v1/relationships/maturity-distribution?years=3');
    expect(res.statusCode).toBe(200);
    expect(res.json<MaturityDistributionDto>().points).toEqual([
      { label: '2023–24', date: '2024-07-31', counts: counts(0, 0, 1, 1, 3) },
      { label: '2024–25', date: '2025-07-31', counts: counts(0, 1, 1, 0, 3) },
      { label: '2025–26', date: '2026-03-15', counts: counts(1, 1, 2, 0, 1) },
    ]);
  });

  it('five years by default; before any assessment every department is unassessed', async () => {
    const points = (await c.viewer.get('/api/v1/relationships/maturity-distribution')).json<MaturityDistributionDto>().points;
    expect(points.map((p) => p.label)).toEqual(['2021–22', '2022–23', '2023–24', '2024–25', '2025–26']);
    expect(points[0]?.counts).toEqual(counts(0, 0, 0, 0, 5));
    expect(points[1]).toEqual({ label: '2022–23', date: '2023-07-31', counts: counts(0, 0, 0, 0, 5) });
  });

  it('a department assessed the same day twice: the signals agree with the distribution', async () => {
    const { signals } = await f.unitSignals(c.viewer, d.D);
    expect([signals.maturity, signals.maturityOn]).toEqual(['partner', '2025-10-01']);
  });
});
