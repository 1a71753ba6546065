import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobDto, PreviewDto } from '../../../../shared/contracts/imports.ts';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../../test/app.ts';
import { jobWhenEnded, uploadFile } from '../../../../../test/imports.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../../../../test/fixtures/imports/directory', name));
const unitMapping = { code: 'Code', name: 'Name', type: 'Type', parentCode: 'Parent code' };
const peopleMapping = { staffId: 'Staff number', name: 'Full name', email: 'Email address', orgUnitCode: 'Department code', title: 'Job title', startDate: 'Start date', endDate: 'End date' };

let t: TestApp;
let tenant: Tenant;
let other: Tenant;

beforeAll(async () => {
  t = await buildTestApp();
  [tenant, other] = await Promise.all([newTenant(t), newTenant(t)]);
});
afterAll(() => t.close());

async function run(who: Tenant, name: string, content: Buffer | string, mapping: Record<string, string>, contents: 'org_units' | 'people'): Promise<ImportJobDto> {
  const up = await uploadFile(who.manager, name, content, 'directory');
  expect(up.statusCode, up.body).toBe(201);
  const id = up.json<ImportJobDto>().id;
  const start = await who.manager.post(`/api/v1/imports/${id}/start`, { mapping, options: { contents } });
  expect(start.statusCode, start.body).toBe(202);
  return jobWhenEnded(who.manager, id);
}

const units = (who: Tenant) => t.handle.db.selectFrom('org_units as o').leftJoin('org_units as p', 'p.id', 'o.parent_id')
  .select(['o.id', 'o.code', 'o.name', 'o.type', 'p.code as parent']).where('o.institution_id', '=', who.institutionId).orderBy('o.code').execute();
const peopleOf = (who: Tenant) => t.handle.db.selectFrom('people').select(['id', 'name', 'email', 'external_id']).where('institution_id', '=', who.institutionId).orderBy('name').execute();
const positionsOf = (who: Tenant) => t.handle.db.selectFrom('positions as ps').innerJoin('people as p', 'p.id', 'ps.person_id').innerJoin('org_units as o', 'o.id', 'ps.org_unit_id')
  .select(['p.name', 'o.code', 'ps.title', 'ps.start_date', 'ps.end_date']).where('ps.institution_id', '=', who.institutionId).orderBy('p.name').orderBy('o.code').execute();

describe('directory import: access and options', () => {
  it('lets managers import, not librarians', async () => {
    expect((await uploadFile(tenant.librarian, 'org-units.csv', fixture('org-units.csv'), 'directory')).statusCode).toBe(403);
    const sources = (await tenant.viewer.get('/api/v1/imports/sources')).json<{ items: { key: string; minRole: string }[] }>();
    expect(sources.items.find((s) => s.key === 'directory')).toMatchObject({ minRole: 'manager' });
  });

  it('asks what the file holds, and for the columns that kind needs', async () => {
    const job = (await uploadFile(tenant.manager, 'org-units.csv', fixture('org-units.csv'), 'directory')).json<ImportJobDto>();
    expect(job.mapping).toEqual(unitMapping);
    const none = await tenant.manager.post(`/api/v1/imports/${job.id}/preview`, { mapping: unitMapping, options: {} });
    expect(errorOf(none).details?.[0]?.field).toBe('options.contents');
    const noCode = await tenant.manager.post(`/api/v1/imports/${job.id}/preview`, { mapping: { name: 'Name' }, options: { contents: 'org_units' } });
    expect(errorOf(noCode).details?.[0]?.field).toBe('mapping.code');
    const noTitle = await tenant.manager.post(`/api/v1/imports/${job.id}/preview`, { mapping: { name: 'Name', orgUnitCode: 'Code' }, options: { contents: 'people' } });
    expect(errorOf(noTitle).details?.[0]?.field).toBe('mapping.title');
  });
});

