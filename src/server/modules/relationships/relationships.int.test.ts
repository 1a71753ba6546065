import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorOf, login, newTenant, PASSWORD, uniq, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';
import { clock, relationshipFixtures } from '../../../../test/relationships.ts';
import type { AuditEntryDto } from '../../../shared/contracts/audit.ts';
import type { MaturityAssessmentDto } from '../../../shared/contracts/relationships.ts';

/* Access, validation and maturity assessments. */

let t: TestApp;
let a: Tenant;
let b: Tenant;
const f = relationshipFixtures(() => t);
/** a's Chemistry with three engagements; b's own unit, person, engagement and assessment */
const fx = { chemistry: '', physics: '', ada: '', e1: '', e2: '', e3: '', bUnit: '', bPerson: '', bEngagement: '', bAssessment: '' };
let otherLibrarian: Agent;

beforeAll(async () => {
  t = await buildTestApp({ clock, env: { LOGIN_RATE_LIMIT: '100' } });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  await Promise.all([f.loadVocab(a), f.loadVocab(b)]);
  const science = await f.orgUnit(a, 'Faculty of Science', 'faculty');
  fx.chemistry = await f.orgUnit(a, 'Chemistry', 'department', science);
  fx.physics = await f.orgUnit(a, 'Physics', 'department', science);
  fx.ada = await f.person(a, 'Ada Lovelace', { positions: [{ orgUnitId: fx.chemistry, title: 'Head of Department' }] });
  fx.e1 = (await f.engage(a.librarian, a, { on: '2025-05-02', units: [fx.chemistry], summary: 'Induction planning' })).id;
  fx.e2 = (await f.engage(a.librarian, a, { on: '2025-11-03', units: [fx.chemistry], summary: 'Embedded skills session' })).id;
  fx.e3 = (await f.engage(a.librarian, a, { on: '2025-09-10', units: [fx.chemistry], summary: 'Reading list review' })).id;
  fx.bUnit = await f.orgUnit(b, 'Elsewhere', 'faculty');
  fx.bPerson = await f.person(b, 'Bea Elsewhere');
  fx.bEngagement = (await f.engage(b.librarian, b, { on: '2025-10-01', units: [fx.bUnit] })).id;
  fx.bAssessment = (await f.assess(b.librarian, { orgUnitId: fx.bUnit, level: 'partner', assessedOn: '2025-10-02' })).id;
  const email = `${uniq('lib')}@example.test`;
  const res = await a.admin.post('/api/v1/users', { email, name: 'Other Librarian', password: PASSWORD, role: 'librarian' });
  expect(res.statusCode, res.body).toBe(201);
  otherLibrarian = await login(t.app, email);
});
afterAll(() => t?.close());

const fieldsOf = (res: Parameters<typeof errorOf>[0]) => (errorOf(res).details ?? []).map((d) => d.field);

