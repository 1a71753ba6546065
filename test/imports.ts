import { expect } from 'vitest';
import type { ImportJobDto } from '../src/shared/contracts/imports.ts';
import { newId } from '../src/server/lib/ids.ts';
import type { Agent, Tenant, TestApp } from './app.ts';

/** A multipart/form-data body with one file part, as a browser's FormData sends it. */
export function multipart(fileName: string, content: Buffer | string, field = 'file') {
  const boundary = `----rapport${newId()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), Buffer.isBuffer(content) ? content : Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function uploadFile(agent: Agent, fileName: string, content: Buffer | string, source = 'metrics') {
  const { payload, headers } = multipart(fileName, content);
  return agent.app.inject({ method: 'POST', url: `/api/v1/imports?source=${source}`, headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, ...headers }, payload });
}

const ENDED = new Set(['done', 'failed', 'cancelled']);

/** Polls the job until it has ended (the runner works in the background) and returns it. */
export async function jobWhenEnded(agent: Agent, id: string): Promise<ImportJobDto> {
  for (let i = 0; i < 400; i++) {
    const job = (await agent.get(`/api/v1/imports/${id}`)).json<ImportJobDto>();
    if (ENDED.has(job.status)) return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`import ${id} did not end`);
}

/** Factories: departments with codes, and metric definitions written straight to the table. */
export function importFixtures(app: () => TestApp) {
  async function department(tenant: Tenant, name: string, code: string): Promise<string> {
    const res = await tenant.manager.post('/api/v1/org-units', { name, type: 'department', code });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  }

  async function metric(tenant: Tenant, name: string, periodKind: 'academic_year' | 'month' = 'academic_year'): Promise<string> {
    const id = newId();
    const now = new Date().toISOString();
    await app().handle.db.insertInto('metric_definitions').values({
      id, institution_id: tenant.institutionId, name, unit: '%', direction: 'higher_better', source: 'NSS', period_kind: periodKind, description: null, created_at: now, updated_at: now,
    }).execute();
    return id;
  }

  const values = (tenant: Tenant) =>
    app().handle.db.selectFrom('metric_values').select(['metric_id', 'org_unit_id', 'period', 'value', 'import_job_id'])
      .where('institution_id', '=', tenant.institutionId).orderBy('org_unit_id').orderBy('period').execute();

  return { department, metric, values };
}
