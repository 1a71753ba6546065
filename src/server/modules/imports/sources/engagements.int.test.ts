import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngagementDto } from '../../../../shared/contracts/engagements.ts';
import type { ImportJobDto, PreviewDto } from '../../../../shared/contracts/imports.ts';
import { buildTestApp, errorOf, newTenant, PASSWORD, type Agent, type Tenant, type TestApp } from '../../../../../test/app.ts';
import { importFixtures, jobWhenEnded, uploadFile } from '../../../../../test/imports.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../../../../test/fixtures/imports/engagements', name));

let t: TestApp;
let tenant: Tenant;
let other: Tenant;
const f = importFixtures(() => t);
const units: Record<string, string> = {};
const people: Record<string, string> = {};
const staff: Record<string, string> = {};

const LIBCAL = {
  reference: 'Booking ID', people: 'Email', date: 'Start Time', duration: 'Duration (minutes)', type: 'Category',
  summary: 'Question', staff: 'Librarian Email', departments: 'Department Code',
};
const LIBINSIGHT = {
  reference: 'Record ID', date: 'Session Date', type: 'Session Type', summary: 'Session Title', departments: 'Department', people: 'Instructor Email',
  staff: 'Librarian', attendance: 'Number of Attendees', duration: 'Length of Session (minutes)', initiatedBy: 'Initiated By', outcome: 'Outcome',
};
const TEAM = {
  date: 'Date', type: 'Type', summary: 'What happened', departments: 'Departments', people: 'Who', staff: 'Staff', duration: 'How long',
  attendance: 'Attendance', initiatedBy: 'Initiated by', outcome: 'Outcome',
};

beforeAll(async () => {
  t = await buildTestApp();
  [tenant, other] = await Promise.all([newTenant(t), newTenant(t)]);
  for (const [code, name] of [['COMP', 'Computing'], ['MATH', 'Mathematics'], ['HIST', 'History'], ['LAW', 'Law']] as const) units[code] = await f.department(tenant, name, code);
  await f.department(other, 'Their Computing', 'COMP');
  for (const [email, name] of [['ada.lovelace@uni.test', 'Ada Lovelace'], ['alan.turing@uni.test', 'Alan Turing'], ['emmy.noether@uni.test', 'Emmy Noether'], ['eh.carr@uni.test', 'E. H. Carr']] as const) {
    const res = await tenant.librarian.post('/api/v1/people', { name, email });
    expect(res.statusCode, res.body).toBe(201);
    people[email] = res.json<{ id: string }>().id;
  }
  // the other institution knows an Ada too: addresses are matched within the importing institution only
  expect((await other.librarian.post('/api/v1/people', { name: 'Their Ada', email: 'ada.lovelace@uni.test' })).statusCode).toBe(201);
  for (const [email, name] of [['s.ranganathan@uni.test', 'S. R. Ranganathan'], ['c.cutter@uni.test', 'Charles Cutter']] as const) {
    const res = await tenant.admin.post('/api/v1/users', { email, name, password: PASSWORD, role: 'librarian' });
    expect(res.statusCode, res.body).toBe(201);
    staff[email] = res.json<{ id: string }>().id;
  }
});
afterAll(() => t.close());

async function upload(agent: Agent, name: string): Promise<ImportJobDto> {
  const res = await uploadFile(agent, name, fixture(name), 'engagements');
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ImportJobDto>();
}

async function importFile(agent: Agent, name: string, mapping: Record<string, string>, options: Record<string, string> = {}, content?: string): Promise<ImportJobDto> {
  const up = content === undefined ? await upload(agent, name) : (await uploadFile(agent, name, content, 'engagements')).json<ImportJobDto>();
  const res = await agent.post(`/api/v1/imports/${up.id}/start`, { mapping, options });
  expect(res.statusCode, res.body).toBe(202);
  return jobWhenEnded(agent, up.id);
}

