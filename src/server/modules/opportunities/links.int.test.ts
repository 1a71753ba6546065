import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NudgesDto } from '../../../shared/contracts/nudges.ts';
import type { OpportunityDetailDto } from '../../../shared/contracts/opportunities.ts';
import { buildTestApp, errorOf, newTenant, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';
import { movableClock, movingClockEnv, opportunityFixtures, titles } from '../../../../test/opportunities.ts';

/*
 * What an opportunity came from and what moved it on: the evidence it was spotted in (issue 5's
 * "a link to the engagement or evidence it came from"), and engagements linked one at a time from
 * either side, which is how "going cold" is cleared.
 */
const clock = movableClock('2026-03-15');
let t: TestApp;
let a: Tenant;
let b: Tenant;
const f = opportunityFixtures(() => t);
const ids = { unit: '', bUnit: '' };
const fields = (res: Parameters<typeof errorOf>[0]) => errorOf(res).details?.map((d) => d.field);
const audits = (id: string) =>
  t.handle.db.selectFrom('audit_log').select(['action', 'changes']).where('entity_type', '=', 'opportunity').where('entity_id', '=', id).orderBy('at').orderBy('id').execute();

async function evidence(agent: Agent, text: string, over: Record<string, unknown> = {}): Promise<string> {
  const res = await agent.post('/api/v1/evidence', { kind: 'external_examiner', text, sourceText: 'External examiner, 2025', occurredOn: '2026-02-20', ...over });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}
const link = (agent: Agent, id: string, engagementId: string) => agent.post(`/api/v1/opportunities/${id}/engagements`, { engagementId });
const unlink = (agent: Agent, id: string, engagementId: string) => agent.delete(`/api/v1/opportunities/${id}/engagements/${engagementId}`);

beforeAll(async () => {
  t = await buildTestApp({ clock, env: movingClockEnv });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  await Promise.all([f.loadVocab(a), f.loadVocab(b)]);
  ids.unit = await f.unit(a, 'School of Law');
  ids.bUnit = await f.unit(b, 'B School');
});
afterAll(() => t?.close());

describe('opportunities: the evidence it came from', () => {
  it('is named by kind, date and an excerpt; changed and cleared by PATCH; audited', async () => {
    clock.set('2026-03-15');
    const long = `The examiner noted that ${'referencing across the dissertations was inconsistent and '.repeat(4)}needs attention.`;
    const report = await evidence(a.librarian, long);
    const survey = await evidence(a.librarian, 'NSS: 61% agree library resources support their learning', { kind: 'survey_result', occurredOn: '2026-01-10' });
    const o = await f.create(a.librarian, { title: 'Referencing clinic', triggerKind: 'external_examiner', triggerEvidenceId: report, orgUnitIds: [ids.unit] });
    expect(o.trigger.engagement).toBeNull();
    expect(o.trigger.evidence).toMatchObject({ id: report, kind: 'external_examiner', occurredOn: '2026-02-20' });
    const excerpt = o.trigger.evidence?.excerpt ?? '';
    expect(excerpt.startsWith('The examiner noted that referencing')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(160);
    expect((await f.list(a.viewer, '?q=Referencing%20clinic')).items[0]?.trigger.evidence?.id).toBe(report);

    const moved = await a.librarian.patch(`/api/v1/opportunities/${o.id}`, { triggerEvidenceId: survey });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<OpportunityDetailDto>().trigger.evidence).toEqual({
      id: survey, kind: 'survey_result', excerpt: 'NSS: 61% agree library resources support their learning', occurredOn: '2026-01-10',
    });
    const kept = await a.librarian.patch(`/api/v1/opportunities/${o.id}`, { title: 'Referencing clinics' });
    expect(kept.json<OpportunityDetailDto>().trigger.evidence?.id).toBe(survey);
    const cleared = await a.librarian.patch(`/api/v1/opportunities/${o.id}`, { triggerEvidenceId: null });
    expect(cleared.json<OpportunityDetailDto>().trigger.evidence).toBeNull();
    const trail = await audits(o.id);
    expect(JSON.parse(trail[0]?.changes ?? '{}')).toMatchObject({ trigger_evidence_id: { after: report } });
    expect(JSON.parse(trail[1]?.changes ?? '{}')).toMatchObject({ trigger_evidence_id: { before: report, after: survey } });
  });

  it("400 naming triggerEvidenceId for another institution's or unknown evidence; nothing written", async () => {
    const theirs = await evidence(b.librarian, 'Their examiner');
    const o = await f.create(a.librarian, { title: 'Stays as it was' });
    for (const bad of [theirs, 'no-such-evidence']) {
      const created = await a.librarian.post('/api/v1/opportunities', { title: 'Bad evidence', triggerKind: 'other', triggerEvidenceId: bad });
      expect([created.statusCode, fields(created)]).toEqual([400, ['triggerEvidenceId']]);
      const patched = await a.librarian.patch(`/api/v1/opportunities/${o.id}`, { triggerEvidenceId: bad, title: 'Changed' });
      expect([patched.statusCode, fields(patched)]).toEqual([400, ['triggerEvidenceId']]);
    }
    expect((await f.list(a.viewer, '?q=Bad%20evidence')).total).toBe(0);
    expect(await f.get(a.viewer, o.id)).toMatchObject({ title: 'Stays as it was', trigger: { evidence: null } });
    expect((await audits(o.id)).map((x) => x.action)).toEqual(['create']);
  });

  it('deleting the evidence keeps the opportunity and clears the link', async () => {
    const quote = await evidence(a.librarian, 'Students asked for help with case law databases', { kind: 'feedback' });
    const o = await f.create(a.librarian, { title: 'Case law databases', triggerEvidenceId: quote });
    expect((await a.librarian.delete(`/api/v1/evidence/${quote}`)).statusCode).toBe(204);
    expect(await f.get(a.viewer, o.id)).toMatchObject({ title: 'Case law databases', trigger: { evidence: null } });
  });
});

describe('opportunities: linking engagements one at a time', () => {
  it('401, 403 for a viewer, 404 for another institution, 400 naming engagementId', async () => {
    const o = await f.create(a.librarian, { title: 'Link checks', orgUnitIds: [ids.unit] });
    const mine = await f.log(a.librarian, a, { orgUnitIds: [ids.unit] });
    const theirs = await f.log(b.librarian, b, { orgUnitIds: [ids.bUnit] });
    const anonymous = await t.app.inject({ method: 'POST', url: `/api/v1/opportunities/${o.id}/engagements`, payload: { engagementId: mine.id } });
    expect(anonymous.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/opportunities/${o.id}/engagements/${mine.id}` })).statusCode).toBe(401);
    expect((await link(a.viewer, o.id, mine.id)).statusCode).toBe(403);
    expect((await unlink(a.viewer, o.id, mine.id)).statusCode).toBe(403);
    expect((await link(b.admin, o.id, theirs.id)).statusCode).toBe(404);
    expect((await link(b.admin, o.id, mine.id)).statusCode).toBe(404);
    for (const bad of [theirs.id, 'no-such-engagement']) {
      const res = await link(a.librarian, o.id, bad);
      expect([res.statusCode, fields(res)]).toEqual([400, ['engagementId']]);
    }
    const noBody = await a.librarian.post(`/api/v1/opportunities/${o.id}/engagements`, { engagementId: mine.id, also: 1 });
    expect([noBody.statusCode, fields(noBody)]).toEqual([400, ['also']]);
    expect((await f.get(a.viewer, o.id)).engagements).toEqual([]);
    expect((await audits(o.id)).map((x) => x.action)).toEqual(['create']);
  });

  it('logging an engagement and linking it clears "going cold" (and its nudge); unlinking brings it back; the trigger stays', async () => {
    clock.set('2026-03-01');
    const spottedIn = await f.log(a.librarian, a, { occurredOn: '2026-02-27', summary: 'Programme board', orgUnitIds: [ids.unit] });
    const o = await f.create(a.librarian, { title: 'Moot court research guide', triggerEngagementId: spottedIn.id, orgUnitIds: [ids.unit] });
    clock.set('2026-03-20');
    const feed = async () => (await a.librarian.get('/api/v1/nudges')).json<NudgesDto>().items.filter((n) => n.kind === 'opportunity_cold' && n.href === `/opportunities/${o.id}`);
    expect((await f.get(a.viewer, o.id)).cold?.reason).toContain('No engagement or stage change for 19 days');
    expect(await feed()).toHaveLength(1);

    const today = await f.log(a.librarian, a, { occurredOn: '2026-03-20', summary: 'Coffee with the moot court lead', orgUnitIds: [ids.unit] });
    const linked = await link(a.librarian, o.id, today.id);
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json<OpportunityDetailDto>()).toMatchObject({ cold: null, lastActivityOn: '2026-03-20', engagements: [{ id: today.id }, { id: spottedIn.id }] });
    expect(await feed()).toEqual([]);
    expect((await f.list(a.viewer, `?engagementId=${today.id}`)).items.map((x) => x.id)).toEqual([o.id]);
    expect(titles((await f.list(a.viewer, `?engagementId=${spottedIn.id}`)).items)).toEqual(['Moot court research guide']);

    const again = await link(a.librarian, o.id, today.id);
    expect(again.json<OpportunityDetailDto>().engagements).toHaveLength(2);
    const trigger = await unlink(a.librarian, o.id, spottedIn.id);
    expect([trigger.statusCode, errorOf(trigger).code, fields(trigger)]).toEqual([409, 'CONFLICT', ['engagementId']]);
    const unlinked = await unlink(a.librarian, o.id, today.id);
    expect(unlinked.json<OpportunityDetailDto>()).toMatchObject({ engagements: [{ id: spottedIn.id }], lastActivityOn: '2026-03-01' });
    expect(unlinked.json<OpportunityDetailDto>().cold).not.toBeNull();
    expect((await unlink(a.librarian, o.id, today.id)).statusCode).toBe(404);
    expect((await f.list(a.viewer, `?engagementId=${today.id}`)).total).toBe(0);

    // the link, not its repeat, and the unlink are audited; a refused unlink is not
    const trail = (await audits(o.id)).map((x) => ({ action: x.action, engagementIds: (JSON.parse(x.changes) as { engagementIds?: { after?: string[] } }).engagementIds?.after }));
    expect(trail).toEqual([
      { action: 'create', engagementIds: [spottedIn.id] },
      { action: 'update', engagementIds: [spottedIn.id, today.id].sort() },
      { action: 'update', engagementIds: [spottedIn.id] },
    ]);
  });
});
