import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobDto, PreviewDto } from '../../../shared/contracts/imports.ts';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { importFixtures, jobWhenEnded, uploadFile } from '../../../../test/imports.ts';

let t: TestApp;
let tenant: Tenant;
let other: Tenant;
const f = importFixtures(() => t);
const units: Record<string, string> = {};
let nss: string;

const CSV = [
  'Department code,Academic year,NSS score,Notes',
  'COMP,2023-24,71.5,',
  'COMP,2024/25,74%,"a note, with a comma"',
  'HIST,2024-25,80,',
  'XXXX,2024-25,50,unknown department',
  'HIST,2024-27,81,bad year',
  'LAW,2024-25,=1+1,formula',
  'LAW,2024-25,66,',
].join('\n');
const mapping = { orgUnitCode: 'Department code', period: 'Academic year', value: 'NSS score' };

beforeAll(async () => {
  t = await buildTestApp();
  [tenant, other] = await Promise.all([newTenant(t), newTenant(t)]);
  for (const [code, name] of [['COMP', 'Computing'], ['HIST', 'History'], ['LAW', 'Law']] as const) units[code] = await f.department(tenant, name, code);
  await f.department(other, 'Other Computing', 'COMP');
  nss = await f.metric(tenant, 'NSS: learning resources');
});
afterAll(() => t.close());

async function uploaded(content = CSV, name = 'nss.csv'): Promise<ImportJobDto> {
  const res = await uploadFile(tenant.manager, name, content);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ImportJobDto>();
}

describe('imports: access and bad requests', () => {
  it('needs a session', async () => {
    for (const [method, url] of [['GET', '/api/v1/imports'], ['GET', '/api/v1/imports/x'], ['GET', '/api/v1/imports/sources'], ['POST', '/api/v1/imports?source=metrics']] as const) {
      expect((await t.app.inject({ method, url })).statusCode, url).toBe(401);
    }
  });

  it('lets only managers and admins import metric values', async () => {
    const res = await uploadFile(tenant.librarian, 'nss.csv', CSV);
    expect(res.statusCode).toBe(403);
    const sources = (await tenant.viewer.get('/api/v1/imports/sources')).json<{ items: { key: string; minRole: string; fields: { key: string }[] }[] }>();
    expect(sources.items.find((s) => s.key === 'metrics')).toMatchObject({ minRole: 'manager' });
  });

  it('names the problem with a missing file, an unknown source or an empty file', async () => {
    const json = await tenant.manager.post('/api/v1/imports?source=metrics', {});
    expect(json.statusCode).toBe(400);
    expect(errorOf(json).details?.[0]?.field).toBe('file');
    const unknown = await uploadFile(tenant.manager, 'x.csv', CSV, 'gossip');
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).details?.[0]?.field).toBe('source');
    const empty = await uploadFile(tenant.manager, 'empty.csv', '');
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty).details?.[0]).toMatchObject({ field: 'file' });
    expect((await tenant.manager.get('/api/v1/imports')).json<{ total: number }>().total).toBe(0);
  });
});

