import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeMapDto } from '../../../shared/contracts/code-maps.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import type { ImportJobDto } from '../../../shared/contracts/imports.ts';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { importFixtures, jobWhenEnded, uploadFile } from '../../../../test/imports.ts';
import { loadCodeMap } from './code-maps.ts';

let t: TestApp;
let tenant: Tenant;
let other: Tenant;
const f = importFixtures(() => t);
const units: Record<string, string> = {};
let otherUnit: string;

const CSV = ['CAH code,Subject,Department code', 'CAH11-01-01,Computer science,COMP', 'cah11-01-02 ,Information technology,comp', 'CAH20-01-01,History,HIST', 'CAH99,Nowhere,NOPE'].join('\n');
const mapping = { code: 'CAH code', orgUnitCode: 'Department code' };

beforeAll(async () => {
  t = await buildTestApp();
  [tenant, other] = await Promise.all([newTenant(t), newTenant(t)]);
  for (const [code, name] of [['COMP', 'Computing'], ['HIST', 'History']] as const) units[code] = await f.department(tenant, name, code);
  otherUnit = await f.department(other, 'Other Computing', 'COMP');
});
afterAll(() => t.close());

const list = async (tn: Tenant, query = '') => (await tn.viewer.get(`/api/v1/code-maps${query}`)).json<Page<CodeMapDto>>();

describe('code maps', () => {
  it('import from a file of one kind, matched without regard to case or spaces; an unknown department is a row problem', async () => {
    const up = await uploadFile(tenant.manager, 'cah.csv', CSV, 'codeMaps');
    expect(up.statusCode, up.body).toBe(201);
    const job = up.json<ImportJobDto>();
    // the kind of code is a required choice for the whole file
    const missing = await tenant.manager.post(`/api/v1/imports/${job.id}/start`, { mapping, options: {} });
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing).details?.[0]?.field).toBe('options.kind');
    const wrong = await tenant.manager.post(`/api/v1/imports/${job.id}/start`, { mapping, options: { kind: 'postcode' } });
    expect(errorOf(wrong).details?.[0]).toMatchObject({ field: 'options.kind', message: expect.stringContaining('cah') as unknown });
    const stray = await tenant.manager.post(`/api/v1/imports/${job.id}/start`, { mapping, options: { kind: 'cah', colour: 'red' } });
    expect(errorOf(stray).details?.[0]?.field).toBe('options.colour');

    const started = await tenant.manager.post(`/api/v1/imports/${job.id}/start`, { mapping, options: { kind: 'cah' } });
    expect(started.statusCode, started.body).toBe(202);
    const done = await jobWhenEnded(tenant.manager, job.id);
    expect(done).toMatchObject({ status: 'done', importedRows: 3, rejectedRows: 1 });

    const map = await loadCodeMap(t.handle.db, tenant.institutionId, 'cah');
    expect(Object.fromEntries(map)).toEqual({ 'cah11-01-01': units.COMP, 'cah11-01-02': units.COMP, 'cah20-01-01': units.HIST });
    expect((await loadCodeMap(t.handle.db, tenant.institutionId, 'user_group')).size).toBe(0);
    const page = await list(tenant, '?kind=cah&q=11-01');
    expect(page.total).toBe(2);
    expect(page.items.map((m) => m.orgUnit.name)).toEqual(['Computing', 'Computing']);
  });

  it('a re-import moves a code rather than adding it twice', async () => {
    const up = (await uploadFile(tenant.manager, 'cah2.csv', 'CAH code,Department code\nCAH11-01-01,HIST\n', 'codeMaps')).json<ImportJobDto>();
    await tenant.manager.post(`/api/v1/imports/${up.id}/start`, { mapping, options: { kind: 'cah' } });
    expect((await jobWhenEnded(tenant.manager, up.id)).status).toBe('done');
    const map = await loadCodeMap(t.handle.db, tenant.institutionId, 'cah');
    expect(map.size).toBe(3);
    expect(map.get('cah11-01-01')).toBe(units.HIST);
  });

  it('maps, moves and removes one code by hand, managers only, within the institution, audited', async () => {
    const body = { kind: 'user_group', code: 'UG-COMP-PGT', orgUnitId: units.COMP };
    expect((await tenant.librarian.put('/api/v1/code-maps', body)).statusCode).toBe(403);
    const foreign = await tenant.manager.put('/api/v1/code-maps', { ...body, orgUnitId: otherUnit });
    expect(foreign.statusCode).toBe(400);
    expect(errorOf(foreign).details?.[0]?.field).toBe('orgUnitId');
    const bad = await tenant.manager.put('/api/v1/code-maps', { ...body, kind: 'postcode' });
    expect(errorOf(bad).details?.[0]?.field).toBe('kind');

    expect((await tenant.manager.put('/api/v1/code-maps', body)).statusCode).toBe(200);
    const moved = await tenant.manager.put('/api/v1/code-maps', { ...body, code: ' ug-comp-pgt', orgUnitId: units.HIST });
    expect(moved.json<CodeMapDto>().orgUnit.id).toBe(units.HIST);
    expect((await list(tenant, '?kind=user_group')).items).toMatchObject([{ code: 'ug-comp-pgt', orgUnit: { id: units.HIST } }]);
    expect((await list(other, '?kind=user_group')).total).toBe(0);

    expect((await tenant.librarian.delete('/api/v1/code-maps?kind=user_group&code=UG-COMP-PGT')).statusCode).toBe(403);
    expect((await other.manager.delete('/api/v1/code-maps?kind=user_group&code=UG-COMP-PGT')).statusCode).toBe(404);
    expect((await tenant.manager.delete('/api/v1/code-maps?kind=user_group&code=UG-COMP-PGT')).statusCode).toBe(204);
    expect((await list(tenant, '?kind=user_group')).total).toBe(0);
    const audit = await t.handle.db.selectFrom('audit_log').select('action').where('institution_id', '=', tenant.institutionId).where('entity_type', '=', 'code_map').orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('needs a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/code-maps' })).statusCode).toBe(401);
  });
});
