import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportBatchDto } from '../../../shared/contracts/reports.ts';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { relationshipFixtures } from '../../../../test/relationships.ts';

let t: TestApp;
let tenant: Tenant;
let other: Tenant;
const f = relationshipFixtures(() => t);

async function whenEnded(id: string): Promise<ReportBatchDto> {
  for (let i = 0; i < 400; i++) {
    const b = (await tenant.manager.get(`/api/v1/reports/batches/${id}`)).json<ReportBatchDto>();
    if (b.status !== 'running') return b;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`batch ${id} did not end`);
}

beforeAll(async () => {
  t = await buildTestApp();
  [tenant, other] = await Promise.all([newTenant(t), newTenant(t)]);
  const faculty = await f.orgUnit(tenant, 'Faculty of Science', 'faculty');
  for (const name of ['School of Computing', 'Department of Mathematics', 'Department of Physics']) await f.orgUnit(tenant, name, 'department', faculty);
});
afterAll(() => t.close());

describe('every department’s report in one batch', () => {
  it('a manager starts it, follows its progress, and downloads a ZIP with one PDF per department', async () => {
    const res = await tenant.manager.post('/api/v1/reports/batches', { year: 2025 });
    expect(res.statusCode, res.body).toBe(202);
    const started = res.json<ReportBatchDto>();
    expect(started).toMatchObject({ year: 2025, yearLabel: '2025–26', status: 'running', done: 0 });
    const done = await whenEnded(started.id);
    expect(done).toMatchObject({ status: 'done', done: 3, total: 3, error: null });
    const zip = await tenant.manager.get(`/api/v1/reports/batches/${started.id}/download`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-disposition']).toBe('attachment; filename="library-reports-2025-26.zip"');
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    expect(Object.keys(files).sort()).toEqual([
      'department-of-mathematics-library-report-2025-26.pdf', 'department-of-physics-library-report-2025-26.pdf', 'school-of-computing-library-report-2025-26.pdf',
    ]);
    for (const pdf of Object.values(files)) expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const audit = await t.handle.db.selectFrom('audit_log').select(['action', 'entity_type']).where('entity_id', '=', started.id).execute();
    expect(audit).toEqual([{ action: 'create', entity_type: 'report_batch' }]);
  });

  it('only managers start one; other institutions never see it; bad input is named', async () => {
    expect((await tenant.librarian.post('/api/v1/reports/batches', { year: 2025 })).statusCode).toBe(403);
    const bad = await tenant.manager.post('/api/v1/reports/batches', { year: 'last' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details?.[0]?.field).toBe('year');
    const started = (await tenant.manager.post('/api/v1/reports/batches', { year: 2024 })).json<ReportBatchDto>();
    for (const role of ['viewer', 'librarian'] as const) {
      expect((await tenant[role].get(`/api/v1/reports/batches/${started.id}`)).statusCode, role).toBe(403);
      expect((await tenant[role].get(`/api/v1/reports/batches/${started.id}/download`)).statusCode, role).toBe(403);
    }
    expect((await other.manager.get(`/api/v1/reports/batches/${started.id}`)).statusCode).toBe(404);
    expect((await other.manager.get(`/api/v1/reports/batches/${started.id}/download`)).statusCode).toBe(404);
    await whenEnded(started.id);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/reports/batches/${started.id}` })).statusCode).toBe(401);
  });

  it('fails, rather than running for ever, when its folder cannot be made; the next batch may start', async () => {
    const dir = join(t.config.imports.uploadDir, 'report-batches');
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(dir, 'a file where the folder should be');
    try {
      const res = await tenant.manager.post('/api/v1/reports/batches', { year: 2023 });
      expect(res.statusCode, res.body).toBe(202);
      expect(await whenEnded(res.json<ReportBatchDto>().id)).toMatchObject({ status: 'failed', error: 'The batch stopped on an unexpected error; try again.' });
    } finally {
      rmSync(dir, { force: true });
    }
    const next = await tenant.manager.post('/api/v1/reports/batches', { year: 2023 });
    expect(next.statusCode, next.body).toBe(202);
    expect(await whenEnded(next.json<ReportBatchDto>().id)).toMatchObject({ status: 'done', done: 3 });
  });
});