describe('imports: a metrics file from upload to values', () => {
  let job: ImportJobDto;

  it('detects the columns and suggests a mapping from the header words', async () => {
    job = await uploaded();
    expect(job).toMatchObject({ status: 'uploaded', format: 'csv', fileName: 'nss.csv', columns: ['Department code', 'Academic year', 'NSS score', 'Notes'] });
    expect(job.mapping).toEqual(mapping);
  });

  it('refuses a mapping that misses a required field, names an unknown column, or leaves the metric open', async () => {
    const miss = await tenant.manager.post(`/api/v1/imports/${job.id}/preview`, { mapping: { orgUnitCode: 'Department code', period: 'Academic year' } });
    expect(miss.statusCode).toBe(400);
    expect(errorOf(miss).details?.[0]?.field).toBe('mapping.value');
    const wrong = await tenant.manager.post(`/api/v1/imports/${job.id}/preview`, { mapping: { ...mapping, value: 'Score' }, options: { metricId: nss } });
    expect(errorOf(wrong).details?.[0]).toMatchObject({ field: 'mapping.value', message: 'the file has no column “Score”' });
    const open = await tenant.manager.post(`/api/v1/imports/${job.id}/preview`, { mapping });
    expect(errorOf(open).details?.[0]?.field).toBe('options.metricId');
    const foreign = await other.manager.post(`/api/v1/imports/${job.id}/preview`, { mapping, options: { metricId: nss } });
    expect(foreign.statusCode).toBe(404);
  });

  it('previews the rows with each one’s problems, by column, and writes nothing', async () => {
    const res = await tenant.manager.post(`/api/v1/imports/${job.id}/preview`, { mapping, options: { metricId: nss } });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<PreviewDto>();
    expect(p).toMatchObject({ checked: 7, rejected: 3 });
    expect(p.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(p.rows[1]).toMatchObject({ values: { orgUnitCode: 'COMP', period: '2024/25', value: '74%' }, issues: [] });
    expect(p.rows[3]?.issues).toEqual([{ column: 'Department code', message: 'no department has the code “XXXX”' }]);
    expect(p.rows[4]?.issues).toEqual([{ column: 'Academic year', message: '“2024-27” is not an academic year such as 2025-26' }]);
    expect(p.rows[5]?.issues[0]).toMatchObject({ column: 'NSS score', message: expect.stringContaining('formula') as string });
    expect(await f.values(tenant)).toEqual([]);
  });

  it('imports the good rows in the background, rejects the bad ones, and lists their problems in a CSV', async () => {
    const res = await tenant.manager.post(`/api/v1/imports/${job.id}/start`, { mapping, options: { metricId: nss } });
    expect(res.statusCode, res.body).toBe(202);
    const done = await jobWhenEnded(tenant.manager, job.id);
    expect(done).toMatchObject({ status: 'done', totalRows: 7, processedRows: 7, importedRows: 4, rejectedRows: 3, progress: 1, error: null });
    const values = await f.values(tenant);
    expect(values.map((v) => [v.org_unit_id, v.period, v.value])).toEqual(expect.arrayContaining([
      [units.COMP, '2023', 71.5], [units.COMP, '2024', 74], [units.HIST, '2024', 80], [units.LAW, '2024', 66],
    ]));
    expect(values).toHaveLength(4);
    expect(values.every((v) => v.import_job_id === job.id && v.metric_id === nss)).toBe(true);

    const errors = await tenant.viewer.get(`/api/v1/imports/${job.id}/errors.csv`);
    expect(errors.statusCode).toBe(200);
    expect(errors.headers['content-disposition']).toContain('nss-problems.csv');
    const lines = errors.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('line,column,problem');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['5', '6', '7']);
    expect(lines[1]).toContain('Department code');

    const audit = await t.handle.db.selectFrom('audit_log').select(['action', 'user_id']).where('entity_type', '=', 'import_job').where('entity_id', '=', job.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
  });

  it('cannot be started twice', async () => {
    const again = await tenant.manager.post(`/api/v1/imports/${job.id}/start`, { mapping, options: { metricId: nss } });
    expect(again.statusCode).toBe(409);
  });

  it('rewrites rather than duplicates on re-import, and remembers the mapping for the next file', async () => {
    const next = await uploaded(CSV.replace('COMP,2023-24,71.5', 'COMP,2023-24,72.5'), 'nss-again.csv');
    expect(next.mapping).toEqual(mapping);
    await tenant.manager.post(`/api/v1/imports/${next.id}/start`, { mapping, options: { metricId: nss } });
    expect(await jobWhenEnded(tenant.manager, next.id)).toMatchObject({ status: 'done', importedRows: 4 });
    const values = await f.values(tenant);
    expect(values).toHaveLength(4);
    expect(values.find((v) => v.org_unit_id === units.COMP && v.period === '2023')?.value).toBe(72.5);
  });

  it('reads the metric from a column when the file holds several, and keeps institutions apart', async () => {
    const loans = await f.metric(tenant, 'Loans per student');
    const enquiries = await f.metric(tenant, 'Enquiries', 'month');
    const several = await uploaded(['Metric,Code,Period,Value', 'loans per student,COMP,2025-26,12', 'Enquiries,HIST,Mar-2026,40', 'Footfall,LAW,2025-26,9'].join('\r\n'), 'several.csv');
    const m = { metric: 'Metric', orgUnitCode: 'Code', period: 'Period', value: 'Value' };
    await tenant.manager.post(`/api/v1/imports/${several.id}/start`, { mapping: m, options: {} });
    expect(await jobWhenEnded(tenant.manager, several.id)).toMatchObject({ importedRows: 2, rejectedRows: 1 });
    const values = await f.values(tenant);
    expect(values.find((v) => v.metric_id === loans)).toMatchObject({ org_unit_id: units.COMP, period: '2025', value: 12 });
    expect(values.find((v) => v.metric_id === enquiries)).toMatchObject({ org_unit_id: units.HIST, period: '2026-03', value: 40 });

    expect((await other.manager.get(`/api/v1/imports/${several.id}`)).statusCode).toBe(404);
    expect((await other.manager.get(`/api/v1/imports/${several.id}/errors.csv`)).statusCode).toBe(404);
    expect((await other.manager.get('/api/v1/imports')).json<{ total: number }>().total).toBe(0);
    const theirs = await uploadFile(other.manager, 'nss.csv', CSV);
    const foreignMetric = await other.manager.post(`/api/v1/imports/${theirs.json<ImportJobDto>().id}/start`, { mapping, options: { metricId: nss } });
    expect(errorOf(foreignMetric).details?.[0]).toMatchObject({ field: 'options.metricId', message: 'is not a metric of this institution' });
  });

  it('lists the imports newest first, and cancels one that has not started', async () => {
    const waiting = await uploaded();
    const cancel = await tenant.manager.post(`/api/v1/imports/${waiting.id}/cancel`);
    expect(cancel.json<ImportJobDto>().status).toBe('cancelled');
    expect((await tenant.manager.post(`/api/v1/imports/${waiting.id}/start`, { mapping, options: { metricId: nss } })).statusCode).toBe(409);
    const list = (await tenant.viewer.get('/api/v1/imports?pageSize=2')).json<{ items: ImportJobDto[]; total: number }>();
    expect(list.total).toBe(4);
    expect(list.items[0]?.id).toBe(waiting.id);
  });
});
