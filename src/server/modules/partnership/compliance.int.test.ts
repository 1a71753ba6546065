import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { academicYearStarting } from '../../../shared/academic-year.ts';
import type { ComplianceDto, PartnershipTemplateDto } from '../../../shared/contracts/partnership.ts';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { engagementFixtures } from '../../../../test/engagements.ts';
import { complianceByUnit } from './compliance.ts';

// "today" is 2025-03-15 in Europe/London: the academic year 2024–25 (1 Aug 2024 – 31 Jul 2025), in its spring term
const clock = { now: () => new Date('2025-03-15T12:00:00Z') };

let t: TestApp;
let a: Tenant;
let b: Tenant;
const { loadVocab, types, unit, log } = engagementFixtures(() => t);
/** a's tree: Science (faculty) > Chemistry, Physics, Biology (departments); Chemistry > Catalysis Centre; Old School is archived */
const u = { science: '', chemistry: '', physics: '', centre: '', old: '', biology: '' };
/** Ada: Associate Dean of the faculty; Ben: Head of School from 1 Sep 2024; Cat: a lecturer */
const p = { ada: '', ben: '', cat: '' };
const e: Record<string, string> = {};

type Item = ComplianceDto['items'][number];
const cadence = async (unitId: string, query = '') => {
  const res = await a.viewer.get(`/api/v1/org-units/${unitId}/cadence${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ComplianceDto>();
};
/** activity name → its periods' statuses */
const board = (c: ComplianceDto) => Object.fromEntries(c.items.map((i: Item) => [i.activity.name, i.periods.map((x) => x.status)]));

async function person(name: string, positions: { orgUnitId: string; title: string; startDate?: string; endDate?: string }[]) {
  const res = await a.manager.post('/api/v1/people', { name, positions });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function engage(key: string, type: string, occurredOn: string, orgUnitIds: string[], personIds: string[] = []) {
  e[key] = (await log(a.librarian, a, { typeId: types(a)[type], occurredOn, orgUnitIds, personIds, summary: key })).id;
}

beforeAll(async () => {
  t = await buildTestApp({ clock });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  await loadVocab(a);
  u.science = await unit(a, 'Faculty of Science');
  u.chemistry = await unit(a, 'Chemistry', u.science);
  u.physics = await unit(a, 'Physics', u.science);
  u.centre = (await a.manager.post('/api/v1/org-units', { name: 'Catalysis Centre', type: 'research_centre', parentId: u.chemistry })).json<{ id: string }>().id;
  u.old = await unit(a, 'Old School', u.science);
  expect((await a.manager.patch(`/api/v1/org-units/${u.old}`, { status: 'archived' })).statusCode).toBe(200);
  // the title is matched folded, anywhere in it: "ASSOCIATE DÉAN (Education)" holds "Associate Dean"
  p.ada = await person('Ada Archer', [{ orgUnitId: u.science, title: 'ASSOCIATE DÉAN (Education)', startDate: '2024-01-01' }]);
  p.ben = await person('Ben Brook', [{ orgUnitId: u.chemistry, title: 'Head of School', startDate: '2024-09-01' }]);
  p.cat = await person('Cat Cole', [{ orgUnitId: u.chemistry, title: 'Lecturer' }]);

  // Chemistry, 2024–25. Associate Dean, termly: autumn met; spring only a lecturer (and the faculty alone); summer planned after today.
  await engage('adaAutumn', 'meeting', '2024-10-10', [u.chemistry], [p.ada]);
  await engage('catSpring', 'meeting', '2025-01-20', [u.chemistry], [p.cat]);
  await engage('adaFacultyOnly', 'meeting', '2024-12-10', [u.science], [p.ada]);
  await engage('adaSummerPlanned', 'meeting', '2025-04-01', [u.chemistry], [p.ada]);
  // Head of, yearly: Ben met before he held the post, and emailed after: neither counts
  await engage('benTooEarly', 'meeting', '2024-08-20', [u.chemistry], [p.ben]);
  await engage('benEmail', 'email', '2024-12-01', [u.chemistry], [p.ben]);
  // annual review, yearly: only last year's
  await engage('reviewLastYear', 'annual_review', '2023-11-01', [u.chemistry]);
  // committee, three a year (Aug–Nov, Dec–Mar, Apr–Jul): the last day of the first and the first day of the second
  await engage('committeeNov30', 'committee', '2024-11-30', [u.chemistry]);
  await engage('committeeDec1', 'committee', '2024-12-01', [u.chemistry]);
  await engage('committeeDec2', 'committee', '2024-12-02', [u.chemistry]);
  // promotion, once: years ago
  await engage('listed', 'promotion', '2022-06-01', [u.chemistry]);
});
afterAll(() => t?.close());

describe('partnership compliance through the API', () => {
  it("counts one department's key activities: done, due, overdue and upcoming", async () => {
    const c = await cadence(u.chemistry);
    expect(c.year).toEqual({ start: '2024-08-01', end: '2025-07-31', label: '2024–25' });
    expect(c.asOf).toBe('2025-03-15');
    expect(c.items.map((i) => i.template.name)).toEqual(Array(5).fill('Loughborough partnership model'));
    expect(board(c)).toEqual({
      'Regular meeting with the Associate Dean': ['done', 'overdue', 'due'],
      'Annual meeting with the School Leadership Team': ['due'],
      'Annual review of teaching and research support': ['due'],
      'Attendance at the staff-student committee': ['done', 'done', 'upcoming'],
      'Listed on the school website and mailing lists': ['done'],
    });
    expect(c.summary).toEqual({ done: 4, due: 3, overdue: 1 });
    const [dean, , , committee, listed] = c.items;
    expect(dean?.periods.map((x) => [x.label, x.from, x.to])).toEqual([
      ['Autumn term', '2024-08-01', '2024-11-30'], ['Spring term', '2024-12-01', '2025-02-28'], ['Summer term', '2025-03-01', '2025-07-31'],
    ]);
    expect(dean?.periods[0]?.doneBy).toEqual({ id: e.adaAutumn, occurredOn: '2024-10-10' });
    expect(committee?.periods.map((x) => x.doneBy?.id ?? null)).toEqual([e.committeeNov30, e.committeeDec1, null]);
    expect(listed?.periods[0]).toEqual({ label: 'Any time', from: '1900-01-01', to: '2025-07-31', status: 'done', doneBy: { id: e.listed, occurredOn: '2022-06-01' } });
  });

  it('a department with no engagements: past periods overdue, current ones due, once-only due', async () => {
    const c = await cadence(u.physics);
    expect(board(c)).toEqual({
      'Regular meeting with the Associate Dean': ['overdue', 'overdue', 'due'],
      'Annual meeting with the School Leadership Team': ['due'],
      'Annual review of teaching and research support': ['due'],
      'Attendance at the staff-student committee': ['overdue', 'due', 'upcoming'],
      'Listed on the school website and mailing lists': ['due'],
    });
    expect(c.summary).toEqual({ done: 0, due: 5, overdue: 3 });
  });

  it('a new engagement with the current holder of the post counts at once', async () => {
    await engage('benHead', 'meeting', '2025-02-02', [u.chemistry], [p.ben]);
    const head = (await cadence(u.chemistry)).items[1];
    expect(head?.periods[0]).toMatchObject({ status: 'done', doneBy: { id: e.benHead, occurredOn: '2025-02-02' } });
  });

  it('a position counts from its start date through its end date, not after', async () => {
    u.biology = await unit(a, 'Biology', u.science);
    const dora = await person('Dora Dale', [{ orgUnitId: u.science, title: 'Associate Dean', startDate: '2023-01-01', endDate: '2024-11-30' }]);
    await engage('doraLastDay', 'meeting', '2024-11-30', [u.biology], [dora]);
    await engage('doraAfter', 'meeting', '2024-12-15', [u.biology], [dora]);
    const dean = (await cadence(u.biology)).items[0];
    expect(dean?.periods.map((x) => [x.status, x.doneBy?.id ?? null])).toEqual([['done', e.doraLastDay], ['overdue', null], ['due', null]]);
  });

  it('another academic year: a past one is judged after its end, a future one has not begun', async () => {
    const past = await cadence(u.chemistry, '?year=2023');
    expect(past.year).toEqual({ start: '2023-08-01', end: '2024-07-31', label: '2023–24' });
    expect(past.asOf).toBe('2025-03-15');
    expect(board(past)['Annual review of teaching and research support']).toEqual(['done']);
    // the year is over, so its summer term was missed, not still due
    expect(board(past)['Regular meeting with the Associate Dean']).toEqual(['overdue', 'overdue', 'overdue']);
    expect(past.items[2]?.periods[0]?.doneBy).toEqual({ id: e.reviewLastYear, occurredOn: '2023-11-01' });
    const next = await cadence(u.chemistry, '?year=2025');
    expect(next.asOf).toBe('2025-03-15');
    expect(next.summary).toEqual({ done: 1, due: 0, overdue: 0 }); // only the listing, done long ago
    expect(board(next)['Regular meeting with the Associate Dean']).toEqual(['upcoming', 'upcoming', 'upcoming']);
  });

  it('units no template applies to answer no items; templates for named units reach their departments below', async () => {
    for (const id of [u.science, u.centre, u.old]) expect(await cadence(id)).toMatchObject({ items: [], summary: { done: 0, due: 0, overdue: 0 } });
    const res = await a.manager.post('/api/v1/partnership-templates', {
      name: 'Research model', appliesTo: 'units', units: [{ orgUnitId: u.science, includeDescendants: true }, { orgUnitId: u.centre }],
      activities: [{ name: 'Research workshop', typeId: types(a).workshop, cadence: 'yearly' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const tpl = res.json<PartnershipTemplateDto>();
    await engage('workshop', 'workshop', '2025-03-15', [u.centre]);
    expect((await cadence(u.centre)).items.map((i) => [i.template.name, i.periods[0]?.status])).toEqual([['Research model', 'done']]);
    expect((await cadence(u.science)).summary).toEqual({ done: 0, due: 1, overdue: 0 });
    // Chemistry has both templates, by name; the workshop logged at the centre is not Chemistry's
    expect((await cadence(u.chemistry)).items.map((i) => `${i.template.name}: ${i.activity.name}`).slice(-2)).toEqual([
      'Loughborough partnership model: Listed on the school website and mailing lists', 'Research model: Research workshop',
    ]);
    expect((await cadence(u.old)).items).toEqual([]); // archived departments are left out

    const all = await complianceByUnit(t.handle.db, await institution(), academicYearStarting(2024), '2025-03-15');
    expect([...all.keys()].sort()).toEqual([u.science, u.chemistry, u.physics, u.biology, u.centre].sort());
    expect(all.get(u.chemistry)?.items).toEqual((await cadence(u.chemistry)).items);
    expect((await complianceByUnit(t.handle.db, await institution(), academicYearStarting(2024), '2025-03-15', [u.physics, u.old])).size).toBe(1);

    // an inactive template no longer counts
    expect((await a.manager.patch(`/api/v1/partnership-templates/${tpl.id}`, { active: false })).statusCode).toBe(200);
    expect((await cadence(u.centre)).items).toEqual([]);
    expect((await cadence(u.chemistry)).items).toHaveLength(5);
  });

  it('400 for a bad year; 404 for an unknown unit or one of another institution', async () => {
    for (const q of ['?year=abc', '?year=1800', '?colour=red']) {
      const res = await a.viewer.get(`/api/v1/org-units/${u.chemistry}/cadence${q}`);
      expect(res.statusCode, q).toBe(400);
    }
    expect(errorOf(await a.viewer.get(`/api/v1/org-units/${u.chemistry}/cadence?year=abc`)).details?.[0]?.field).toBe('year');
    expect((await a.viewer.get('/api/v1/org-units/nope/cadence')).statusCode).toBe(404);
    expect((await b.viewer.get(`/api/v1/org-units/${u.chemistry}/cadence`)).statusCode).toBe(404);
    expect((await complianceByUnit(t.handle.db, await institution(b), academicYearStarting(2024), '2025-03-15', [u.chemistry])).size).toBe(0);
  });
});

async function institution(tenant: Tenant = a) {
  return t.handle.db.selectFrom('institutions').selectAll().where('id', '=', tenant.institutionId).executeTakeFirstOrThrow();
}