async function engagements(agent: Agent, query = ''): Promise<EngagementDto[]> {
  const res = await agent.get(`/api/v1/engagements?pageSize=100&order=asc${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: EngagementDto[] }>().items;
}
const names = (list: { name: string }[]) => list.map((x) => x.name).sort();

describe('engagements import: who may run it and how it is set up', () => {
  it('is open to librarians, not to viewers, and says so', async () => {
    const sources = (await tenant.viewer.get('/api/v1/imports/sources')).json<{ items: { key: string; minRole: string }[] }>();
    expect(sources.items.find((s) => s.key === 'engagements')).toMatchObject({ minRole: 'librarian' });
    expect((await uploadFile(tenant.viewer, 'libcal.csv', fixture('libcal-appointments.csv'), 'engagements')).statusCode).toBe(403);
    expect((await upload(tenant.librarian, 'libcal-appointments.csv')).status).toBe('uploaded');
  });

  it('suggests the LibCal columns from their headers', async () => {
    const job = await upload(tenant.librarian, 'libcal-appointments.csv');
    expect(job.mapping).toMatchObject({ reference: 'Booking ID', date: 'Start Time', type: 'Category', summary: 'Question', duration: 'Duration (minutes)', departments: 'Department Code', staff: 'Librarian Email' });
  });

  it('needs a type (a column or the default) and someone to be with, and checks the options', async () => {
    const job = await upload(tenant.librarian, 'libcal-appointments.csv');
    const preview = (mapping: Record<string, string>, options: Record<string, string> = {}) => tenant.librarian.post(`/api/v1/imports/${job.id}/preview`, { mapping, options });
    const { type: _type, ...untyped } = LIBCAL;
    expect(errorOf(await preview(untyped)).details?.[0]?.field).toBe('options.defaultType');
    const { departments: _d, people: _p, ...nobody } = LIBCAL;
    expect(errorOf(await preview(nobody)).details?.[0]?.field).toBe('mapping.departments');
    expect(errorOf(await preview(LIBCAL, { dateOrder: 'ymd' })).details?.[0]?.field).toBe('options.dateOrder');
    expect(errorOf(await preview(LIBCAL, { defaultType: 'seance' })).details?.[0]?.field).toBe('options.defaultType');
    expect((await other.librarian.post(`/api/v1/imports/${job.id}/preview`, { mapping: LIBCAL })).statusCode).toBe(404);
  });
});

describe('engagements import: a LibCal appointments CSV', () => {
  let job: ImportJobDto;

  it('previews each row’s problems by column and writes nothing', async () => {
    const up = await upload(tenant.librarian, 'libcal-appointments.csv');
    const res = await tenant.librarian.post(`/api/v1/imports/${up.id}/preview`, { mapping: LIBCAL });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<PreviewDto>();
    expect(p).toMatchObject({ checked: 9, rejected: 6 });
    const issues = Object.fromEntries(p.rows.map((r) => [r.line, r.issues]));
    expect(issues[2]).toEqual([]);
    expect(issues[5]).toEqual([{ column: 'Email', message: '“grace.hopper@uni.test” matches no person in Rapport' }]);
    expect(issues[6]).toEqual([{ column: 'Duration (minutes)', message: '“ninety” is not a duration (e.g. 90, 1:30 or 1.5 hours)' }]);
    expect(issues[7]).toEqual([{ column: 'Start Time', message: '2031-01-15 is more than a year from today' }]);
    expect(issues[8]?.[0]).toMatchObject({ column: 'Category', message: expect.stringContaining('no engagement type is called “Drop-in”') as string });
    expect(issues[9]).toEqual([{ column: 'Librarian Email', message: '“m.nobody@uni.test” matches no member of staff in Rapport' }]);
    expect(issues[10]).toEqual([{ column: 'Department Code', message: 'no department has the code “XMATH”' }]);
    expect(await engagements(tenant.viewer)).toEqual([]);
  });

  it('logs the good rows with their departments, people and staff', async () => {
    job = await importFile(tenant.librarian, 'libcal-appointments.csv', LIBCAL, { system: 'LibCal' });
    expect(job).toMatchObject({ status: 'done', totalRows: 9, importedRows: 3, rejectedRows: 6 });
    const list = await engagements(tenant.viewer);
    expect(list.map((e) => [e.occurredOn, e.type.label, e.durationMinutes, e.initiatedBy])).toEqual([
      ['2025-10-14', 'Consultation', 60, 'library'], ['2025-11-03', 'Consultation', 45, 'library'], ['2026-01-20', 'Meeting', 30, 'library'],
    ]);
    const [ada, alan, emmy] = list as [EngagementDto, EngagementDto, EngagementDto];
    expect(ada).toMatchObject({ summary: 'Literature search for a PhD chapter on analytical engines', createdBy: tenant.librarian.userId });
    expect(names(ada.people)).toEqual(['Ada Lovelace']);
    expect(names(ada.staff)).toEqual(['S. R. Ranganathan']);
    expect(names(ada.orgUnits)).toEqual(['Computing']);
    expect(alan.summary).toBe('Systematic review protocol: search strings, databases');
    expect(names(emmy.orgUnits)).toEqual(['Mathematics']);
    expect(names(emmy.staff)).toEqual(['Charles Cutter']);
    const errors = await tenant.librarian.get(`/api/v1/imports/${job.id}/errors.csv`);
    expect(errors.body).toContain('grace.hopper@uni.test');
  });

  it('shows in the department’s signals, in search and in the audit trail', async () => {
    const res = await tenant.viewer.get(`/api/v1/org-units/${units.COMP}/signals?year=2025`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ signals: { engagements: number; people: number; lastEngagementOn: string } }>().signals).toMatchObject({ engagements: 2, people: 2, lastEngagementOn: '2025-11-03' });
    const hits = (await tenant.viewer.get('/api/v1/search?q=analytical&types=engagement')).json<{ hits: { id: string }[] }>().hits;
    expect(hits.map((h) => h.id)).toHaveLength(1);
    const audit = await t.handle.db.selectFrom('audit_log').select(['user_id', 'action']).where('institution_id', '=', tenant.institutionId)
      .where('entity_type', '=', 'engagement').where('request_id', '=', `import-${job.id}`).execute();
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.user_id === tenant.librarian.userId && a.action === 'create')).toBe(true);
  });

  it('updates rather than duplicates when the same export comes again, and changes only what changed', async () => {
    const before = await engagements(tenant.viewer);
    const again = await importFile(tenant.manager, 'libcal-appointments.csv', LIBCAL, { system: 'LibCal' });
    expect(again).toMatchObject({ status: 'done', importedRows: 3, rejectedRows: 6 });
    const after = await engagements(tenant.viewer);
    expect(after.map((e) => [e.id, e.summary, e.updatedAt])).toEqual(before.map((e) => [e.id, e.summary, e.updatedAt]));
    const silent = await t.handle.db.selectFrom('audit_log').select('id').where('entity_type', '=', 'engagement').where('request_id', '=', `import-${again.id}`).execute();
    expect(silent).toEqual([]);

    // the booking was edited in LibCal: new question, moved a day, Ada brought Alan
    const edited = fixture('libcal-appointments.csv').toString()
      .replace('2025-10-14 10:00:00,2025-10-14 11:00:00,60,Consultation,Literature search for a PhD chapter on analytical engines', '2025-10-15 10:00:00,2025-10-15 11:00:00,75,Consultation,Literature search for the thesis introduction')
      .replace('ada.lovelace@uni.test,2025-10-15', '"ada.lovelace@uni.test; alan.turing@uni.test",2025-10-15');
    const changed = await importFile(tenant.librarian, 'libcal-edited.csv', LIBCAL, { system: 'LibCal' }, edited);
    expect(changed).toMatchObject({ status: 'done', importedRows: 3 });
    const now = await engagements(tenant.viewer);
    expect(now).toHaveLength(3);
    const ada = now.find((e) => e.id === before[0]?.id);
    expect(ada).toMatchObject({ occurredOn: '2025-10-15', durationMinutes: 75, summary: 'Literature search for the thesis introduction' });
    expect(names(ada?.people ?? [])).toEqual(['Ada Lovelace', 'Alan Turing']);
    const signals = (await tenant.viewer.get(`/api/v1/org-units/${units.COMP}/signals?year=2025`)).json<{ signals: { engagements: number; people: number } }>().signals;
    expect(signals).toMatchObject({ engagements: 2, people: 2 });
    const changes = await t.handle.db.selectFrom('audit_log').select(['action', 'entity_id']).where('request_id', '=', `import-${changed.id}`).where('entity_type', '=', 'engagement').execute();
    expect(changes).toEqual([{ action: 'update', entity_id: before[0]?.id }]);
  });

  it('keeps another system’s reference apart, and logs a deleted engagement afresh', async () => {
    const clash = 'Booking ID,Start Time,Category,Question,Department Code\n10234567,2026-01-05,Meeting,Same number from another system,LAW\n';
    await importFile(tenant.librarian, 'other-system.csv', { reference: 'Booking ID', date: 'Start Time', type: 'Category', summary: 'Question', departments: 'Department Code' }, { system: 'Room bookings' }, clash);
    expect(await engagements(tenant.viewer)).toHaveLength(4);

    const [first] = await engagements(tenant.viewer);
    expect((await tenant.librarian.delete(`/api/v1/engagements/${first?.id}`)).statusCode).toBe(204);
    await importFile(tenant.librarian, 'libcal-appointments.csv', LIBCAL, { system: 'LibCal' });
    const list = await engagements(tenant.viewer);
    expect(list).toHaveLength(4);
    expect(list.map((e) => e.id)).not.toContain(first?.id);
  });
});

describe('engagements import: a LibInsight teaching XLSX', () => {
  it('logs sessions with attendance, several departments and people, and who initiated them', async () => {
    const job = await importFile(tenant.manager, 'libinsight-teaching.xlsx', LIBINSIGHT, { system: 'LibInsight' });
    expect(job).toMatchObject({ status: 'done', format: 'xlsx', totalRows: 4, importedRows: 3, rejectedRows: 1 });
    const errors = (await tenant.manager.get(`/api/v1/imports/${job.id}/errors.csv`)).body;
    expect(errors).toContain('Number of Attendees');
    const maths = await engagements(tenant.viewer, `&orgUnitId=${units.MATH}&from=2025-11-01&to=2025-11-30`);
    expect(maths).toHaveLength(1);
    const zotero = maths[0] as EngagementDto;
    expect(zotero).toMatchObject({ occurredOn: '2025-11-18', summary: 'Reference management with Zotero', attendance: 35, durationMinutes: 90, initiatedBy: 'library', outcome: null });
    expect(names(zotero.orgUnits)).toEqual(['Computing', 'Mathematics']);
    expect(names(zotero.people)).toEqual(['Alan Turing', 'Emmy Noether']);
    const history = await engagements(tenant.viewer, `&orgUnitId=${units.HIST}`);
    expect(history.map((e) => [e.type.label, e.initiatedBy, e.attendance])).toEqual([['Teaching session', 'partner', 48]]);
    const signals = (await tenant.viewer.get(`/api/v1/org-units/${units.HIST}/signals?year=2025`)).json<{ signals: { engagements: number; partnerShare: number } }>().signals;
    expect(signals).toMatchObject({ engagements: 1, partnerShare: 1 });

    const again = await importFile(tenant.manager, 'libinsight-teaching.xlsx', LIBINSIGHT, { system: 'LibInsight' });
    expect(again).toMatchObject({ status: 'done', importedRows: 3 });
    expect(await engagements(tenant.viewer, `&orgUnitId=${units.MATH}&from=2025-11-01&to=2025-11-30`)).toHaveLength(1);
  });
});

describe('engagements import: a team spreadsheet TSV with UK dates and no references', () => {
  const inLaw = () => engagements(tenant.viewer, `&orgUnitId=${units.LAW}&from=2026-03-01&to=2026-03-31`);

  it('reads UK dates, words for durations and the default type; the importer is the staff when none is named', async () => {
    const job = await importFile(tenant.librarian, 'team-spreadsheet.tsv', TEAM, { defaultType: 'meeting' });
    expect(job).toMatchObject({ status: 'done', format: 'tsv', totalRows: 7, importedRows: 6, rejectedRows: 1 });
    const errors = (await tenant.librarian.get(`/api/v1/imports/${job.id}/errors.csv`)).body;
    expect(errors).toContain('“30/02/2026” is not a date');
    const law = await inLaw();
    expect(law.map((e) => [e.occurredOn, e.type.label, e.summary, e.attendance])).toEqual([
      ['2026-03-04', 'Meeting', 'Termly meeting with the Director of Teaching', 3],
      ['2026-03-18', 'Workshop', 'Dissertation skills drop-in', 22],
      ['2026-03-18', 'Workshop', 'Dissertation skills drop-in', 17],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    expect(law[0]).toMatchObject({ initiatedBy: 'partner', outcome: 'Agreed embedded sessions for LLB year 2' });
    expect(law[0]?.staff.map((s) => s.id)).toEqual([tenant.librarian.userId]);
    const review = (await engagements(tenant.viewer, `&orgUnitId=${units.MATH}&from=2026-03-16&to=2026-03-16`))[0];
    expect(review).toMatchObject({ type: { label: 'Curriculum review' }, durationMinutes: 120, initiatedBy: 'partner' });
    expect(names(review?.orgUnits ?? [])).toEqual(['Computing', 'Mathematics']);
    const coffee = (await engagements(tenant.viewer, `&orgUnitId=${units.HIST}&from=2026-03-20&to=2026-03-20`))[0];
    expect(coffee).toMatchObject({ type: { label: 'Meeting' }, durationMinutes: 30 });
  });

  it('matches rows without a reference by date, time, type, summary and departments on the next import', async () => {
    const before = await inLaw();
    const again = await importFile(tenant.librarian, 'team-spreadsheet.tsv', TEAM, { defaultType: 'meeting' });
    expect(again).toMatchObject({ status: 'done', importedRows: 6 });
    expect((await inLaw()).map((e) => e.id)).toEqual(before.map((e) => e.id));
  });
});

describe('engagements import: institutions stay apart', () => {
  it('matches departments, people and staff only within the importing institution', async () => {
    const mine = await engagements(tenant.viewer);
    const job = await importFile(other.librarian, 'libcal-appointments.csv', LIBCAL, { system: 'LibCal' });
    expect(job.status).toBe('done');
    // Ada is known there, but her librarian is not; nor are MATH or HIST
    expect(job.importedRows).toBe(0);
    const errors = (await other.librarian.get(`/api/v1/imports/${job.id}/errors.csv`)).body;
    expect(errors).toContain('“s.ranganathan@uni.test” matches no member of staff');
    expect(errors).toContain('no department has the code “MATH”');
    expect(await engagements(other.viewer)).toEqual([]);
    expect(await engagements(tenant.viewer)).toEqual(mine);
    expect((await other.viewer.get(`/api/v1/imports/${job.id}`)).statusCode).toBe(200);
    expect((await tenant.viewer.get(`/api/v1/imports/${job.id}`)).statusCode).toBe(404);
  });
});
