import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobDto } from '../../../shared/contracts/imports.ts';
import { INSTITUTION_LEVEL_NOTE, type UsageByDepartmentDto, type UsageDto, type UsageTitlesDto } from '../../../shared/contracts/usage.ts';
import { buildTestApp, errorOf, newTenant, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';
import { importFixtures, jobWhenEnded, uploadFile } from '../../../../test/imports.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../../../test/fixtures/imports/counter', name));

let t: TestApp;
let tenant: Tenant;
let other: Tenant;
const f = importFixtures(() => t);
const units: Record<string, string> = {};

async function imported(agent: Agent, name: string, content: Buffer | string, source = 'counter', options: Record<string, string> = {}, mapping?: Record<string, string>) {
  const up = await uploadFile(agent, name, content, source);
  expect(up.statusCode, up.body).toBe(201);
  const job = up.json<ImportJobDto>();
  const start = await agent.post(`/api/v1/imports/${job.id}/start`, { mapping: mapping ?? job.mapping, options });
  expect(start.statusCode, start.body).toBe(202);
  const done = await jobWhenEnded(agent, job.id);
  expect(done.status).toBe('done');
  return done;
}
const titleMap = (agent: Agent, csv: string) => imported(agent, 'titles.csv', csv, 'codeMaps', { kind: 'title' }, { code: 'Code', orgUnitCode: 'Department code' });

beforeAll(async () => {
  t = await buildTestApp();
  [tenant, other] = await Promise.all([newTenant(t), newTenant(t)]);
  for (const [code, name] of [['COMP', 'Computing'], ['HIST', 'History'], ['LAW', 'Law']] as const) units[code] = await f.department(tenant, name, code);
  await f.department(other, 'Their Computing', 'COMP');
  for (const name of ['r5-tr_j1.tsv', 'r51-tr.csv', 'r5-dr_d1.xlsx']) await imported(tenant.manager, name, fixture(name));
});
afterAll(() => t.close());

const usage = async <T>(agent: Agent, url: string) => {
  const res = await agent.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};

describe('usage: access and bad requests', () => {
  it('needs a session; every role reads', async () => {
    for (const url of ['/api/v1/usage', '/api/v1/usage/by-department', '/api/v1/usage/titles']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      for (const role of ['viewer', 'librarian', 'manager', 'admin'] as const) expect((await tenant[role].get(url)).statusCode, `${role} ${url}`).toBe(200);
    }
  });

  it('names the field of a bad query', async () => {
    const cases: [string, string][] = [
      ['/api/v1/usage?report=JR1', 'report'], ['/api/v1/usage?from=2025-13', 'from'], ['/api/v1/usage?report=TR_J1&from=2025-04&to=2025-01', 'from'],
      ['/api/v1/usage?from=2010-01&to=2025-01', 'from'], ['/api/v1/usage?colour=red', 'colour'], ['/api/v1/usage/by-department?metricType=Downloads', 'metricType'],
      ['/api/v1/usage/titles?pageSize=1000', 'pageSize'],
    ];
    for (const [url, field] of cases) {
      const res = await tenant.viewer.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(errorOf(res).details?.[0]?.field, url).toBe(field);
    }
  });
});

describe('usage: institution totals by month', () => {
  it('says it is institution-level, lists the reports, and defaults to the first report and its months', async () => {
    const u = await usage<UsageDto>(tenant.viewer, '/api/v1/usage');
    expect(u).toMatchObject({ level: 'institution', note: INSTITUTION_LEVEL_NOTE, report: 'TR', from: '2025-04', to: '2025-06', months: ['2025-04', '2025-05', '2025-06'] });
    expect(u.note).toContain('institution-level');
    expect(u.reports).toEqual([
      { reportId: 'TR', from: '2025-04', to: '2025-06', platforms: 1 },
      { reportId: 'TR_J1', from: '2025-01', to: '2025-03', platforms: 1 },
      { reportId: 'DR_D1', from: '2025-01', to: '2025-02', platforms: 1 },
    ]);
    // every line of a metric type adds up, whatever its YOP or access type
    expect(u.series).toEqual([
      { metricType: 'Total_Item_Requests', counts: [48, 54, 20], total: 122 },
      { metricType: 'Unique_Title_Requests', counts: [20, 28, 9], total: 57 },
    ]);
  });

  it('one report at a time, over the months asked for; months no report covers are unknown, not zero', async () => {
    const u = await usage<UsageDto>(tenant.viewer, '/api/v1/usage?report=TR_J1&from=2024-12&to=2025-04');
    expect(u.months).toEqual(['2024-12', '2025-01', '2025-02', '2025-03', '2025-04']);
    expect(u.series).toEqual([
      { metricType: 'Total_Item_Requests', counts: [null, 175, 107, 174, null], total: 456 },
      { metricType: 'Unique_Item_Requests', counts: [null, 121, 70, 122, null], total: 313 },
    ]);
    const dr = await usage<UsageDto>(tenant.viewer, '/api/v1/usage?report=DR_D1');
    expect(dr.series.map((s) => [s.metricType, s.total])).toEqual([['Total_Item_Requests', 258], ['Searches_Regular', 524]]);
  });
});

