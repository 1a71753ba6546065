import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CampaignDetailDto } from '../../../shared/contracts/campaigns.ts';
import type { Role } from '../../../shared/contracts/common.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { CampaignView } from './CampaignPage.tsx';
import { goals, me } from './fixtures.ts';

const campaign: CampaignDetailDto = {
  id: 'c1', name: 'Research data week', purpose: 'Raise awareness of data management plans', message: 'Your data, your future',
  startsOn: '2025-03-10', endsOn: '2025-03-21', status: 'current',
  targets: [{ id: 'ou-sci', name: 'Faculty of Science' }, { id: 'ou-hist', name: 'History' }, { id: 'ou-law', name: 'Law' }],
  goals: [{ id: 'o-data', title: 'Research data skills', owner: 'library', parent: { id: 'g-skills', title: 'Skills' } }],
  reach: { targeted: 3, engaged: 2 },
  createdAt: '2025-02-01T10:00:00Z', updatedAt: '2025-02-01T10:00:00Z',
  targetReach: [
    { id: 'ou-sci', name: 'Faculty of Science', engagements: 1, lastOn: '2025-03-11' },
    { id: 'ou-hist', name: 'History', engagements: 2, lastOn: '2025-03-14' },
    { id: 'ou-law', name: 'Law', engagements: 0, lastOn: null },
  ],
  outcomes: {
    engagements: 3, attendance: 65,
    byType: [{ label: 'Teaching session', count: 2 }, { label: 'Workshop', count: 1 }],
    recent: [
      { id: 'e3', occurredOn: '2025-03-14', summary: 'Joint session on archives', outcome: null, type: 'Teaching session', orgUnits: ['History', 'Physics'] },
      { id: 'e1', occurredOn: '2025-03-11', summary: 'DMP workshop for chemists', outcome: 'Three DMPs drafted', type: 'Workshop', orgUnits: ['Chemistry'] },
    ],
    opportunities: [{ id: 'op1', title: 'Data champions scheme', stage: 'hook_found' }],
    evidence: {
      total: 4,
      recent: [
        { id: 'ev2', kind: 'quote', excerpt: 'I finally understand what a data management plan is for.', occurredOn: '2025-03-13' },
        { id: 'ev1', kind: 'figure', excerpt: '12 DMPs reviewed in the week', occurredOn: '2025-03-12' },
      ],
    },
  },
};

function setup(role: Role = 'manager', shown: CampaignDetailDto = campaign) {
  const calls = stubApi((method, url, body) => {
    if (url.pathname === '/api/v1/auth/me') return { body: me(role) };
    if (url.pathname === '/api/v1/campaigns/c1' && method === 'GET') return { body: shown };
    if (url.pathname === '/api/v1/campaigns/c1' && method === 'PATCH') return { body: { ...campaign, ...(body as object) } };
    if (url.pathname === '/api/v1/campaigns/c1' && method === 'DELETE') return { status: 204 };
    if (url.pathname === '/api/v1/goals') return { body: goals };
    if (url.pathname === '/api/v1/org-units') return { body: { items: [], page: 1, pageSize: 20, total: 0 } };
    return undefined;
  });
  const onDeleted = vi.fn();
  renderWithProviders(<CampaignView id="c1" onDeleted={onDeleted} />);
  return { calls, onDeleted, user: userEvent.setup({ delay: null }) };
}

const writes = (calls: ReturnType<typeof stubApi>) => calls.filter((c) => c.method !== 'GET');
const region = async (name: string) => within(await screen.findByRole('region', { name }));

