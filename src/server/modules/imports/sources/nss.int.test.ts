import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NssDepartmentDto, NssFiguresDto, UnmappedDto } from '../../../../shared/contracts/figures.ts';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../../test/app.ts';
import { importFixtures, jobWhenEnded, uploadFile } from '../../../../../test/imports.ts';
import { fixture, mapCodes, runImport, upload } from '../../figures/testing.ts';

let t: TestApp;
let tenant: Tenant;
let other: Tenant;
const f = importFixtures(() => t);
const units: Record<string, string> = {};
let q20: string;
let theme: string;

const CSV = fixture('nss', 'nss-2025.csv');
const mapping = {
  cahCode: 'CAH code', subject: 'Subject', question: 'Question number', questionText: 'Question text', agree: 'Agree % (positivity)', responses: 'Responses',
  population: 'Population', responseRate: 'Response rate',
};

beforeAll(async () => {
  t = await buildTestApp();
  [tenant, other] = await Promise.all([newTenant(t), newTenant(t)]);
  for (const [code, name] of [['COMP', 'Computing'], ['HIST', 'History'], ['LAW', 'Law']] as const) units[code] = await f.department(tenant, name, code);
  q20 = await f.metric(tenant, 'NSS Q20: library resources');
  theme = await f.metric(tenant, 'NSS: learning resources theme');
  await mapCodes(tenant.manager, 'cah', [['CAH11-01-01', 'COMP'], ['CAH11-01-02', 'COMP'], ['CAH20-01-01', 'HIST'], ['CAH15-01-01', 'LAW']]);
});
afterAll(() => t.close());

const valuesOf = async (metricId: string) =>
  Object.fromEntries((await f.values(tenant)).filter((v) => v.metric_id === metricId).map((v) => [`${Object.keys(units).find((k) => units[k] === v.org_unit_id)}:${v.period}`, v.value]));
const nssOf = async (code: string): Promise<NssDepartmentDto | undefined> =>
  (await tenant.viewer.get(`/api/v1/figures/nss?orgUnitId=${units[code]}`)).json<NssFiguresDto>().departments[0];
const question = (d: NssDepartmentDto | undefined, q: string) => d?.questions.find((x) => x.question === q);

describe('nss import: options and rows', () => {
  it('suggests the NSS 2025 columns from the header', async () => {
    const job = await upload(tenant.manager, 'nss', 'nss-2025.csv', CSV);
    expect(job.mapping).toEqual(mapping);
  });

  it('names each bad option', async () => {
    const job = await upload(tenant.manager, 'nss', 'nss-2025.csv', CSV);
    const monthly = await f.metric(tenant, 'Monthly figure', 'month');
    const foreign = await f.metric(other, 'Their NSS');
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ question: 'Q20', year: '2025' }, 'options.metricId', /choose/],
      [{ metricId: foreign, question: 'Q20', year: '2025' }, 'options.metricId', /not a metric of this institution/],
      [{ metricId: monthly, question: 'Q20', year: '2025' }, 'options.metricId', /per month/],
      [{ metricId: q20, year: '2025' }, 'options.question', /choose/],
      [{ metricId: q20, question: 'Learning resources', year: '2025' }, 'options.question', /question number such as Q19/],
      [{ metricId: q20, question: 'Q20' }, 'options.year', /NSS year/],
      [{ metricId: q20, question: 'Q20', year: 'soon' }, 'options.year', /“soon” is not an academic year/],
    ];
    for (const [options, field, message] of cases) {
      const res = await tenant.manager.post(`/api/v1/imports/${job.id}/preview`, { mapping, options });
      expect(res.statusCode, JSON.stringify(options)).toBe(400);
      expect(errorOf(res).details?.[0]?.field, JSON.stringify(options)).toBe(field);
      expect(errorOf(res).details?.[0]?.message).toMatch(message);
    }
  });

  it('lets only managers import NSS results', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/imports?source=nss' })).statusCode).toBe(401);
    expect((await uploadFile(tenant.librarian, 'nss-2025.csv', CSV, 'nss')).statusCode).toBe(403);
  });
});

