import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobDto, PreviewDto } from '../../../shared/contracts/imports.ts';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { importFixtures, jobWhenEnded, uploadFile } from '../../../../test/imports.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../../../test/fixtures/imports', name));

let t: TestApp;
let tenant: Tenant;
const f = importFixtures(() => t);
let metricId: string;
const units: Record<string, string> = {};
const nssMapping = { orgUnitCode: 'Department code', period: 'Academic year', value: 'NSS Q19 learning resources (% agree)' };

beforeAll(async () => {
  t = await buildTestApp({ env: { RAPPORT_UPLOAD_MAX_MB: '0.5' } });
  tenant = await newTenant(t);
  for (const code of ['HIST', 'COMP', 'LAW', 'CHEM']) units[code] = await f.department(tenant, `Department ${code}`, code);
  metricId = await f.metric(tenant, 'NSS learning resources');
});
afterAll(() => t.close());

/** Uploads, starts with `mapping`, and waits for the end. */
async function importFile(name: string, mapping: Record<string, string>, content: Buffer = fixture(name)): Promise<ImportJobDto> {
  const up = await uploadFile(tenant.manager, name, content);
  expect(up.statusCode, up.body).toBe(201);
  const job = up.json<ImportJobDto>();
  const start = await tenant.manager.post(`/api/v1/imports/${job.id}/start`, { mapping, options: { metricId } });
  expect(start.statusCode, start.body).toBe(202);
  return jobWhenEnded(tenant.manager, job.id);
}

const refusedAtUpload = async (name: string, content: Buffer = fixture(name)) => {
  const res = await uploadFile(tenant.manager, name, content);
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
  const body = errorOf(res);
  expect(body.details?.[0]?.field).toBe('file');
  return { status: res.statusCode, message: body.message };
};

