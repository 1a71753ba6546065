import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDetailDto } from '../../../shared/contracts/campaigns.ts';
import { buildTestApp, newTenant, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';
import { engagementFixtures } from '../../../../test/engagements.ts';
import { read } from '../../../../test/planning.ts';

/*
 * "Engagements and evidence link to a campaign; its page shows … what came of it": evidence is linked
 * from the evidence side (evidence_campaigns); the campaign's outcomes count it and quote the latest five.
 */
const clock = { now: () => new Date('2025-03-15T12:00:00Z') };
let t: TestApp;
let a: Tenant;
let b: Tenant;
const ef = engagementFixtures(() => t);

async function campaign(agent: Agent, name: string): Promise<string> {
  const res = await agent.post('/api/v1/campaigns', { name, startsOn: '2025-02-01', endsOn: '2025-03-31' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}
async function evidence(agent: Agent, body: Record<string, unknown>): Promise<string> {
  const res = await agent.post('/api/v1/evidence', { kind: 'feedback', sourceText: 'A PhD student', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}
const detail = (agent: Agent, id: string) => read<CampaignDetailDto>(agent, `/api/v1/campaigns/${id}`);

beforeAll(async () => {
  t = await buildTestApp({ clock, env: { LOGIN_RATE_LIMIT: '1000' } });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  await Promise.all([ef.loadVocab(a), ef.loadVocab(b)]);
});
afterAll(() => t?.close());

describe('campaigns: the evidence that came of it', () => {
  it('counts the linked evidence and shows the latest five, newest first, as kind, date and excerpt', async () => {
    const id = await campaign(a.manager, 'Open access week');
    const other = await campaign(a.manager, 'Another campaign');
    const linked: string[] = [];
    for (let day = 10; day <= 16; day += 1) {
      linked.push(await evidence(a.librarian, { text: `Deposit feedback from day ${day}`, occurredOn: `2025-02-${day}`, campaignIds: [id] }));
    }
    await evidence(a.librarian, { text: 'About the other campaign', occurredOn: '2025-03-01', campaignIds: [other] });
    await evidence(a.librarian, { text: 'About no campaign', occurredOn: '2025-03-02' });

    const shown = await detail(a.viewer, id);
    expect(shown.outcomes.evidence.total).toBe(7);
    expect(shown.outcomes.evidence.recent.map((e) => e.id)).toEqual(linked.slice(2).reverse());
    expect(shown.outcomes.evidence.recent[0]).toEqual({ id: linked[6], kind: 'feedback', excerpt: 'Deposit feedback from day 16', occurredOn: '2025-02-16' });
    expect((await detail(a.viewer, other)).outcomes.evidence).toMatchObject({ total: 1, recent: [{ excerpt: 'About the other campaign' }] });
  });

  it("never counts another institution's evidence, and another institution cannot read the campaign", async () => {
    const id = await campaign(a.manager, 'Data week');
    const theirs = await campaign(b.manager, 'Data week');
    await evidence(b.librarian, { text: 'Their feedback', occurredOn: '2025-03-01', campaignIds: [theirs] });
    const crossed = await b.librarian.post('/api/v1/evidence', { kind: 'feedback', text: 'Reaching across', sourceText: 'x', occurredOn: '2025-03-01', campaignIds: [id] });
    expect(crossed.statusCode).toBe(400);
    expect((await detail(a.viewer, id)).outcomes.evidence).toEqual({ total: 0, recent: [] });
    expect((await detail(b.viewer, theirs)).outcomes.evidence.total).toBe(1);
    expect((await b.viewer.get(`/api/v1/campaigns/${id}`)).statusCode).toBe(404);
  });
});
