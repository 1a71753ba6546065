/*
 * Test support for the figures sources' integration tests (imported only by *.int.test.ts). It lives
 * here because test/imports.ts belongs to the import framework; it could move there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ImportJobDto, ImportMapping, ImportOptions } from '../../../shared/contracts/imports.ts';
import type { Agent } from '../../../../test/app.ts';
import { jobWhenEnded, uploadFile } from '../../../../test/imports.ts';

export const fixture = (...path: string[]) => readFileSync(join(import.meta.dirname, '../../../../test/fixtures/imports', ...path));

export async function upload(agent: Agent, source: string, name: string, content: Buffer | string): Promise<ImportJobDto> {
  const res = await uploadFile(agent, name, content, source);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ImportJobDto>();
}

/** Uploads, starts and waits for one import; returns the job as it ended. */
export async function runImport(agent: Agent, source: string, name: string, content: Buffer | string, mapping: ImportMapping, options: ImportOptions): Promise<ImportJobDto> {
  const job = await upload(agent, source, name, content);
  const res = await agent.post(`/api/v1/imports/${job.id}/start`, { mapping, options });
  expect(res.statusCode, res.body).toBe(202);
  return jobWhenEnded(agent, job.id);
}

/** Code mappings of one kind, through the code-mappings import as a manager would. */
export async function mapCodes(agent: Agent, kind: 'cah' | 'user_group', pairs: [code: string, orgUnitCode: string][]): Promise<void> {
  const csv = ['Code,Department code', ...pairs.map(([c, u]) => `${c},${u}`)].join('\n');
  const done = await runImport(agent, 'codeMaps', `${kind}.csv`, csv, { code: 'Code', orgUnitCode: 'Department code' }, { kind });
  expect(done).toMatchObject({ status: 'done', importedRows: pairs.length });
}
