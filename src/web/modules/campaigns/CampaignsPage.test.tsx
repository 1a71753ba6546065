import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CampaignDto, CampaignStatus } from '../../../shared/contracts/campaigns.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { CampaignsView } from './CampaignsPage.tsx';
import { goals, me } from './fixtures.ts';

const row = (over: Partial<CampaignDto>): CampaignDto => ({
  id: 'c1', name: 'Research data week', purpose: null, message: null, startsOn: '2025-03-10', endsOn: '2025-03-21', status: 'current',
  targets: [], goals: [], reach: { targeted: 6, engaged: 4 }, createdAt: '2025-02-01T10:00:00Z', updatedAt: '2025-02-01T10:00:00Z', ...over,
});
const rows = [row({}), row({ id: 'c2', name: 'Open access week', startsOn: '2024-10-21', endsOn: '2024-10-27', status: 'past', reach: { targeted: 0, engaged: 0 } })];

function setup(opts: { manager?: boolean; status?: CampaignStatus } = {}) {
  const calls = stubApi((method, url, body) => {
    if (url.pathname === '/api/v1/auth/me') return { body: me('manager') };
    if (url.pathname === '/api/v1/campaigns' && method === 'GET') return { body: { items: rows, page: 1, pageSize: 25, total: 2 } };
    if (url.pathname === '/api/v1/campaigns' && method === 'POST') return { status: 201, body: row({ id: 'c-new', ...(body as object) }) };
    if (url.pathname === '/api/v1/goals') return { body: goals };
    if (url.pathname === '/api/v1/org-units') {
      const items = url.searchParams.get('q') ? [{ id: 'ou-hist', name: 'History', parentName: 'Faculty of Arts', type: 'department' }] : [];
      return { body: { items, page: 1, pageSize: 20, total: items.length } };
    }
    return undefined;
  });
  const onFilter = vi.fn();
  const onCreated = vi.fn();
  renderWithProviders(<CampaignsView status={opts.status} page={1} manager={opts.manager ?? true} onFilter={onFilter} onCreated={onCreated} />);
  return { calls, onFilter, onCreated, user: userEvent.setup({ delay: null }) };
}

/** Pastes the text in one go: a keystroke at a time into a date input is slow under jsdom. */
async function fill(user: ReturnType<typeof userEvent.setup>, box: HTMLElement, text: string) {
  await user.click(box);
  await user.paste(text);
}

describe('CampaignsPage', { timeout: 60_000 }, () => {
  it('lists campaigns with their period, status, targets and reach in words; the status filter asks the API', async () => {
    const { calls, onFilter, user } = setup({ status: 'current', manager: false });
    expect(await screen.findByRole('heading', { level: 1, name: 'Campaigns' })).toBeTruthy();
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['Research data week', '10 Mar 2025 – 21 Mar 2025', 'Current', '6', '4 of 6 departments engaged'],
      ['Open access week', '21 Oct 2024 – 27 Oct 2024', 'Past', '0', 'No target departments'],
    ]);
    expect(within(table).getByRole('link', { name: 'Research data week' }).getAttribute('href')).toBe('/campaigns/c1');
    expect(calls.find((c) => c.path.startsWith('/api/v1/campaigns'))?.path).toBe('/api/v1/campaigns?status=current&page=1&pageSize=25');
    expect(screen.queryByRole('button', { name: 'New campaign' })).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'Past' }));
    expect(onFilter).toHaveBeenLastCalledWith({ status: 'past', page: undefined });
    await user.click(screen.getByRole('radio', { name: 'All' }));
    expect(onFilter).toHaveBeenLastCalledWith({ status: undefined, page: undefined });
  });

  it('creates a campaign from the modal form: name, dates, target departments and goals', async () => {
    const { calls, onCreated, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'New campaign' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'New campaign' }));
    await user.click(dialog.getByRole('button', { name: 'Add campaign' }));
    expect(await dialog.findAllByText('is required')).toHaveLength(3);

    await user.type(dialog.getByRole('textbox', { name: /^Name/ }), 'Skills week');
    await user.type(dialog.getByRole('textbox', { name: /^Message/ }), 'Book a session');
    await fill(user, dialog.getByRole('textbox', { name: /^Starts on/ }), '2025-10-06');
    await fill(user, dialog.getByRole('textbox', { name: /^Ends on/ }), '2025-10-03');
    await user.click(dialog.getByRole('combobox', { name: /^Target departments/ }));
    await user.keyboard('Hist');
    await user.click(await screen.findByRole('option', { name: 'History (Faculty of Arts)', hidden: true }));
    await user.click(dialog.getByRole('combobox', { name: /^Strategic goals/ }));
    await user.click(await screen.findByRole('option', { name: 'Skills › Research data skills', hidden: true }));
    await user.click(dialog.getByRole('button', { name: 'Add campaign' }));
    expect(await dialog.findByText('must be on or after startsOn')).toBeTruthy();
    const posts = () => calls.filter((c) => c.method === 'POST');
    expect(posts()).toEqual([]);

    const ends = dialog.getByRole('textbox', { name: /^Ends on/ });
    await user.clear(ends);
    await fill(user, ends, '2025-10-10');
    await user.click(dialog.getByRole('button', { name: 'Add campaign' }));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]?.body).toEqual({
      name: 'Skills week', purpose: null, message: 'Book a session', startsOn: '2025-10-06', endsOn: '2025-10-10', targetOrgUnitIds: ['ou-hist'], goalIds: ['o-data'],
    });
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ id: 'c-new' })));
  });
});
