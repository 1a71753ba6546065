import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobDto, PreviewDto } from '../../../../shared/contracts/imports.ts';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../../test/app.ts';
import { jobWhenEnded, uploadFile } from '../../../../../test/imports.ts';
import { readRows, sniffFormat, withHeader } from '../reader/index.ts';

const DIR = join(import.meta.dirname, '../../../../../test/fixtures/imports/counter');
const fixture = (name: string) => readFileSync(join(DIR, name));
const fixtureText = (name: string) => fixture(name).toString('utf8');

let t: TestApp;
let tenant: Tenant;
let other: Tenant;

beforeAll(async () => {
  t = await buildTestApp();
  [tenant, other] = await Promise.all([newTenant(t), newTenant(t)]);
});
afterAll(() => t.close());

async function uploaded(name: string, content: Buffer | string = fixture(name), who = tenant): Promise<ImportJobDto> {
  const res = await uploadFile(who.manager, name, content, 'counter');
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ImportJobDto>();
}

/** Uploads, starts with the suggested mapping, waits for the end. */
async function imported(name: string, content?: Buffer | string, who = tenant): Promise<ImportJobDto> {
  const job = await uploaded(name, content, who);
  const start = await who.manager.post(`/api/v1/imports/${job.id}/start`, { mapping: job.mapping, options: {} });
  expect(start.statusCode, start.body).toBe(202);
  return jobWhenEnded(who.manager, job.id);
}

/** title → month → count for one report and metric type, as stored. */
async function counts(who: Tenant, reportId: string, metricType = 'Total_Item_Requests') {
  const rows = await t.handle.db.selectFrom('counter_usage').select(['title', 'month', 'count', 'yop', 'access_type'])
    .where('institution_id', '=', who.institutionId).where('report_id', '=', reportId).where('metric_type', '=', metricType).execute();
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    const key = r.yop ? `${r.title} (${r.yop} ${r.access_type})` : r.title;
    (out[key] ??= {})[r.month] = r.count;
  }
  return out;
}
const stored = (who: Tenant) => t.handle.db.selectFrom('counter_usage').select((eb) => eb.fn.countAll().as('n')).where('institution_id', '=', who.institutionId).executeTakeFirstOrThrow().then((r) => Number(r.n));