describe('CampaignPage', { timeout: 30_000 }, () => {
  it('shows the period, status, purpose and message, reach in words per target, and what came of it', async () => {
    setup('viewer');
    expect(await screen.findByRole('heading', { level: 1, name: 'Research data week' })).toBeTruthy();
    const details = [...document.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(details).toEqual([
      'Period: 10 Mar 2025 – 21 Mar 2025', 'Status: Current', 'Purpose: Raise awareness of data management plans', 'Message: Your data, your future',
      'Strategic goals: Skills › Research data skills',
    ]);
    expect(screen.getByRole('link', { name: 'Skills › Research data skills' }).getAttribute('href')).toBe('/goals/o-data');

    const reach = await region('Reach');
    expect(reach.getByText(/^2 of 3 departments engaged/)).toBeTruthy();
    expect(within(reach.getByRole('list', { name: 'Target departments' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Faculty of Science · engaged: 1 engagement, the latest on 11 Mar 2025',
      'History · engaged: 2 engagements, the latest on 14 Mar 2025',
      'Law · not yet engaged',
    ]);

    const outcomes = await region('What came of it');
    expect(outcomes.getByText('3 linked engagements, 65 attendees in all.')).toBeTruthy();
    expect(within(outcomes.getByRole('list', { name: 'Linked engagements by type' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Teaching session: 2', 'Workshop: 1']);
    expect(outcomes.getByRole('heading', { name: 'The 2 most recent engagements' })).toBeTruthy();
    const recent = within(outcomes.getByRole('list', { name: 'Linked engagements, newest first' })).getAllByRole('listitem');
    expect(recent.map((li) => li.textContent)).toEqual([
      'Joint session on archives · Teaching session, 14 Mar 2025 · History, Physics',
      'DMP workshop for chemists · Workshop, 11 Mar 2025 · ChemistryOutcome: Three DMPs drafted',
    ]);
    expect(outcomes.getByRole('link', { name: 'DMP workshop for chemists' }).getAttribute('href')).toBe('/engagements/e1');
    const spotted = outcomes.getByRole('link', { name: 'Data champions scheme' });
    expect([spotted.getAttribute('href'), spotted.parentElement?.textContent]).toEqual(['/opportunities/op1', 'Data champions scheme · Hook found']);
    expect(outcomes.getByText('4 evidence items linked to the campaign; the 2 most recent:')).toBeTruthy();
    expect(within(outcomes.getByRole('list', { name: 'Evidence linked to the campaign, newest first' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Quote, 13 Mar 2025: “I finally understand what a data management plan is for.”',
      'Figure, 12 Mar 2025: “12 DMPs reviewed in the week”',
    ]);
    expect(screen.queryByRole('button', { name: /Edit campaign|Delete campaign/ })).toBeNull();
  });

  it('shows what came of it when only evidence is linked', async () => {
    const none = { engagements: 0, attendance: 0, byType: [], recent: [], opportunities: [] };
    const onlyEvidence = { ...campaign, outcomes: { ...none, evidence: { total: 1, recent: campaign.outcomes.evidence.recent.slice(0, 1) } } };
    setup('viewer', onlyEvidence);
    const outcomes = await region('What came of it');
    expect(outcomes.getByText('1 evidence item linked to the campaign:')).toBeTruthy();
    expect(outcomes.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Quote, 13 Mar 2025: “I finally understand what a data management plan is for.”']);
    expect(outcomes.getByText('None yet.')).toBeTruthy();
  });

  it('says when nothing is linked at all', async () => {
    setup('viewer', { ...campaign, outcomes: { engagements: 0, attendance: 0, byType: [], recent: [], opportunities: [], evidence: { total: 0, recent: [] } } });
    expect((await region('What came of it')).getByText('No engagements or evidence linked to this campaign yet.')).toBeTruthy();
  });

  it('edits the campaign with the same form, sending the whole campaign with its lists', async () => {
    const { calls, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Edit campaign' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit Research data week' }));
    const name = dialog.getByRole<HTMLInputElement>('textbox', { name: /^Name/ });
    expect(name.value).toBe('Research data week');
    await user.clear(name);
    await user.type(name, 'Research data fortnight');
    await user.clear(dialog.getByRole('textbox', { name: /^Purpose/ }));
    await user.click(dialog.getByRole('combobox', { name: /^Strategic goals/ }));
    await user.click(await screen.findByRole('option', { name: 'Visibility', hidden: true }));
    await user.click(dialog.getByRole('button', { name: 'Save campaign' }));

    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]).toEqual({
      method: 'PATCH', path: '/api/v1/campaigns/c1',
      body: {
        name: 'Research data fortnight', purpose: null, message: 'Your data, your future', startsOn: '2025-03-10', endsOn: '2025-03-21',
        targetOrgUnitIds: ['ou-sci', 'ou-hist', 'ou-law'], goalIds: ['o-data', 'g-vis'],
      },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('deletes only after confirming', async () => {
    const { calls, onDeleted, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Delete campaign' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Delete Research data week?' }));
    expect(dialog.getByText('The campaign and its list of targets go. Its 3 linked engagements stay, no longer linked to it.')).toBeTruthy();
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(writes(calls)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Delete campaign' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Delete Research data week?' })).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalled());
    expect(writes(calls)).toEqual([{ method: 'DELETE', path: '/api/v1/campaigns/c1', body: undefined }]);
  });
});
