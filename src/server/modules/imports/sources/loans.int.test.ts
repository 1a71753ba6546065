import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnmappedDto } from '../../../../shared/contracts/figures.ts';
import type { ImportSourceDto } from '../../../../shared/contracts/imports.ts';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../../test/app.ts';
import { importFixtures } from '../../../../../test/imports.ts';
import { fixture, mapCodes, runImport, upload } from '../../figures/testing.ts';

let t: TestApp;
let tenant: Tenant;
const f = importFixtures(() => t);
const units: Record<string, string> = {};
let monthly: string;
let yearly: string;

const CSV = fixture('loans', 'alma-loans-2025.csv');
const mapping = { userGroup: 'Borrower category', period: 'Month of loan', loans: 'Number of loans' };

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await newTenant(t);
  for (const [code, name] of [['COMP', 'Computing'], ['HIST', 'History']] as const) units[code] = await f.department(tenant, name, code);
  monthly = await f.metric(tenant, 'Loans per month', 'month');
  yearly = await f.metric(tenant, 'Loans per year');
  await mapCodes(tenant.manager, 'user_group', [['UG-COMP-UG', 'COMP'], ['ug-comp-pgt ', 'COMP'], ['UG-HIST-UG', 'HIST']]);
});
afterAll(() => t.close());

const valuesOf = async (metricId: string) =>
  Object.fromEntries((await f.values(tenant)).filter((v) => v.metric_id === metricId).map((v) => [`${Object.keys(units).find((k) => units[k] === v.org_unit_id)}:${v.period}`, v.value]));
const stored = (group: string, period: string) =>
  t.handle.db.selectFrom('loan_counts').select(['count', 'user_group']).where('institution_id', '=', tenant.institutionId).where('user_group_key', '=', group).where('period', '=', period).executeTakeFirst();

describe('loans import: the columns are the user’s own', () => {
  it('is declared as mapping-required and suggests nothing, though the header has a “loans” column', async () => {
    const sources = (await tenant.viewer.get('/api/v1/imports/sources')).json<{ items: ImportSourceDto[] }>();
    expect(sources.items.find((s) => s.key === 'loans')).toMatchObject({ mappingRequired: true, minRole: 'manager' });
    const job = await upload(tenant.manager, 'loans', 'alma-loans-2025.csv', CSV);
    expect(job.mapping).toEqual({});
  });

  it('names the unmapped field and the bad option', async () => {
    const job = await upload(tenant.manager, 'loans', 'alma-loans-2025.csv', CSV);
    const preview = (body: unknown) => tenant.manager.post(`/api/v1/imports/${job.id}/preview`, body);
    expect(errorOf(await preview({ mapping: { period: 'Month of loan', loans: 'Number of loans' }, options: { metricId: monthly } })).details?.[0]?.field).toBe('mapping.userGroup');
    expect(errorOf(await preview({ mapping, options: {} })).details?.[0]?.field).toBe('options.metricId');
    expect(errorOf(await preview({ mapping, options: { metricId: 'nope' } })).details?.[0]).toEqual({ field: 'options.metricId', message: 'is not a metric of this institution' });
    expect(errorOf(await preview({ mapping, options: { metricId: monthly, question: 'Q1' } })).details?.[0]?.field).toBe('options.question');
    const ok = await preview({ mapping, options: { metricId: monthly } });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('loans import: user groups summed into departments', () => {
  it('adds up a file’s rows per user group and month, and each department’s groups per month', async () => {
    const done = await runImport(tenant.manager, 'loans', 'alma-loans-2025.csv', CSV, mapping, { metricId: monthly });
    expect(done).toMatchObject({ status: 'done', totalRows: 10, importedRows: 8, rejectedRows: 2 });
    const errors = (await tenant.manager.get(`/api/v1/imports/${done.id}/errors.csv`)).body;
    expect(errors).toContain('10,Month of loan,“2025-13” is not a month such as 2025-10 or Oct 2025');
    expect(errors).toContain('11,Number of loans,“lots” is not a whole number');
    // Main and Science Library loans of UG-COMP-UG in October: 120 + 30
    expect(await stored('ug-comp-ug', '2025-10')).toEqual({ count: 150, user_group: 'UG-COMP-UG' });
    expect(await valuesOf(monthly)).toEqual({ 'COMP:2025-10': 195, 'COMP:2025-11': 150, 'HIST:2025-10': 80, 'HIST:2025-11': 1060 });
  });

  it('rewrites the totals on re-import rather than adding to them', async () => {
    expect(await runImport(tenant.manager, 'loans', 'alma-loans-2025-again.csv', CSV, mapping, { metricId: monthly })).toMatchObject({ status: 'done', importedRows: 8 });
    expect(await stored('ug-comp-ug', '2025-10')).toMatchObject({ count: 150 });
    expect(await valuesOf(monthly)).toEqual({ 'COMP:2025-10': 195, 'COMP:2025-11': 150, 'HIST:2025-10': 80, 'HIST:2025-11': 1060 });
  });

  it('lists the user group no department has', async () => {
    const res = (await tenant.viewer.get('/api/v1/figures/unmapped?kind=user_group')).json<UnmappedDto>();
    expect(res.kinds).toEqual([{ kind: 'user_group', codes: 1, rows: 1, items: [{ code: 'UG-STAFF', name: null, rows: 1 }] }]);
  });

  it('feeds a per-year metric from a monthly TSV, each month in its academic year', async () => {
    const done = await runImport(tenant.manager, 'loans', 'alma-loans-2025.tsv', fixture('loans', 'alma-loans-2025.tsv'), mapping, { metricId: yearly });
    expect(done).toMatchObject({ status: 'done', importedRows: 9, rejectedRows: 0 });
    // July 2025 falls in 2024–25 (the year starts in August)
    expect(await valuesOf(yearly)).toEqual({ 'COMP:2025': 345, 'HIST:2024': 7, 'HIST:2025': 1140 });
    // the monthly metric is untouched
    expect(await valuesOf(monthly)).toEqual({ 'COMP:2025-10': 195, 'COMP:2025-11': 150, 'HIST:2025-10': 80, 'HIST:2025-11': 1060 });
  });
});