describe('COUNTER reports: the reader finds the header block, the separator and the table', () => {
  it.each([
    ['r5-tr_j1.tsv', 'tsv', 'TR_J1', '5', 12, 6, 'Jan-2025'],
    ['r51-tr.csv', 'csv', 'TR', '5.1', 13, 5, 'Apr-2025'],
    ['r5-dr_d1.xlsx', 'xlsx', 'DR_D1', '5', 12, 4, '2025-01-01'],
  ])('%s', async (name, format, reportId, release, headerRows, bodyRows, firstMonth) => {
    const path = join(DIR, name);
    expect(await sniffFormat(path, name)).toBe(format);
    const { header, headerLine, preamble, body } = await withHeader(readRows(path, format as 'csv'));
    expect(preamble).toMatchObject({ Report_ID: reportId, Release: release, Reporting_Period: expect.stringMatching(/^Begin_Date=2025-\d\d-01; End_Date=2025-/) as string });
    expect(Object.keys(preamble ?? {})).toHaveLength(headerRows);
    // header rows, one blank row, then the column headings
    expect(headerLine).toBe(headerRows + 2);
    expect(header).toContain('Metric_Type');
    expect(header).toContain(firstMonth);
    let n = 0;
    for await (const row of body) if (row.cells[0]) n++;
    expect(n).toBe(bodyRows);
  });

  it.each([['r5-tr_j1.tsv', 'tsv', 12, 6], ['r51-tr.csv', 'csv', 13, 5]] as const)('%s holds in CSV, TSV and XLSX alike', async (name, format, headerRows, bodyRows) => {
    const rows: string[][] = [];
    for await (const r of readRows(join(DIR, name), format)) rows.push(r.cells);
    const dir = mkdtempSync(join(tmpdir(), 'counter-'));
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Report');
      for (const r of rows) ws.addRow(r);
      await wb.xlsx.writeFile(join(dir, 'r.xlsx'));
      writeFileSync(join(dir, 'r.tsv'), rows.map((r) => r.join('\t')).join('\n'));
      writeFileSync(join(dir, 'r.csv'), rows.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\r\n'));
      for (const f of ['xlsx', 'tsv', 'csv'] as const) {
        const { header, headerLine, preamble, body } = await withHeader(readRows(join(dir, `r.${f}`), f));
        expect(Object.keys(preamble ?? {}), f).toHaveLength(headerRows);
        expect(headerLine, f).toBe(headerRows + 2);
        expect(header, f).toEqual(rows[headerRows + 1]);
        let n = 0;
        for await (const row of body) if (row.cells[0]) n++;
        expect(n, f).toBe(bodyRows);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps R5.1 header rows with empty values', async () => {
    const { preamble } = await withHeader(readRows(join(DIR, 'r51-tr.csv'), 'csv'));
    expect(preamble).toMatchObject({ Institution_ID: '', Metric_Types: '', Exceptions: '', Registry_Record: expect.stringContaining('registry.projectcounter.org') as string });
  });
});

describe('COUNTER import: reports in, counts per month out', () => {
  it('only managers and admins import usage', async () => {
    expect((await uploadFile(tenant.librarian, 'r5-tr_j1.tsv', fixture('r5-tr_j1.tsv'), 'counter')).statusCode).toBe(403);
    const sources = (await tenant.viewer.get('/api/v1/imports/sources')).json<{ items: { key: string; minRole: string; description: string }[] }>();
    expect(sources.items.find((s) => s.key === 'counter')).toMatchObject({ minRole: 'manager', description: expect.stringContaining('institution-level') as string });
  });

  it('an R5 TR_J1 TSV: the preamble shows on the job, the header block is not counted, every month is stored', async () => {
    const job = await uploaded('r5-tr_j1.tsv');
    expect(job.preamble).toMatchObject({ Report_Name: 'Journal Requests (Excluding OA_Gold)', Report_ID: 'TR_J1', Created_By: 'Example Journals Online' });
    expect(job.mapping).toEqual({
      title: 'Title', metricType: 'Metric_Type', total: 'Reporting_Period_Total', platform: 'Platform', publisher: 'Publisher',
      printIssn: 'Print_ISSN', onlineIssn: 'Online_ISSN', doi: 'DOI', proprietaryId: 'Proprietary_ID',
    });
    const preview = (await tenant.manager.post(`/api/v1/imports/${job.id}/preview`, { mapping: job.mapping, options: {} })).json<PreviewDto>();
    expect(preview).toMatchObject({ checked: 6, rejected: 0 });
    expect(preview.rows[0]?.line).toBe(15);
    expect(await stored(tenant)).toBe(0);
    await tenant.manager.post(`/api/v1/imports/${job.id}/start`, { mapping: job.mapping, options: {} });
    expect(await jobWhenEnded(tenant.manager, job.id)).toMatchObject({ status: 'done', totalRows: 6, processedRows: 6, importedRows: 6, rejectedRows: 0 });
    expect(await counts(tenant, 'TR_J1')).toEqual({
      'Journal of Computing Research': { '2025-01': 120, '2025-02': 95, '2025-03': 143 },
      'Medieval History Review': { '2025-01': 40, '2025-02': 0, '2025-03': 22 },
      'Law and Society Quarterly': { '2025-01': 15, '2025-02': 12, '2025-03': 9 },
    });
    expect((await counts(tenant, 'TR_J1', 'Unique_Item_Requests'))['Journal of Computing Research']).toEqual({ '2025-01': 80, '2025-02': 61, '2025-03': 99 });
    const row = await t.handle.db.selectFrom('counter_usage').selectAll().where('institution_id', '=', tenant.institutionId).where('title', '=', 'Law and Society Quarterly').where('month', '=', '2025-01').where('metric_type', '=', 'Total_Item_Requests').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ platform: 'Example Journals Online', publisher: 'Other House', print_issn: null, online_issn: '5678-9012', proprietary_id: 'EJO:LSQ', title_key: 'law and society quarterly', item_key: 'ejo:lsq', import_job_id: job.id });
  });

  it('re-importing an overlapping period rewrites those months, drops lines the newer report leaves out, keeps the others', async () => {
    const again = await imported('r5-tr_j1.tsv');
    expect(again).toMatchObject({ status: 'done', importedRows: 6 });
    expect(await stored(tenant)).toBe(18);
    const later = await imported('r5-tr_j1-feb-apr.tsv');
    expect(later).toMatchObject({ status: 'done', totalRows: 4, importedRows: 4 });
    expect(await counts(tenant, 'TR_J1')).toEqual({
      'Journal of Computing Research': { '2025-01': 120, '2025-02': 96, '2025-03': 150, '2025-04': 170 },
      // not listed Feb–Apr: no use in those months, so the earlier Feb and Mar figures go; January stays
      'Medieval History Review': { '2025-01': 40 },
      'Law and Society Quarterly': { '2025-01': 15, '2025-02': 12, '2025-03': 9, '2025-04': 4 },
    });
  });

  it('an R5.1 TR CSV: breakdown by YOP and access type kept apart, each a row of its own', async () => {
    const job = await uploaded('r51-tr.csv');
    expect(job.preamble).toMatchObject({ Release: '5.1', Report_ID: 'TR', Institution_ID: '' });
    // the mapping remembered from the TR_J1 report fits this file too; the breakdown columns it does not
    // name are matched from this file's headers, so the lines stay apart
    expect(job.mapping).toMatchObject({ yop: 'YOP', accessType: 'Access_Type' });
    await tenant.manager.post(`/api/v1/imports/${job.id}/start`, { mapping: job.mapping, options: {} });
    expect(await jobWhenEnded(tenant.manager, job.id)).toMatchObject({ status: 'done', totalRows: 5, importedRows: 5 });
    expect(await counts(tenant, 'TR')).toEqual({
      'Introduction to Algorithms, Fourth Edition (2022 Controlled)': { '2025-04': 30, '2025-05': 45, '2025-06': 12 },
      'Medieval History Review (2024 Controlled)': { '2025-04': 8, '2025-05': 5, '2025-06': 0 },
      'Medieval History Review (2025 Open)': { '2025-04': 3, '2025-05': 4, '2025-06': 6 },
      'Open Chemistry Letters (2025 Open)': { '2025-04': 7, '2025-05': 0, '2025-06': 2 },
    });
    expect(Object.keys(await counts(tenant, 'TR', 'Unique_Title_Requests'))).toEqual(['Introduction to Algorithms, Fourth Edition (2022 Controlled)']);
  });

  it('an R5 DR_D1 workbook whose month headings are dates', async () => {
    const job = await imported('r5-dr_d1.xlsx');
    expect(job).toMatchObject({ status: 'done', format: 'xlsx', totalRows: 4, importedRows: 4, preamble: { Report_ID: 'DR_D1' } });
    expect(await counts(tenant, 'DR_D1', 'Searches_Regular')).toEqual({
      'Historical Newspapers Archive': { '2025-01': 210, '2025-02': 180 },
      'Legal Cases Database': { '2025-01': 64, '2025-02': 70 },
    });
  });

  it('a line whose Reporting_Period_Total does not add up, a count that is not a number or an unknown metric type is a row problem', async () => {
    const before = await counts(other, 'TR_J1');
    expect(before).toEqual({});
    const bad = fixtureText('r5-bad-total.tsv').replace('Law and Society Quarterly\tOther House\t\tExample Journals Online\t\tEJO:LSQ\t\t5678-9012\t\tUnique_Item_Requests', 'Law and Society Quarterly\tOther House\t\tExample Journals Online\t\tEJO:LSQ\t\t5678-9012\t\tUnique_Things');
    const job = await imported('r5-bad-total.tsv', bad.replace(/(Medieval History Review.*Unique_Item_Requests\t48\t31\t)0/, '$1lots'), other);
    expect(job).toMatchObject({ status: 'done', totalRows: 6, importedRows: 3, rejectedRows: 3 });
    const lines = (await other.viewer.get(`/api/v1/imports/${job.id}/errors.csv`)).body.replace(/^\uFEFF/, '').trim().split('\n').slice(1);
    expect(lines).toEqual([
      '15,Reporting_Period_Total,"is 368, but the month columns add up to 358"',
      '18,Feb-2025,“lots” is not a whole number of uses',
      '20,Metric_Type,“Unique_Things” is not a COUNTER Release 5 metric type (such as Total_Item_Requests)',
    ]);
    expect(Object.keys(await counts(other, 'TR_J1'))).toEqual(['Medieval History Review', 'Law and Society Quarterly']);
  });

  it('a title of 1,000 characters in a non-Latin script, on a long platform and identifier, imports on either database', async () => {
    // deterministic CJK text: it does not compress, so only a fixed-size key keeps PostgreSQL's index entry small
    let seed = 7;
    const cjk = (n: number) => Array.from({ length: n }, () => String.fromCodePoint(0x4e00 + ((seed = (seed * 48_271) % 2_147_483_647) % 20_000))).join('');
    const [title, platform, id] = [cjk(1000), cjk(300), cjk(300)];
    const lines = fixtureText('r5-tr_j1.tsv').split('\n').map((l) => {
      if (!l.startsWith('Journal of Computing Research')) return l;
      const cells = l.split('\t');
      [cells[0], cells[3], cells[5]] = [title, platform, id];
      return cells.join('\t');
    });
    const job = await imported('long-title.tsv', lines.join('\n'), other);
    expect(job).toMatchObject({ status: 'done', totalRows: 6, importedRows: 6, rejectedRows: 0 });
    expect((await counts(other, 'TR_J1'))[title]).toEqual({ '2025-01': 120, '2025-02': 95, '2025-03': 143 });
    // importing it again rewrites the same rows: two metric types × three months
    await imported('long-title.tsv', lines.join('\n'), other);
    const rows = await t.handle.db.selectFrom('counter_usage').select('month').where('institution_id', '=', other.institutionId).where('title', '=', title).execute();
    expect(rows).toHaveLength(6);
  });
});

