import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { academicYearOf } from '../../../shared/academic-year.ts';
import type { Role } from '../../../shared/contracts/common.ts';
import type { ActionPlanSummaryDto } from '../../../shared/contracts/plans.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { today } from '../../lib/dates.ts';
import { DepartmentPlan } from './DepartmentPlan.tsx';
import { institution, me, page, plan, summary } from './fixtures.ts';

configure({ asyncUtilTimeout: 5000 });

// the institution's years start on 1 August
const current = academicYearOf(today()).year;
const label = (y: number) => `${y}–${String((y + 1) % 100).padStart(2, '0')}`;

function setup({ role = 'librarian', plans = [], conflict = false }: { role?: Role; plans?: ActionPlanSummaryDto[]; conflict?: boolean } = {}) {
  const calls = stubApi((method, url) => {
    const p = url.pathname;
    if (p === '/api/v1/auth/me') return { body: me(role) };
    if (p === '/api/v1/institution') return { body: institution };
    if (p === '/api/v1/action-plans' && method === 'GET') {
      // after a 409 the form looks up the plan the department already has
      if (url.searchParams.get('year')) return { body: page([summary({ id: 'pl-existing', year: current })]) };
      return { body: page(plans) };
    }
    if (p === '/api/v1/action-plans' && method === 'POST') {
      return conflict
        ? { status: 409, body: { code: 'CONFLICT', message: 'year: this department already has an action plan for that year', details: [{ field: 'year', message: 'this department already has an action plan for that year' }], requestId: 't' } }
        : { status: 201, body: { ...plan, id: 'pl-new', year: current, yearLabel: label(current) } };
    }
    return undefined;
  });
  renderWithProviders(<DepartmentPlan orgUnitId="ou-comp" orgUnitName="School of Computing" />);
  return { calls, user: userEvent.setup({ delay: null }) };
}

describe('DepartmentPlan', { timeout: 30_000 }, () => {
  it('offers to start this year’s plan when there is none, carrying last year’s unfinished actions forward', async () => {
    const { calls, user } = setup({ plans: [summary({ id: 'pl-old', year: current - 1, status: 'reviewed', actions: { total: 8, done: 6, overdue: 0 } })] });
    const panel = await screen.findByRole('region', { name: 'Action plan' });
    expect(await within(panel).findByText(`School of Computing has no action plan for ${label(current)} yet.`)).toBeTruthy();
    const earlier = within(panel).getByRole('link', { name: label(current - 1) });
    expect(earlier.getAttribute('href')).toBe('/plans/pl-old');
    expect(earlier.parentElement?.textContent).toBe(`${label(current - 1)} · Reviewed · 6 of 8 done`);
    expect(calls.some((c) => c.path.startsWith('/api/v1/action-plans?') && c.path.includes('orgUnitId=ou-comp'))).toBe(true);

    await user.click(within(panel).getByRole('button', { name: 'Start this year\'s plan' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Start School of Computing\'s plan' }));
    expect(dialog.getByRole<HTMLInputElement>('combobox', { name: 'Academic year' }).value).toBe(label(current));
    expect(dialog.getByRole<HTMLInputElement>('checkbox', { name: /Carry last year forward/ }).checked).toBe(true);
    await user.click(dialog.getByRole('button', { name: 'Start the plan' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/v1/action-plans', body: { orgUnitId: 'ou-comp', year: current, carryForward: true } },
    ]));
  });

  it('says beside the year when the department already has that year’s plan, and links to it', async () => {
    const { user } = setup({ conflict: true });
    await user.click(await screen.findByRole('button', { name: 'Start this year\'s plan' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('checkbox', { name: /Carry last year forward/ }));
    await user.click(dialog.getByRole('button', { name: 'Start the plan' }));
    const link = await dialog.findByRole('link', { name: 'open it' });
    expect(link.getAttribute('href')).toBe('/plans/pl-existing');
    expect(link.parentElement?.textContent).toBe(`This department already has a plan for ${label(current)}: open it`);
    const year = dialog.getByRole('combobox', { name: 'Academic year' });
    expect(year.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows this year’s plan with its status, progress and agreement, and a link to it', async () => {
    setup({
      role: 'viewer',
      plans: [summary({ id: 'pl1', year: current, status: 'in_progress', agreedBy: 'Dr Ada Lovelace', agreedOn: '2026-10-03', agreedVia: 'recorded', actions: { total: 8, done: 3, overdue: 2 } })],
    });
    const panel = await screen.findByRole('region', { name: 'Action plan' });
    expect(await within(panel).findByText(`${label(current)}: In progress`)).toBeTruthy();
    expect(within(panel).getByText('Actions: 3 of 8 done, 2 overdue')).toBeTruthy();
    expect(within(panel).getByText('Agreed by Dr Ada Lovelace on 3 Oct 2026, as recorded by library staff.')).toBeTruthy();
    expect(within(panel).getByRole('link', { name: `Open the ${label(current)} action plan` }).getAttribute('href')).toBe('/plans/pl1');
    expect(within(panel).queryByRole('button')).toBeNull();
  });

  it('does not offer viewers to start a plan', async () => {
    setup({ role: 'viewer' });
    expect(await screen.findByText(/has no action plan for/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start this year\'s plan' })).toBeNull();
  });
});
