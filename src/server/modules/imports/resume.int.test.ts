import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobDto } from '../../../shared/contracts/imports.ts';
import { buildApp } from '../../app.ts';
import { systemClock } from '../../lib/clock.ts';
import { buildTestApp, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { importFixtures, jobWhenEnded, uploadFile } from '../../../../test/imports.ts';
import { runJob } from './job.ts';

let t: TestApp;
let tenant: Tenant;
const f = importFixtures(() => t);
const BATCH = 3;

beforeAll(async () => {
  t = await buildTestApp({ env: { RAPPORT_IMPORT_BATCH_ROWS: String(BATCH) } });
  tenant = await newTenant(t);
  for (const code of ['A1', 'A2', 'A3', 'A4']) await f.department(tenant, `Department ${code}`, code);
});
afterAll(() => t.close());

const rows = ['Department code,Academic year,Value'];
for (const code of ['A1', 'A2', 'A3', 'A4']) for (const year of [2020, 2021, 2022]) rows.push(`${code},${year},${year - 2000}`);
rows.push('ZZ,2022,1');

describe('an import stopped part-way', () => {
  it('keeps its checkpoint, and a later start of Rapport finishes it with the same result as one run', async () => {
    const metricId = await f.metric(tenant, 'Teaching sessions');
    const job = (await uploadFile(tenant.manager, 'sessions.csv', rows.join('\n'))).json<ImportJobDto>();
    // queued by hand rather than through /start, so that this app's own runner does not pick it up first
    await t.handle.db.updateTable('import_jobs').set({
      status: 'queued', mapping: JSON.stringify({ orgUnitCode: 'Department code', period: 'Academic year', value: 'Value' }), options: JSON.stringify({ metricId }),
    }).where('id', '=', job.id).execute();

    // the process is asked to stop as soon as the first batch is in
    const outcome = await runJob({ db: t.handle.db, clock: systemClock, batchRows: BATCH }, job.id, { shouldStop: () => true });
    expect(outcome).toBe('stopped');
    const stopped = (await tenant.manager.get(`/api/v1/imports/${job.id}`)).json<ImportJobDto>();
    expect(stopped).toMatchObject({ status: 'queued', processedRows: BATCH, importedRows: BATCH, totalRows: 13 });
    expect(await f.values(tenant)).toHaveLength(BATCH);

    // as if the process had died mid-batch: still marked running, with no sign of life for ten minutes
    await t.handle.db.updateTable('import_jobs').set({ status: 'running', heartbeat_at: new Date(Date.now() - 10 * 60_000).toISOString() }).where('id', '=', job.id).execute();

    const next = await buildApp({ config: t.config, db: t.handle.db, dialect: t.handle.dialect, clock: systemClock, logger: false, webRoot: '/nonexistent' });
    await next.ready();
    try {
      const done = await jobWhenEnded(tenant.manager, job.id);
      expect(done).toMatchObject({ status: 'done', processedRows: 13, importedRows: 12, rejectedRows: 1 });
      const values = await f.values(tenant);
      expect(values).toHaveLength(12);
      expect(new Set(values.map((v) => `${v.org_unit_id}/${v.period}`)).size).toBe(12);
      const errors = await t.handle.db.selectFrom('import_row_errors').select('line').where('job_id', '=', job.id).execute();
      expect(errors.map((e) => e.line)).toEqual([14]);
    } finally {
      await next.close();
    }
  });

  it('is not taken over while another process is still working on it', async () => {
    const metricId = await f.metric(tenant, 'Enquiries');
    const job = (await uploadFile(tenant.manager, 'busy.csv', rows.join('\n'))).json<ImportJobDto>();
    await t.handle.db.updateTable('import_jobs').set({
      status: 'running', heartbeat_at: new Date().toISOString(), mapping: JSON.stringify({ orgUnitCode: 'Department code', period: 'Academic year', value: 'Value' }), options: JSON.stringify({ metricId }),
    }).where('id', '=', job.id).execute();
    expect(await runJob({ db: t.handle.db, clock: systemClock, batchRows: BATCH }, job.id, { shouldStop: () => false })).toBe('not_claimed');
    expect((await tenant.manager.get(`/api/v1/imports/${job.id}`)).json<ImportJobDto>()).toMatchObject({ status: 'running', processedRows: 0 });
  });
});
