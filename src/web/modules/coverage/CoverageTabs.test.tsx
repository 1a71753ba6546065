import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CoverageDto, CoverageMatrixDto } from '../../../shared/contracts/coverage.ts';
import type { MeDto, UserDto } from '../../../shared/contracts/identity.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { CoveragePage } from './CoveragePage.tsx';

vi.setConfig({ testTimeout: 20_000 });

const me = (role: MeDto['user']['role']): MeDto => ({
  user: { id: 'me', email: 'me@uni.example', name: 'Mo', role, jobTitle: null, teamId: null, active: true },
  institution: { id: 'i1', name: 'Northmoor' },
  csrfToken: 'tok',
});
const page = <T,>(items: T[]) => ({ items, page: 1, pageSize: 50, total: items.length });
const matrix: CoverageMatrixDto = {
  functions: [{ id: 'f1', label: 'Subject liaison' }],
  rows: [{ orgUnit: { id: 'd1', name: 'History', parentName: 'Faculty of Arts' }, cells: { f1: [{ userId: 'u1', name: 'Ann Archer' }] }, inherited: {}, gaps: [], singlePointOfFailure: true }],
  page: 1, pageSize: 50, total: 1,
};
const ann: UserDto = { id: 'u1', email: 'ann@uni.example', name: 'Ann Archer', role: 'librarian', jobTitle: 'Faculty Librarian', teamId: 't1', active: true };
const bob: UserDto = { ...ann, id: 'u2', email: 'bob@uni.example', name: 'Bob Brown', teamId: null };
const annCover: CoverageDto = {
  id: 'c1', user: { id: 'u1', name: 'Ann Archer', jobTitle: 'Faculty Librarian', email: 'ann@uni.example' },
  orgUnit: { id: 'd1', name: 'History' }, function: { id: 'f1', label: 'Subject liaison' }, startDate: '2024-08-01', endDate: null, current: true,
};

function stub(role: MeDto['user']['role']) {
  return stubApi((method, url) => {
    if (url.pathname === '/api/v1/auth/me') return { body: me(role) };
    if (url.pathname === '/api/v1/org-units') return { body: page([]) };
    if (url.pathname === '/api/v1/coverage/matrix') return { body: matrix };
    if (url.pathname === '/api/v1/coverage' && method === 'GET') return { body: page(url.searchParams.get('userId') === 'u2' ? [] : [annCover]) };
    if (url.pathname === '/api/v1/coverage/c1' && method === 'DELETE') return { status: 204 };
    if (url.pathname === '/api/v1/users') return { body: page([ann, bob]) };
    if (url.pathname === '/api/v1/teams' && method === 'GET') return { body: [{ id: 't1', name: 'Academic Services', description: null, memberCount: 1 }] };
    if (url.pathname === '/api/v1/teams' && method === 'POST') return { status: 409, body: { code: 'CONFLICT', message: 'name: a team with this name exists', details: [{ field: 'name', message: 'a team with this name exists' }], requestId: 't' } };
    return undefined;
  });
}

describe('removing cover', () => {
  it('asks before deleting the assignment', async () => {
    const calls = stub('manager');
    const u = userEvent.setup();
    renderWithProviders(<CoveragePage />);
    await u.click(await screen.findByRole('button', { name: 'Manage cover: Subject liaison, History' }, { timeout: 4000 }));
    const dialog = await screen.findByRole('dialog');
    await u.click(await within(dialog).findByRole('button', { name: 'Remove Ann Archer' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await u.click(within(dialog).getByRole('button', { name: 'Yes, remove' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/v1/coverage/c1']));
  });
});

describe('staff tab', () => {
  it("loads a person's cover only when asked, by keyboard", async () => {
    const calls = stub('viewer');
    const u = userEvent.setup();
    renderWithProviders(<CoveragePage />);
    const matrixTab = await screen.findByRole('tab', { name: 'Coverage matrix' });
    matrixTab.focus();
    await u.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Staff' }).getAttribute('aria-selected')).toBe('true');
    const row = (await screen.findByText('Ann Archer', { selector: 'th span' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Academic Services')).toBeTruthy();
    expect(calls.some((c) => c.path.includes('userId='))).toBe(false);

    const view = within(row).getByRole('button', { name: 'View cover: Ann Archer' });
    expect(view.getAttribute('aria-expanded')).toBe('false');
    view.focus();
    await u.keyboard('{Enter}');
    expect(await screen.findByRole('link', { name: 'History' })).toBeTruthy();
    expect(calls.filter((c) => c.path.includes('userId=')).map((c) => c.path)).toEqual(['/api/v1/coverage?userId=u1&current=true&pageSize=100']);
  });
});

describe('teams tab', () => {
  it('shows member counts; managers add a team and see a clash beside the name', async () => {
    stub('manager');
    const u = userEvent.setup();
    renderWithProviders(<CoveragePage />);
    await u.click(await screen.findByRole('tab', { name: 'Teams' }));
    const row = (await screen.findByRole('rowheader', { name: 'Academic Services' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('1')).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Add a team' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a team' });
    await u.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Academic Services');
    await u.click(within(dialog).getByRole('button', { name: 'Add team' }));
    expect(await within(dialog).findByText('a team with this name exists')).toBeTruthy();
  });

  it('hides team editing from viewers', async () => {
    stub('viewer');
    renderWithProviders(<CoveragePage />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Teams' }));
    await screen.findByRole('rowheader', { name: 'Academic Services' });
    expect(screen.queryByRole('button', { name: 'Add a team' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Rename/ })).toBeNull();
  });
});
