import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../shared/contracts/common.ts';
import type { MetricDefinitionDto, MetricListDto, MetricValueDto, OrgUnitMetricsDto } from '../../../shared/contracts/metrics.ts';
import { buildTestApp, errorOf, newTenant, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';
import { engagementFixtures } from '../../../../test/engagements.ts';
import { expectSignInNeeded, read } from '../../../../test/planning.ts';

let t: TestApp;
let a: Tenant;
let b: Tenant;
const ef = engagementFixtures(() => t);
const u = { science: '', arts: '', chemistry: '', physics: '', history: '', centre: '', bUnit: '' };
const fields = (res: Parameters<typeof errorOf>[0]) => errorOf(res).details?.map((d) => d.field);

const nss = (over: Record<string, unknown> = {}) => ({
  name: 'NSS: learning resources (% agree)', unit: '%', direction: 'higher_better', source: 'NSS', periodKind: 'academic_year', ...over,
});
async function define(agent: Agent, body: Record<string, unknown>): Promise<MetricDefinitionDto> {
  const res = await agent.post('/api/v1/metrics', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<MetricDefinitionDto>();
}
async function put(agent: Agent, metricId: string, orgUnitId: string, period: string, value: number): Promise<MetricValueDto> {
  const res = await agent.put(`/api/v1/metrics/${metricId}/values`, { orgUnitId, period, value });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MetricValueDto>();
}
const metrics = (agent: Agent) => read<MetricListDto>(agent, '/api/v1/metrics');
const ofUnit = (agent: Agent, id: string) => read<OrgUnitMetricsDto>(agent, `/api/v1/org-units/${id}/metrics`);
const values = (agent: Agent, id: string, query = '') => read<Page<MetricValueDto>>(agent, `/api/v1/metrics/${id}/values${query}`);

async function unitOfType(tenant: Tenant, name: string, type: string, parentId: string): Promise<string> {
  const res = await tenant.manager.post('/api/v1/org-units', { name, type, parentId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

beforeAll(async () => {
  t = await buildTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  u.science = await ef.unit(a, 'Faculty of Science');
  u.arts = await ef.unit(a, 'Faculty of Arts');
  u.chemistry = await ef.unit(a, 'Chemistry', u.science);
  u.physics = await ef.unit(a, 'Physics', u.science);
  u.history = await ef.unit(a, 'History', u.arts);
  u.centre = await unitOfType(a, 'Data Science Institute', 'research_centre', u.science);
  u.bUnit = await ef.unit(b, 'B Department', await ef.unit(b, 'B Faculty'));
});
afterAll(() => t?.close());

describe('metrics: access and validation', () => {
  it('401 without a session on every route', async () => {
    await expectSignInNeeded(t, '/api/v1/metrics');
    const payload = { headers: { 'content-type': 'application/json' }, payload: '{}' };
    for (const [method, url, extra] of [
      ['GET', '/api/v1/metrics/x/values', {}], ['PUT', '/api/v1/metrics/x/values', payload], ['DELETE', '/api/v1/metrics/x/values?orgUnitId=y&period=2025', {}],
      ['GET', '/api/v1/org-units/x/metrics', {}],
    ] as const) {
      const res = await t.app.inject({ method, url, ...extra });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('403 for a librarian or a viewer on every write; both can read', async () => {
    const m = await define(a.manager, nss({ name: 'Access check' }));
    await put(a.manager, m.id, u.chemistry, '2024-25', 71);
    for (const who of [a.librarian, a.viewer]) {
      expect((await who.post('/api/v1/metrics', nss({ name: 'Nope' }))).statusCode).toBe(403);
      expect((await who.patch(`/api/v1/metrics/${m.id}`, { unit: 'points' })).statusCode).toBe(403);
      expect((await who.delete(`/api/v1/metrics/${m.id}`)).statusCode).toBe(403);
      expect((await who.put(`/api/v1/metrics/${m.id}/values`, { orgUnitId: u.chemistry, period: '2024', value: 1 })).statusCode).toBe(403);
      expect((await who.delete(`/api/v1/metrics/${m.id}/values?orgUnitId=${u.chemistry}&period=2024`)).statusCode).toBe(403);
      expect((await metrics(who)).items.find((x) => x.id === m.id)?.valueCount).toBe(1);
      expect((await values(who, m.id)).items.map((v) => v.value)).toEqual([71]);
    }
    expect((await a.admin.delete(`/api/v1/metrics/${m.id}/values?orgUnitId=${u.chemistry}&period=2024`)).statusCode).toBe(204);
    expect((await a.admin.delete(`/api/v1/metrics/${m.id}`)).statusCode).toBe(204);
  });

  it('400 naming each bad field, 409 for a name in use; nothing written', async () => {
    const kept = await define(a.manager, nss({ name: 'Loans per student', unit: 'loans' }));
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '  ' }, 'name'],
      [{ unit: undefined }, 'unit'],
      [{ direction: 'up' }, 'direction'],
      [{ periodKind: 'week' }, 'periodKind'],
      [{ colour: 'red' }, 'colour'],
    ];
    for (const [over, field] of cases) {
      const res = await a.manager.post('/api/v1/metrics', nss({ name: 'Not written', ...over }));
      expect([res.statusCode, fields(res)], JSON.stringify(over)).toEqual([400, [field]]);
    }
    const taken = await a.manager.post('/api/v1/metrics', nss({ name: 'Loans per student' }));
    expect([taken.statusCode, fields(taken)]).toEqual([409, ['name']]);
    const other = await define(a.manager, nss({ name: 'Teaching sessions delivered', unit: 'sessions' }));
    const renamed = await a.manager.patch(`/api/v1/metrics/${other.id}`, { name: 'Loans per student' });
    expect([renamed.statusCode, fields(renamed)]).toEqual([409, ['name']]);
    expect((await metrics(a.viewer)).items.map((m) => m.name)).toEqual(['Loans per student', 'Teaching sessions delivered']);

    const bad: [Record<string, unknown>, string][] = [
      [{ period: 'next year' }, 'period'],
      [{ period: '2024-26' }, 'period'],
      [{ value: 'lots' }, 'value'],
      [{ value: null }, 'value'],
      [{ orgUnitId: u.bUnit }, 'orgUnitId'],
      [{ orgUnitId: undefined }, 'orgUnitId'],
      [{ note: 'x' }, 'note'],
    ];
    for (const [over, field] of bad) {
      const res = await a.manager.put(`/api/v1/metrics/${kept.id}/values`, { orgUnitId: u.chemistry, period: '2024-25', value: 3, ...over });
      expect([res.statusCode, fields(res)], JSON.stringify(over)).toEqual([400, [field]]);
    }
    expect((await a.viewer.get(`/api/v1/metrics/${kept.id}/values?period=someday`)).statusCode).toBe(400);
    const del = await a.manager.delete(`/api/v1/metrics/${kept.id}/values?orgUnitId=${u.chemistry}&period=soon`);
    expect([del.statusCode, fields(del)]).toEqual([400, ['period']]);
    expect((await a.manager.delete(`/api/v1/metrics/${kept.id}/values?orgUnitId=${u.chemistry}&period=2024`)).statusCode).toBe(404);
    expect((await values(a.viewer, kept.id)).total).toBe(0);
    for (const m of [kept, other]) expect((await a.manager.delete(`/api/v1/metrics/${m.id}`)).statusCode).toBe(204);
  });

  it("another institution's metrics and units are not found", async () => {
    const m = await define(a.manager, nss({ name: 'Ours alone' }));
    await put(a.manager, m.id, u.history, '2025', 80);
    expect((await b.viewer.get(`/api/v1/metrics/${m.id}`)).statusCode).toBe(404);
    expect((await b.viewer.get(`/api/v1/metrics/${m.id}/values`)).statusCode).toBe(404);
    expect((await b.viewer.get(`/api/v1/org-units/${u.history}/metrics`)).statusCode).toBe(404);
    expect((await b.manager.patch(`/api/v1/metrics/${m.id}`, { name: 'Theirs' })).statusCode).toBe(404);
    expect((await b.manager.delete(`/api/v1/metrics/${m.id}`)).statusCode).toBe(404);
    expect((await b.manager.put(`/api/v1/metrics/${m.id}/values`, { orgUnitId: u.bUnit, period: '2025', value: 1 })).statusCode).toBe(404);
    expect((await b.manager.delete(`/api/v1/metrics/${m.id}/values?orgUnitId=${u.history}&period=2025`)).statusCode).toBe(404);
    expect((await metrics(b.viewer)).items).toEqual([]);
    expect((await values(a.viewer, m.id)).items.map((v) => v.value)).toEqual([80]);
    await a.manager.delete(`/api/v1/metrics/${m.id}/values?orgUnitId=${u.history}&period=2025`);
    expect((await a.manager.delete(`/api/v1/metrics/${m.id}`)).statusCode).toBe(204);
  });
});

describe('metrics: definitions and values', () => {
  it('defines, edits and deletes a metric, refusing while it has values, and audits every change', async () => {
    const m = await define(a.manager, nss({ name: 'Reading list coverage (%)', source: '  ', description: 'Modules with a reading list' }));
    expect(m).toMatchObject({ unit: '%', direction: 'higher_better', source: null, periodKind: 'academic_year', valueCount: 0, latestPeriod: null, latestPeriodLabel: null });
    expect((await read<MetricDefinitionDto>(a.viewer, `/api/v1/metrics/${m.id}`)).description).toBe('Modules with a reading list');

    // the same unit and period written twice is one value: the second replaces the first
    const first = await put(a.manager, m.id, u.chemistry, '2024/25', 61.5);
    expect(first).toMatchObject({ period: '2024', periodLabel: '2024–25', value: 61.5, importJobId: null, orgUnit: { id: u.chemistry, name: 'Chemistry', type: 'department' } });
    expect((await put(a.manager, m.id, u.chemistry, '2024–25', 64)).value).toBe(64);
    await put(a.manager, m.id, u.physics, '2023-24', 40);
    const listed = (await metrics(a.viewer)).items.find((x) => x.id === m.id);
    expect(listed).toMatchObject({ valueCount: 2, latestPeriod: '2024', latestPeriodLabel: '2024–25' });

    const kind = await a.manager.patch(`/api/v1/metrics/${m.id}`, { periodKind: 'month' });
    expect([kind.statusCode, fields(kind)]).toEqual([409, ['periodKind']]);
    const refused = await a.manager.delete(`/api/v1/metrics/${m.id}`);
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).message).toContain('has 2 values');

    const edited = await a.manager.patch(`/api/v1/metrics/${m.id}`, { direction: 'lower_better', source: 'Leganto' });
    expect(edited.json<MetricDefinitionDto>()).toMatchObject({ direction: 'lower_better', source: 'Leganto', name: 'Reading list coverage (%)' });

    expect((await a.manager.delete(`/api/v1/metrics/${m.id}/values?orgUnitId=${u.chemistry}&period=2024-25`)).statusCode).toBe(204);
    expect((await a.manager.delete(`/api/v1/metrics/${m.id}/values?orgUnitId=${u.physics}&period=2023`)).statusCode).toBe(204);
    // with no values left the period kind may change, and the metric may go
    expect((await a.manager.patch(`/api/v1/metrics/${m.id}`, { periodKind: 'month' })).statusCode).toBe(200);
    expect((await a.manager.delete(`/api/v1/metrics/${m.id}`)).statusCode).toBe(204);
    expect((await a.viewer.get(`/api/v1/metrics/${m.id}`)).statusCode).toBe(404);

    type Entry = { action: string; entityType: string; changes: Record<string, { before: unknown; after: unknown }> };
    const defAudit = (await a.admin.get(`/api/v1/audit?entityId=${m.id}`)).json<{ items: Entry[] }>().items;
    expect(defAudit.map((e) => `${e.entityType}:${e.action}`)).toEqual(['metric_definition:delete', 'metric_definition:update', 'metric_definition:update', 'metric_definition:create']);
    expect(defAudit[2]?.changes).toEqual({ direction: { before: 'higher_better', after: 'lower_better' }, source: { before: null, after: 'Leganto' } });
    const valueAudit = (await a.admin.get('/api/v1/audit?entityType=metric_value&pageSize=200')).json<{ items: (Entry & { entityId: string })[] }>().items
      .filter((e) => e.entityId.startsWith(m.id));
    expect(valueAudit.map((e) => `${e.action}${e.entityId.slice(m.id.length)}`)).toEqual([
      `delete:${u.physics}:2023`, `delete:${u.chemistry}:2024`, `create:${u.physics}:2023`, `update:${u.chemistry}:2024`, `create:${u.chemistry}:2024`,
    ]);
    expect(valueAudit[3]?.changes).toEqual({ value: { before: 61.5, after: 64 } });
  });

  it('lists a metric’s values in pages, latest period first and by unit name, filtered by period or unit', async () => {
    const m = await define(a.manager, nss({ name: 'Loans for the list', unit: 'loans' }));
    await put(a.manager, m.id, u.physics, '2024', 9);
    await put(a.manager, m.id, u.chemistry, '2024', 12);
    await put(a.manager, m.id, u.chemistry, '2023', 11);
    await put(a.manager, m.id, u.history, '2025', 7);
    const all = await values(a.viewer, m.id, '?pageSize=2');
    expect([all.total, all.items.map((v) => `${v.periodLabel} ${v.orgUnit.name} ${v.value}`)]).toEqual([4, ['2025–26 History 7', '2024–25 Chemistry 12']]);
    expect((await values(a.viewer, m.id, '?pageSize=2&page=2')).items.map((v) => `${v.period} ${v.orgUnit.name}`)).toEqual(['2024 Physics', '2023 Chemistry']);
    expect((await values(a.viewer, m.id, '?period=2024-25')).items.map((v) => v.orgUnit.name)).toEqual(['Chemistry', 'Physics']);
    expect((await values(a.viewer, m.id, `?orgUnitId=${u.chemistry}`)).items.map((v) => v.period)).toEqual(['2024', '2023']);
  });
});

describe('metrics: a unit against the institution', () => {
  it('averages only units of the same type, for each period, with how many were averaged; the unit’s own figures only', async () => {
    const m = await define(a.manager, nss({ name: 'NSS for the average' }));
    await put(a.manager, m.id, u.chemistry, '2023', 70);
    await put(a.manager, m.id, u.chemistry, '2024', 80);
    await put(a.manager, m.id, u.chemistry, '2025', 90);
    await put(a.manager, m.id, u.physics, '2024', 60);
    await put(a.manager, m.id, u.physics, '2025', 72.5);
    await put(a.manager, m.id, u.history, '2025', 80.1);
    await put(a.manager, m.id, u.history, '2022', 50);
    // a faculty and a research centre: not departments, so never in a department's average
    await put(a.manager, m.id, u.science, '2025', 10);
    await put(a.manager, m.id, u.arts, '2025', 21);
    await put(a.manager, m.id, u.centre, '2025', 0);

    const chem = await ofUnit(a.viewer, u.chemistry);
    expect(chem.orgUnit).toEqual({ id: u.chemistry, name: 'Chemistry', type: 'department' });
    const item = chem.items.find((i) => i.metric.id === m.id);
    expect(item?.metric).toMatchObject({ name: 'NSS for the average', direction: 'higher_better', periodKind: 'academic_year', valueCount: 10 });
    expect(item?.points).toEqual([
      { period: '2022', label: '2022–23', value: null, institutionAverage: 50, unitsInAverage: 1 },
      { period: '2023', label: '2023–24', value: 70, institutionAverage: 70, unitsInAverage: 1 },
      { period: '2024', label: '2024–25', value: 80, institutionAverage: 70, unitsInAverage: 2 },
      { period: '2025', label: '2025–26', value: 90, institutionAverage: 80.8667, unitsInAverage: 3 },
    ]);

    // the faculty is compared with faculties, and shows its own figure, not its departments'
    const science = (await ofUnit(a.viewer, u.science)).items.find((i) => i.metric.id === m.id);
    expect(science?.points).toEqual([{ period: '2025', label: '2025–26', value: 10, institutionAverage: 15.5, unitsInAverage: 2 }]);
    const centre = (await ofUnit(a.viewer, u.centre)).items.find((i) => i.metric.id === m.id);
    expect(centre?.points).toEqual([{ period: '2025', label: '2025–26', value: 0, institutionAverage: 0, unitsInAverage: 1 }]);
  });

  it('keeps monthly and yearly metrics apart, periods in calendar order whatever order and form they were written in', async () => {
    const enquiries = await define(a.manager, { name: 'Enquiries', unit: 'enquiries', direction: 'higher_better', source: 'LibAnswers', periodKind: 'month' });
    const loans = await define(a.manager, nss({ name: 'Loans per student (for order)', unit: 'loans' }));
    for (const [period, value] of [['Mar 2025', 5], ['2024-12', 3], ['01/2025', 8], ['November 2024', 2], ['2024-10', 4]] as const) {
      await put(a.manager, enquiries.id, u.physics, period, value);
    }
    await put(a.manager, enquiries.id, u.history, '2025-01', 2);
    const year = await a.manager.put(`/api/v1/metrics/${enquiries.id}/values`, { orgUnitId: u.physics, period: '2025', value: 1 });
    expect([year.statusCode, fields(year)]).toEqual([400, ['period']]);
    for (const [period, value] of [['2025-26', 14], ['2022/23', 9], ['2024', 12], ['2023–24', 10]] as const) await put(a.manager, loans.id, u.physics, period, value);

    const physics = await ofUnit(a.viewer, u.physics);
    const byName = new Map(physics.items.map((i) => [i.metric.name, i]));
    expect(byName.get('Enquiries')?.points.map((p) => [p.label, p.value, p.institutionAverage, p.unitsInAverage])).toEqual([
      ['Oct 2024', 4, 4, 1], ['Nov 2024', 2, 2, 1], ['Dec 2024', 3, 3, 1], ['Jan 2025', 8, 5, 2], ['Mar 2025', 5, 5, 1],
    ]);
    expect(byName.get('Loans per student (for order)')?.points.map((p) => p.label)).toEqual(['2022–23', '2023–24', '2024–25', '2025–26']);
    expect(byName.get('Enquiries')?.metric).toMatchObject({ latestPeriod: '2025-03', latestPeriodLabel: 'Mar 2025' });
    // metrics in name order, each one the unit has a figure for
    expect(physics.items.map((i) => i.metric.name)).toEqual([...physics.items.map((i) => i.metric.name)].sort());
    expect((await ofUnit(a.viewer, u.arts)).items.map((i) => i.metric.name)).not.toContain('Enquiries');
  });

  it('a unit with no figures at all has no metrics (and no SQL error on PostgreSQL)', async () => {
    const res = await a.manager.post('/api/v1/org-units', { name: 'Department with no figures', type: 'department' });
    expect(res.statusCode, res.body).toBe(201);
    expect((await ofUnit(a.viewer, res.json<{ id: string }>().id)).items).toEqual([]);
  });
});
