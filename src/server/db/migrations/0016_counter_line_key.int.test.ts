import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../test/db.ts';
import { counterLineKey } from '../counter-key.ts';
import { openDatabase, type DatabaseHandle } from '../database.ts';
import { migrate } from '../migrate.ts';

/* A database holding COUNTER usage under migration 0012's key keeps every row, now keyed by its line's digest. */

let h: DatabaseHandle;
let drop: () => Promise<void>;
const inst = '01a23500-0000-7000-8000-000000000001';
const line = (title: string, month: string, count: number, metric = 'Total_Item_Requests') => ({
  institution_id: inst, report_id: 'TR_J1', platform: 'Example Journals Online', platform_key: 'example journals online', title, title_key: title.toLowerCase(),
  item_key: '', publisher: null, doi: null, proprietary_id: null, isbn: null, print_issn: null, online_issn: null,
  data_type: 'Journal', access_type: 'Controlled', access_method: 'Regular', yop: '', metric_type: metric, month, count, import_job_id: null, updated_at: '2026-01-01T00:00:00.000Z',
});

beforeAll(async () => {
  const fresh = await freshDatabase();
  drop = fresh.drop;
  h = openDatabase(fresh.database);
  await migrate(h.db, h.dialect, '0015_planning_evidence');
  const now = '2026-01-01T00:00:00.000Z';
  await h.db.insertInto('institutions').values({ id: inst, name: 'Old Data University', created_at: now, updated_at: now } as never).execute();
  // 2,500 rows: more than one copying batch
  const rows = [];
  for (let i = 0; i < 1250; i++) for (const month of ['2025-01', '2025-02']) rows.push(line(`Journal ${i}`, month, i));
  for (let i = 0; i < rows.length; i += 500) await h.db.insertInto('counter_usage').values(rows.slice(i, i + 500) as never).execute();
  expect(await migrate(h.db, h.dialect)).toEqual(['0016_counter_line_key']);
});
afterAll(async () => {
  await h.close();
  await drop();
});

describe('migration 0016: COUNTER lines keyed by digest', () => {
  it('keeps every row and its count, each with the digest of its parts', async () => {
    const rows = await h.db.selectFrom('counter_usage').selectAll().orderBy('title_key').orderBy('month').execute();
    expect(rows).toHaveLength(2500);
    const j7 = rows.filter((r) => r.title === 'Journal 7');
    expect(j7.map((r) => [r.month, r.count])).toEqual([['2025-01', 7], ['2025-02', 7]]);
    for (const r of rows) expect(r.line_key).toBe(counterLineKey(r));
    expect(new Set(rows.map((r) => `${r.line_key} ${r.month}`)).size).toBe(2500);
  });

  it('refuses a second row for the same line and month, and takes a new metric type of the same title', async () => {
    const dup = { ...line('Journal 7', '2025-01', 99), line_key: counterLineKey(line('Journal 7', '2025-01', 99)) };
    await expect(h.db.insertInto('counter_usage').values(dup).execute()).rejects.toThrow();
    const other = line('Journal 7', '2025-01', 5, 'Unique_Item_Requests');
    await h.db.insertInto('counter_usage').values({ ...other, line_key: counterLineKey(other) }).execute();
    expect(await h.db.selectFrom('counter_usage').select('count').where('title', '=', 'Journal 7').where('month', '=', '2025-01').orderBy('count').execute()).toEqual([{ count: 5 }, { count: 7 }]);
  });
});