describe('nss import: suppression and weighting', () => {
  it('imports every row but the impossible one, and writes the Q20 figure of departments with published results', async () => {
    const done = await runImport(tenant.manager, 'nss', 'nss-2025.csv', CSV, mapping, { metricId: q20, question: 'Q20', year: '2025' });
    expect(done).toMatchObject({ status: 'done', totalRows: 16, importedRows: 15, rejectedRows: 1 });
    const errors = await tenant.manager.get(`/api/v1/imports/${done.id}/errors.csv`);
    expect(errors.body).toContain('17,Agree % (positivity),“120.0” is not a percentage from 0 to 100');
    // Computing: (80 × 30 + 70 × 10) ÷ 40 over its two CAH codes; History (9 responses) and Law (49%) are withheld
    expect(await valuesOf(q20)).toEqual({ 'COMP:2024': 77.5 });
  });

  it('shows 10 responses and a 50% response rate, hides 9 and 49%, and keeps their figures on the server', async () => {
    const comp = await nssOf('COMP');
    expect(comp?.subjects).toEqual([{ cahCode: 'CAH11-01-01', subject: 'Computer science' }, { cahCode: 'CAH11-01-02', subject: 'Information technology' }]);
    expect(comp?.questions.map((q) => q.question)).toEqual(['Q19', 'Q20', 'Q21']);
    expect(question(comp, 'Q20')).toEqual({
      question: 'Q20', questionText: expect.stringContaining('library resources') as string, theme: null, published: true, agreePct: 77.5, responses: 40, publishedSubjects: 2, withheldSubjects: 0,
    });
    const hist = await nssOf('HIST');
    expect(question(hist, 'Q20')).toMatchObject({ published: false, agreePct: null, responses: null, publishedSubjects: 0, withheldSubjects: 1 });
    expect(question(hist, 'Q21')).toMatchObject({ published: true, agreePct: 84, responses: 10 });
    const law = await nssOf('LAW');
    expect(question(law, 'Q19')).toMatchObject({ published: false, agreePct: null, responses: null });
    expect(question(law, 'Q21')).toMatchObject({ published: true, agreePct: 78, responses: 50 });
    const all = (await tenant.viewer.get('/api/v1/figures/nss')).json<NssFiguresDto>();
    expect(all.year).toEqual({ year: 2024, label: '2024–25' });
    expect(all.departments.map((d) => d.orgUnit.name)).toEqual(['Computing', 'History', 'Law']);
    // the withheld figures (90 and 9 for History, 85 and 49 for Law) are nowhere in the answer
    const shown = all.departments.flatMap((d) => d.questions.flatMap((q) => [q.agreePct, q.responses]));
    for (const secret of [90, 9, 85, 49]) expect(shown).not.toContain(secret);
  });

  it('lists the CAH code no department has, with its rows', async () => {
    const res = (await tenant.manager.get('/api/v1/figures/unmapped?kind=cah')).json<UnmappedDto>();
    expect(res.kinds).toEqual([{ kind: 'cah', codes: 1, rows: 3, items: [{ code: 'CAH19-01-01', name: 'English studies', rows: 3 }] }]);
  });

  it('rewrites on re-import; a new mapping changes the figures rather than adding to them', async () => {
    const rows = () => t.handle.db.selectFrom('nss_results').select((eb) => eb.fn.countAll<number | string>().as('n')).where('institution_id', '=', tenant.institutionId).executeTakeFirstOrThrow();
    expect(await runImport(tenant.manager, 'nss', 'nss-2025-again.csv', CSV, mapping, { metricId: q20, question: 'Q20', year: '2025' })).toMatchObject({ status: 'done', importedRows: 15 });
    expect(Number((await rows()).n)).toBe(15);
    expect(await valuesOf(q20)).toEqual({ 'COMP:2024': 77.5 });

    await mapCodes(tenant.manager, 'cah', [['CAH19-01-01', 'HIST']]);
    await runImport(tenant.manager, 'nss', 'nss-2025-mapped.csv', CSV, mapping, { metricId: q20, question: 'q 20', year: '2024-25' });
    // History now has English studies' published 88 (40 responses); its own 9 responses still count for nothing
    expect(await valuesOf(q20)).toEqual({ 'COMP:2024': 77.5, 'HIST:2024': 88 });
    expect(Number((await rows()).n)).toBe(15);
    expect((await tenant.manager.get('/api/v1/figures/unmapped?kind=cah')).json<UnmappedDto>().kinds[0]).toMatchObject({ codes: 0, rows: 0, items: [] });
  });

  it('reads the workbook (fractions for percentages, a year column) and takes a whole theme', async () => {
    const xlsx = fixture('nss', 'nss-2025.xlsx');
    const job = await upload(tenant.manager, 'nss', 'nss-2025.xlsx', xlsx);
    // the CSV's mapping is remembered (its columns are all here); the workbook's extra two are added by hand
    expect(job).toMatchObject({ format: 'xlsx', mapping });
    const res = await tenant.manager.post(`/api/v1/imports/${job.id}/start`, { mapping: { ...mapping, theme: 'Theme', year: 'Survey year' }, options: { metricId: theme, question: 'learning resources' } });
    expect(res.statusCode, res.body).toBe(202);
    expect(await jobWhenEnded(tenant.manager, job.id)).toMatchObject({ status: 'done', importedRows: 15, rejectedRows: 0 });
    // every published Q19–Q21 result, weighted by responses: History is its Q21 (84 × 10) and English
    // studies' Q20 and Q21 (88 × 40, 81 × 40; its Q19 is DP): 7600 ÷ 90
    expect(await valuesOf(theme)).toEqual({ 'COMP:2024': 72.5, 'HIST:2024': 84.4, 'LAW:2024': 78 });
    expect(question(await nssOf('LAW'), 'Q21')).toMatchObject({ theme: 'Learning resources', agreePct: 78, responses: 50 });
    expect(question(await nssOf('LAW'), 'Q20')).toMatchObject({ published: false, agreePct: null });
  });
});
