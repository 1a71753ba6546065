import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryYearDto, ReportDataDto, ReportListDto } from '../../../shared/contracts/reports.ts';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { planFixtures } from '../../../../test/plans.ts';
import { clock, relationshipFixtures } from '../../../../test/relationships.ts';

/*
 * One department's report for 2025–26 (1 Aug 2025 – 31 Jul 2026: the default year start), every
 * figure crafted here and asserted as a number worked out by hand.
 */

let t: TestApp;
let tenant: Tenant;
let other: Tenant;
const f = relationshipFixtures(() => t);
const p = planFixtures(() => t);
let faculty: string;
let comp: string;
let maths: string;
let ada: string;
let metricId: string;

const report = async (unitId = comp, year = 2025, agent = tenant.viewer) => {
  const res = await agent.get(`/api/v1/reports/${unitId}/${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ReportDataDto>();
};

beforeAll(async () => {
  t = await buildTestApp({ clock });
  [tenant, other] = await Promise.all([newTenant(t), newTenant(t)]);
  await f.loadVocab(tenant);
  faculty = await f.orgUnit(tenant, 'Faculty of Science', 'faculty');
  comp = await f.orgUnit(tenant, 'School of Computing', 'department', faculty);
  maths = await f.orgUnit(tenant, 'Department of Mathematics', 'department', faculty);
  ada = await f.person(tenant, 'Ada Lovelace', { isChampion: true, championSince: '2025-10-01', positions: [{ orgUnitId: comp, title: 'Director of Teaching' }] });
  const bob = await f.person(tenant, 'Bob Babbage', { positions: [{ orgUnitId: comp, title: 'Lecturer' }] });
  // champions who are not Computing's on the year's last day: one moved on in the spring, one is in Maths
  await f.person(tenant, 'Grace Hopper', { isChampion: true, championSince: '2024-01-01', positions: [{ orgUnitId: comp, title: 'Lecturer', startDate: '2020-09-01', endDate: '2026-03-31' }] });
  await f.person(tenant, 'Emmy Noether', { isChampion: true, championSince: '2024-01-01', positions: [{ orgUnitId: maths, title: 'Reader' }] });

  // this year: two meetings (one the department asked for), a teaching session shared with Maths
  await f.engage(tenant.librarian, tenant, { type: 'meeting', on: '2025-09-10', people: [ada], units: [comp], themes: ['skills'] });
  await f.engage(tenant.librarian, tenant, { type: 'meeting', on: '2026-01-20', by: 'partner', people: [ada, bob], units: [comp], themes: ['skills', 'research_knowledge'] });
  const taught = await f.engage(tenant.librarian, tenant, { type: 'teaching_session', on: '2026-02-03', people: [bob], units: [comp, maths], milestone: 'First embedded session' });
  await tenant.librarian.patch(`/api/v1/engagements/${taught.id}`, { attendance: 20, durationMinutes: 90 });
  // last year, and another department: neither counts this year
  await f.engage(tenant.librarian, tenant, { type: 'meeting', on: '2025-03-01', people: [ada], units: [comp] });
  await f.engage(tenant.librarian, tenant, { type: 'annual_review', on: '2024-11-05', units: [comp] });
  await f.engage(tenant.librarian, tenant, { type: 'meeting', on: '2025-11-11', units: [maths] });

  const metric = await tenant.manager.post('/api/v1/metrics', { name: 'NSS learning resources', unit: '%', direction: 'higher_better', source: 'NSS', periodKind: 'academic_year' });
  expect(metric.statusCode, metric.body).toBe(201);
  metricId = metric.json<{ id: string }>().id;
  for (const [unit, period, value] of [[comp, '2021-22', 70], [comp, '2023-24', 74], [comp, '2025-26', 81], [maths, '2025-26', 75], [comp, '2019-20', 60]] as const) {
    const res = await tenant.manager.put(`/api/v1/metrics/${metricId}/values`, { orgUnitId: unit, period, value });
    expect(res.statusCode, res.body).toBe(200);
  }

  for (const body of [
    { kind: 'quote', text: 'The library sessions changed how our students search.', sourcePersonId: ada, occurredOn: '2026-02-10', orgUnitIds: [comp] },
    { kind: 'student_comment', text: 'I finally understand referencing.', attribution: 'anonymous', sourceText: 'a second-year student', occurredOn: '2026-02-04', orgUnitIds: [comp] },
    { kind: 'quote', text: 'From the year before.', sourceText: 'Head of School', occurredOn: '2024-12-01', orgUnitIds: [comp] },
  ]) {
    const res = await tenant.librarian.post('/api/v1/evidence', body);
    expect(res.statusCode, res.body).toBe(201);
  }
  // impact evaluations: two under way or done in Computing, one only planned, one of Mathematics'
  for (const body of [
    { initiative: 'Referencing workshop evaluation', status: 'complete', howWeMeasured: 'Marked assignments', shortTermOutcomes: 'Fewer referencing errors in year 2', orgUnitIds: [comp] },
    { initiative: 'Research data pilot', status: 'in_progress', longTermOutcomes: 'A data plan in every bid', orgUnitIds: [comp] },
    { initiative: 'Not begun', status: 'planned', orgUnitIds: [comp] },
    { initiative: 'Proof workshops', status: 'complete', howWeMeasured: 'Survey', shortTermOutcomes: 'Confident students', orgUnitIds: [maths] },
  ]) {
    const res = await tenant.librarian.post('/api/v1/impact-evaluations', body);
    expect(res.statusCode, res.body).toBe(201);
  }
  await f.assess(tenant.librarian, { orgUnitId: comp, level: 'partner', assessedOn: '2025-12-01', rationale: 'Co-designed teaching' });

  const plan = await p.plan(tenant.librarian, comp, 2025);
  const done = await p.action(tenant.librarian, plan.id, { title: 'Embed search skills in year 1' });
  await p.action(tenant.librarian, plan.id, { title: 'Reading list review' });
  await p.action(tenant.librarian, plan.id, { title: 'Research data workshop' });
  await tenant.librarian.patch(`/api/v1/plan-actions/${done.id}`, { status: 'done' });
  // next year's draft carries the two unfinished actions forward
  await p.plan(tenant.librarian, comp, 2026);
});
afterAll(() => t.close());

describe('annual report figures', () => {
  it('counts this year’s engagements by type, theme and initiator, the people, and last year’s total', async () => {
    const r = await report();
    expect(r.year).toEqual({ key: '2025', label: '2025–26', start: '2025-08-01', end: '2026-07-31' });
    expect(r.orgUnit).toMatchObject({ name: 'School of Computing', parentName: 'Faculty of Science' });
    expect(r.engagements.total).toBe(3);
    expect(r.engagements.previousYearTotal).toBe(2);
    expect(r.engagements.byType.map((x) => [x.key, x.count])).toEqual([['meeting', 2], ['teaching_session', 1]]);
    expect(r.engagements.byTheme.map((x) => [x.key, x.count])).toEqual([['skills', 2], ['research_knowledge', 1]]);
    expect(r.engagements.initiated).toEqual({ library: 2, partner: 1 });
    expect(r.engagements.peopleEngaged).toBe(2);
  });

  it('splits a shared teaching session’s reach between its departments (SCONUL user hours)', async () => {
    // 20 attendees × 1.5 h, shared by two departments: 10 attendees and 15 user hours each
    expect((await report()).engagements.teaching).toEqual({ sessions: 1, attendees: 10, userHours: 15 });
    expect((await report(maths)).engagements.teaching).toEqual({ sessions: 1, attendees: 10, userHours: 15 });
  });

  it('shows five years of each metric against the average of departments, with gaps left as gaps', async () => {
    const [m] = (await report()).metrics;
    expect(m?.name).toBe('NSS learning resources');
    expect(m?.points.map((x) => x.period)).toEqual(['2021', '2022', '2023', '2024', '2025']);
    expect(m?.points.map((x) => x.value)).toEqual([70, null, 74, null, 81]);
    // 2025–26: Computing 81 and Mathematics 75
    expect(m?.points.at(-1)?.average).toBe(78);
    expect(m?.points[0]?.average).toBe(70);
  });

  it('tells the relationship: maturity now, this year’s journey, champions', async () => {
    const rel = (await report()).relationship;
    expect(rel.maturity).toMatchObject({ level: 'partner', label: 'Trusted partner', assessedOn: '2025-12-01', rationale: 'Co-designed teaching' });
    expect(rel.journey.map((j) => j.kind)).toEqual(expect.arrayContaining(['maturity', 'milestone', 'champion']));
    expect(rel.journey.every((j) => j.date >= '2025-08-01' && j.date <= '2026-07-31')).toBe(true);
    expect(rel.champions).toEqual([{ id: ada, name: 'Ada Lovelace', since: '2025-10-01' }]);
  });

  it('counts the partnership model’s key activities, a finished year’s as missed or done, as its cadence page does', async () => {
    // 2024–25 ended before today: its annual review was logged; its termly meetings with the Associate
    // Dean (3), the leadership team meeting (1) and the committee meetings (3) were missed; the one-off
    // listing on the school website has no deadline, so it is still due
    const r = await report(comp, 2024);
    expect(r.relationship.cadence).toEqual({ done: 1, due: 1, overdue: 7 });
    const page = (await tenant.viewer.get(`/api/v1/org-units/${comp}/cadence?year=2024`)).json<{ summary: unknown }>();
    expect(page.summary).toEqual(r.relationship.cadence);
    // this year, on 15 March: nothing done; two terms' Associate Dean meetings and the autumn committee
    // missed; the spring term's, the second committee's, the year's two and the listing due
    expect((await report()).relationship.cadence).toEqual({ done: 0, due: 5, overdue: 3 });
  });

  it('highlights this year’s evidence, people’s words first, never naming an anonymous source', async () => {
    const ev = (await report()).highlights.evidence;
    expect(ev.map((e) => e.text)).toEqual(['The library sessions changed how our students search.', 'I finally understand referencing.']);
    expect(ev[0]).toMatchObject({ source: 'Ada Lovelace', kindLabel: 'Quote' });
    expect(ev[1]).toMatchObject({ source: 'a second-year student' });
  });

  it('highlights the department’s impact evaluations under way or done, with their outcomes, not those only planned', async () => {
    const impact = (await report()).highlights.impact;
    // written at one moment (the fixed clock), so in the order they were made
    expect(impact.map(({ title, status, outcomes }) => ({ title, status, outcomes }))).toEqual([
      { title: 'Referencing workshop evaluation', status: 'complete', outcomes: 'Fewer referencing errors in year 2' },
      { title: 'Research data pilot', status: 'in_progress', outcomes: 'A data plan in every bid' },
    ]);
    expect((await report(maths)).highlights.impact.map((i) => i.title)).toEqual(['Proof workshops']);
  });

  it('reviews this year’s plan: done, open and carried forward', async () => {
    const reviewed = (await report()).plan.reviewed;
    expect(reviewed).toMatchObject({ done: 1, open: 2, carriedForward: 2 });
    expect(reviewed?.actions.map((a) => a.title)).toEqual(['Embed search skills in year 1', 'Reading list review', 'Research data workshop']);
  });

  it('drafts an introduction and conclusion from the figures', async () => {
    const n = (await report()).narrative;
    expect(n.introduction).toBeNull();
    expect(n.introductionDraft).toContain('2025–26');
    expect(n.introductionDraft).toContain('We logged 3 engagements, 50% more than the 2 of the year before, with 2 people in the department');
    expect(n.introductionDraft).toContain('1 session reaching 10 attendees: 15 user hours');
    expect(n.introductionDraft).toContain('trusted partner, assessed during the year');
    expect(n.conclusionDraft).toContain('1 of 3 actions was completed and 2 carried forward');
    expect(n.conclusionDraft).toContain('The actions for 2026–27 are still to be agreed');
  });

  it('a department with nothing this year still reports, in words', async () => {
    const empty = await f.orgUnit(tenant, 'Department of Classics', 'department', faculty);
    const r = await report(empty);
    expect(r.engagements.total).toBe(0);
    expect(r.metrics).toEqual([]);
    expect(r.plan.reviewed).toBeNull();
    expect(r.narrative.introductionDraft).toContain('No engagements were logged with the department this year.');
  });
});

describe('what people write on a report', () => {
  it('saves the narrative, the discussion and its themes, and next year’s actions; audited', async () => {
    const res = await tenant.librarian.put(`/api/v1/reports/${comp}/2025`, {
      introduction: 'A year of embedding.', discussedOn: '2026-06-10', discussionNotes: 'Met the head of school.',
      themes: ['Research data', 'research data ', 'Digital skills'], proposed: [{ title: 'Data management workshop', notes: 'With the graduate school' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<ReportDataDto>();
    expect(r.narrative.introduction).toBe('A year of embedding.');
    expect(r.discussion).toEqual({ discussedOn: '2026-06-10', notes: 'Met the head of school.', themes: ['Digital skills', 'Research data'] });
    expect(r.plan.proposed).toMatchObject([{ title: 'Data management workshop', notes: 'With the graduate school' }]);
    expect(r.narrative.conclusionDraft).toContain('For 2026–27 we propose 1 action, beginning with “Data management workshop”');
    expect(r.narrative.conclusionDraft).toContain('raised digital skills and research data');

    // an omitted part stays; null returns to the draft
    const again = (await tenant.librarian.put(`/api/v1/reports/${comp}/2025`, { introduction: null })).json<ReportDataDto>();
    expect(again.narrative.introduction).toBeNull();
    expect(again.discussion.themes).toEqual(['Digital skills', 'Research data']);
    const audit = await t.handle.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'annual_report').where('institution_id', '=', tenant.institutionId).orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('lists every department for the year with how far its report has got', async () => {
    const list = (await tenant.viewer.get('/api/v1/reports?year=2025')).json<ReportListDto>();
    expect(list.year.label).toBe('2025–26');
    const compItem = list.items.find((i) => i.orgUnit.id === comp);
    expect(compItem).toMatchObject({ discussedOn: '2026-06-10', themes: ['Digital skills', 'Research data'], written: false });
    expect(list.items.find((i) => i.orgUnit.id === maths)).toMatchObject({ reportId: null, written: false, themes: [] });
    expect(list.items.some((i) => i.orgUnit.id === faculty)).toBe(false);
  });

  it('the library-wide year: coverage, maturity, totals, highlights, and the themes ranked by how many departments raised them', async () => {
    const res = await tenant.librarian.put(`/api/v1/reports/${maths}/2025`, { themes: ['research data', 'Open access'] });
    expect(res.statusCode, res.body).toBe(200);
    const y = (await tenant.viewer.get('/api/v1/reports/library?year=2025')).json<LibraryYearDto>();
    // Computing, Mathematics and Classics; Classics had no engagement
    expect([y.departments, y.departmentsEngaged]).toEqual([3, 2]);
    expect(y.maturity.map((m) => [m.level, m.departments])).toEqual([['pioneer', 0], ['partner', 1], ['provider', 0], ['none', 0], ['unassessed', 2]]);
    // three of Computing's (one shared with Maths) and one of Maths' own; the shared session counted once: 20 × 1.5 h
    expect(y.engagements).toBe(4);
    expect(y.teaching).toEqual({ sessions: 1, attendees: 20, userHours: 30 });
    expect(y.evidenceCaptured).toBe(2);
    expect(y.highlights.map((h) => [h.text, h.orgUnits])).toEqual([
      ['The library sessions changed how our students search.', ['School of Computing']],
      ['I finally understand referencing.', ['School of Computing']],
    ]);
    expect(y.themes.map((t) => [t.theme, t.departments.map((d) => d.name)])).toEqual([
      ['Research data', ['Department of Mathematics', 'School of Computing']],
      ['Digital skills', ['School of Computing']],
      ['Open access', ['Department of Mathematics']],
    ]);
    expect(y.reportsDiscussed).toBe(1);
    expect((await other.viewer.get('/api/v1/reports/library?year=2025')).json<LibraryYearDto>().themes).toEqual([]);
  });

  it('downloads as a PDF whose text carries the department, its figures and what was written', async () => {
    const res = await tenant.viewer.get(`/api/v1/reports/${comp}/2025/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="school-of-computing-library-report-2025-26.pdf"');
    const parser = new PDFParse({ data: new Uint8Array(res.rawPayload) });
    try {
      const text = (await parser.getText()).text.replace(/\s+/g, ' ');
      expect(text).toContain('School of Computing');
      expect(text).toContain('2025–26');
      expect(text).toContain('NSS learning resources');
      expect(text).toContain('The library sessions changed how our students search.');
      expect(text).toContain('Data management workshop');
      // the figures worked out above, as the document states them
      expect(text).toContain('The library initiated 2 of 3 engagements (67%) and the department 1 (33%).');
      expect(text).toContain('Trusted partner, as assessed on 1 December 2025.');
      expect(text).toContain('Partnership model: 0 of 8 key activities done this year; 5 due now, 3 overdue.');
      expect(text).toContain('Referencing workshop evaluation');
      expect(text).not.toContain('Not begun');
    } finally {
      await parser.destroy();
    }
    expect((await other.viewer.get(`/api/v1/reports/${comp}/2025/pdf`)).statusCode).toBe(404);
  });

  it('refuses bad input by field, viewers, other institutions and anonymous callers', async () => {
    const bad = await tenant.librarian.put(`/api/v1/reports/${comp}/2025`, { discussedOn: 'soon', themes: ['x'.repeat(81)] });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details?.map((d) => d.field).sort()).toEqual(['discussedOn', 'themes.0']);
    expect((await tenant.librarian.put(`/api/v1/reports/${comp}/1800`, {})).statusCode).toBe(400);
    expect((await tenant.viewer.put(`/api/v1/reports/${comp}/2025`, { introduction: 'x' })).statusCode).toBe(403);
    expect((await other.manager.get(`/api/v1/reports/${comp}/2025`)).statusCode).toBe(404);
    expect((await other.manager.put(`/api/v1/reports/${comp}/2025`, { introduction: 'x' })).statusCode).toBe(404);
    expect((await other.manager.get('/api/v1/reports?year=2025')).json<ReportListDto>().items.some((i) => i.orgUnit.id === comp)).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/reports/${comp}/2025` })).statusCode).toBe(401);
  });
});
