import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../shared/contracts/common.ts';
import type { EngagementDto } from '../../../shared/contracts/engagements.ts';
import type { PersonDto } from '../../../shared/contracts/people.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { AppActionsContext } from '../../components/actions.ts';
import { personSignals } from '../relationships/fixtures.ts';
import { PersonView } from './PersonPage.tsx';

// the page renders many sections at once; role queries over all of it take jsdom longer than the 1 s default
configure({ asyncUtilTimeout: 5000 });

const daysAgo = (n: number) => dayjs().subtract(n, 'day').format('YYYY-MM-DD');

const current = { id: 'pos1', personId: 'p1', orgUnitId: 'd1', orgUnitName: 'Mathematics', title: 'Head of Department', startDate: '2020-09-01', endDate: null, current: true };
const past = { id: 'pos0', personId: 'p1', orgUnitId: 'd2', orgUnitName: 'Physics', title: 'Lecturer', startDate: '2012-09-01', endDate: '2020-08-31', current: false };
const person: PersonDto = {
  id: 'p1', name: 'Ada Lovelace', email: 'ada@northmoor.example', phone: null, isChampion: true, influence: 5, interest: 2,
  stayInTouchDays: 30, contactCap: null, contactCapDays: null, championSince: null, tags: ['curriculum review'], updatedAt: '2026-01-01T00:00:00Z', currentPositions: [current],
  motivations: 'Wants the new programme to pass validation', needs: null, challenges: 'Heavy marking load', preferredChannel: 'Email',
  notes: null, createdAt: '2026-01-01T00:00:00Z', positions: [current, past],
};

const engagement = (occurredOn: string): EngagementDto => ({
  id: 'e1', type: { id: 't1', label: 'Meeting' }, occurredOn, durationMinutes: null, summary: 'Talked through reading lists', outcome: null, followUp: null,
  initiatedBy: 'library', attendance: null, milestone: null, goals: [], campaigns: [], themes: [], people: [{ id: 'p1', name: 'Ada Lovelace' }], staff: [], orgUnits: [],
  createdBy: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
});

function setup({ role = 'librarian', lastOn = daysAgo(45) }: { role?: Role; lastOn?: string } = {}) {
  const calls = stubApi((_method, url) => {
    if (url.pathname === '/api/v1/auth/me') {
      return { body: { user: { id: 'u1', email: 'sam@northmoor.example', name: 'Sam Reid', role, jobTitle: null, teamId: null, active: true }, institution: { id: 'i1', name: 'Northmoor' }, csrfToken: 'x' } };
    }
    if (url.pathname === '/api/v1/people/p1') return { body: person };
    if (url.pathname === '/api/v1/engagements') return { body: { items: [engagement(lastOn)], page: 1, pageSize: 20, total: 1 } };
    if (url.pathname === '/api/v1/people/p1/signals') return { body: personSignals };
    if (url.pathname === '/api/v1/people/p1/maturity') return { body: [] };
    return undefined;
  });
  const openQuickLog = vi.fn();
  renderWithProviders(
    <AppActionsContext.Provider value={{ openQuickLog, openSearch: () => undefined }}>
      <PersonView id="p1" />
    </AppActionsContext.Provider>,
  );
  return { calls, openQuickLog, user: userEvent.setup({ delay: null }) };
}

describe('PersonView', { timeout: 20_000 }, () => {
  it('shows the person, their positions and their stakeholder position in words and numbers', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeTruthy();
    expect(screen.getAllByText('Library champion').length).toBeGreaterThan(0);
    const positions = within(screen.getByRole('region', { name: 'Positions' }));
    expect(positions.getByRole('link', { name: 'Mathematics' }).getAttribute('href')).toBe('/departments/d1');
    expect(positions.getByText('Lecturer')).toBeTruthy();
    expect(positions.getByText(/1 Sep 2012 to 31 Aug 2020/)).toBeTruthy();
    expect(screen.getByText('Very high (5 of 5)')).toBeTruthy();
    expect(screen.getByText('Low (2 of 5)')).toBeTruthy();
    expect(screen.getByText('Keep satisfied')).toBeTruthy();
  });

  it('shows how the relationship stands: stay in touch, the contact cap, signals and maturity', async () => {
    const { calls } = setup();
    const relationship = within(await screen.findByRole('region', { name: 'Relationship' }));
    expect(await within(relationship.getByRole('region', { name: 'Stay in touch' })).findByText('Overdue')).toBeTruthy();
    expect(within(relationship.getByRole('region', { name: 'Contact cap' })).getByText('Cap passed')).toBeTruthy();
    expect(relationship.getByRole('region', { name: 'Signals' })).toBeTruthy();
    expect(await relationship.findByText('Not yet assessed.')).toBeTruthy();
    expect(relationship.getByRole('button', { name: 'Assess maturity of Ada Lovelace' })).toBeTruthy();
    expect(calls.map((c) => c.path)).toContain('/api/v1/people/p1/signals?window=year');
  });

  it('logs an engagement with the person at their current unit', async () => {
    const { openQuickLog, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Log engagement with Ada Lovelace' }));
    expect(openQuickLog).toHaveBeenCalledWith({ personIds: ['p1'], orgUnitId: 'd1' });
  });

  it('hides editing from viewers', async () => {
    setup({ role: 'viewer' });
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    await screen.findByText('Not yet assessed.');
    expect(screen.queryByRole('button', { name: /Add a position|End position|Log engagement|Assess maturity/ })).toBeNull();
  });
});
