import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { AppActionsContext } from '../../components/actions.ts';
import { MyWeekPage } from './MyWeekPage.tsx';

const me = (role: string) => ({ user: { id: 'u1', email: 'l@x.example', name: 'Liaison Lee', role, jobTitle: null, teamId: null, active: true }, institution: { id: 'i1', name: 'Northmoor' }, csrfToken: 'c' });
const institution = { id: 'i1', name: 'Northmoor', academicYearStartMonth: 8, academicYearStartDay: 1, timeZone: 'Europe/London', publicDirectory: false };
const unit = (id: string, name: string, lastEngagementOn: string | null) => ({ id, parentId: 'f1', parentName: 'Faculty of Science', type: 'department', name, code: null, status: 'active', description: null, lastEngagementOn });
const engagement = {
  id: 'e1', type: { id: 't1', label: 'Meeting' }, occurredOn: dayjs().format('YYYY-MM-DD'), durationMinutes: 30, summary: 'Reading lists for the new module',
  outcome: null, followUp: null, initiatedBy: 'partner', attendance: null, themes: [], people: [{ id: 'p1', name: 'Ada Byron' }], staff: [{ id: 'u1', name: 'Liaison Lee' }],
  orgUnits: [{ id: 'ou1', name: 'Chemistry' }], createdBy: 'u1', createdAt: '2026-01-01', updatedAt: '2026-01-01',
};
const teamNudge = { key: 'n1', kind: 'single_point', title: 'Physics: one librarian covers everything', detail: 'Add a second contact.', date: null, href: '/coverage' };
const page = <T,>(items: T[]) => ({ items, page: 1, pageSize: 50, total: items.length });

function render({ role = 'librarian', units = [] as unknown[], engagements = [] as unknown[] } = {}) {
  const calls = stubApi((_m, url) => {
    if (url.pathname === '/api/v1/auth/me') return { body: me(role) };
    if (url.pathname === '/api/v1/institution') return { body: institution };
    if (url.pathname === '/api/v1/org-units') return { body: page(units) };
    if (url.pathname === '/api/v1/engagements') return { body: page(engagements) };
    if (url.pathname === '/api/v1/nudges') return { body: url.searchParams.get('scope') === 'team' ? { items: [teamNudge], hidden: 0 } : { items: [], hidden: 2 } };
    return undefined;
  });
  const openQuickLog = vi.fn();
  renderWithProviders(
    <AppActionsContext.Provider value={{ openQuickLog, openSearch: vi.fn() }}>
      <MyWeekPage />
    </AppActionsContext.Provider>,
  );
  return { calls, openQuickLog };
}

describe('MyWeekPage', () => {
  it('lists my departments with days since the last engagement, flags the quiet ones, and shows my recent engagements', async () => {
    const { calls, openQuickLog } = render({
      units: [unit('ou2', 'Physics', dayjs().subtract(2, 'year').format('YYYY-MM-DD')), unit('ou1', 'Chemistry', dayjs().subtract(3, 'day').format('YYYY-MM-DD')), unit('ou3', 'Geology', null)],
      engagements: [engagement],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'My week' })).toBeTruthy();

    const chemistry = (await screen.findByRole('link', { name: 'Chemistry' })).closest('tr') as HTMLElement;
    expect(within(chemistry).getByText(/3 days since/)).toBeTruthy();
    const physics = screen.getByRole('link', { name: 'Physics' }).closest('tr') as HTMLElement;
    expect(within(physics).getByText('Not engaged this year')).toBeTruthy();
    const geology = screen.getByRole('link', { name: 'Geology' }).closest('tr') as HTMLElement;
    expect(within(geology).getByText('Never')).toBeTruthy();
    expect(within(geology).getByText('Not engaged this year')).toBeTruthy();

    expect(await screen.findByText('Reading lists for the new module')).toBeTruthy();
    expect(calls.map((c) => c.path)).toEqual(expect.arrayContaining([
      '/api/v1/org-units?coveredBy=u1&pageSize=50&sort=lastEngagementOn',
      '/api/v1/engagements?staffId=u1&pageSize=10',
    ]));

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Log engagement' }));
    expect(openQuickLog).toHaveBeenCalledWith();
    await user.click(within(chemistry).getByRole('button', { name: 'Log an engagement with Chemistry' }));
    expect(openQuickLog).toHaveBeenLastCalledWith({ orgUnitId: 'ou1' });
  });

  it('helps a new user: how coverage is assigned, and how to log a first engagement', async () => {
    render();
    expect(await screen.findByText(/You don't cover any departments yet/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Staff and coverage' }).getAttribute('href')).toBe('/coverage');
    expect(await screen.findByText(/Nothing logged yet/)).toBeTruthy();
  });

  it('puts what needs attention first, and gives managers the team view', async () => {
    const { calls } = render({ role: 'manager' });
    const section = await screen.findByRole('region', { name: 'Needs attention' });
    expect(await within(section).findByText('Nothing needs your attention.')).toBeTruthy();
    expect(within(section).getByText('2 snoozed or dismissed')).toBeTruthy();
    await userEvent.setup().click(within(section).getByRole('button', { name: 'Team' }));
    expect(await within(section).findByText('Physics: one librarian covers everything')).toBeTruthy();
    expect(calls.map((c) => c.path)).toEqual(expect.arrayContaining(['/api/v1/nudges?scope=mine', '/api/v1/nudges?scope=team']));
  });

  it('offers no team view to a librarian', async () => {
    render();
    const section = await screen.findByRole('region', { name: 'Needs attention' });
    await within(section).findByText('Nothing needs your attention.');
    expect(within(section).queryByRole('button', { name: 'Team' })).toBeNull();
  });

  it('offers no logging to a viewer', async () => {
    render({ role: 'viewer', units: [unit('ou1', 'Chemistry', null)] });
    await screen.findByRole('link', { name: 'Chemistry' });
    expect(screen.queryByRole('button', { name: 'Log engagement' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Log an engagement with/ })).toBeNull();
  });
});
