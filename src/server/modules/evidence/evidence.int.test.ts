import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../shared/contracts/common.ts';
import type { EvidenceDto } from '../../../shared/contracts/evidence.ts';
import { buildTestApp, errorOf, login, newTenant, PASSWORD, uniq, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';
import { engagementFixtures } from '../../../../test/engagements.ts';
import { expectSignInNeeded, planningFixtures, read } from '../../../../test/planning.ts';
import { systemClock } from '../../lib/clock.ts';
import { createUserWithInstitution } from '../../seed/users.ts';

// 23:30 UTC on 30 June is already 1 July in London: "today" is the institution's, not the server's
const clock = { now: () => new Date('2025-06-30T23:30:00Z') };
const TODAY = '2025-07-01';

let t: TestApp;
let a: Tenant;
let b: Tenant;
const ef = engagementFixtures(() => t);
const pf = planningFixtures(() => t);
const ids = {
  science: '', chemistry: '', history: '', bUnit: '', ada: '', bPerson: '', skills: '', bGoal: '', campaign: '', bCampaign: '',
  engagement: '', bEngagement: '', opportunity: '', bOpportunity: '', action: '', plan: '', bAction: '',
};
const fields = (res: Parameters<typeof errorOf>[0]) => errorOf(res).details?.map((d) => d.field);
const list = (agent: Agent, query = '') => read<Page<EvidenceDto>>(agent, `/api/v1/evidence${query}`);

const body = (over: Record<string, unknown> = {}) => ({
  kind: 'quote', text: 'The library session changed how my students search.', sourcePersonId: ids.ada, occurredOn: '2025-06-20', ...over,
});
async function capture(agent: Agent, over: Record<string, unknown> = {}): Promise<EvidenceDto> {
  const res = await agent.post('/api/v1/evidence', body(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<EvidenceDto>();
}

/** The first action of a new plan for this unit, written straight to the database. */
async function action(tenant: Tenant, orgUnitId: string) {
  const { planId } = await pf.plan(tenant, { orgUnitId, year: 2024, objectives: [{ title: 'Embed skills', goalId: null, actions: ['in_progress'] }] });
  const row = await t.handle.db.selectFrom('plan_actions').select('id').where('plan_id', '=', planId).executeTakeFirstOrThrow();
  return { planId, actionId: row.id };
}

beforeAll(async () => {
  t = await buildTestApp({ clock, env: { LOGIN_RATE_LIMIT: '1000' } });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  await Promise.all([ef.loadVocab(a), ef.loadVocab(b)]);
  ids.science = await ef.unit(a, 'Faculty of Science');
  ids.chemistry = await ef.unit(a, 'Chemistry', ids.science);
  ids.history = await ef.unit(a, 'History');
  ids.bUnit = await ef.unit(b, 'B Department');
  ids.ada = await ef.person(a, 'Ada Byron');
  ids.bPerson = await ef.person(b, 'Bea Other');
  ids.skills = (await pf.goals(a)).find((g) => g.title === 'Skills')?.id ?? '';
  ids.bGoal = (await pf.goals(b))[0]?.id ?? '';
  const campaign = async (tenant: Tenant) => (await tenant.manager.post('/api/v1/campaigns', { name: 'Research data week', startsOn: '2025-06-01', endsOn: '2025-06-30' })).json<{ id: string }>().id;
  ids.campaign = await campaign(a);
  ids.bCampaign = await campaign(b);
  ids.engagement = (await ef.log(a.librarian, a, { orgUnitIds: [ids.chemistry], occurredOn: '2025-06-19', summary: 'Met the programme team' })).id;
  ids.bEngagement = (await ef.log(b.librarian, b, { orgUnitIds: [ids.bUnit] })).id;
  ids.opportunity = await pf.opportunity(a, { title: 'Embed search skills in year 1' });
  ids.bOpportunity = await pf.opportunity(b, { title: 'Theirs' });
  ({ actionId: ids.action, planId: ids.plan } = await action(a, ids.chemistry));
  ids.bAction = (await action(b, ids.bUnit)).actionId;
});
afterAll(() => t?.close());

describe('evidence: access and validation', () => {
  it('401 without a session on every route', () => expectSignInNeeded(t, '/api/v1/evidence'));

  it('403 for a viewer on every write; a viewer reads; only its capturer or a manager deletes', async () => {
    const e = await capture(a.librarian, { text: 'Access check' });
    expect((await a.viewer.post('/api/v1/evidence', body())).statusCode).toBe(403);
    expect((await a.viewer.patch(`/api/v1/evidence/${e.id}`, { text: 'Nope' })).statusCode).toBe(403);
    expect((await a.viewer.delete(`/api/v1/evidence/${e.id}`)).statusCode).toBe(403);
    expect((await read<EvidenceDto>(a.viewer, `/api/v1/evidence/${e.id}`)).text).toBe('Access check');

    const tag = uniq('l');
    await createUserWithInstitution(t.handle.db, systemClock, { institutionId: a.institutionId, email: `${tag}@example.test`, password: PASSWORD, name: 'Second librarian', role: 'librarian' });
    const other = await login(t.app, `${tag}@example.test`);
    // another librarian may correct it, but not remove it
    expect((await other.patch(`/api/v1/evidence/${e.id}`, { text: 'Access check, corrected' })).statusCode).toBe(200);
    const refused = await other.delete(`/api/v1/evidence/${e.id}`);
    expect([refused.statusCode, errorOf(refused).code]).toEqual([403, 'FORBIDDEN']);
    expect((await a.manager.delete(`/api/v1/evidence/${e.id}`)).statusCode).toBe(204);
  });

  it('400 naming each bad field on create; nothing written', async () => {
    const before = (await list(a.viewer)).total;
    const cases: [Record<string, unknown>, string][] = [
      [{ text: '   ' }, 'text'],
      [{ text: undefined }, 'text'],
      [{ text: 'x'.repeat(4001) }, 'text'],
      [{ kind: 'rumour' }, 'kind'],
      [{ kind: undefined }, 'kind'],
      [{ occurredOn: '20/06/2025' }, 'occurredOn'],
      [{ occurredOn: '2025-07-02' }, 'occurredOn'],
      [{ attribution: 'secret' }, 'attribution'],
      [{ consentRecorded: 'yes' }, 'consentRecorded'],
      // named needs a source; anonymous must not name a person
      [{ sourcePersonId: undefined }, 'sourcePersonId'],
      [{ sourcePersonId: null, sourceText: '  ' }, 'sourcePersonId'],
      [{ attribution: 'anonymous' }, 'sourcePersonId'],
      [{ sourceText: 'y'.repeat(301) }, 'sourceText'],
      [{ sourcePersonId: ids.bPerson }, 'sourcePersonId'],
      [{ orgUnitIds: [ids.history, ids.bUnit] }, 'orgUnitIds'],
      [{ themeIds: [ef.types(a).meeting] }, 'themeIds'],
      [{ themeIds: [ef.themes(b).skills] }, 'themeIds'],
      [{ goalIds: [ids.bGoal] }, 'goalIds'],
      [{ engagementIds: [ids.bEngagement] }, 'engagementIds'],
      [{ opportunityIds: [ids.bOpportunity] }, 'opportunityIds'],
      [{ actionIds: [ids.bAction] }, 'actionIds'],
      [{ campaignIds: [ids.bCampaign] }, 'campaignIds'],
      [{ source: 'Ada' }, 'source'],
    ];
    for (const [over, field] of cases) {
      const res = await a.librarian.post('/api/v1/evidence', body(over));
      expect(res.statusCode, JSON.stringify(over).slice(0, 80)).toBe(400);
      expect(fields(res), JSON.stringify(over).slice(0, 80)).toEqual([field]);
    }
    expect((await list(a.viewer)).total).toBe(before);
    // today in London is fine, though it is still yesterday in UTC
    const onToday = await capture(a.librarian, { occurredOn: TODAY });
    expect(onToday.occurredOn).toBe(TODAY);
    expect((await a.librarian.delete(`/api/v1/evidence/${onToday.id}`)).statusCode).toBe(204);
  });

  it('400 naming the field on edit, judged on the result; nothing changed', async () => {
    const e = await capture(a.librarian, { text: 'To be edited badly' });
    const patches: [Record<string, unknown>, string][] = [
      [{ attribution: 'anonymous' }, 'sourcePersonId'],
      [{ sourcePersonId: null }, 'sourcePersonId'],
      [{ occurredOn: '2025-07-02' }, 'occurredOn'],
      [{ text: '' }, 'text'],
      [{ orgUnitIds: [ids.bUnit] }, 'orgUnitIds'],
      [{ goalIds: ['no-such-goal'] }, 'goalIds'],
      [{ actionIds: [ids.bAction] }, 'actionIds'],
      [{ createdBy: a.viewer.userId }, 'createdBy'],
    ];
    for (const [patch, field] of patches) {
      const res = await a.librarian.patch(`/api/v1/evidence/${e.id}`, patch);
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(fields(res), JSON.stringify(patch)).toEqual([field]);
    }
    expect(await read<EvidenceDto>(a.viewer, `/api/v1/evidence/${e.id}`)).toEqual(e);
  });

  it("another institution's evidence is not found, nor listed, and it cannot link to ours", async () => {
    const e = await capture(a.librarian, { text: 'Ours alone' });
    expect((await b.viewer.get(`/api/v1/evidence/${e.id}`)).statusCode).toBe(404);
    expect((await b.librarian.patch(`/api/v1/evidence/${e.id}`, { text: 'Theirs' })).statusCode).toBe(404);
    expect((await b.manager.delete(`/api/v1/evidence/${e.id}`)).statusCode).toBe(404);
    expect((await list(b.viewer, '?pageSize=200')).items.map((x) => x.id)).not.toContain(e.id);
    expect((await list(b.viewer, `?orgUnitId=${ids.science}`)).total).toBe(0);
    const res = await b.librarian.post('/api/v1/evidence', { kind: 'observation', text: 'Try', sourceText: 'someone', occurredOn: '2025-06-01', engagementIds: [ids.engagement] });
    expect([res.statusCode, fields(res)]).toEqual([400, ['engagementIds']]);
    expect((await read<EvidenceDto>(a.viewer, `/api/v1/evidence/${e.id}`)).text).toBe('Ours alone');
  });
});

describe('evidence: capture, edit and delete', () => {
  it('captures an item with every link, edits it with lists that replace, anonymises it, deletes it; each write audited', async () => {
    const themes = ef.themes(a);
    const created = await capture(a.librarian, {
      kind: 'external_examiner', text: '  Students showed an excellent command of the literature.  ', sourceText: "External examiner's report 2024–25",
      consentRecorded: true, orgUnitIds: [ids.history, ids.chemistry], themeIds: [themes.skills, themes.visibility], goalIds: [ids.skills],
      engagementIds: [ids.engagement], opportunityIds: [ids.opportunity], actionIds: [ids.action], campaignIds: [ids.campaign],
    });
    expect(created).toMatchObject({
      kind: 'external_examiner', text: 'Students showed an excellent command of the literature.',
      source: { person: { id: ids.ada, name: 'Ada Byron' }, text: "External examiner's report 2024–25" },
      occurredOn: '2025-06-20', attribution: 'named', consentRecorded: true,
      orgUnits: [{ id: ids.chemistry, name: 'Chemistry' }, { id: ids.history, name: 'History' }],
      // in the vocabulary's order
      themes: [{ id: themes.visibility, label: 'Visibility' }, { id: themes.skills, label: 'Skills' }],
      goals: [{ id: ids.skills, title: 'Skills', owner: 'library', parent: null }],
      engagements: [{ id: ids.engagement, occurredOn: '2025-06-19', summary: 'Met the programme team' }],
      opportunities: [{ id: ids.opportunity, title: 'Embed search skills in year 1' }],
      actions: [{ id: ids.action, title: 'Action 1', planId: ids.plan }],
      campaigns: [{ id: ids.campaign, name: 'Research data week' }],
      createdBy: { id: a.librarian.userId },
    });
    expect(await read<EvidenceDto>(a.viewer, `/api/v1/evidence/${created.id}`)).toEqual(created);

    const edited = await a.librarian.patch(`/api/v1/evidence/${created.id}`, {
      kind: 'student_comment', text: 'The session on searching saved my dissertation.', sourcePersonId: null, sourceText: 'a final-year student',
      attribution: 'anonymous', consentRecorded: false, orgUnitIds: [ids.history], themeIds: [], engagementIds: [], campaignIds: [ids.campaign],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const after = edited.json<EvidenceDto>();
    expect(after).toMatchObject({
      kind: 'student_comment', source: { person: null, text: 'a final-year student' }, attribution: 'anonymous', consentRecorded: false,
      orgUnits: [{ id: ids.history, name: 'History' }], themes: [], engagements: [],
      // lists left out stay as they were
      goals: [{ id: ids.skills }], opportunities: [{ id: ids.opportunity }], actions: [{ id: ids.action }], campaigns: [{ id: ids.campaign }],
    });
    // anonymous evidence may not gain a person later
    const named = await a.librarian.patch(`/api/v1/evidence/${created.id}`, { sourcePersonId: ids.ada });
    expect([named.statusCode, fields(named)]).toEqual([400, ['sourcePersonId']]);

    expect((await a.librarian.delete(`/api/v1/evidence/${created.id}`)).statusCode).toBe(204);
    expect((await a.viewer.get(`/api/v1/evidence/${created.id}`)).statusCode).toBe(404);
    expect((await a.librarian.delete(`/api/v1/evidence/${created.id}`)).statusCode).toBe(404);

    type Entry = { action: string; entityType: string; userId: string | null; changes: Record<string, { before: unknown; after: unknown }> };
    const audit = (await read<{ items: Entry[] }>(a.admin, `/api/v1/audit?entityId=${created.id}`)).items;
    expect(audit.map((x) => `${x.entityType}:${x.action}`)).toEqual(['evidence:delete', 'evidence:update', 'evidence:create']);
    expect(audit[2]?.changes.theme_ids?.after).toEqual([themes.skills, themes.visibility].sort());
    expect(audit[1]?.changes).toMatchObject({
      attribution: { before: 'named', after: 'anonymous' },
      source_person_id: { before: ids.ada, after: null },
      org_unit_ids: { before: [ids.history, ids.chemistry].sort(), after: [ids.history] },
      engagement_ids: { before: [ids.engagement], after: [] },
    });
    expect(Object.keys(audit[1]?.changes ?? {})).not.toContain('campaign_ids');
    expect(audit[0]?.changes.text?.before).toBe('The session on searching saved my dissertation.');
  });

  it('keeps a theme retired since it was linked, refuses it as a new choice, and loses an engagement deleted since', async () => {
    const retiring = (await a.admin.post('/api/v1/vocab', { kind: 'theme', key: uniq('retiring_'), label: 'Retiring' })).json<{ id: string }>().id;
    const e = await capture(a.librarian, { themeIds: [retiring] });
    const gone = await ef.log(a.librarian, a, { orgUnitIds: [ids.history], occurredOn: '2025-06-18', summary: 'Soon deleted' });
    expect((await a.librarian.patch(`/api/v1/evidence/${e.id}`, { engagementIds: [gone.id] })).statusCode).toBe(200);
    expect((await a.admin.patch(`/api/v1/vocab/${retiring}`, { active: false })).statusCode).toBe(200);
    const kept = await a.librarian.patch(`/api/v1/evidence/${e.id}`, { text: 'Still about it', themeIds: [retiring] });
    expect([kept.statusCode, kept.json<EvidenceDto>().themes.map((x) => x.id)]).toEqual([200, [retiring]]);
    const fresh = await capture(a.librarian, { themeIds: [] });
    const refused = await a.librarian.patch(`/api/v1/evidence/${fresh.id}`, { themeIds: [retiring] });
    expect([refused.statusCode, fields(refused)]).toEqual([400, ['themeIds']]);

    expect((await a.librarian.delete(`/api/v1/engagements/${gone.id}`)).statusCode).toBe(204);
    expect((await read<EvidenceDto>(a.viewer, `/api/v1/evidence/${e.id}`)).engagements).toEqual([]);
  });
});

describe('evidence: the list', () => {
  it('filters by words, kind, department (and the units below it), links and dates; newest first, in pages', async () => {
    const c = await newTenant(t);
    await ef.loadVocab(c);
    const faculty = await ef.unit(c, 'Faculty of Arts');
    const english = await ef.unit(c, 'English', faculty);
    const law = await ef.unit(c, 'Law');
    const theme = ef.themes(c).skills;
    const goal = (await pf.goals(c))[0]?.id ?? '';
    const meeting = (await ef.log(c.librarian, c, { orgUnitIds: [english] })).id;
    const opportunity = await pf.opportunity(c, { title: 'Reading lists' });
    const { actionId } = await action(c, english);
    const campaign = (await c.manager.post('/api/v1/campaigns', { name: 'Skills month', startsOn: '2025-05-01', endsOn: '2025-05-31' })).json<{ id: string }>().id;
    const make = (over: Record<string, unknown>) => capture(c.librarian, { sourcePersonId: undefined, sourceText: 'a student', ...over });

    const faculty1 = await make({ text: 'Faculty-wide survey: 92% satisfied', kind: 'survey_result', occurredOn: '2025-01-10', orgUnitIds: [faculty] });
    const english1 = await make({ text: 'Café workshop was brilliant', occurredOn: '2025-03-01', orgUnitIds: [english], themeIds: [theme], engagementIds: [meeting] });
    const law1 = await make({ text: 'Law students cite better now', kind: 'observation', occurredOn: '2025-04-02', orgUnitIds: [law], goalIds: [goal], actionIds: [actionId] });
    const none1 = await make({ text: 'Loans up 10%', kind: 'figure', occurredOn: '2025-04-02', sourceText: 'Alma Analytics', opportunityIds: [opportunity], campaignIds: [campaign] });

    const texts = async (q: string) => (await list(c.viewer, q)).items.map((x) => x.id);
    // newest first; on one day, the latest captured first
    expect(await texts('')).toEqual([none1.id, law1.id, english1.id, faculty1.id]);
    expect(await texts('?q=CAFE')).toEqual([english1.id]);
    expect(await texts('?q=alma')).toEqual([none1.id]);
    // the words are matched as written: % and _ are no wildcards
    expect(await texts('?q=%25')).toEqual([none1.id, faculty1.id]);
    expect(await texts('?q=_')).toEqual([]);
    expect(await texts('?kind=observation')).toEqual([law1.id]);
    expect(await texts(`?orgUnitId=${faculty}`)).toEqual([english1.id, faculty1.id]);
    expect(await texts(`?orgUnitId=${english}`)).toEqual([english1.id]);
    expect(await texts(`?orgUnitId=${ids.history}`)).toEqual([]);
    expect(await texts(`?themeId=${theme}`)).toEqual([english1.id]);
    expect(await texts(`?goalId=${goal}`)).toEqual([law1.id]);
    expect(await texts(`?engagementId=${meeting}`)).toEqual([english1.id]);
    expect(await texts(`?opportunityId=${opportunity}`)).toEqual([none1.id]);
    expect(await texts(`?actionId=${actionId}`)).toEqual([law1.id]);
    expect(await texts(`?campaignId=${campaign}`)).toEqual([none1.id]);
    expect(await texts('?from=2025-03-01&to=2025-04-01')).toEqual([english1.id]);
    expect(await texts(`?kind=quote&orgUnitId=${faculty}&q=workshop`)).toEqual([english1.id]);

    const paged = await list(c.viewer, '?pageSize=3&page=2');
    expect([paged.total, paged.page, paged.pageSize, paged.items.map((x) => x.id)]).toEqual([4, 2, 3, [faculty1.id]]);
    // what impact evaluations read from a search
    const found = (await list(c.viewer, '?q=loans&pageSize=20')).items;
    expect(found.map(({ id, kind, text, occurredOn }) => ({ id, kind, text, occurredOn }))).toEqual([{ id: none1.id, kind: 'figure', text: 'Loans up 10%', occurredOn: '2025-04-02' }]);
    for (const q of ['?kind=rumour', '?from=1%2F1%2F2025', '?pageSize=500']) {
      const bad = await c.viewer.get(`/api/v1/evidence${q}`);
      expect(bad.statusCode, q).toBe(400);
    }
  });
});