describe('directory import: org units', () => {
  it('builds the hierarchy when parents come on later lines, with friendly kinds of unit', async () => {
    const job = await run(tenant, 'org-units.csv', fixture('org-units.csv'), unitMapping, 'org_units');
    expect(job).toMatchObject({ status: 'done', importedRows: 7, rejectedRows: 0 });
    expect(await units(tenant)).toEqual([
      expect.objectContaining({ code: 'CDH', type: 'research_centre', parent: 'HIST' }),
      expect.objectContaining({ code: 'COMP', name: 'School of Computing', type: 'department', parent: 'FSE' }),
      expect.objectContaining({ code: 'FAH', type: 'faculty', parent: null }),
      expect.objectContaining({ code: 'FSE', type: 'faculty', parent: null }),
      expect.objectContaining({ code: 'HIST', type: 'department', parent: 'FAH' }),
      expect.objectContaining({ code: 'LIBC', type: 'committee', parent: null }),
      expect.objectContaining({ code: 'MATH', type: 'department', parent: 'FSE' }),
    ]);
    // findable by search, with the parent as subtitle; and audited as the job's user
    const hits = (await tenant.viewer.get('/api/v1/search?q=computing')).json<{ hits: { type: string; title: string; subtitle: string | null }[] }>();
    expect(hits.hits).toContainEqual(expect.objectContaining({ type: 'org_unit', title: 'School of Computing', subtitle: 'Faculty of Science and Engineering' }));
    const audits = await t.handle.db.selectFrom('audit_log').select(['user_id']).where('institution_id', '=', tenant.institutionId).where('entity_type', '=', 'org_unit').where('action', '=', 'create').execute();
    expect(audits).toHaveLength(7);
    expect(new Set(audits.map((a) => a.user_id))).toEqual(new Set([tenant.manager.userId]));
    expect(await units(other)).toEqual([]);
  });

  it('re-importing changes nothing, and an edited file updates names, kinds and parents in place', async () => {
    const before = await units(tenant);
    const again = await run(tenant, 'org-units.csv', fixture('org-units.csv'), unitMapping, 'org_units');
    expect(again.status).toBe('done');
    expect(await units(tenant)).toEqual(before);
    const edited = 'Code,Name,Type,Parent code\ncomp,Computer Science,Department,FAH\nCDH,Centre for Digital Humanities,Institute,\n';
    expect((await run(tenant, 'edit.csv', edited, unitMapping, 'org_units')).status).toBe('done');
    const after = await units(tenant);
    expect(after).toHaveLength(7);
    expect(after.find((u) => u.code === 'COMP')).toEqual({ ...before.find((u) => u.code === 'COMP'), name: 'Computer Science', parent: 'FAH' });
    expect(after.find((u) => u.code === 'CDH')).toMatchObject({ type: 'research_centre', parent: null });
    const hits = (await tenant.viewer.get('/api/v1/search?q=computer science')).json<{ hits: { title: string; subtitle: string | null }[] }>();
    expect(hits.hits).toContainEqual(expect.objectContaining({ title: 'Computer Science', subtitle: 'Faculty of Arts and Humanities' }));
  });

  it('refuses a parent code that is nowhere, and writes none of the file', async () => {
    const job = await run(tenant, 'orphan.csv', 'Code,Name,Type,Parent code\nNEW1,New Unit,Department,FAH\nNEW2,Another,Department,NOPE\n', unitMapping, 'org_units');
    expect(job.status).toBe('failed');
    expect(job.error).toContain('NEW2 (parent NOPE)');
    expect((await units(tenant)).map((u) => u.code)).not.toContain('NEW1');
  });

  it('refuses parents that loop, in the file or through units already in Rapport', async () => {
    const inFile = await run(tenant, 'loop.csv', 'Code,Name,Type,Parent code\nLA,Loop A,Department,LB\nLB,Loop B,Department,LA\n', unitMapping, 'org_units');
    expect(inFile.status).toBe('failed');
    expect(inFile.error).toMatch(/loop.*L[AB] → L[AB] → L[AB]/);
    const before = await units(tenant);
    // FSE above MATH already; putting FSE under MATH would close the circle
    const through = await run(tenant, 'loop2.csv', 'Code,Name,Type,Parent code\nFSE,Faculty of Science,Faculty,MATH\nNEWX,Someone New,Department,\n', unitMapping, 'org_units');
    expect(through.status).toBe('failed');
    expect(await units(tenant)).toEqual(before);
  });

  it('rejects rows with an unknown kind, a missing code or the unit as its own parent, naming the column', async () => {
    const job = (await uploadFile(tenant.manager, 'bad.csv', 'Code,Name,Type,Parent code\nX1,Thing,Spaceship,\n,No code,Department,\nX2,Selfish,Department,x2\n', 'directory')).json<ImportJobDto>();
    const preview = (await tenant.manager.post(`/api/v1/imports/${job.id}/preview`, { mapping: unitMapping, options: { contents: 'org_units' } })).json<PreviewDto>();
    expect(preview.rejected).toBe(3);
    expect(preview.rows.map((r) => r.issues[0]?.column)).toEqual(['Type', 'Code', 'Parent code']);
  });
});

