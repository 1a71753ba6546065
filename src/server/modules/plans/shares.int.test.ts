import { createHash } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionPlanDto, CreatedShareLinkDto, SharedPlanDto, ShareLinkDto } from '../../../shared/contracts/plans.ts';
import { buildTestApp, errorOf, newTenant, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';
import { fieldsOf, movableClock, planFixtures } from '../../../../test/plans.ts';

/** Today is 15 March 2025 in Europe/London. */
const START = '2025-03-15T12:00:00Z';
const clock = movableClock(START);
const INVALID = 'This link is not valid: it may have expired or been revoked';

let t: TestApp;
let a: Tenant;
let b: Tenant;
const f = planFixtures(() => t);
const plans = { a: '', other: '', b: '' };
const fields = fieldsOf;

/** A partner's request: no cookie, no CSRF token, JSON when there is a body. */
const anon = (method: InjectOptions['method'], url: string, payload?: unknown) =>
  t.app.inject({ method, url, ...(payload !== undefined ? { headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) } : {}) });

async function share(agent: Agent, planId: string, body: Record<string, unknown> = {}): Promise<CreatedShareLinkDto> {
  const res = await agent.post(`/api/v1/action-plans/${planId}/share-links`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CreatedShareLinkDto>();
}

/** The writes made through a link: audit rows on other records that name the link in their values. */
const uses = (linkId: string) =>
  t.handle.db.selectFrom('audit_log').select(['action', 'entity_type', 'entity_id', 'user_id', 'changes'])
    .where('changes', 'like', `%${linkId}%`).where('entity_id', '!=', linkId).orderBy('at').orderBy('id').execute();

beforeAll(async () => {
  t = await buildTestApp({ clock });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  await f.loadVocab(a);
  const unit = await f.unit(a, 'Architecture');
  const other = await f.unit(a, 'Secret Department');
  const bUnit = await f.unit(b, 'B Architecture');
  plans.a = (await f.plan(a.librarian, unit, 2024)).id;
  plans.other = (await f.plan(a.librarian, other, 2024)).id;
  plans.b = (await f.plan(b.librarian, bUnit, 2024)).id;
  const objective = await f.objective(a.librarian, plans.a, 'Studio research skills', (await f.goals(a)).Skills);
  const met = await f.log(a.librarian, a, { summary: 'Confidential budget meeting', occurredOn: '2025-02-01', orgUnitIds: [unit] });
  await f.action(a.librarian, plans.a, {
    title: 'Precedent-study workshop', objectiveId: objective, ownerId: a.librarian.userId, partnerPersonId: await f.person(a, 'Prof. Zaha Lee'),
    dueOn: '2025-05-01', notes: 'Internal: head of school is sceptical', engagementIds: [met.id],
  });
  await f.action(a.librarian, plans.other, { title: 'Not for the partner of Architecture' });
});
afterAll(() => t?.close());

describe('share links: making and listing', () => {
  it('gives the token once, stores only its hash, and lists links newest first', async () => {
    const made = await share(a.librarian, plans.a, { label: 'Head of School', expiresInDays: 14 });
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(made.path).toBe(`/shared/${made.token}`);
    expect(made.link).toEqual({
      id: expect.any(String) as string, label: 'Head of School', createdBy: { id: a.librarian.userId, name: (expect.stringMatching(/^librarian /) as string) },
      createdAt: '2025-03-15T12:00:00.000Z', expiresAt: '2025-03-29T12:00:00.000Z', revokedAt: null, lastUsedAt: null, active: true,
    });
    const row = await t.handle.db.selectFrom('share_links').selectAll().where('id', '=', made.link.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(made.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(made.token);
    const audit = await t.handle.db.selectFrom('audit_log').select(['action', 'entity_type', 'user_id', 'changes']).where('entity_id', '=', made.link.id).execute();
    expect(audit.map((x) => [x.action, x.entity_type, x.user_id])).toEqual([['create', 'share_link', a.librarian.userId]]);
    expect(audit[0]?.changes).not.toContain(made.token);

    clock.set('2025-03-15T12:05:00Z');
    const later = await share(a.librarian, plans.a);
    clock.set(START);
    expect(later.link).toMatchObject({ label: null, expiresAt: '2025-04-14T12:05:00.000Z' });
    const list = await a.librarian.get(`/api/v1/action-plans/${plans.a}/share-links`);
    expect(list.json<ShareLinkDto[]>().map((l) => l.id).slice(0, 2)).toEqual([later.link.id, made.link.id]);
  });

  it('400 for too long a link or an unknown field; 404 for a plan or link elsewhere', async () => {
    const url = `/api/v1/action-plans/${plans.a}/share-links`;
    expect(errorOf(await a.librarian.post(url, { expiresInDays: 91 })).details).toEqual([{ field: 'expiresInDays', message: 'must be 90 days or fewer' }]);
    expect(fields(await a.librarian.post(url, { expiresInDays: 0 }))).toEqual(['expiresInDays']);
    expect(fields(await a.librarian.post(url, { token: 'mine' }))).toEqual(['token']);
    expect((await b.librarian.post(url, {})).statusCode).toBe(404);
    expect((await b.librarian.get(url)).statusCode).toBe(404);
    const link = await share(a.librarian, plans.a);
    expect((await b.manager.delete(`/api/v1/share-links/${link.link.id}`)).statusCode).toBe(404);
    expect((await anon('GET', `/api/v1/shared/${link.token}`)).statusCode).toBe(200);
  });
});

describe('share links: the partner', () => {
  it('reads the plan without an account, without internal notes or engagements; every read audited', async () => {
    const { token, link } = await share(a.librarian, plans.a, { label: 'For reading' });
    const res = await anon('GET', `/api/v1/shared/${token}`);
    expect(res.statusCode, res.body).toBe(200);
    const shared = res.json<SharedPlanDto>();
    expect(shared).toEqual({
      institution: { name: (expect.stringMatching(/^University /) as string) },
      expiresAt: link.expiresAt,
      plan: {
        orgUnit: { name: 'Architecture' }, year: 2024, yearLabel: '2024–25', status: 'draft', agreedBy: null, agreedOn: null, agreedVia: null,
        objectives: [{ id: expect.any(String) as string, title: 'Studio research skills', goal: 'Skills' }],
        actions: [{
          id: expect.any(String) as string, objectiveId: shared.plan.objectives[0]?.id, title: 'Precedent-study workshop', owner: (expect.stringMatching(/^librarian /) as string),
          partner: 'Prof. Zaha Lee', dueOn: '2025-05-01', status: 'not_started',
        }],
        comments: [],
      },
    });
    expect(res.body).not.toContain('sceptical');
    expect(res.body).not.toContain('Confidential budget');
    expect(res.body).not.toContain(plans.a);

    const audit = await t.handle.db.selectFrom('audit_log').selectAll().where('entity_id', '=', link.id).where('action', '=', 'view').execute();
    expect(audit.map((x) => [x.entity_type, x.user_id, x.institution_id, JSON.parse(x.changes) as unknown])).toEqual([
      ['share_link', null, a.institutionId, { subject_id: { before: null, after: plans.a } }],
    ]);
    const listed = (await a.librarian.get(`/api/v1/action-plans/${plans.a}/share-links`)).json<ShareLinkDto[]>().find((l) => l.id === link.id);
    expect(listed?.lastUsedAt).toBe('2025-03-15T12:00:00.000Z');
  });

  it('agrees the plan (a draft becomes agreed, via the link) and comments; each use audited', async () => {
    const { token, link } = await share(a.librarian, plans.a);
    clock.set('2025-03-15T14:00:00Z');
    const agreed = await anon('POST', `/api/v1/shared/${token}/agreement`, { name: 'Prof. Zaha Lee', comment: 'Happy with this; add a session in week 3.' });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json<SharedPlanDto>().plan).toMatchObject({
      status: 'agreed', agreedBy: 'Prof. Zaha Lee', agreedOn: '2025-03-15', agreedVia: 'share_link',
      comments: [{ authorName: 'Prof. Zaha Lee', via: 'share_link', body: 'Happy with this; add a session in week 3.', createdAt: '2025-03-15T14:00:00.000Z' }],
    });
    clock.set('2025-03-15T15:00:00Z');
    const commented = await anon('POST', `/api/v1/shared/${token}/comments`, { name: 'Dr Sam Okoye', body: 'Week 3 works for the first years.' });
    clock.set(START);
    expect(commented.statusCode, commented.body).toBe(201);
    expect(commented.json<SharedPlanDto>().plan.comments.map((c) => c.authorName)).toEqual(['Prof. Zaha Lee', 'Dr Sam Okoye']);

    const staff = (await a.viewer.get(`/api/v1/action-plans/${plans.a}`)).json<ActionPlanDto>();
    expect(staff).toMatchObject({ status: 'agreed', agreedBy: 'Prof. Zaha Lee', agreedOn: '2025-03-15', agreedVia: 'share_link' });
    expect(staff.comments.map((c) => [c.via, c.body])).toEqual([['share_link', 'Happy with this; add a session in week 3.'], ['share_link', 'Week 3 works for the first years.']]);
    const rows = await t.handle.db.selectFrom('plan_comments').select(['user_id', 'author_name']).where('plan_id', '=', plans.a).execute();
    expect(rows.every((r) => r.user_id === null)).toBe(true);

    const trail = await uses(link.id);
    expect(trail.map((x) => [x.action, x.entity_type, x.user_id])).toEqual([
      ['update', 'action_plan', null], ['create', 'plan_comment', null], ['create', 'plan_comment', null],
    ]);
    expect(JSON.parse(trail[0]?.changes ?? '{}')).toMatchObject({
      status: { before: 'draft', after: 'agreed' }, agreed_via: { before: null, after: 'share_link' }, share_link_id: { before: null, after: link.id },
    });
    expect(trail[0]?.entity_id).toBe(plans.a);
    const listed = (await a.librarian.get(`/api/v1/action-plans/${plans.a}/share-links`)).json<ShareLinkDto[]>().find((l) => l.id === link.id);
    expect(listed?.lastUsedAt).toBe('2025-03-15T15:00:00.000Z');
  });

  it('a plan already under way keeps its status when the partner agrees it again', async () => {
    expect((await a.librarian.patch(`/api/v1/action-plans/${plans.a}`, { status: 'in_progress' })).json<ActionPlanDto>().status).toBe('in_progress');
    const { token } = await share(a.librarian, plans.a);
    const res = await anon('POST', `/api/v1/shared/${token}/agreement`, { name: 'Prof. New Head' });
    expect(res.json<SharedPlanDto>().plan).toMatchObject({ status: 'in_progress', agreedBy: 'Prof. New Head', agreedVia: 'share_link' });
    expect(res.json<SharedPlanDto>().plan.comments).toHaveLength(2);
  });

  it('400 for bad partner input; 415 for anything but JSON; nothing written', async () => {
    const { token } = await share(a.librarian, plans.other);
    expect(fields(await anon('POST', `/api/v1/shared/${token}/agreement`, { name: ' ' }))).toEqual(['name']);
    expect(fields(await anon('POST', `/api/v1/shared/${token}/agreement`, { name: 'X', planId: plans.a }))).toEqual(['planId']);
    expect(fields(await anon('POST', `/api/v1/shared/${token}/comments`, { name: 'X' }))).toEqual(['body']);
    const form = await t.app.inject({ method: 'POST', url: `/api/v1/shared/${token}/comments`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=X&body=Y' });
    expect(form.statusCode).toBe(415);
    expect((await a.viewer.get(`/api/v1/action-plans/${plans.other}`)).json<ActionPlanDto>()).toMatchObject({ status: 'draft', comments: [] });
  });
});

describe('share links: nothing else reachable', () => {
  it('revoked, expired and unknown tokens all get the same 404', async () => {
    const revoked = await share(a.librarian, plans.other);
    expect((await a.librarian.delete(`/api/v1/share-links/${revoked.link.id}`)).statusCode).toBe(204);
    expect((await a.librarian.delete(`/api/v1/share-links/${revoked.link.id}`)).statusCode).toBe(204);
    const listed = (await a.librarian.get(`/api/v1/action-plans/${plans.other}/share-links`)).json<ShareLinkDto[]>().find((l) => l.id === revoked.link.id);
    expect(listed).toMatchObject({ revokedAt: '2025-03-15T12:00:00.000Z', active: false });
    const revocations = await t.handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', revoked.link.id).execute();
    expect(revocations.map((x) => x.action)).toEqual(['create', 'update']);

    const expiring = await share(a.librarian, plans.other, { expiresInDays: 1 });
    expect((await anon('GET', `/api/v1/shared/${expiring.token}`)).statusCode).toBe(200);
    clock.set('2025-03-16T12:00:00Z');
    const expired = [
      await anon('GET', `/api/v1/shared/${expiring.token}`),
      await anon('POST', `/api/v1/shared/${expiring.token}/comments`, { name: 'Late', body: 'Too late' }),
    ];
    clock.set(START);

    const answers = [
      ...expired,
      await anon('GET', `/api/v1/shared/${revoked.token}`),
      await anon('POST', `/api/v1/shared/${revoked.token}/agreement`, { name: 'Someone' }),
      await anon('POST', `/api/v1/shared/${revoked.token}/comments`, { name: 'Someone', body: 'Hello' }),
      await anon('GET', `/api/v1/shared/${'x'.repeat(43)}`),
      await anon('GET', `/api/v1/shared/${revoked.token.slice(0, -1)}A`),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(errorOf(res)).toMatchObject({ code: 'NOT_FOUND', message: INVALID });
    }
    expect((await a.viewer.get(`/api/v1/action-plans/${plans.other}`)).json<ActionPlanDto>()).toMatchObject({ status: 'draft', comments: [] });
    expect((await uses(revoked.link.id)).map((x) => x.action)).toEqual([]);
  });

  it("a token shows its own plan only, and is not a session or a key to the staff API", async () => {
    const { token } = await share(a.librarian, plans.a);
    const shared = (await anon('GET', `/api/v1/shared/${token}`)).json<SharedPlanDto>();
    expect(shared.plan.orgUnit.name).toBe('Architecture');
    expect(JSON.stringify(shared)).not.toContain('Secret Department');
    expect(JSON.stringify(shared)).not.toContain('Not for the partner');

    const attempts = [
      t.app.inject({ method: 'GET', url: `/api/v1/action-plans/${plans.a}`, headers: { cookie: `rapport_session=${token}` } }),
      t.app.inject({ method: 'GET', url: `/api/v1/action-plans/${plans.a}`, headers: { authorization: `Bearer ${token}` } }),
      t.app.inject({ method: 'GET', url: `/api/v1/action-plans/${plans.other}?token=${token}` }),
      t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `rapport_session=${token}` } }),
      t.app.inject({ method: 'GET', url: `/api/v1/action-plans/${plans.a}/share-links`, headers: { cookie: `rapport_session=${token}` } }),
    ];
    for (const res of await Promise.all(attempts)) expect(res.statusCode).toBe(401);
    const write = await t.app.inject({
      method: 'PATCH', url: `/api/v1/action-plans/${plans.a}`, headers: { cookie: `rapport_session=${token}`, 'content-type': 'application/json' }, payload: '{"reviewNotes":"x"}',
    });
    expect(write.statusCode).toBe(401);

    // another institution's plan is shared the same way and never crosses over
    const theirs = await share(b.librarian, plans.b);
    expect((await anon('GET', `/api/v1/shared/${theirs.token}`)).json<SharedPlanDto>().plan.orgUnit.name).toBe('B Architecture');
    expect((await anon('GET', `/api/v1/shared/${token}`)).json<SharedPlanDto>().plan.orgUnit.name).toBe('Architecture');
  });

  it("deleting the plan ends its links", async () => {
    const unit = await f.unit(a, 'Short-lived');
    const plan = (await f.plan(a.librarian, unit, 2024)).id;
    const { token, link } = await share(a.librarian, plan);
    expect((await a.manager.delete(`/api/v1/action-plans/${plan}`)).statusCode).toBe(204);
    expect(errorOf(await anon('GET', `/api/v1/shared/${token}`)).message).toBe(INVALID);
    expect((await a.librarian.delete(`/api/v1/share-links/${link.id}`)).statusCode).toBe(404);
  });
});
