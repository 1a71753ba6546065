import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 20_000 });
import type { CoverageMatrixDto } from '../../../shared/contracts/coverage.ts';
import type { MeDto, UserDto } from '../../../shared/contracts/identity.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { today } from '../../lib/dates.ts';
import { CoveragePage } from './CoveragePage.tsx';

const me = (role: MeDto['user']['role']): MeDto => ({
  user: { id: 'me', email: 'me@uni.example', name: 'Mo Manager', role, jobTitle: null, teamId: null, active: true },
  institution: { id: 'i1', name: 'Northmoor' },
  csrfToken: 'tok',
});

const matrix: CoverageMatrixDto = {
  functions: [{ id: 'f1', label: 'Subject liaison' }, { id: 'f2', label: 'Research support' }],
  rows: [
    {
      orgUnit: { id: 'd1', name: 'History', parentName: 'Faculty of Arts' },
      cells: { f1: [{ userId: 'u1', name: 'Ann Archer' }], f2: [] },
      inherited: {},
      gaps: ['f2'],
      singlePointOfFailure: true,
    },
    {
      orgUnit: { id: 'd2', name: 'Physics', parentName: 'Faculty of Science' },
      cells: { f1: [{ userId: 'u2', name: 'Ben Baker' }], f2: [{ userId: 'u3', name: 'Cat Cole' }] },
      inherited: { f2: { id: 'fac2', name: 'Faculty of Science' } },
      gaps: [],
      singlePointOfFailure: false,
    },
  ],
  page: 1,
  pageSize: 50,
  total: 2,
};

const user = (id: string, name: string): UserDto => ({ id, email: `${id}@uni.example`, name, role: 'librarian', jobTitle: 'Faculty Librarian', teamId: null, active: true });
const page = <T,>(items: T[]) => ({ items, page: 1, pageSize: 50, total: items.length });

function stub(role: MeDto['user']['role'], post?: () => { status: number; body: unknown }) {
  return stubApi((method, url) => {
    if (url.pathname === '/api/v1/auth/me') return { body: me(role) };
    if (url.pathname === '/api/v1/org-units') return { body: page([{ id: 'fac1', name: 'Faculty of Arts' }]) };
    if (url.pathname === '/api/v1/coverage/matrix') return { body: matrix };
    if (url.pathname === '/api/v1/coverage' && method === 'GET') return { body: page([]) };
    if (url.pathname === '/api/v1/coverage' && method === 'POST') return post?.();
    if (url.pathname === '/api/v1/users') return { body: page([user('u1', 'Ann Archer'), { ...user('u5', 'Eve Gone'), active: false }, user('u4', 'Dee Dawson')]) };
    return undefined;
  });
}

const rowOf = async (name: string) => (await screen.findByRole('link', { name }, { timeout: 4000 })).closest('tr') as HTMLElement;

describe('CoveragePage matrix', () => {
  it('marks gaps, single points of failure and inherited cover in words; viewers get no edit buttons', async () => {
    const calls = stub('viewer');
    renderWithProviders(<CoveragePage />);
    const history = await rowOf('History');
    expect(within(history).getByText('Gap')).toBeTruthy();
    expect(within(history).getByText('Single point of failure')).toBeTruthy();
    const physics = await rowOf('Physics');
    expect(within(physics).queryByText('Gap')).toBeNull();
    expect(within(physics).queryByText('Single point of failure')).toBeNull();
    expect(within(physics).getByText('via Faculty of Science')).toBeTruthy();
    expect(within(history).getByRole('link', { name: 'History' }).getAttribute('href')).toBe('/departments/d1');
    expect(screen.queryByRole('button', { name: /^Add cover/ })).toBeNull();
    expect(calls.some((c) => c.path.startsWith('/api/v1/coverage/matrix'))).toBe(true);
  });

  it('gives managers a button per cell', async () => {
    stub('manager');
    renderWithProviders(<CoveragePage />);
    expect(await screen.findByRole('button', { name: 'Add cover: Research support, History' }, { timeout: 4000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Manage cover: Subject liaison, History' })).toBeTruthy();
  });

  it('filters the page to units with gaps', async () => {
    stub('viewer');
    renderWithProviders(<CoveragePage />);
    await rowOf('Physics');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Only units with gaps (this page)' }));
    expect(screen.queryByRole('link', { name: 'Physics' })).toBeNull();
    expect(screen.getByRole('link', { name: 'History' })).toBeTruthy();
  });
});

describe('adding cover', () => {
  it('sends the chosen staff member for the cell, and shows an overlap under the start date', async () => {
    const message = 'this person already covers this unit in this function from the start to no end date';
    const calls = stub('manager', () => ({ status: 409, body: { code: 'CONFLICT', message: `startDate: ${message}`, details: [{ field: 'startDate', message }], requestId: 't' } }));
    const u = userEvent.setup();
    renderWithProviders(<CoveragePage />);
    await u.click(await screen.findByRole('button', { name: 'Add cover: Research support, History' }, { timeout: 4000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Research support: History' });
    expect(await within(dialog).findByText('Nobody covers this yet.')).toBeTruthy();

    // jsdom lays nothing out, so Mantine's dropdown counts as hidden: the options are looked up with hidden: true
    const staffBox = within(dialog).getByRole('combobox', { name: 'Staff member' });
    await u.click(staffBox);
    expect(await screen.findByRole('option', { name: /Ann Archer/, hidden: true })).toBeTruthy();
    expect(screen.queryByRole('option', { name: /Eve Gone/, hidden: true })).toBeNull();
    await u.type(staffBox, 'Dee');
    await u.keyboard('{ArrowDown}{Enter}');
    expect((staffBox as HTMLInputElement).value).toBe('Dee Dawson (Faculty Librarian)');
    await u.click(within(dialog).getByRole('button', { name: 'Add cover' }));

    await waitFor(() => expect(calls.find((c) => c.method === 'POST')).toBeTruthy());
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ userId: 'u4', orgUnitId: 'd1', functionId: 'f2', startDate: today(), endDate: null });
    expect(await within(dialog).findByText(message)).toBeTruthy();
    const start = within(dialog).getByRole('textbox', { name: 'Start date' });
    expect(start.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(start.getAttribute('aria-describedby')?.split(' ').find((id) => id.includes('error')) ?? '')?.textContent).toBe(message);
  });

  it('asks for a staff member before sending anything', async () => {
    const calls = stub('manager');
    const u = userEvent.setup();
    renderWithProviders(<CoveragePage />);
    await u.click(await screen.findByRole('button', { name: 'Add cover: Research support, History' }, { timeout: 4000 }));
    const dialog = await screen.findByRole('dialog');
    await u.click(within(dialog).getByRole('button', { name: 'Add cover' }));
    expect(await within(dialog).findByText('Choose a staff member')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });
});
