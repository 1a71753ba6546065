import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { clock, craftChemistry, expectCadenceShape, figures, relationshipFixtures } from '../../../../test/relationships.ts';

/* A department's signals over crafted engagements (see craftChemistry), window by window. */

let t: TestApp;
let a: Tenant;
let b: Tenant;
const f = relationshipFixtures(() => t);
let fx: Awaited<ReturnType<typeof craftChemistry>>;

beforeAll(async () => {
  t = await buildTestApp({ clock, env: { LOGIN_RATE_LIMIT: '100' } });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  await Promise.all([f.loadVocab(a), f.loadVocab(b)]);
  fx = await craftChemistry(f, a);
});
afterAll(() => t?.close());

describe('department signals', () => {
  it('the current academic year to today: e2..e5 count, e1 (last year) and e6 (after today) do not', async () => {
    const { window, signals } = await f.unitSignals(a.viewer, fx.chemistry);
    expect(window).toEqual({ kind: 'year', from: '2025-08-01', to: '2026-03-15', label: '2025–26 to 2026-03-15', months: 227 / (365.25 / 12) });
    expect(signals.orgUnit).toEqual({ id: fx.chemistry, name: 'Chemistry', code: null, parentId: fx.science, parentName: 'Faculty of Science' });
    expect(figures(signals)).toEqual({
      engagements: 4,
      perMonth: 0.54, // 4 ÷ 7.458 months
      people: 4, // Mo, Hannah, Quinn, Rob (not Priya: e6 is after today)
      keyPeople: 2, // Hannah (Head of Department) and Quinn (Associate Dean); not Mo, nor Rob whose Head post ended
      themes: 3, // skills, visibility, research_knowledge
      depth: 9.5, // 3 + 0.5 + 4 + 2
      partnerShare: 0.5, // e3 and e4
      lastEngagementOn: '2026-03-05',
      daysSinceLast: 10,
    });
    expect(signals).toMatchObject({ maturity: null, maturityOn: null });
    expectCadenceShape(signals.cadence);
  });

  it('asOf inside the year cuts the window there: e2 and e3 only', async () => {
    const { window, signals } = await f.unitSignals(a.viewer, fx.chemistry, '?asOf=2025-12-31');
    expect(window).toMatchObject({ from: '2025-08-01', to: '2025-12-31', label: '2025–26 to 2025-12-31' });
    expect(figures(signals)).toEqual({
      engagements: 2, perMonth: 0.4, people: 2, keyPeople: 1, themes: 2, depth: 3.5, partnerShare: 0.5,
      lastEngagementOn: '2025-10-10', daysSinceLast: 82, // 21 days of October, then November and December
    });
  });

  it('a past academic year: e0 and e1', async () => {
    const { window, signals } = await f.unitSignals(a.viewer, fx.chemistry, '?year=2024');
    expect(window).toMatchObject({ from: '2024-08-01', to: '2025-07-31', label: '2024–25' });
    expect(figures(signals)).toEqual({
      engagements: 2, perMonth: 0.17, people: 2, keyPeople: 1, themes: 2, depth: 3, partnerShare: 0,
      lastEngagementOn: '2025-07-20', daysSinceLast: 11,
    });
  });

  it('365 days to today cross the academic-year boundary: e1..e5, not e0 (1 March 2025)', async () => {
    const { window, signals } = await f.unitSignals(a.viewer, fx.chemistry, '?window=365');
    expect(window).toMatchObject({ kind: '365', from: '2025-03-16', to: '2026-03-15' });
    expect(figures(signals)).toEqual({
      engagements: 5, perMonth: 0.42, people: 4, keyPeople: 2, themes: 3, depth: 11.5, partnerShare: 0.4,
      lastEngagementOn: '2026-03-05', daysSinceLast: 10,
    });
  });

  it('365 days to 31 October 2025: e0..e3, reading both years\' summaries', async () => {
    const { window, signals } = await f.unitSignals(a.viewer, fx.chemistry, '?window=365&asOf=2025-10-31');
    expect(window).toMatchObject({ from: '2024-11-01', to: '2025-10-31' });
    expect(figures(signals)).toEqual({
      engagements: 4, perMonth: 0.33, people: 3, keyPeople: 1, themes: 3, depth: 6.5, partnerShare: 0.25,
      lastEngagementOn: '2025-10-10', daysSinceLast: 21,
    });
  });

  it('counts only the unit\'s own engagements: Physics has e7', async () => {
    const { signals } = await f.unitSignals(a.viewer, fx.physics);
    expect(figures(signals)).toEqual({
      engagements: 1, perMonth: 0.13, people: 1, keyPeople: 1, themes: 1, depth: 2, partnerShare: 0, lastEngagementOn: '2025-11-01', daysSinceLast: 134,
    });
    // the faculty has positions (Quinn) but no engagement of its own
    expect(figures((await f.unitSignals(a.viewer, fx.science)).signals)).toMatchObject({ engagements: 0, people: 0, partnerShare: null, lastEngagementOn: null, daysSinceLast: null });
  });

  it('key people follow the institution\'s key titles', async () => {
    const key = async () => (await f.unitSignals(a.viewer, fx.chemistry)).signals.keyPeople;
    await f.settings(a, { keyTitles: ['Module convenor'] });
    expect(await key()).toBe(1); // Mo
    await f.settings(a, { keyTitles: ['lecturer', 'DEAN'] });
    expect(await key()).toBe(2); // Rob (current Lecturer) and Quinn; matched ignoring case
    await f.settings(a, { keyTitles: [] });
    expect(await key()).toBe(0);
    await f.settings(a, { keyTitles: ['Head of', 'Dean', 'Director'] });
    expect(await key()).toBe(2);
  });
});

