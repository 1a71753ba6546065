import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../shared/contracts/common.ts';
import type { GoalDto } from '../../../shared/contracts/goals.ts';
import type { ImpactEvaluationDto, ImpactSummaryDto } from '../../../shared/contracts/impact.ts';
import { buildTestApp, errorOf, newTenant, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';
import { engagementFixtures } from '../../../../test/engagements.ts';
import { expectSignInNeeded, planningFixtures, read } from '../../../../test/planning.ts';
import type { EvidenceKind } from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';

// a clock the tests move on, so "most recently updated first" can be seen
let now = new Date('2025-03-15T12:00:00Z');
const clock = { now: () => now };
const tick = () => { now = new Date(now.getTime() + 60_000); };

let t: TestApp;
let a: Tenant;
let b: Tenant;
const ef = engagementFixtures(() => t);
const pf = planningFixtures(() => t);
const ids = {
  science: '', computing: '', history: '', bUnit: '', skills: '', literacy: '', visibility: '', bGoal: '',
  workshop: '', teaching: '', bEngagement: '', quote: '', figure: '', bEvidence: '', loans: '', nss: '', bMetric: '',
};
const objectiveOf = (goal: GoalDto, title: string) => goal.objectives.find((o) => o.title === title)?.id ?? '';
const fields = (res: Parameters<typeof errorOf>[0]) => errorOf(res).details?.map((d) => d.field);
const base = '/api/v1/impact-evaluations';
const list = (agent: Agent, query = '') => read<Page<ImpactSummaryDto>>(agent, `${base}${query}`);
const detail = (agent: Agent, id: string) => read<ImpactEvaluationDto>(agent, `${base}/${id}`);

const body = (over: Record<string, unknown> = {}) => ({ initiative: 'Research skills in Computing dissertations', ...over });
async function create(agent: Agent, over: Record<string, unknown> = {}): Promise<ImpactEvaluationDto> {
  tick();
  const res = await agent.post(base, body(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ImpactEvaluationDto>();
}

/** Evidence and metric definitions written straight to the database: these tests do not lean on their routes. */
async function evidence(tenant: Tenant, kind: EvidenceKind, text: string, occurredOn: string) {
  const id = newId();
  const stamp = '2025-01-01T00:00:00.000Z';
  await t.handle.db.insertInto('evidence').values({
    id, institution_id: tenant.institutionId, kind, text, source_person_id: null, source_text: 'A final-year student', occurred_on: occurredOn,
    attribution: 'anonymous', consent_recorded: 0, created_by: null, created_at: stamp, updated_at: stamp,
  }).execute();
  return id;
}
async function metric(tenant: Tenant, name: string, unit: string) {
  const id = newId();
  const stamp = '2025-01-01T00:00:00.000Z';
  await t.handle.db.insertInto('metric_definitions').values({
    id, institution_id: tenant.institutionId, name, unit, direction: 'higher_better', source: null, period_kind: 'academic_year', description: null, created_at: stamp, updated_at: stamp,
  }).execute();
  return id;
}

const full = () => body({
  aims: 'Better-referenced, better-argued dissertations.',
  objectives: ['Teach literature searching inside COMP390', 'Teach referencing before the proposal deadline', 'Agree a marking rubric line on sources'],
  successCriteria: 'The examiner no longer flags referencing.',
  impactIndicators: 'Examiner comments; referencing errors per dissertation.',
  whatWeDid: 'Two embedded sessions in the dissertation module.',
  engagementIds: [ids.teaching, ids.workshop],
  whatWeLearned: 'Students wanted help at the proposal stage, not at submission.',
  howWeActed: 'Moved the session to week 3.',
  howWeMeasured: 'Compared examiner reports and sampled ten dissertations.',
  metricIds: [ids.nss, ids.loans],
  evidenceIds: [ids.figure, ids.quote],
  communications: [
    { audience: 'Head of School', on: '2025-02-10', how: 'Summary in the annual meeting' },
    { audience: 'Faculty Teaching Committee', on: null, how: 'Paper to the spring meeting' },
  ],
  shortTermOutcomes: 'Fewer referencing errors.',
  longTermOutcomes: 'Research skills written into the learning outcomes.',
  status: 'complete',
  orgUnitIds: [ids.history, ids.computing],
  goalIds: [ids.literacy],
});

beforeAll(async () => {
  t = await buildTestApp({ clock, env: { LOGIN_RATE_LIMIT: '1000' } });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  await Promise.all([ef.loadVocab(a), ef.loadVocab(b)]);
  ids.science = await ef.unit(a, 'Faculty of Science');
  ids.computing = await ef.unit(a, 'School of Computing', ids.science);
  ids.history = await ef.unit(a, 'History');
  ids.bUnit = await ef.unit(b, 'B Department');
  const mine = await pf.goals(a);
  ids.skills = mine.find((g) => g.title === 'Skills')?.id ?? '';
  ids.visibility = mine.find((g) => g.title === 'Visibility')?.id ?? '';
  ids.bGoal = (await pf.goals(b))[0]?.id ?? '';
  const objective = await a.manager.post('/api/v1/goals', { parentId: ids.skills, title: 'Embed information literacy' });
  expect(objective.statusCode, objective.body).toBe(201);
  // an objective's creation answers with its goal
  ids.literacy = objectiveOf(objective.json<GoalDto>(), 'Embed information literacy');
  ids.workshop = (await ef.log(a.librarian, a, { orgUnitIds: [ids.computing], occurredOn: '2025-01-20', summary: 'Referencing workshop', typeId: ef.types(a).workshop })).id;
  ids.teaching = (await ef.log(a.librarian, a, { orgUnitIds: [ids.computing], occurredOn: '2024-11-05', summary: 'Literature searching in COMP390', typeId: ef.types(a).teaching_session })).id;
  ids.bEngagement = (await ef.log(b.librarian, b, { orgUnitIds: [ids.bUnit], occurredOn: '2025-01-10', summary: 'Theirs' })).id;
  ids.quote = await evidence(a, 'quote', 'I finally understood how to search.', '2024-11-06');
  ids.figure = await evidence(a, 'figure', '94 students attended', '2024-11-05');
  ids.bEvidence = await evidence(b, 'quote', 'Not yours', '2025-01-01');
  ids.loans = await metric(a, 'Loans', 'loans');
  ids.nss = await metric(a, 'NSS learning resources', '%');
  ids.bMetric = await metric(b, 'Their metric', 'hours');
});
afterAll(() => t?.close());

describe('impact evaluations: access and validation', () => {
  it('401 without a session on every route, the export included', async () => {
    await expectSignInNeeded(t, base);
    const res = await t.app.inject({ method: 'GET', url: `${base}/x/export?format=md` });
    expect([res.statusCode, errorOf(res).code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('403 for a viewer on every write, who still reads and exports; a librarian deletes only their own', async () => {
    const e = await create(a.librarian, { initiative: 'Access check' });
    expect((await a.viewer.post(base, body())).statusCode).toBe(403);
    expect((await a.viewer.patch(`${base}/${e.id}`, { initiative: 'Nope' })).statusCode).toBe(403);
    expect((await a.viewer.delete(`${base}/${e.id}`)).statusCode).toBe(403);
    expect((await detail(a.viewer, e.id)).initiative).toBe('Access check');
    expect((await a.viewer.get(`${base}/${e.id}/export?format=html`)).statusCode).toBe(200);
    const theirs = await create(a.manager, { initiative: 'Written by the manager' });
    expect((await a.librarian.delete(`${base}/${theirs.id}`)).statusCode).toBe(403);
    expect((await a.librarian.patch(`${base}/${theirs.id}`, { aims: 'Anyone may improve it' })).statusCode).toBe(200);
    expect((await a.librarian.delete(`${base}/${e.id}`)).statusCode).toBe(204);
    expect((await a.manager.delete(`${base}/${theirs.id}`)).statusCode).toBe(204);
  });

  it('400 naming each bad field, foreign links included; nothing written', async () => {
    const before = await list(a.viewer);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ initiative: '   ' }, ['initiative']],
      [{ initiative: undefined }, ['initiative']],
      [{ status: 'done' }, ['status']],
      [{ objectives: ['Fine', '  '] }, ['objectives.1']],
      [{ communications: [{ audience: '', how: 'Email' }] }, ['communications.0.audience']],
      [{ communications: [{ audience: 'Dean', on: '10/02/2025', how: 'Email' }] }, ['communications.0.on']],
      [{ communications: [{ audience: 'Dean', how: 'Email', channel: 'x' }] }, ['communications.0.channel']],
      [{ colour: 'red' }, ['colour']],
      [{ engagementIds: [ids.teaching, ids.bEngagement] }, ['engagementIds']],
      [{ evidenceIds: [ids.bEvidence] }, ['evidenceIds']],
      [{ metricIds: [ids.loans, ids.bMetric] }, ['metricIds']],
      [{ orgUnitIds: [ids.bUnit] }, ['orgUnitIds']],
      [{ goalIds: [ids.bGoal] }, ['goalIds']],
      // complete means: how impact was measured, and at least one outcome
      [{ status: 'complete' }, ['howWeMeasured', 'shortTermOutcomes']],
      [{ status: 'complete', howWeMeasured: 'Examiner reports', shortTermOutcomes: ' ' }, ['shortTermOutcomes']],
      [{ status: 'complete', longTermOutcomes: 'In the learning outcomes' }, ['howWeMeasured']],
    ];
    for (const [over, expected] of cases) {
      const res = await a.librarian.post(base, body({ initiative: 'Not written', ...over }));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(fields(res), JSON.stringify(over)).toEqual(expected);
    }
    // a long-term outcome alone is enough
    expect((await a.librarian.post(base, body({ status: 'complete', howWeMeasured: 'Examiner reports', longTermOutcomes: 'Embedded' }))).statusCode).toBe(201);

    const e = await create(a.librarian, { initiative: 'Patched badly', status: 'in_progress', howWeMeasured: 'Survey', shortTermOutcomes: 'Better searching' });
    const patches: [Record<string, unknown>, string[]][] = [
      [{ initiative: '' }, ['initiative']],
      [{ status: 'complete', howWeMeasured: '' }, ['howWeMeasured']],
      [{ status: 'complete', shortTermOutcomes: null }, ['shortTermOutcomes']],
      [{ engagementIds: [ids.bEngagement] }, ['engagementIds']],
      [{ evidenceIds: ['no-such-evidence'] }, ['evidenceIds']],
      [{ metricIds: [ids.bMetric] }, ['metricIds']],
      [{ objectives: 'one' }, ['objectives']],
    ];
    for (const [patch, expected] of patches) {
      const res = await a.librarian.patch(`${base}/${e.id}`, patch);
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(fields(res), JSON.stringify(patch)).toEqual(expected);
    }
    // once complete, it cannot lose what made it so
    const done = await a.librarian.patch(`${base}/${e.id}`, { status: 'complete' });
    expect(done.statusCode, done.body).toBe(200);
    const lost = await a.librarian.patch(`${base}/${e.id}`, { howWeMeasured: '' });
    expect([lost.statusCode, fields(lost)]).toEqual([400, ['howWeMeasured']]);
    expect((await detail(a.viewer, e.id)).howWeMeasured).toBe('Survey');
    expect((await list(a.viewer)).total).toBe(before.total + 2);
    const bad = await a.viewer.get(`${base}?status=finished`);
    expect([bad.statusCode, fields(bad)]).toEqual([400, ['status']]);
  });
});

describe('impact evaluations: the template', () => {
  it('keeps every section, links and ordered lists, reads them back and lists them by filter', async () => {
    const e = await create(a.librarian, full());
    expect(e).toMatchObject({
      initiative: 'Research skills in Computing dissertations', status: 'complete', aims: 'Better-referenced, better-argued dissertations.',
      objectives: ['Teach literature searching inside COMP390', 'Teach referencing before the proposal deadline', 'Agree a marking rubric line on sources'],
      successCriteria: 'The examiner no longer flags referencing.', impactIndicators: 'Examiner comments; referencing errors per dissertation.',
      whatWeDid: 'Two embedded sessions in the dissertation module.',
      engagements: [
        { id: ids.teaching, occurredOn: '2024-11-05', summary: 'Literature searching in COMP390' },
        { id: ids.workshop, occurredOn: '2025-01-20', summary: 'Referencing workshop' },
      ],
      metrics: [{ id: ids.loans, name: 'Loans', unit: 'loans' }, { id: ids.nss, name: 'NSS learning resources', unit: '%' }],
      evidence: [
        { id: ids.figure, kind: 'figure', text: '94 students attended', occurredOn: '2024-11-05' },
        { id: ids.quote, kind: 'quote', text: 'I finally understood how to search.', occurredOn: '2024-11-06' },
      ],
      communications: [
        { audience: 'Head of School', on: '2025-02-10', how: 'Summary in the annual meeting' },
        { audience: 'Faculty Teaching Committee', on: null, how: 'Paper to the spring meeting' },
      ],
      shortTermOutcomes: 'Fewer referencing errors.', longTermOutcomes: 'Research skills written into the learning outcomes.',
      orgUnits: [{ id: ids.history, name: 'History' }, { id: ids.computing, name: 'School of Computing' }],
      goals: [{ id: ids.literacy, title: 'Embed information literacy', owner: 'library', parent: { id: ids.skills, title: 'Skills' } }],
      createdBy: { id: a.librarian.userId },
    });
    expect(await detail(a.viewer, e.id)).toEqual(e);

    // arrays replace, in the order sent; what is left out stays
    tick();
    const res = await a.librarian.patch(`${base}/${e.id}`, {
      objectives: ['Agree a marking rubric line on sources', 'Teach literature searching inside COMP390'],
      communications: [{ audience: 'Students', on: '2025-03-01', how: 'Newsletter' }],
      engagementIds: [ids.workshop], evidenceIds: [], goalIds: [ids.literacy, ids.visibility], whatWeLearned: '',
    });
    expect(res.statusCode, res.body).toBe(200);
    const patched = res.json<ImpactEvaluationDto>();
    expect(patched).toMatchObject({
      objectives: ['Agree a marking rubric line on sources', 'Teach literature searching inside COMP390'],
      communications: [{ audience: 'Students', on: '2025-03-01', how: 'Newsletter' }],
      engagements: [{ id: ids.workshop }], evidence: [], whatWeLearned: null, metrics: e.metrics, orgUnits: e.orgUnits, howWeActed: 'Moved the session to week 3.',
    });
    expect(patched.goals.map((g) => g.id)).toEqual([ids.literacy, ids.visibility]);
    expect(patched.updatedAt > e.updatedAt).toBe(true);
  });

  it('filters by status, by a unit and those below it, by a goal and its objectives, and by folded words; newest change first, in pages', async () => {
    const c = await newTenant(t);
    const faculty = await ef.unit(c, 'Faculty of Arts');
    const dept = await ef.unit(c, 'Music', faculty);
    const other = await ef.unit(c, 'Law');
    const [skills] = (await pf.goals(c)).filter((g) => g.title === 'Skills');
    const obj = objectiveOf((await c.manager.post('/api/v1/goals', { parentId: skills?.id, title: 'Digital skills' })).json<GoalDto>(), 'Digital skills');
    const make = (over: Record<string, unknown>) => create(c.librarian, over);
    const cafe = await make({ initiative: 'Café conversations', status: 'in_progress', orgUnitIds: [dept], goalIds: [obj] });
    const zotero = await make({ initiative: 'Zotero drop-ins', aims: 'Reference management for musicians', orgUnitIds: [faculty] });
    const law = await make({ initiative: 'Law reading lists', status: 'in_progress', orgUnitIds: [other], goalIds: [skills?.id] });
    const names = async (q: string) => (await list(c.viewer, q)).items.map((x) => x.initiative);
    expect(await names('')).toEqual(['Law reading lists', 'Zotero drop-ins', 'Café conversations']);
    expect(await names('?status=in_progress')).toEqual(['Law reading lists', 'Café conversations']);
    expect(await names(`?orgUnitId=${faculty}`)).toEqual(['Zotero drop-ins', 'Café conversations']);
    expect(await names(`?orgUnitId=${dept}`)).toEqual(['Café conversations']);
    expect(await names(`?goalId=${skills?.id}`)).toEqual(['Law reading lists', 'Café conversations']);
    expect(await names(`?goalId=${obj}`)).toEqual(['Café conversations']);
    expect(await names('?q=CAFE')).toEqual(['Café conversations']);
    expect(await names('?q=musician')).toEqual(['Zotero drop-ins']);
    expect(await names('?q=%25')).toEqual([]);
    expect(await names(`?orgUnitId=${ids.science}`)).toEqual([]);
    // an edit brings it to the top
    tick();
    expect((await c.librarian.patch(`${base}/${cafe.id}`, { aims: 'Talk' })).statusCode).toBe(200);
    const page = await list(c.viewer, '?pageSize=2&page=1');
    expect([page.total, page.items.map((x) => x.id)]).toEqual([3, [cafe.id, law.id]]);
    expect((await list(c.viewer, '?pageSize=2&page=2')).items.map((x) => x.id)).toEqual([zotero.id]);
    expect(page.items[0]).toEqual({
      id: cafe.id, initiative: 'Café conversations', status: 'in_progress', orgUnits: [{ id: dept, name: 'Music' }],
      goals: [{ id: obj, title: 'Digital skills', owner: 'library', parent: { id: skills?.id, title: 'Skills' } }], createdAt: cafe.createdAt, updatedAt: page.items[0]?.updatedAt,
    });
  });
});

describe('impact evaluations: the exported narrative', () => {
  it('tells the story as Markdown in the template’s order, escaping HTML', async () => {
    const e = await create(a.librarian, { ...full(), initiative: 'Skills <script>alert(1)</script> & “more”', whatWeLearned: 'Line one\n# not a heading\n<b>bold</b>' });
    const res = await a.viewer.get(`${base}/${e.id}/export?format=md`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="skills-script-alert-1-script-more.md"');
    const md = res.body;
    const headings = md.split('\n').filter((l) => /^#{1,3} /.test(l));
    expect(headings).toEqual([
      '# Skills \\<script>alert(1)\\</script> & “more”',
      '## Aims and objectives', '## Success criteria', '## Impact indicators', '## What we did', '## What we learned', '## How we acted',
      '## How we measured impact', '## How we communicated impact', '## Outcomes', '### Short-term outcomes', '### Long-term outcomes',
    ]);
    expect(md).not.toMatch(/(^|[^\\])<(script|b)>/);
    expect(md).toContain('Line one\n\\# not a heading\n\\<b>bold\\</b>');
    expect(md).toContain('Status: Complete');
    expect(md).toContain('1. Teach literature searching inside COMP390\n2. Teach referencing before the proposal deadline\n3. Agree a marking rubric line on sources');
    expect(md).toContain('- 5 Nov 2024: Literature searching in COMP390\n- 20 Jan 2025: Referencing workshop');
    expect(md).toContain('- Loans (loans)\n- NSS learning resources (%)');
    expect(md).toContain('- Figure, 5 Nov 2024: “94 students attended”');
    expect(md).toContain('| To whom | When | How |\n| --- | --- | --- |\n| Head of School | 10 Feb 2025 | Summary in the annual meeting |\n| Faculty Teaching Committee | Not yet | Paper to the spring meeting |');
    expect(md.indexOf('Fewer referencing errors.')).toBeGreaterThan(md.indexOf('### Short-term outcomes'));
    expect(md.indexOf('Research skills written into the learning outcomes.')).toBeGreaterThan(md.indexOf('### Long-term outcomes'));
  });

  it('and as a standalone, accessible HTML page with every text escaped; PDF is not offered yet', async () => {
    const e = await create(a.librarian, { initiative: 'Open <i>access</i> week', aims: 'Para one\n\nPara "two" & <img src=x onerror=alert(1)>', communications: [{ audience: '<Dean>', how: 'Email' }] });
    const res = await a.viewer.get(`${base}/${e.id}/export?format=html`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="open-i-access-i-week.html"');
    const html = res.body;
    expect(html.startsWith('<!doctype html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain('<title>Impact evaluation: Open &lt;i&gt;access&lt;/i&gt; week</title>');
    expect(html).toContain('<h1>Open &lt;i&gt;access&lt;/i&gt; week</h1>');
    expect(html).toContain('<p>Para one</p>\n<p>Para &quot;two&quot; &amp; &lt;img src=x onerror=alert(1)&gt;</p>');
    expect(html).not.toMatch(/<(i|img|Dean)[ >]/);
    expect(html).toContain('<th scope="col">To whom</th>');
    expect(html).toContain('<td>&lt;Dean&gt;</td><td>Not yet</td><td>Email</td>');
    expect([...html.matchAll(/<h([1-3])>([^<]*)<\/h\1>/g)].map((m) => `${m[1]}:${m[2]}`)).toEqual([
      '1:Open &lt;i&gt;access&lt;/i&gt; week', '2:Aims and objectives', '2:Success criteria', '2:Impact indicators', '2:What we did', '2:What we learned',
      '2:How we acted', '2:How we measured impact', '2:How we communicated impact', '2:Outcomes', '3:Short-term outcomes', '3:Long-term outcomes',
    ]);
    expect(html.match(/Not recorded\./g)?.length).toBe(8);
    const pdf = await a.viewer.get(`${base}/${e.id}/export?format=pdf`);
    expect([pdf.statusCode, fields(pdf)]).toEqual([400, ['format']]);
  });
});

describe('impact evaluations: tenancy and audit', () => {
  it("another institution's evaluation is not found, and it cannot link another institution's records", async () => {
    const e = await create(a.librarian, { initiative: 'Ours alone' });
    expect((await b.viewer.get(`${base}/${e.id}`)).statusCode).toBe(404);
    expect((await b.viewer.get(`${base}/${e.id}/export?format=md`)).statusCode).toBe(404);
    expect((await b.librarian.patch(`${base}/${e.id}`, { initiative: 'Theirs' })).statusCode).toBe(404);
    expect((await b.manager.delete(`${base}/${e.id}`)).statusCode).toBe(404);
    expect((await list(b.viewer, '?pageSize=200')).items.map((x) => x.id)).not.toContain(e.id);
    const links: [string, string][] = [
      ['engagementIds', ids.teaching], ['evidenceIds', ids.quote], ['metricIds', ids.loans], ['orgUnitIds', ids.computing], ['goalIds', ids.skills],
    ];
    for (const [field, id] of links) {
      const res = await b.librarian.post(base, body({ [field]: [id] }));
      expect([res.statusCode, fields(res)], field).toEqual([400, [field]]);
    }
    expect((await detail(a.viewer, e.id)).initiative).toBe('Ours alone');
  });

  it('audits every write with its lists, in order', async () => {
    const e = await create(a.librarian, { initiative: 'Audited', objectives: ['First', 'Second'], engagementIds: [ids.teaching] });
    expect((await a.librarian.patch(`${base}/${e.id}`, { objectives: ['Second', 'First'], status: 'in_progress', communications: [{ audience: 'Dean', how: 'Email' }] })).statusCode).toBe(200);
    expect((await a.librarian.delete(`${base}/${e.id}`)).statusCode).toBe(204);
    expect((await a.viewer.get(`${base}/${e.id}`)).statusCode).toBe(404);
    type Entry = { action: string; entityType: string; changes: Record<string, { before: unknown; after: unknown }> };
    const audit = (await a.admin.get(`/api/v1/audit?entityId=${e.id}`)).json<{ items: Entry[] }>().items;
    expect(audit.map((x) => `${x.entityType}:${x.action}`)).toEqual(['impact_evaluation:delete', 'impact_evaluation:update', 'impact_evaluation:create']);
    expect(audit[2]?.changes).toMatchObject({ initiative: { before: null, after: 'Audited' }, objectives: { before: null, after: ['First', 'Second'] }, engagement_ids: { after: [ids.teaching] } });
    expect(audit[1]?.changes).toEqual({
      status: { before: 'planned', after: 'in_progress' },
      objectives: { before: ['First', 'Second'], after: ['Second', 'First'] },
      communications: { before: [], after: [{ audience: 'Dean', on: null, how: 'Email' }] },
    });
    expect(audit[0]?.changes).toMatchObject({ initiative: { before: 'Audited', after: null }, objectives: { before: ['Second', 'First'] } });
  });
});