describe('directory import: people with positions', () => {
  let graceId: string;

  beforeAll(async () => {
    // Grace is in Rapport already, in Computing, with no email: the file's row without one is her
    const comp = (await units(tenant)).find((u) => u.code === 'COMP')?.id as string;
    const res = await tenant.librarian.post('/api/v1/people', { name: 'grace  hopper', positions: [{ orgUnitId: comp, title: 'Lecturer' }] });
    expect(res.statusCode, res.body).toBe(201);
    graceId = res.json<{ id: string }>().id;
  });

  it('creates people and their positions, rejecting bad rows', async () => {
    const job = await run(tenant, 'people-hr.csv', fixture('people-hr.csv'), peopleMapping, 'people');
    expect(job).toMatchObject({ status: 'done', importedRows: 4, rejectedRows: 2 });
    expect(await peopleOf(tenant)).toEqual([
      expect.objectContaining({ name: 'Ada Lovelace', email: 'ada.lovelace@uni.example', external_id: 'E1001' }),
      { id: graceId, name: 'Grace Hopper', email: null, external_id: null },
      expect.objectContaining({ name: 'Zoë Ångström', email: 'zoe.angstrom@uni.example', external_id: 'E1002' }),
    ]);
    expect(await positionsOf(tenant)).toEqual([
      { name: 'Ada Lovelace', code: 'COMP', title: 'Head of School', start_date: '2020-09-01', end_date: null },
      { name: 'Ada Lovelace', code: 'MATH', title: 'Visiting Professor', start_date: '2023-01-01', end_date: '2023-12-31' },
      { name: 'Grace Hopper', code: 'COMP', title: 'Lecturer', start_date: null, end_date: null },
      { name: 'Zoë Ångström', code: 'HIST', title: 'Director of Teaching', start_date: '2021-09-01', end_date: null },
    ]);
    const errors = (await tenant.manager.get(`/api/v1/imports/${job.id}/errors.csv`)).body;
    expect(errors).toContain('Email address');
    expect(errors).toContain('Department code');
    const hits = (await tenant.viewer.get('/api/v1/search?q=angstrom')).json<{ hits: { type: string; title: string; subtitle: string | null }[] }>();
    expect(hits.hits).toContainEqual(expect.objectContaining({ type: 'person', title: 'Zoë Ångström', subtitle: 'Director of Teaching, History' }));
  });

  it('re-importing finds everyone again by staff id, email or name in the department', async () => {
    const people = await peopleOf(tenant);
    const positions = await positionsOf(tenant);
    const renamed = fixture('people-hr.csv').toString().replace('Zoë Ångström,zoe.angstrom@uni.example', 'Zoë Ångström-Smith,zoe.smith@uni.example');
    expect((await run(tenant, 'people-again.csv', renamed, peopleMapping, 'people')).status).toBe('done');
    const after = await peopleOf(tenant);
    expect(after.map((p) => p.id).sort()).toEqual(people.map((p) => p.id).sort());
    expect(after.find((p) => p.external_id === 'E1002')).toMatchObject({ name: 'Zoë Ångström-Smith', email: 'zoe.smith@uni.example' });
    expect(await positionsOf(tenant)).toHaveLength(positions.length);
  });

  it('reads the same people from an Excel workbook, dates as date cells', async () => {
    const u = await run(other, 'org-units.csv', fixture('org-units.csv'), unitMapping, 'org_units');
    expect(u.status).toBe('done');
    const job = await run(other, 'people-hr.xlsx', fixture('people-hr.xlsx'), peopleMapping, 'people');
    expect(job).toMatchObject({ status: 'done', importedRows: 4, rejectedRows: 2 });
    expect(await peopleOf(other)).toEqual([
      expect.objectContaining({ name: 'Ada Lovelace', external_id: '1001' }),
      expect.objectContaining({ name: 'Grace Hopper', email: null }),
      expect.objectContaining({ name: 'Zoë Ångström', external_id: '1002' }),
    ]);
    expect((await positionsOf(other)).find((p) => p.title === 'Head of School')).toMatchObject({ start_date: '2020-09-01', end_date: null });
  });
});
