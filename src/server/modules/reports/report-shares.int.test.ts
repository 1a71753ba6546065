import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedShareLinkDto, ShareLinkDto } from '../../../shared/contracts/plans.ts';
import type { ReportDataDto } from '../../../shared/contracts/reports.ts';
import { buildTestApp, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { movableClock } from '../../../../test/plans.ts';
import { relationshipFixtures } from '../../../../test/relationships.ts';

const START = '2026-03-15T12:00:00Z';
const clock = movableClock(START);
let t: TestApp;
let tenant: Tenant;
let other: Tenant;
const f = relationshipFixtures(() => t);
let comp: string;
let history: string;

const readShared = (token: string) => t.app.inject({ method: 'GET', url: `/api/v1/shared-reports/${token}` });

async function share(unit = comp, body: Record<string, unknown> = {}): Promise<CreatedShareLinkDto> {
  const res = await tenant.librarian.post(`/api/v1/reports/${unit}/2025/share-links`, { label: 'For the head of school', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CreatedShareLinkDto>();
}

beforeAll(async () => {
  t = await buildTestApp({ clock });
  [tenant, other] = await Promise.all([newTenant(t), newTenant(t)]);
  await f.loadVocab(tenant);
  comp = await f.orgUnit(tenant, 'School of Computing', 'department');
  history = await f.orgUnit(tenant, 'Department of History', 'department');
  await f.engage(tenant.librarian, tenant, { type: 'meeting', on: '2025-10-01', units: [comp] });
  await tenant.librarian.put(`/api/v1/reports/${comp}/2025`, { introduction: 'Our year together.', themes: ['Research data'] });
  for (const body of [
    { kind: 'quote', text: 'Said in confidence.', sourceText: 'Head of School', occurredOn: '2026-01-10', orgUnitIds: [comp] },
    { kind: 'quote', text: 'Happy to be quoted.', sourceText: 'Director of Teaching', consentRecorded: true, occurredOn: '2026-01-11', orgUnitIds: [comp] },
    { kind: 'student_comment', text: 'Anonymous and fine to share.', attribution: 'anonymous', occurredOn: '2026-01-12', orgUnitIds: [comp] },
  ]) expect((await tenant.librarian.post('/api/v1/evidence', body)).statusCode).toBe(201);
  await f.assess(tenant.librarian, { orgUnitId: comp, level: 'partner', assessedOn: '2025-12-01', rationale: 'Internal judgement' });
});
afterAll(() => t.close());

describe('sharing a report with its department', () => {
  it('a librarian makes a link; the partner reads the report without an account; each read is audited', async () => {
    const created = await share();
    expect(created.path).toBe(`/shared-report/${created.token}`);
    const res = await readShared(created.token);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<ReportDataDto>();
    expect(r.orgUnit.name).toBe('School of Computing');
    expect(r.narrative.introduction).toBe('Our year together.');
    expect(r.engagements.total).toBe(1);
    expect(res.headers['set-cookie']).toBeUndefined();
    const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/shared-reports/${created.token}/pdf` });
    expect([pdf.statusCode, pdf.headers['content-type'], pdf.rawPayload.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
    const views = await t.handle.db.selectFrom('audit_log').select(['action', 'user_id']).where('entity_type', '=', 'share_link').where('entity_id', '=', created.link.id).orderBy('at').orderBy('id').execute();
    expect(views).toEqual([{ action: 'create', user_id: expect.any(String) as unknown }, { action: 'view', user_id: null }, { action: 'view', user_id: null }]);
    const list = (await tenant.librarian.get(`/api/v1/reports/${comp}/2025/share-links`)).json<ShareLinkDto[]>();
    expect(list.map((l) => [l.id, l.active])).toEqual([[created.link.id, true]]);
    expect(list[0]?.lastUsedAt).not.toBeNull();
  });

  it('the department sees named evidence only where its source consented, and not the library’s reasoning on maturity', async () => {
    const { token } = await share();
    const shared = (await readShared(token)).json<ReportDataDto>();
    expect(shared.highlights.evidence.map((e) => e.text).sort()).toEqual(['Anonymous and fine to share.', 'Happy to be quoted.']);
    expect(shared.relationship.maturity).toMatchObject({ level: 'partner', rationale: null });
    const staff = (await tenant.viewer.get(`/api/v1/reports/${comp}/2025`)).json<ReportDataDto>();
    expect(staff.highlights.evidence.map((e) => e.text)).toContain('Said in confidence.');
    expect(staff.relationship.maturity?.rationale).toBe('Internal judgement');
  });

  it('a report never written can be shared: its row is made for it', async () => {
    const created = await share(history);
    expect((await readShared(created.token)).json<ReportDataDto>().orgUnit.name).toBe('Department of History');
  });

  it('a revoked link and an expired link both stop working, with the same answer as a made-up token', async () => {
    const revoked = await share();
    expect((await tenant.librarian.delete(`/api/v1/share-links/${revoked.link.id}`)).statusCode).toBe(204);
    const expiring = await share(comp, { expiresInDays: 1 });
    clock.set('2026-03-16T12:00:01Z');
    try {
      const answers = await Promise.all([readShared(revoked.token), readShared(expiring.token), readShared('x'.repeat(43)),
        t.app.inject({ method: 'GET', url: `/api/v1/shared-reports/${revoked.token}/pdf` })]);
      expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404]);
      expect(new Set(answers.map((a) => a.json<{ message: string }>().message)).size).toBe(1);
    } finally {
      clock.set(START);
    }
  });

  it('the token reaches this report only: not a session, not the staff API, not an action-plan link', async () => {
    const { token } = await share();
    for (const url of ['/api/v1/reports?year=2025', `/api/v1/reports/${comp}/2025`, '/api/v1/auth/me']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}`, cookie: `rapport_session=${token}` } });
      expect(res.statusCode, url).toBe(401);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/shared/${token}` })).statusCode).toBe(404);
  });

  it('viewers cannot share; another institution cannot share or list this department’s report', async () => {
    expect((await tenant.viewer.post(`/api/v1/reports/${comp}/2025/share-links`, {})).statusCode).toBe(403);
    expect((await other.manager.post(`/api/v1/reports/${comp}/2025/share-links`, {})).statusCode).toBe(404);
    expect((await other.manager.get(`/api/v1/reports/${comp}/2025/share-links`)).statusCode).toBe(404);
    expect((await tenant.librarian.post(`/api/v1/reports/${comp}/2025/share-links`, { expiresInDays: 1000 })).statusCode).toBe(400);
  });
});
