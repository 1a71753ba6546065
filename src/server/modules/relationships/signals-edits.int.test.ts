import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { clock, craftChemistry, figures, relationshipFixtures } from '../../../../test/relationships.ts';
import { rebuildSummaries } from './summaries.ts';

/*
 * The signals follow every edit of an engagement: its date, people, type, initiator, units, and its
 * deletion. Each step builds on the last (see craftChemistry for the starting data); the window is
 * the academic year to today, 1 August 2025 .. 15 March 2026 (7.458 months).
 */

let t: TestApp;
let a: Tenant;
const f = relationshipFixtures(() => t);
let fx: Awaited<ReturnType<typeof craftChemistry>>;

const chemistry = async (query = '') => figures((await f.unitSignals(a.viewer, fx.chemistry, query)).signals);
async function edit(id: string, body: Record<string, unknown>) {
  const res = await a.librarian.patch(`/api/v1/engagements/${id}`, body);
  expect(res.statusCode, res.body).toBe(200);
}

/** The summary rows of an institution, in a stable order, for comparing with a rebuild. */
async function summaryRows(institutionId: string) {
  const db = t.handle.db;
  const people = await db.selectFrom('unit_person_years').select(['org_unit_id', 'person_id as id', 'ay', 'first_on', 'last_on', 'engagements'])
    .where('institution_id', '=', institutionId).orderBy('org_unit_id').orderBy('person_id').orderBy('ay').execute();
  const themes = await db.selectFrom('unit_theme_years').select(['org_unit_id', 'theme_id as id', 'ay', 'first_on', 'last_on', 'engagements'])
    .where('institution_id', '=', institutionId).orderBy('org_unit_id').orderBy('theme_id').orderBy('ay').execute();
  const norm = (rows: typeof people) => rows.map((r) => ({ ...r, ay: Number(r.ay), engagements: Number(r.engagements) }));
  return { people: norm(people), themes: norm(themes) };
}

beforeAll(async () => {
  t = await buildTestApp({ clock, env: { LOGIN_RATE_LIMIT: '100' } });
  a = await newTenant(t);
  await f.loadVocab(a);
  fx = await craftChemistry(f, a);
});
afterAll(() => t?.close());

describe('signals follow engagement edits', () => {
  it('starts from the crafted year', async () => {
    expect(await chemistry()).toEqual({
      engagements: 4, perMonth: 0.54, people: 4, keyPeople: 2, themes: 3, depth: 9.5, partnerShare: 0.5, lastEngagementOn: '2026-03-05', daysSinceLast: 10,
    });
  });

  it('e4 moved past today leaves the window, with Quinn and research_knowledge', async () => {
    await edit(fx.e.e4.id, { occurredOn: '2026-05-01' });
    expect(await chemistry()).toEqual({
      engagements: 3, perMonth: 0.4, people: 3, keyPeople: 1, themes: 2, depth: 5.5, partnerShare: 0.333, lastEngagementOn: '2026-03-05', daysSinceLast: 10,
    });
    // and it reaches a window that ends later
    expect(await chemistry('?asOf=2026-05-01')).toMatchObject({ engagements: 5, people: 5, keyPeople: 2, themes: 4, lastEngagementOn: '2026-05-01', daysSinceLast: 0 });
  });

  it('e5\'s person changed from Rob to Quinn: Rob leaves, a key person comes', async () => {
    await edit(fx.e.e5.id, { personIds: [fx.people.quinn] });
    expect(await chemistry()).toMatchObject({ engagements: 3, people: 3, keyPeople: 2 });
  });

  it('e3\'s type changed from email (0.5) to joint bid (4) deepens the relationship', async () => {
    await edit(fx.e.e3.id, { typeId: f.types(a).joint_bid });
    expect(await chemistry()).toMatchObject({ engagements: 3, depth: 9, partnerShare: 0.333 });
  });

  it('e3 now library-initiated: no partner initiative left', async () => {
    await edit(fx.e.e3.id, { initiatedBy: 'library' });
    expect(await chemistry()).toMatchObject({ engagements: 3, depth: 9, partnerShare: 0 });
  });

  it('e2 deleted: Mo and skills leave', async () => {
    const res = await a.librarian.delete(`/api/v1/engagements/${fx.e.e2.id}`);
    expect(res.statusCode).toBe(204);
    expect(await chemistry()).toEqual({
      engagements: 2, perMonth: 0.27, people: 2, keyPeople: 2, themes: 1, depth: 6, partnerShare: 0, lastEngagementOn: '2026-03-05', daysSinceLast: 10,
    });
  });

  it('e6 brought forward into the window: Priya and education_learning join', async () => {
    await edit(fx.e.e6.id, { occurredOn: '2026-02-01' });
    expect(await chemistry()).toEqual({
      engagements: 3, perMonth: 0.4, people: 3, keyPeople: 2, themes: 2, depth: 9, partnerShare: 0, lastEngagementOn: '2026-03-05', daysSinceLast: 10,
    });
  });

  it('e5 moved to Physics: Chemistry loses it and Quinn, Physics gains both', async () => {
    await edit(fx.e.e5.id, { orgUnitIds: [fx.physics] });
    expect(await chemistry()).toEqual({
      engagements: 2, perMonth: 0.27, people: 2, keyPeople: 1, themes: 2, depth: 7, partnerShare: 0, lastEngagementOn: '2026-02-01', daysSinceLast: 42,
    });
    expect(figures((await f.unitSignals(a.viewer, fx.physics)).signals)).toMatchObject({ engagements: 2, people: 2, keyPeople: 2, themes: 1, depth: 4, lastEngagementOn: '2026-03-05' });
  });

  it('e1 moved across the year boundary into 2025–26, with its theme replaced', async () => {
    await edit(fx.e.e1.id, { occurredOn: '2025-09-01', themeIds: [f.themes(a).relations] });
    // Hannah was already counted (e3); relations is new; e1 is a meeting (2)
    expect(await chemistry()).toMatchObject({ engagements: 3, people: 2, themes: 3, depth: 9 });
    // 2024–25 keeps only e0: Sam and community_citizens
    expect(await chemistry('?year=2024')).toMatchObject({ engagements: 1, people: 1, keyPeople: 0, themes: 1, depth: 1, lastEngagementOn: '2025-03-01' });
  });

  it('after every edit the summaries equal a rebuild from the engagements', async () => {
    const kept = await summaryRows(a.institutionId);
    expect(kept.people.length).toBeGreaterThan(0);
    await rebuildSummaries(t.handle.db, { id: a.institutionId, academic_year_start_month: 8, academic_year_start_day: 1 });
    expect(await summaryRows(a.institutionId)).toEqual(kept);
  });
});
