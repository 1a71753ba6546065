import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { engagementFixtures } from '../../../../test/engagements.ts';
import type { EngagementDto } from '../../../shared/contracts/engagements.ts';
import type { EngagementTable } from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';

let t: TestApp;
let a: Tenant;
const { loadVocab, types, themes, unit, log } = engagementFixtures(() => t);
type Page = { items: EngagementDto[]; total: number; page: number; pageSize: number };

beforeAll(async () => {
  t = await buildTestApp({ env: { LOGIN_RATE_LIMIT: '100' } });
  a = await newTenant(t);
  await loadVocab(a);
});
afterAll(() => t?.close());

describe('engagements: CSV export', () => {
  it('escapes formulas and uses the documented columns', async () => {
    const dept = await unit(a, 'CSV Dept');
    await log(a.librarian, a, { orgUnitIds: [dept], summary: '=HYPERLINK("http://evil")', outcome: '+1', themeIds: [themes(a).skills] });
    const res = await a.viewer.get('/api/v1/engagements.csv?q=HYPERLINK');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('id,occurred_on,type,summary,outcome,follow_up,initiated_by,duration_minutes,attendance,org_units,people,staff,themes');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")",'+1,,library,,,CSV Dept,,librarian `);
    expect(lines[1]).toMatch(/,Skills$/);
  });

  it('pages with a keyset across more than 200 rows: every engagement exactly once, newest first', async () => {
    const d = await newTenant(t);
    await loadVocab(d);
    const dept = await unit(d, 'Bulk Dept');
    const other = await unit(d, 'Other Dept');
    const now = new Date().toISOString();
    // three dates only, so ties on the date straddle the 200-row page boundaries and the id must break them
    const rows: EngagementTable[] = Array.from({ length: 470 }, (_, i) => ({
      id: newId(), institution_id: d.institutionId, type_id: types(d).email ?? '', occurred_on: ['2024-01-01', '2024-02-01', '2024-03-01'][i % 3] ?? '',
      duration_minutes: null, summary: `Bulk ${i}`, outcome: null, follow_up: null, initiated_by: 'library', attendance: null, milestone: null,
      created_by: d.librarian.userId, created_at: now, updated_at: now,
    }));
    await t.handle.db.insertInto('engagements').values(rows).execute();
    await t.handle.db.insertInto('engagement_org_units').values(rows.map((r, i) => ({ engagement_id: r.id, org_unit_id: i < 450 ? dept : other, institution_id: d.institutionId, occurred_on: r.occurred_on, type_id: r.type_id, initiated_by: r.initiated_by }))).execute();

    const parse = (body: string) => body.replace(/^\uFEFF/, '').trim().split('\n').slice(1).map((l) => l.split(','));
    const lines = parse((await d.viewer.get(`/api/v1/engagements.csv?orgUnitId=${dept}`)).body);
    const got = lines.map((l) => l[0]);
    expect(got).toHaveLength(450);
    expect(new Set(got).size).toBe(450);
    expect([...got].sort()).toEqual(rows.slice(0, 450).map((r) => r.id).sort());
    const dates = lines.map((l) => l[1] ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(lines.every((l) => l[9] === 'Bulk Dept')).toBe(true);

    const all = parse((await d.viewer.get('/api/v1/engagements.csv?order=asc')).body).map((l) => l[0]);
    expect(all).toHaveLength(470);
    expect(new Set(all).size).toBe(470);
    expect((await d.viewer.get(`/api/v1/engagements?orgUnitId=${dept}&pageSize=200&page=3`)).json<Page>()).toMatchObject({ total: 450, page: 3 });
  });
});
