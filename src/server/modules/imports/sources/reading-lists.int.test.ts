import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadingListCoverageDto, UnmappedDto } from '../../../../shared/contracts/figures.ts';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../../test/app.ts';
import { importFixtures } from '../../../../../test/imports.ts';
import { fixture, runImport, upload } from '../../figures/testing.ts';

let t: TestApp;
let tenant: Tenant;
const f = importFixtures(() => t);
const units: Record<string, string> = {};
let coverage: string;

const CSV = fixture('reading-lists', 'leganto-2025-26.csv');
const mapping = { moduleCode: 'Module Code', moduleName: 'Module Name', hierarchyCode: 'Hierarchy Code', listId: 'List ID', listTitle: 'List Title', itemCount: 'Item Count', year: 'Academic Year' };

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await newTenant(t);
  for (const [code, name] of [['COMP', 'Computing'], ['HIST', 'History']] as const) units[code] = await f.department(tenant, name, code);
  coverage = await f.metric(tenant, 'Reading-list coverage');
});
afterAll(() => t.close());

const valuesOf = async () =>
  Object.fromEntries((await f.values(tenant)).filter((v) => v.metric_id === coverage).map((v) => [`${Object.keys(units).find((k) => units[k] === v.org_unit_id)}:${v.period}`, v.value]));
const heldRows = async () => Number((await t.handle.db.selectFrom('reading_lists').select((eb) => eb.fn.countAll<number | string>().as('n')).where('institution_id', '=', tenant.institutionId).executeTakeFirstOrThrow()).n);
const coverageOf = async (year?: number) => (await tenant.viewer.get(`/api/v1/figures/reading-lists${year ? `?year=${year}` : ''}`)).json<ReadingListCoverageDto>();

describe('reading lists import: options', () => {
  it('suggests the Leganto columns and names each bad choice', async () => {
    const job = await upload(tenant.manager, 'readingLists', 'leganto-2025-26.csv', CSV);
    expect(job.mapping).toEqual(mapping);
    const monthly = await f.metric(tenant, 'Monthly', 'month');
    const { year: _year, ...noYear } = mapping;
    const { listId: _id, listTitle: _title, ...noList } = mapping;
    const cases: [unknown, string][] = [
      [{ mapping, options: {} }, 'options.metricId'],
      [{ mapping, options: { metricId: monthly } }, 'options.metricId'],
      [{ mapping: noYear, options: { metricId: coverage } }, 'options.year'],
      [{ mapping: noYear, options: { metricId: coverage, year: 'next year' } }, 'options.year'],
      [{ mapping: noList, options: { metricId: coverage } }, 'mapping.listTitle'],
    ];
    for (const [body, field] of cases) {
      const res = await tenant.manager.post(`/api/v1/imports/${job.id}/preview`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorOf(res).details?.[0]?.field, JSON.stringify(body)).toBe(field);
    }
  });
});

describe('reading lists import: coverage', () => {
  it('counts modules without lists (and with an empty one), each module once, into coverage per department', async () => {
    const done = await runImport(tenant.manager, 'readingLists', 'leganto-2025-26.csv', CSV, mapping, { metricId: coverage });
    expect(done).toMatchObject({ status: 'done', totalRows: 9, importedRows: 8, rejectedRows: 1 });
    // History: 3 of its 4 modules have a list (HIS2010 has two; HIS3099 none); Computing: Databases' list is empty
    expect(await valuesOf()).toEqual({ 'HIST:2025': 75, 'COMP:2025': 50 });
    const c = await coverageOf();
    expect(c.year).toEqual({ year: 2025, label: '2025–26' });
    expect(c.items.map((i) => [i.orgUnit.name, i.modules, i.withList, i.coveragePct])).toEqual([['Computing', 2, 1, 50], ['History', 4, 3, 75]]);
    expect(c.unplaced).toEqual({ modules: 1, withList: 1, coveragePct: 100 });
  });

  it('lists the hierarchy code that is no department’s', async () => {
    const res = (await tenant.manager.get('/api/v1/figures/unmapped?kind=hierarchy')).json<UnmappedDto>();
    expect(res.kinds).toEqual([{ kind: 'hierarchy', codes: 1, rows: 1, items: [{ code: 'LAW-SCHOOL', name: null, rows: 1 }] }]);
  });

  it('rewrites on re-import, and a module in a later file replaces what was held for it', async () => {
    await runImport(tenant.manager, 'readingLists', 'leganto-again.csv', CSV, mapping, { metricId: coverage });
    expect(await heldRows()).toBe(8);
    expect(await valuesOf()).toEqual({ 'HIST:2025': 75, 'COMP:2025': 50 });

    const update = fixture('reading-lists', 'leganto-2025-26-update.csv');
    expect(await runImport(tenant.manager, 'readingLists', 'leganto-update.csv', update, mapping, { metricId: coverage })).toMatchObject({ status: 'done', importedRows: 2 });
    // HIS2010's further-reading list and HIS3099's "no list" row are gone: History has 4 modules, all with a list
    expect(await heldRows()).toBe(7);
    expect(await valuesOf()).toEqual({ 'HIST:2025': 100, 'COMP:2025': 50 });
  });

  it('takes the year from the options for a Talis TSV without one', async () => {
    const tsv = fixture('reading-lists', 'talis-2024-25.tsv');
    const job = await upload(tenant.manager, 'readingLists', 'talis-2024-25.tsv', tsv);
    const talis = { moduleCode: 'Course code', moduleName: 'Course name', hierarchyCode: 'Hierarchy code', listTitle: 'Reading list name', itemCount: 'Number of citations' };
    expect(job).toMatchObject({ format: 'tsv', mapping: talis });
    const done = await runImport(tenant.manager, 'readingLists', 'talis-2024-25.tsv', tsv, talis, { metricId: coverage, year: '2024/25' });
    expect(done).toMatchObject({ status: 'done', importedRows: 3 });
    expect(await valuesOf()).toEqual({ 'HIST:2024': 50, 'COMP:2024': 100, 'HIST:2025': 100, 'COMP:2025': 50 });
    const c = await coverageOf(2024);
    expect(c.years.map((y) => y.year)).toEqual([2025, 2024]);
    expect(c.items.map((i) => [i.orgUnit.name, i.modules, i.withList, i.coveragePct])).toEqual([['Computing', 1, 1, 100], ['History', 2, 1, 50]]);
  });
});
