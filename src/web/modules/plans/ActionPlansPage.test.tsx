import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { academicYearOf } from '../../../shared/academic-year.ts';
import type { Role } from '../../../shared/contracts/common.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { today } from '../../lib/dates.ts';
import { ActionPlansView, type PlansSearch } from './ActionPlansPage.tsx';
import { institution, me, page, summary } from './fixtures.ts';

configure({ asyncUtilTimeout: 5000 });

const current = academicYearOf(today()).year;
const label = (y: number) => `${y}–${String((y + 1) % 100).padStart(2, '0')}`;
const plans = [
  summary({ id: 'pl1', year: current, status: 'in_progress', agreedBy: 'Dr Ada Lovelace', agreedOn: '2026-10-03', actions: { total: 8, done: 3, overdue: 1 } }),
  summary({ id: 'pl2', year: current, orgUnit: { id: 'ou-hist', name: 'History' } }),
];

function setup({ role = 'librarian', search = {} }: { role?: Role; search?: PlansSearch } = {}) {
  const calls = stubApi((_method, url) => {
    if (url.pathname === '/api/v1/auth/me') return { body: me(role) };
    if (url.pathname === '/api/v1/institution') return { body: institution };
    if (url.pathname === '/api/v1/action-plans') return { body: page(plans) };
    return undefined;
  });
  const set = vi.fn();
  renderWithProviders(<ActionPlansView search={search} set={set} />);
  return { calls, set, user: userEvent.setup({ delay: null }) };
}

describe('ActionPlansPage', { timeout: 30_000 }, () => {
  it('lists this academic year’s plans with status, agreement, progress and overdue actions in words', async () => {
    const { calls } = setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Action plans' })).toBeTruthy();
    const table = within(await screen.findByRole('table', { name: `Action plans for ${label(current)}` }));
    expect(screen.getByRole<HTMLInputElement>('combobox', { name: 'Academic year' }).value).toBe(label(current));
    const [computing, history] = table.getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(computing).toEqual(['School of Computing', 'In progress', 'Dr Ada Lovelace, 3 Oct 2026', '3 of 8 done', '1 overdue']);
    expect(history).toEqual(['History', 'Draft', 'Not yet', 'No actions yet', 'None overdue']);
    expect(table.getByRole('link', { name: 'School of Computing' }).getAttribute('href')).toBe('/plans/pl1');
    expect(calls.some((c) => c.path.startsWith('/api/v1/action-plans?') && c.path.includes(`year=${current}`))).toBe(true);
    expect(screen.getByRole('button', { name: 'Start a plan' })).toBeTruthy();
  });

  it('filters by status through the URL, and asks for the chosen status', async () => {
    const { calls, set, user } = setup({ search: { status: 'agreed', year: current - 1 } });
    await screen.findByRole('table');
    expect(calls.some((c) => c.path.includes('status=agreed') && c.path.includes(`year=${current - 1}`))).toBe(true);
    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Reviewed', hidden: true }));
    await waitFor(() => expect(set).toHaveBeenCalledWith({ status: 'reviewed' }));
  });

  it('does not offer viewers to start a plan', async () => {
    setup({ role: 'viewer' });
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: 'Start a plan' })).toBeNull();
  });
});
