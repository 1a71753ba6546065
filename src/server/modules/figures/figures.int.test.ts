import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NssFiguresDto, ReadingListCoverageDto, UnmappedDto } from '../../../shared/contracts/figures.ts';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { importFixtures } from '../../../../test/imports.ts';
import { fixture, mapCodes, runImport } from './testing.ts';

let t: TestApp;
let tenant: Tenant;
let other: Tenant;
const f = importFixtures(() => t);
let comp: string;
let otherUnit: string;

const PATHS = ['/api/v1/figures/nss', '/api/v1/figures/unmapped', '/api/v1/figures/reading-lists'];

beforeAll(async () => {
  t = await buildTestApp();
  [tenant, other] = await Promise.all([newTenant(t), newTenant(t)]);
  comp = await f.department(tenant, 'Computing', 'COMP');
  otherUnit = await f.department(other, 'Their Computing', 'COMP');
  await mapCodes(tenant.manager, 'cah', [['CAH11-01-01', 'COMP']]);
  const metric = await f.metric(tenant, 'NSS Q20');
  const mapping = { cahCode: 'CAH code', subject: 'Subject', question: 'Question number', agree: 'Agree % (positivity)', responses: 'Responses', responseRate: 'Response rate' };
  expect(await runImport(tenant.manager, 'nss', 'nss.csv', fixture('nss', 'nss-2025.csv'), mapping, { metricId: metric, question: 'Q20', year: '2025' })).toMatchObject({ status: 'done' });
});
afterAll(() => t.close());

describe('figures read API: who may read', () => {
  it('needs a session', async () => {
    for (const url of PATHS) expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
  });

  it('answers every signed-in role', async () => {
    for (const role of ['viewer', 'librarian', 'manager', 'admin'] as const) {
      for (const url of PATHS) expect((await tenant[role].get(url)).statusCode, `${role} ${url}`).toBe(200);
      const nss = (await tenant[role].get(`/api/v1/figures/nss?orgUnitId=${comp}`)).json<NssFiguresDto>();
      expect(nss.departments.map((d) => d.orgUnit.id)).toEqual([comp]);
    }
  });
});

describe('figures read API: one institution’s figures', () => {
  it('shows another institution nothing of them', async () => {
    const nss = (await other.viewer.get('/api/v1/figures/nss')).json<NssFiguresDto>();
    expect(nss).toEqual({ year: null, years: [], departments: [] });
    const asked = (await other.viewer.get('/api/v1/figures/nss?year=2024')).json<NssFiguresDto>();
    expect(asked).toMatchObject({ year: { year: 2024, label: '2024–25' }, years: [], departments: [] });
    const unmapped = (await other.viewer.get('/api/v1/figures/unmapped')).json<UnmappedDto>();
    expect(unmapped.kinds.map((k) => [k.kind, k.codes])).toEqual([['cah', 0], ['user_group', 0], ['hierarchy', 0]]);
    expect((await other.viewer.get('/api/v1/figures/reading-lists')).json<ReadingListCoverageDto>()).toEqual({
      year: null, years: [], items: [], unplaced: { modules: 0, withList: 0, coveragePct: null },
    });
  });

  it('answers 404 for a department of another institution, in either direction', async () => {
    expect((await other.viewer.get(`/api/v1/figures/nss?orgUnitId=${comp}`)).statusCode).toBe(404);
    expect((await tenant.viewer.get(`/api/v1/figures/nss?orgUnitId=${otherUnit}`)).statusCode).toBe(404);
  });

  it('lists this institution’s waiting codes, every kind at once', async () => {
    const res = (await tenant.viewer.get('/api/v1/figures/unmapped')).json<UnmappedDto>();
    const cah = res.kinds.find((k) => k.kind === 'cah');
    expect(cah).toMatchObject({ codes: 4, rows: 12 });
    expect(cah?.items.map((i) => i.code).sort()).toEqual(['CAH11-01-02', 'CAH15-01-01', 'CAH19-01-01', 'CAH20-01-01']);
  });
});

describe('figures read API: bad queries', () => {
  it('names the bad parameter', async () => {
    const cases: [string, string][] = [
      ['/api/v1/figures/unmapped?kind=title', 'kind'],
      ['/api/v1/figures/nss?year=soon', 'year'],
      ['/api/v1/figures/reading-lists?year=1800', 'year'],
      ['/api/v1/figures/nss?department=x', 'department'],
    ];
    for (const [url, field] of cases) {
      const res = await tenant.viewer.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(errorOf(res).details?.[0]?.field, url).toBe(field);
    }
  });
});