describe('access', () => {
  it('401 without a session on every route', async () => {
    const routes: [string, string][] = [
      ['GET', `/api/v1/org-units/${fx.chemistry}/signals`], ['GET', `/api/v1/org-units/${fx.chemistry}/maturity`],
      ['GET', `/api/v1/org-units/${fx.chemistry}/journey`], ['GET', `/api/v1/org-units/${fx.chemistry}/stakeholders`],
      ['GET', `/api/v1/people/${fx.ada}/signals`], ['GET', `/api/v1/people/${fx.ada}/maturity`],
      ['POST', '/api/v1/maturity-assessments'], ['DELETE', '/api/v1/maturity-assessments/x'],
      ['GET', '/api/v1/relationships/overview'], ['GET', '/api/v1/relationships/overview.csv'],
      ['GET', '/api/v1/relationships/maturity-distribution'], ['GET', '/api/v1/relationships/losing-touch'],
    ];
    for (const [method, url] of routes) {
      const res = await t.app.inject({ method: method as 'GET', url, headers: { 'content-type': 'application/json' }, ...(method === 'POST' ? { payload: '{}' } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('a viewer reads every view', async () => {
    for (const url of [
      `/api/v1/org-units/${fx.chemistry}/signals`, `/api/v1/org-units/${fx.chemistry}/maturity`, `/api/v1/org-units/${fx.chemistry}/journey`,
      `/api/v1/org-units/${fx.chemistry}/stakeholders`, `/api/v1/people/${fx.ada}/signals`, `/api/v1/people/${fx.ada}/maturity`,
      '/api/v1/relationships/overview', '/api/v1/relationships/overview.csv', '/api/v1/relationships/maturity-distribution', '/api/v1/relationships/losing-touch',
    ]) {
      expect((await a.viewer.get(url)).statusCode, url).toBe(200);
    }
  });

  it('a viewer cannot assess nor withdraw an assessment', async () => {
    const res = await a.viewer.post('/api/v1/maturity-assessments', { orgUnitId: fx.chemistry, level: 'provider', assessedOn: '2026-01-01', rationale: 'x' });
    expect(res.statusCode).toBe(403);
    const mine = await f.assess(a.librarian, { orgUnitId: fx.physics, level: 'provider', assessedOn: '2026-01-01' });
    expect((await a.viewer.delete(`/api/v1/maturity-assessments/${mine.id}`)).statusCode).toBe(403);
    expect((await a.librarian.delete(`/api/v1/maturity-assessments/${mine.id}`)).statusCode).toBe(204);
  });

  it('another institution\'s unit, person and assessment are 404', async () => {
    for (const url of [
      `/api/v1/org-units/${fx.bUnit}/signals`, `/api/v1/org-units/${fx.bUnit}/maturity`, `/api/v1/org-units/${fx.bUnit}/journey`,
      `/api/v1/org-units/${fx.bUnit}/stakeholders`, `/api/v1/people/${fx.bPerson}/signals`, `/api/v1/people/${fx.bPerson}/maturity`,
    ]) {
      expect((await a.admin.get(url)).statusCode, url).toBe(404);
    }
    expect((await a.admin.delete(`/api/v1/maturity-assessments/${fx.bAssessment}`)).statusCode).toBe(404);
    // and it is still there for b
    expect((await b.viewer.get(`/api/v1/org-units/${fx.bUnit}/maturity`)).json<MaturityAssessmentDto[]>().map((m) => m.id)).toEqual([fx.bAssessment]);
  });
});

describe('validation', () => {
  const body = (over: Record<string, unknown>) => ({ orgUnitId: fx.chemistry, level: 'partner', assessedOn: '2026-01-01', rationale: 'Co-designed a module', ...over });
  const rejects = async (over: Record<string, unknown>, field: string, drop: string[] = []) => {
    const payload: Record<string, unknown> = body(over);
    for (const k of drop) delete payload[k];
    const res = await a.librarian.post('/api/v1/maturity-assessments', payload);
    expect(res.statusCode, JSON.stringify(over)).toBe(400);
    expect(fieldsOf(res)).toContain(field);
  };

  it('an assessment names the field at fault', async () => {
    await rejects({ level: 'expert' }, 'level');
    await rejects({ assessedOn: '2026-03-16' }, 'assessedOn'); // tomorrow
    await rejects({ assessedOn: '2026-02-30' }, 'assessedOn');
    await rejects({ rationale: '   ' }, 'rationale');
    await rejects({}, 'orgUnitId', ['orgUnitId']); // neither
    await rejects({ personId: fx.ada }, 'orgUnitId'); // both
    await rejects({ engagementIds: [fx.e1, 'no-such-engagement'] }, 'engagementIds');
    await rejects({ engagementIds: [fx.bEngagement] }, 'engagementIds');
    await rejects({ orgUnitId: fx.bUnit }, 'orgUnitId');
    await rejects({ personId: fx.bPerson }, 'personId', ['orgUnitId']);
    await rejects({ colour: 'red' }, 'colour');
    expect((await a.viewer.get(`/api/v1/org-units/${fx.chemistry}/maturity`)).json()).toEqual([]);
  });

  it('today is a valid assessment date', async () => {
    const m = await f.assess(a.librarian, { orgUnitId: fx.physics, level: 'none', assessedOn: '2026-03-15' });
    expect(m.assessedOn).toBe('2026-03-15');
    expect((await a.librarian.delete(`/api/v1/maturity-assessments/${m.id}`)).statusCode).toBe(204);
  });

  it('signal and list queries name the field at fault', async () => {
    const cases: [string, string][] = [
      [`/api/v1/org-units/${fx.chemistry}/signals?window=month`, 'window'],
      [`/api/v1/org-units/${fx.chemistry}/signals?year=2026`, 'year'], // 2026–27 has not started
      [`/api/v1/org-units/${fx.chemistry}/signals?year=1900`, 'year'],
      [`/api/v1/org-units/${fx.chemistry}/signals?year=2025&asOf=2025-07-31`, 'asOf'], // the day before 2025–26 began
      [`/api/v1/org-units/${fx.chemistry}/signals?asOf=2026-13-01`, 'asOf'],
      [`/api/v1/people/${fx.ada}/signals?window=week`, 'window'],
      ['/api/v1/relationships/overview?sort=colour', 'sort'],
      ['/api/v1/relationships/overview?order=up', 'order'],
      ['/api/v1/relationships/overview?year=2030', 'year'],
      ['/api/v1/relationships/maturity-distribution?years=0', 'years'],
      ['/api/v1/relationships/maturity-distribution?years=11', 'years'],
      ['/api/v1/relationships/losing-touch?pageSize=0', 'pageSize'],
      ['/api/v1/relationships/losing-touch?mine=yes', 'mine'],
    ];
    for (const [url, field] of cases) {
      const res = await a.viewer.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(fieldsOf(res), url).toContain(field);
    }
  });
});

describe('maturity assessments', () => {
  let first: MaturityAssessmentDto;
  let second: MaturityAssessmentDto;

  it('a unit assessed twice lists newest first, with who assessed and the engagements cited (by date)', async () => {
    first = await f.assess(a.librarian, { orgUnitId: fx.chemistry, level: 'provider', assessedOn: '2025-06-01', rationale: 'Reliable induction support', engagementIds: [fx.e1] });
    second = await f.assess(otherLibrarian, { orgUnitId: fx.chemistry, level: 'partner', assessedOn: '2026-02-01', rationale: 'Co-designed a module', engagementIds: [fx.e2, fx.e3, fx.e2] });
    expect(second).toMatchObject({
      orgUnit: { id: fx.chemistry, name: 'Chemistry' }, person: null, level: 'partner', assessedOn: '2026-02-01', rationale: 'Co-designed a module',
      assessedBy: { id: otherLibrarian.userId, name: 'Other Librarian' },
      engagements: [{ id: fx.e3, occurredOn: '2025-09-10', summary: 'Reading list review' }, { id: fx.e2, occurredOn: '2025-11-03', summary: 'Embedded skills session' }],
    });
    const list = (await a.viewer.get(`/api/v1/org-units/${fx.chemistry}/maturity`)).json<MaturityAssessmentDto[]>();
    expect(list).toEqual([second, first]);
    expect(first.engagements.map((e) => e.id)).toEqual([fx.e1]);
    expect(first.assessedBy?.id).toBe(a.librarian.userId);
  });

  it('the signals\' maturity is the latest assessment on or before the window end', async () => {
    const maturityAt = async (query: string) => {
      const { signals } = await f.unitSignals(a.viewer, fx.chemistry, query);
      return [signals.maturity, signals.maturityOn];
    };
    expect(await maturityAt('')).toEqual(['partner', '2026-02-01']);
    expect(await maturityAt('?asOf=2026-01-31')).toEqual(['provider', '2025-06-01']);
    expect(await maturityAt('?asOf=2026-02-01')).toEqual(['partner', '2026-02-01']);
    expect(await maturityAt('?year=2024')).toEqual(['provider', '2025-06-01']);
    expect(await maturityAt('?year=2023')).toEqual([null, null]);
  });

  it('a person is assessed the same way', async () => {
    const m = await f.assess(a.librarian, { personId: fx.ada, level: 'pioneer', assessedOn: '2026-03-01', engagementIds: [] });
    expect(m).toMatchObject({ person: { id: fx.ada, name: 'Ada Lovelace' }, orgUnit: null, level: 'pioneer', engagements: [] });
    expect((await a.viewer.get(`/api/v1/people/${fx.ada}/maturity`)).json<MaturityAssessmentDto[]>().map((x) => x.id)).toEqual([m.id]);
    // not the unit's
    expect((await a.viewer.get(`/api/v1/org-units/${fx.chemistry}/maturity`)).json<MaturityAssessmentDto[]>()).toHaveLength(2);
  });

  it('its author or a manager may withdraw it, another librarian may not', async () => {
    let res = await a.librarian.delete(`/api/v1/maturity-assessments/${second.id}`);
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect((await otherLibrarian.delete(`/api/v1/maturity-assessments/${first.id}`)).statusCode).toBe(403);
    expect((await otherLibrarian.delete(`/api/v1/maturity-assessments/${second.id}`)).statusCode).toBe(204);
    expect((await a.manager.delete(`/api/v1/maturity-assessments/${first.id}`)).statusCode).toBe(204);
    res = await a.manager.delete(`/api/v1/maturity-assessments/${first.id}`);
    expect(res.statusCode).toBe(404);
    expect((await a.viewer.get(`/api/v1/org-units/${fx.chemistry}/maturity`)).json()).toEqual([]);
    const { signals } = await f.unitSignals(a.viewer, fx.chemistry);
    expect([signals.maturity, signals.maturityOn]).toEqual([null, null]);
    // the cited engagements stay
    expect((await a.viewer.get(`/api/v1/engagements/${fx.e2}`)).statusCode).toBe(200);
  });

  it('every assessment made and withdrawn is in the audit trail', async () => {
    const res = await a.admin.get('/api/v1/audit?entityType=maturity_assessment&pageSize=200');
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: AuditEntryDto[] }>().items;
    const of = (id: string) => items.filter((i) => i.entityId === id).map((i) => [i.action, i.userId]).sort();
    expect(of(first.id)).toEqual([['create', a.librarian.userId], ['delete', a.manager.userId]]);
    expect(of(second.id)).toEqual([['create', otherLibrarian.userId], ['delete', otherLibrarian.userId]]);
    const created = items.find((i) => i.entityId === second.id && i.action === 'create');
    expect(created?.changes.level).toEqual({ before: null, after: 'partner' });
    expect(created?.changes.engagement_ids?.after).toEqual([fx.e2, fx.e3]);
    const deleted = items.find((i) => i.entityId === first.id && i.action === 'delete');
    expect(deleted?.changes.level).toEqual({ before: 'provider', after: null });
    // b's assessment is b's
    expect(items.some((i) => i.entityId === fx.bAssessment)).toBe(false);
  });
});