describe('the same figures as CSV, TSV and XLSX', () => {
  it('read alike, and a re-import of another format rewrites the same rows', async () => {
    const csv = await importFile('metrics-nss.csv', nssMapping);
    expect(csv).toMatchObject({ status: 'done', format: 'csv', importedRows: 12, rejectedRows: 0 });
    const first = (await f.values(tenant)).map((v) => [v.org_unit_id, v.period, v.value]);
    expect(first).toContainEqual([units.HIST, '2024', 85.9]);

    const tsv = await importFile('metrics-nss.tsv', nssMapping);
    expect(tsv).toMatchObject({ status: 'done', format: 'tsv', importedRows: 12 });
    // the workbook has one more row, dated 15 March 2026 (in 2025–26)
    const xlsx = await importFile('metrics-nss.xlsx', nssMapping);
    expect(xlsx).toMatchObject({ status: 'done', format: 'xlsx', importedRows: 13, rejectedRows: 0 });
    const after = (await f.values(tenant)).map((v) => [v.org_unit_id, v.period, v.value]);
    expect(after).toHaveLength(13);
    expect(after).toEqual(expect.arrayContaining([...first, [units.COMP, '2025', 80.1]]));
  });

  it('takes a byte-order mark, CRLF line ends and a cell with a line break in it, and counts lines as the file has them', async () => {
    const up = (await uploadFile(tenant.manager, 'metrics-bom-crlf.csv', fixture('metrics-bom-crlf.csv'))).json<ImportJobDto>();
    expect(up.columns).toEqual(['Department code', 'Academic year', 'Value', 'Notes']);
    const p = (await tenant.manager.post(`/api/v1/imports/${up.id}/preview`, { mapping: { orgUnitCode: 'Department code', period: 'Academic year', value: 'Value' }, options: { metricId } })).json<PreviewDto>();
    expect(p.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(p.rejected).toBe(0);
  });
});

describe('files that are not what they seem', () => {
  it('refuses a ZIP (an Excel workbook) renamed .csv, an old-style or fake .xlsx and a UTF-16 file at upload, keeping nothing', async () => {
    expect((await refusedAtUpload('zip-renamed.csv')).message).toMatch(/ZIP archive or an Excel workbook, but it is named “zip-renamed.csv”/);
    expect((await refusedAtUpload('fake.xlsx', Buffer.from('Department code,Year\n'))).message).toMatch(/not an Excel workbook/);
    expect((await refusedAtUpload('old.xls.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).message).toMatch(/old-style Excel/);
    expect((await refusedAtUpload('metrics-utf16.csv')).message).toMatch(/UTF-16.*CSV UTF-8/);
    expect((await refusedAtUpload('picture.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]))).message).toMatch(/not a text file/);
    expect((await refusedAtUpload('twice.csv', Buffer.from('Code,Value,Value\nHIST,1,2\n'))).message).toMatch(/columns 2 and 3 are both called “Value”/);
  });

  it('refuses an oversized upload with 413 and leaves no file behind', async () => {
    const big = Buffer.from(`Department code,Academic year,Value\n${'HIST,2024-25,85.9\n'.repeat(40_000)}`);
    const res = await refusedAtUpload('big.csv', big);
    expect(res.status).toBe(413);
    expect(res.message).toBe('file: is larger than the 0.5 MB limit');
    expect(await readdir(t.config.imports.uploadDir)).toEqual(expect.not.arrayContaining([expect.stringMatching(/big/)]));
  });

  it('fails a windows-1252 file, an unclosed quote and a truncated workbook with the line and the fix, writing nothing', async () => {
    const before = await f.values(tenant);
    const mapping = { orgUnitCode: 'Department code', period: 'Academic year', value: 'Value' };
    // the bad byte is in the first block read, so the upload itself is refused
    expect((await refusedAtUpload('metrics-windows-1252.csv')).message).toMatch(/not UTF-8 text from line 2 \(it looks like (windows-1252|ISO-8859-1)\).*CSV UTF-8/);

    // an unclosed quote swallows the rest of the file, so only reading it all finds it: the job fails before writing
    const quote = await importFile('unbalanced-quote.csv', mapping);
    expect(quote).toMatchObject({ status: 'failed', importedRows: 0, processedRows: 0 });
    expect(quote.error).toMatch(/line 3: a quoted cell starts here and is never closed/);
    // a bad byte beyond the first block is found the same way
    const late = Buffer.concat([Buffer.from(`Department code,Academic year,Value\n${'HIST,2024-25,85.9\n'.repeat(20_000)}`), Buffer.from([0xe9, 0x0a])]);
    const lateJob = await importFile('late.csv', mapping, late);
    expect(lateJob).toMatchObject({ status: 'failed', importedRows: 0 });
    expect(lateJob.error).toMatch(/not UTF-8 text from line 20002/);

    const up = await uploadFile(tenant.manager, 'truncated.xlsx', fixture('truncated.xlsx'));
    // the workbook's directory is at its end: cut short, it cannot even be opened for its header
    expect(up.statusCode).toBe(400);
    expect(errorOf(up).message).toMatch(/not a complete Excel workbook/);
    expect(await f.values(tenant)).toEqual(before);
  });

  it('rejects cells a spreadsheet would run as formulas, row by row, and takes a negative number', async () => {
    const before = (await f.values(tenant)).length;
    const done = await importFile('metrics-formula.csv', { orgUnitCode: 'Department code', period: 'Academic year', value: 'Value' });
    expect(done).toMatchObject({ status: 'done', importedRows: 1, rejectedRows: 3 });
    const values = await f.values(tenant);
    expect(values.length).toBe(before);
    expect(values.find((v) => v.org_unit_id === units.COMP && v.period === '2024')?.value).toBe(-3.5);
    const errors = (await tenant.manager.get(`/api/v1/imports/${done.id}/errors.csv`)).body;
    expect(errors).toContain('2,Value,"looks like a spreadsheet formula');
    expect(errors).toContain('5,Value');
  });
});