describe('a new academic-year start regroups the breadth summaries', () => {
  let unit = '';
  const p: Record<string, string> = {};

  beforeAll(async () => {
    const faculty = await f.orgUnit(b, 'Faculty of Arts', 'faculty');
    unit = await f.orgUnit(b, 'History', 'department', faculty);
    for (const name of ['Xena', 'Yusuf', 'Zara', 'Wren']) p[name] = await f.person(b, name);
    await f.engage(b.librarian, b, { on: '2024-10-01', people: [p.Xena ?? ''], units: [unit], themes: ['skills'] });
    await f.engage(b.librarian, b, { type: 'call', on: '2025-08-15', people: [p.Yusuf ?? ''], units: [unit], themes: ['visibility'] });
    await f.engage(b.librarian, b, { type: 'email', on: '2025-11-01', people: [p.Zara ?? ''], units: [unit], themes: ['relations'] });
  });

  const breadth = async (query = '') => {
    const { window, signals } = await f.unitSignals(b.viewer, unit, query);
    return { from: window.from, to: window.to, engagements: signals.engagements, people: signals.people, themes: signals.themes };
  };

  it('years from 1 August', async () => {
    expect(await breadth()).toEqual({ from: '2025-08-01', to: '2026-03-15', engagements: 2, people: 2, themes: 2 });
    expect(await breadth('?year=2024')).toEqual({ from: '2024-08-01', to: '2025-07-31', engagements: 1, people: 1, themes: 1 });
  });

  it('years from 1 September: the 15 August 2025 call moves to 2024–25', async () => {
    await f.settings(b, { academicYearStartMonth: 9, academicYearStartDay: 1 });
    expect(await breadth()).toEqual({ from: '2025-09-01', to: '2026-03-15', engagements: 1, people: 1, themes: 1 });
    expect(await breadth('?year=2024')).toEqual({ from: '2024-09-01', to: '2025-08-31', engagements: 2, people: 2, themes: 2 });
  });

  it('engagements logged after the change land in the new years', async () => {
    await f.engage(b.librarian, b, { on: '2025-08-20', people: [p.Wren ?? ''], units: [unit], themes: ['community_citizens'] });
    expect(await breadth('?year=2024')).toEqual({ from: '2024-09-01', to: '2025-08-31', engagements: 3, people: 3, themes: 3 });
    // 1 Jan .. 31 Dec 2025 spans 2024–25 and 2025–26: Yusuf, Wren and Zara, not Xena (October 2024)
    expect(await breadth('?window=365&asOf=2025-12-31')).toEqual({ from: '2025-01-01', to: '2025-12-31', engagements: 3, people: 3, themes: 3 });
  });
});