describe('COUNTER import: files it cannot read are refused on upload, before anything is written', () => {
  const r5 = fixtureText('r5-tr_j1.tsv');

  /** Refused at upload, naming the file, with no import left behind. */
  async function refusedAtUpload(name: string, content: string, message: RegExp) {
    const res = await uploadFile(other.manager, name, content, 'counter');
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res).details?.[0]).toMatchObject({ field: 'file', message: expect.stringMatching(message) as string });
  }

  it('a header block with no blank row after it is refused on upload', async () => {
    const before = await stored(other);
    const res = await uploadFile(other.manager, 'r5-no-separator.tsv', fixture('r5-no-separator.tsv'), 'counter');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).details?.[0]).toMatchObject({ field: 'file', message: expect.stringContaining('no blank row') as string });
    // with a blank row further down, the block runs on into the table: the headings in the block give it away
    const lines = r5.replace('Created_By\tExample Journals Online\n\n', 'Created_By\tExample Journals Online\n').split('\n');
    const long = [...lines.slice(0, 16), '', ...lines.slice(16)].join('\n');
    await refusedAtUpload('long.tsv', long, /blank row between the header block and the table is missing/);
    expect(await stored(other)).toBe(before);
  });

  it('a file with no COUNTER header block, a report it does not read, another release, no month columns, a period that does not match', async () => {
    const before = await stored(other);
    const jobs = (await other.manager.get('/api/v1/imports')).json<{ total: number }>().total;
    await refusedAtUpload('plain.csv', 'Title,Metric_Type,Jan-2025\nJournal of X,Total_Item_Requests,4\n', /no COUNTER header block/);
    await refusedAtUpload('ir.tsv', r5.replace('Report_ID\tTR_J1', 'Report_ID\tIR_A1'), /is a IR_A1 report: this import reads TR, TR_J1/);
    await refusedAtUpload('r4.tsv', r5.replace('Release\t5\n', 'Release\t4\n'), /Release 4 report/);
    await refusedAtUpload('no-months.tsv', r5.replace(/\t(Jan|Feb|Mar)-2025/g, '\tNote $1').replace('Note Jan', 'Comment'), /no month columns/);
    await refusedAtUpload('period.tsv', r5.replace('End_Date=2025-03-31', 'End_Date=2025-04-30'), /Reporting_Period \(2025-01 to 2025-04\) does not match its month columns \(2025-01 to 2025-03, 3 months\)/);
    await refusedAtUpload('garbled.tsv', r5.replace('Begin_Date=2025-01-01; End_Date=2025-03-31', 'last quarter'), /Reporting_Period “last quarter” is not Begin_Date/);
    expect(await stored(other)).toBe(before);
    expect((await other.manager.get('/api/v1/imports')).json<{ total: number }>().total).toBe(jobs);
  });
});