describe('usage: by department, only through the title mapping', () => {
  it('with no mapping, all of it is unmapped', async () => {
    const d = await usage<UsageByDepartmentDto>(tenant.viewer, '/api/v1/usage/by-department?report=TR_J1');
    expect(d).toMatchObject({ level: 'institution', metricType: 'Total_Item_Requests', departments: [], unmapped: { count: 456, titles: 3 }, total: 456, unmappedShare: 1 });
  });

  it('maps titles by name, or by ISSN or ISBN when the name is not mapped; the name wins; the rest is reported as unmapped', async () => {
    await titleMap(tenant.manager, [
      'Code,Department code',
      'journal of computing research,COMP', // case and spacing do not matter
      '4567-8901,HIST', // Medieval History Review's online ISSN
      '978-0-00-000001-1,COMP', // Introduction to Algorithms' ISBN
      'Open Chemistry Letters,LAW',
      '6789-0123,HIST', // the same title's ISSN: its name decides
    ].join('\n'));
    const d = await usage<UsageByDepartmentDto>(tenant.viewer, '/api/v1/usage/by-department?report=TR_J1');
    expect(d.departments).toEqual([
      { orgUnit: { id: units.COMP, name: 'Computing' }, count: 358, titles: 1 },
      { orgUnit: { id: units.HIST, name: 'History' }, count: 62, titles: 1 },
    ]);
    expect(d).toMatchObject({ unmapped: { count: 36, titles: 1 }, total: 456 });
    expect(d.unmappedShare).toBeCloseTo(36 / 456, 10);
    const unique = await usage<UsageByDepartmentDto>(tenant.viewer, '/api/v1/usage/by-department?report=TR_J1&metricType=Unique_Item_Requests');
    expect(unique.departments.map((x) => x.count)).toEqual([240, 48]);
    const tr = await usage<UsageByDepartmentDto>(tenant.viewer, '/api/v1/usage/by-department?report=TR&from=2025-04&to=2025-05');
    expect(tr.departments.map((x) => [x.orgUnit.name, x.count])).toEqual([['Computing', 75], ['History', 20], ['Law', 7]]);
    expect(tr).toMatchObject({ unmapped: { count: 0, titles: 0 }, total: 102, unmappedShare: 0 });
  });

  it('lists the top titles a page at a time, each with its department when mapped, and one department’s titles', async () => {
    const p1 = await usage<UsageTitlesDto>(tenant.viewer, '/api/v1/usage/titles?report=TR_J1&pageSize=2');
    expect(p1).toMatchObject({ level: 'institution', metricType: 'Total_Item_Requests', page: 1, pageSize: 2, total: 3 });
    expect(p1.items).toEqual([
      { title: 'Journal of Computing Research', platform: 'Example Journals Online', publisher: 'Example Press', printIssn: '1234-5678', onlineIssn: '2345-6789', isbn: null, count: 358, orgUnit: { id: units.COMP, name: 'Computing' } },
      expect.objectContaining({ title: 'Medieval History Review', count: 62, orgUnit: { id: units.HIST, name: 'History' } }),
    ]);
    const p2 = await usage<UsageTitlesDto>(tenant.viewer, '/api/v1/usage/titles?report=TR_J1&pageSize=2&page=2');
    expect(p2.items).toEqual([expect.objectContaining({ title: 'Law and Society Quarterly', count: 36, orgUnit: null })]);
    const hist = await usage<UsageTitlesDto>(tenant.viewer, `/api/v1/usage/titles?report=TR&orgUnitId=${units.HIST}`);
    // one journal, two lines (YOP 2024 and 2025): one title
    expect(hist.items.map((i) => [i.title, i.count])).toEqual([['Medieval History Review', 26]]);
    expect(hist.total).toBe(1);
  });
});

describe('usage: institutions apart', () => {
  it('another institution sees none of it, its mapping does not apply, and names of our departments are not found', async () => {
    const u = await usage<UsageDto>(other.viewer, '/api/v1/usage?report=TR_J1');
    expect(u).toMatchObject({ reports: [], report: 'TR_J1', series: [] });
    expect(await usage<UsageByDepartmentDto>(other.viewer, '/api/v1/usage/by-department')).toMatchObject({ report: null, departments: [], total: 0 });
    expect((await other.viewer.get(`/api/v1/usage/titles?orgUnitId=${units.COMP}`)).statusCode).toBe(404);

    // their own report of the same journals, and a mapping of theirs: ours is unchanged
    await imported(other.manager, 'r5-tr_j1.tsv', fixture('r5-tr_j1.tsv'));
    await titleMap(other.manager, 'Code,Department code\nLaw and Society Quarterly,COMP\n');
    const theirs = await usage<UsageByDepartmentDto>(other.viewer, '/api/v1/usage/by-department?report=TR_J1');
    expect(theirs.departments.map((d) => [d.orgUnit.name, d.count])).toEqual([['Their Computing', 36]]);
    const ours = await usage<UsageByDepartmentDto>(tenant.viewer, '/api/v1/usage/by-department?report=TR_J1');
    expect(ours).toMatchObject({ total: 456, unmapped: { count: 36 } });
  });
});
