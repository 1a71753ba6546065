import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../shared/contracts/common.ts';
import type { ImpactSummaryDto } from '../../../shared/contracts/impact.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { evaluation, goals, me } from './fixtures.ts';
import { ImpactView } from './ImpactPage.tsx';

const rows: ImpactSummaryDto[] = [
  { id: 'ie1', initiative: 'Research skills in Computing', status: 'complete', orgUnits: [{ id: 'ou-comp', name: 'School of Computing' }, { id: 'ou-h', name: 'History' }], goals: [], createdAt: '2025-02-01T10:00:00Z', updatedAt: '2025-03-01T10:00:00Z' },
  { id: 'ie2', initiative: 'AI literacy pilot', status: 'in_progress', orgUnits: [], goals: [], createdAt: '2025-01-01T10:00:00Z', updatedAt: '2025-01-15T10:00:00Z' },
];

function setup(role: Role = 'librarian') {
  const calls = stubApi((method, url) => {
    if (url.pathname === '/api/v1/auth/me') return { body: me(role) };
    if (url.pathname === '/api/v1/impact-evaluations' && method === 'GET') {
      const status = url.searchParams.get('status');
      const items = rows.filter((r) => !status || r.status === status);
      return { body: { items, page: 1, pageSize: 25, total: items.length } };
    }
    if (url.pathname === '/api/v1/impact-evaluations' && method === 'POST') return { status: 201, body: { ...evaluation, id: 'ie-new', initiative: 'Open access week' } };
    if (url.pathname === '/api/v1/goals') return { body: goals };
    if (['/api/v1/org-units', '/api/v1/engagements', '/api/v1/evidence', '/api/v1/metrics'].includes(url.pathname)) return { body: { items: [], page: 1, pageSize: 20, total: 0 } };
    return undefined;
  });
  const onCreated = vi.fn();
  renderWithProviders(<ImpactView onCreated={onCreated} />);
  return { calls, onCreated, user: userEvent.setup({ delay: null }) };
}

const cells = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));

describe('ImpactPage', { timeout: 60_000 }, () => {
  it('lists evaluations with status, departments and last update; filters by status through the API', async () => {
    const { calls, user } = setup('viewer');
    expect(await screen.findByRole('heading', { level: 1, name: 'Impact evaluations' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Impact evaluations, most recently updated first' });
    expect(cells(table)).toEqual([
      ['Research skills in Computing', 'Complete', 'School of Computing, History', '1 Mar 2025'],
      ['AI literacy pilot', 'In progress', 'None named', '15 Jan 2025'],
    ]);
    expect(within(table).getByRole('link', { name: 'Research skills in Computing' }).getAttribute('href')).toBe('/impact/ie1');
    expect(screen.queryByRole('button', { name: 'New impact evaluation' })).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'In progress' }));
    await waitFor(() => expect(cells(screen.getByRole('table'))).toEqual([['AI literacy pilot', 'In progress', 'None named', '15 Jan 2025']]));
    expect(calls.filter((c) => c.path.startsWith('/api/v1/impact-evaluations')).map((c) => c.path)).toEqual([
      '/api/v1/impact-evaluations?page=1&pageSize=25', '/api/v1/impact-evaluations?status=in_progress&page=1&pageSize=25',
    ]);
  });

  it('lets a librarian start a new evaluation and goes to it once added', async () => {
    const { calls, onCreated, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'New impact evaluation' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'New impact evaluation' }));
    await user.type(dialog.getByRole('textbox', { name: /^Initiative/ }), 'Open access week');
    await user.click(dialog.getByRole('button', { name: 'Add evaluation' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ id: 'ie-new' })));
    expect(calls.filter((c) => c.method === 'POST').map((c) => (c.body as { initiative: string; status: string })).map((b) => [b.initiative, b.status])).toEqual([['Open access week', 'planned']]);
  });
});
