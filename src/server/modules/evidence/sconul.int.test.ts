import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingHoursDto } from '../../../shared/contracts/sconul.ts';
import { buildTestApp, errorOf, newTenant, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';
import { engagementFixtures } from '../../../../test/engagements.ts';
import { read } from '../../../../test/planning.ts';

// 23:30 UTC on 31 July 2025 is already 1 August in London (BST): the institution's new academic year
const clock = { now: () => new Date('2025-07-31T23:30:00Z') };
const BASE = '/api/v1/sconul/training-hours';

let t: TestApp;
let a: Tenant;
let b: Tenant;
let c: Tenant;
const ef = engagementFixtures(() => t);
const units = { chemistry: '', history: '', physics: '' };
const engagements = { historyNoAttendance: '' };
const fields = (res: Parameters<typeof errorOf>[0]) => errorOf(res).details?.map((d) => d.field);
const hours = (agent: Agent, query = '') => read<TrainingHoursDto>(agent, `${BASE}${query}`);
const rowOf = (d: TrainingHoursDto, id: string) => d.rows.find((r) => r.orgUnit.id === id);

/** Logs a counted (or not) engagement through the API and answers its id. */
async function log(tenant: Tenant, type: string, occurredOn: string, attendance: number | null, durationMinutes: number | null, link: Record<string, unknown>) {
  const e = await ef.log(tenant.librarian, tenant, { typeId: ef.types(tenant)[type], occurredOn, attendance, durationMinutes, summary: `${type} on ${occurredOn}`, ...link });
  return e.id;
}

beforeAll(async () => {
  t = await buildTestApp({ clock, env: { LOGIN_RATE_LIMIT: '1000' } });
  [a, b, c] = await Promise.all([newTenant(t), newTenant(t), newTenant(t)]);
  await Promise.all([ef.loadVocab(a), ef.loadVocab(b), ef.loadVocab(c)]);
  const science = await ef.unit(a, 'Faculty of Science');
  const arts = await ef.unit(a, 'Faculty of Arts');
  units.chemistry = await ef.unit(a, 'Chemistry', science);
  units.history = await ef.unit(a, 'History', arts);
  const person = await ef.person(a, 'Dr Ada Lovelace');
  const chem = { orgUnitIds: [units.chemistry] };
  const hist = { orgUnitIds: [units.history] };

  // academic year 2024–25 (1 Aug 2024 – 31 Jul 2025), both ends included
  await log(a, 'teaching_session', '2024-08-01', 4, 30, hist); // 2 h, the year's first day
  await log(a, 'teaching_session', '2024-10-10', 30, 60, chem); // 30 h
  await log(a, 'teaching_session', '2024-11-05', 25, 120, { orgUnitIds: [units.chemistry, units.history] }); // 50 h, 25 h each
  engagements.historyNoAttendance = await log(a, 'teaching_session', '2025-01-15', null, 60, hist); // missing
  await log(a, 'workshop', '2025-02-01', 12, 90, chem); // 18 h
  await log(a, 'workshop', '2025-02-20', 10, null, hist); // 10 attendees, missing, no hours
  await log(a, 'teaching_session', '2025-03-01', 8, 45, { personIds: [person] }); // 6 h, no department
  await log(a, 'meeting', '2025-03-02', 5, 60, chem); // not training
  await log(a, 'teaching_session', '2025-07-31', 6, 10, chem); // 1 h, the year's last day
  // the years either side
  await log(a, 'teaching_session', '2024-07-31', 100, 60, chem); // 100 h in 2023–24
  await log(a, 'teaching_session', '2025-08-01', 3, 40, chem); // 2 h in 2025–26

  // institution c's years start on 1 September
  expect((await c.admin.patch('/api/v1/institution', { academicYearStartMonth: 9 })).statusCode).toBe(200);
  units.physics = await ef.unit(c, 'Physics', await ef.unit(c, 'Faculty of Engineering'));
  await log(c, 'teaching_session', '2025-08-31', 10, 60, { orgUnitIds: [units.physics] });
  await log(c, 'teaching_session', '2025-09-01', 20, 60, { orgUnitIds: [units.physics] });
});
afterAll(() => t?.close());

describe('SCONUL training hours: access and validation', () => {
  it('401 without a session, for the JSON and the CSV', async () => {
    for (const url of [BASE, `${BASE}.csv`, `${BASE}?year=2024`]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(errorOf(res).code).toBe('UNAUTHENTICATED');
    }
  });

  it('every role reads it, viewers included (there is nothing to write, so no 403)', async () => {
    for (const who of [a.viewer, a.librarian, a.manager, a.admin]) expect((await hours(who, '?year=2024')).total.sessions).toBe(8);
  });

  it('400 naming the field for a bad year, an unknown parameter or an empty or foreign type list', async () => {
    const cases: [string, string][] = [
      ['?year=abc', 'year'], ['?year=20255', 'year'], ['?year=1989', 'year'], ['?year=2024.5', 'year'],
      ['?typeIds=', 'typeIds'], [`?typeIds=${ef.types(b).teaching_session}`, 'typeIds'], ['?department=x', 'department'],
    ];
    for (const [query, field] of cases) {
      for (const url of [`${BASE}${query}`, `${BASE}.csv${query}`]) {
        const res = await a.viewer.get(url);
        expect(res.statusCode, url).toBe(400);
        expect(fields(res), url).toEqual([field]);
      }
    }
  });
});

describe('SCONUL training hours: the figures', () => {
  it('per department: sessions, attendees, attendees × minutes / 60, and incomplete engagements; a shared session split evenly', async () => {
    const d = await hours(a.viewer, '?year=2024');
    expect(d.year).toEqual({ start: '2024-08-01', end: '2025-07-31', label: '2024–25', year: 2024 });
    expect(d.typesCounted.map((x) => x.label)).toEqual(['Teaching session', 'Workshop']);
    expect(d.rows).toEqual([
      // 30×60 + 12×90 + 25×120/2 + 6×10 minutes = 4440 = 74 h; attendees 30 + 12 + 12.5 + 6
      { orgUnit: { id: units.chemistry, name: 'Chemistry', type: 'department' }, sessions: 4, attendees: 60.5, userHours: 74, missing: 0 },
      // 4×30 + 25×120/2 = 1620 minutes = 27 h; attendees 4 + 12.5 + 10 (the one without a duration)
      { orgUnit: { id: units.history, name: 'History', type: 'department' }, sessions: 4, attendees: 26.5, userHours: 27, missing: 2 },
    ]);
    expect(d.unlinked).toEqual({ sessions: 1, attendees: 8, userHours: 6, missing: 0 });
    // each engagement once: the shared session's 50 h and 25 attendees are not counted twice
    expect(d.total).toEqual({ sessions: 8, attendees: 95, userHours: 107, missing: 2 });
    expect(d.rows.reduce((s, r) => s + r.userHours, 0) + d.unlinked.userHours).toBe(d.total.userHours);
  });

  it('the current academic year by the institution’s time zone by default; other years by the calendar year they start in', async () => {
    const now = await hours(a.viewer);
    expect(now.year.label).toBe('2025–26');
    expect(now.rows.map((r) => [r.orgUnit.name, r.sessions, r.userHours])).toEqual([['Chemistry', 1, 2]]);
    const before = await hours(a.viewer, '?year=2023');
    expect(before.rows.map((r) => [r.orgUnit.name, r.sessions, r.attendees, r.userHours])).toEqual([['Chemistry', 1, 100, 100]]);
    expect(before.total).toEqual({ sessions: 1, attendees: 100, userHours: 100, missing: 0 });
  });

  it('year boundaries follow the institution’s start month (September here)', async () => {
    const earlier = await hours(c.viewer, '?year=2024');
    expect(earlier.year).toMatchObject({ start: '2024-09-01', end: '2025-08-31', label: '2024–25' });
    expect(earlier.rows.map((r) => [r.orgUnit.name, r.sessions, r.userHours])).toEqual([['Physics', 1, 10]]);
    const later = await hours(c.viewer, '?year=2025');
    expect(later.year).toMatchObject({ start: '2025-09-01', end: '2026-08-31', label: '2025–26' });
    expect(later.rows.map((r) => [r.orgUnit.name, r.sessions, r.userHours])).toEqual([['Physics', 1, 20]]);
    // 1 August 2025 in London is still 2024–25 when the year starts in September
    expect((await hours(c.viewer)).year.label).toBe('2024–25');
  });

  it('typeIds chooses the types counted; an institution’s own "induction" type is counted by default', async () => {
    const meetings = await hours(a.viewer, `?year=2024&typeIds=${ef.types(a).meeting}`);
    expect(meetings.typesCounted.map((x) => x.label)).toEqual(['Meeting']);
    expect(meetings.rows.map((r) => [r.orgUnit.name, r.sessions, r.attendees, r.userHours])).toEqual([['Chemistry', 1, 5, 5]]);
    const both = await hours(a.viewer, `?year=2024&typeIds=${ef.types(a).meeting}&typeIds=${ef.types(a).workshop}`);
    expect(both.total).toEqual({ sessions: 3, attendees: 27, userHours: 23, missing: 1 });

    const induction = await c.admin.post('/api/v1/vocab', { kind: 'engagement_type', key: 'induction', label: 'Induction' });
    expect(induction.statusCode, induction.body).toBe(201);
    await ef.loadVocab(c);
    await log(c, 'induction', '2025-10-01', 40, 30, { orgUnitIds: [units.physics] });
    const d = await hours(c.viewer, '?year=2025');
    expect(d.typesCounted.map((x) => x.label)).toContain('Induction');
    expect(d.total).toEqual({ sessions: 2, attendees: 60, userHours: 40, missing: 0 });
  });

  it('completing an engagement clears it from missing and adds its hours', async () => {
    const res = await a.librarian.patch(`/api/v1/engagements/${engagements.historyNoAttendance}`, { attendance: 15 });
    expect(res.statusCode, res.body).toBe(200);
    const d = await hours(a.viewer, '?year=2024');
    expect(rowOf(d, units.history)).toMatchObject({ sessions: 4, attendees: 41.5, userHours: 42, missing: 1 });
    expect(d.total).toMatchObject({ attendees: 110, userHours: 122, missing: 1 });
  });

  it('another institution sees nothing of ours', async () => {
    const d = await hours(b.viewer, '?year=2024');
    expect(d.rows).toEqual([]);
    expect(d.unlinked).toEqual({ sessions: 0, attendees: 0, userHours: 0, missing: 0 });
    expect(d.total).toEqual({ sessions: 0, attendees: 0, userHours: 0, missing: 0 });
    expect(d.typesCounted.map((x) => x.id).sort()).toEqual([ef.types(b).teaching_session, ef.types(b).workshop].sort());
  });
});

describe('SCONUL training hours: CSV and OpenAPI', () => {
  it('is in the OpenAPI document, with its query parameters', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, { get?: { parameters?: { name: string }[] } }> }>();
    expect(doc.paths[BASE]?.get?.parameters?.map((p) => p.name).sort()).toEqual(['typeIds', 'year']);
    expect(doc.paths[`${BASE}.csv`]).toBeDefined();
  });

  it('streams the same rows, the engagements without a department, and the total', async () => {
    const res = await a.viewer.get(`${BASE}.csv?year=2023`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="sconul-training-hours-2023-24.csv"');
    expect(res.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/)).toEqual([
      'org_unit,type,sessions,attendees,user_hours,missing_attendance_or_duration',
      'Chemistry,Department or school,1,100,100,0',
      'Total 2023–24,,1,100,100,0',
    ]);
    const current = (await a.viewer.get(`${BASE}.csv?year=2024`)).body.trim().split(/\r?\n/);
    const json = await hours(a.viewer, '?year=2024');
    expect(current).toHaveLength(json.rows.length + 3);
    expect(current.at(-2)).toBe(`No department (people only),,1,8,6,0`);
    expect(current.at(-1)).toBe(`Total 2024–25,,${json.total.sessions},${json.total.attendees},${json.total.userHours},${json.total.missing}`);
  });
});
