import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubApi, type Handler } from '../../../../test/web-render.tsx';
import { parseDate } from './EngagementFormDate.tsx';
import { QuickLog } from './QuickLog.tsx';

const vocab = (kind: string, rows: [string, string][]) => rows.map(([key, label], i) => ({ id: `${kind}-${key}`, kind, key, label, sortOrder: i, active: true }));
const types = vocab('engagement_type', [['meeting', 'Meeting'], ['email', 'Email'], ['workshop', 'Workshop']]);
const themes = vocab('theme', [['visibility', 'Visibility'], ['skills', 'Skills'], ['relations', 'Relations']]);
const me = { user: { id: 'u1', email: 'l@x.example', name: 'Liaison', role: 'librarian', jobTitle: null, teamId: null, active: true }, institution: { id: 'i1', name: 'Northmoor' }, csrfToken: 'csrf' };
const chemistry = { id: 'ou-chem', parentId: null, parentName: null, type: 'department', name: 'Chemistry', code: 'CHEM', status: 'active', description: null, lastEngagementOn: null };
const position = { id: 'pos1', personId: 'p-ada', orgUnitId: 'ou-chem', orgUnitName: 'Chemistry', title: 'Head of Department', startDate: null, endDate: null, current: true };
const ada = {
  id: 'p-ada', name: 'Ada Byron', email: null, phone: null, isChampion: false, influence: 5, interest: 3, stayInTouchDays: null, tags: [], updatedAt: '2026-01-01',
  currentPositions: [position], positions: [position], createdAt: '2026-01-01', notes: null,
  motivations: 'Wants the NSS scores for assessment feedback up', needs: 'Reading lists in place before week 1', challenges: 'No time in term', preferredChannel: 'Teams chat',
};
/** jsdom has no layout, so Mantine hides dropdowns as "detached"; the options are there, just not "visible". */
const page = <T,>(items: T[]) => ({ items, page: 1, pageSize: 20, total: items.length });

/** The API a quick log talks to; `post` answers the engagement POST. */
function api(post: Handler = () => ({ status: 201, body: { id: 'e1', warnings: [] } })): ReturnType<typeof stubApi> {
  return stubApi((method, url, body) => {
    const p = url.pathname;
    if (method === 'POST' && p === '/api/v1/engagements') return post(method, url, body);
    if (p === '/api/v1/auth/me') return { body: me };
    if (p === '/api/v1/vocab') return { body: url.searchParams.get('kind') === 'theme' ? themes : types };
    if (p === '/api/v1/org-units') return { body: page(url.searchParams.get('q')?.toLowerCase().startsWith('ch') ? [chemistry] : []) };
    if (p === '/api/v1/org-units/ou-chem') return { body: chemistry };
    if (p === '/api/v1/people') return { body: page(url.searchParams.get('orgUnitId') === 'ou-chem' || url.searchParams.get('q') ? [ada] : []) };
    if (p === '/api/v1/people/p-ada') return { body: ada };
    return undefined;
  });
}

const posts = (calls: ReturnType<typeof stubApi>) => calls.filter((c) => c.method === 'POST');

/** Opens quick log and waits for the type to default to Meeting, with focus in it. */
async function open(prefill = {}) {
  const onClose = vi.fn();
  renderWithProviders(<><Notifications /><QuickLog prefill={prefill} onClose={onClose} /></>);
  const type = await screen.findByRole('combobox', { name: 'Type' });
  await waitFor(() => expect(type).toHaveProperty('value', 'Meeting'));
  await waitFor(() => expect(document.activeElement).toBe(type));
  return { onClose, user: userEvent.setup() };
}

describe('QuickLog', { timeout: 30_000 }, () => {
  it('logs a meeting from the keyboard alone: type-ahead with ArrowDown/Enter, Ctrl+Enter to save', async () => {
    const calls = api();
    const { user, onClose } = await open();

    await user.tab(); // date: today already, and one Tab leaves it
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Date' }));
    expect(document.activeElement).toHaveProperty('value', dayjs().format('D MMM YYYY'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Departments' }));
    await user.keyboard('Chem');
    await screen.findByRole('option', { name: 'Chemistry', hidden: true });
    await user.keyboard('{ArrowDown}{Enter}');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'People' }));
    await user.keyboard('Ada');
    await screen.findByRole('option', { name: /Ada Byron/, hidden: true });
    await user.keyboard('{ArrowDown}{Enter}');
    await user.tab();
    await user.keyboard('Ski');
    await screen.findByRole('option', { name: 'Skills', hidden: true });
    await user.keyboard('{ArrowDown}{Enter}');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Summary' }));
    await user.keyboard('Talked through reading lists for the new module');
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]).toMatchObject({
      path: '/api/v1/engagements',
      body: {
        typeId: 'engagement_type-meeting', occurredOn: dayjs().format('YYYY-MM-DD'), orgUnitIds: ['ou-chem'], personIds: ['p-ada'],
        themeIds: ['theme-skills'], summary: 'Talked through reading lists for the new module', initiatedBy: 'library',
      },
    });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('shows "required" beside an empty summary and sends nothing', async () => {
    const calls = api();
    const { user } = await open({ orgUnitId: 'ou-chem' });
    await user.tab();
    await user.keyboard('{Enter}'); // Enter in the date field: a half-filled form must not go
    expect(await screen.findByText('Is required')).toBeTruthy();
    const summary = screen.getByRole('textbox', { name: 'Summary' });
    expect(summary.getAttribute('aria-invalid')).toBe('true');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(posts(calls)).toHaveLength(0);
  });

  it("shows the chosen person's motivations, needs and preferred channel while logging", async () => {
    api();
    const { user } = await open();
    const panel = screen.getByRole('region', { name: 'Understanding the other' });
    expect(within(panel).queryByText(/NSS scores/)).toBeNull();
    await user.click(screen.getByRole('combobox', { name: 'People' }));
    await user.keyboard('Ada');
    await user.click(await screen.findByRole('option', { name: /Ada Byron/, hidden: true }));
    expect(await within(panel).findByText('Wants the NSS scores for assessment feedback up')).toBeTruthy();
    expect(within(panel).getByText('Reading lists in place before week 1')).toBeTruthy();
    expect(within(panel).getByText('Teams chat')).toBeTruthy();
  });

  it("puts the API's 400 about orgUnitIds under the department field", async () => {
    const calls = api(() => ({ status: 400, body: { code: 'VALIDATION', message: 'Invalid body', requestId: 'r', details: [{ field: 'orgUnitIds', message: 'no such department: ou-chem' }] } }));
    const { user } = await open({ orgUnitId: 'ou-chem' });
    await screen.findByText('Chemistry'); // the prefilled department's pill
    await user.click(screen.getByRole('textbox', { name: 'Summary' }));
    await user.keyboard('Coffee with the head of department');
    await user.click(screen.getByRole('button', { name: 'Log engagement' }));

    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    const departments = screen.getByRole('combobox', { name: 'Departments' });
    await waitFor(() => expect(departments.getAttribute('aria-invalid')).toBe('true'));
    const errorId = departments.getAttribute('aria-describedby')?.split(' ').find((id) => document.getElementById(id)?.textContent?.includes('No such department'));
    expect(errorId).toBeTruthy();
  });

  it('saves a milestone, then shows the contact-cap warning as a notification that says "Warning:" without blocking', async () => {
    const warning = 'Dr Zoë Ångström has had 5 library-initiated engagements in the last 30 days; their cap is 4.';
    const calls = api(() => ({ status: 201, body: { id: 'e-champ', warnings: [warning] } }));
    const { user, onClose } = await open({ orgUnitId: 'ou-chem', personIds: ['p-ada'] });
    await user.click(screen.getByRole('textbox', { name: 'Summary' }));
    await user.keyboard('Agreed that Zoë will champion the library at the school board');
    const milestone = screen.getByRole('textbox', { name: "Milestone on the department's journey" });
    expect(milestone.getAttribute('placeholder')).toBe('e.g. Found our library champion');
    await user.type(milestone, 'Found our library champion');
    await user.click(screen.getByRole('button', { name: 'Log engagement' }));

    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]?.body).toMatchObject({ milestone: 'Found our library champion', personIds: ['p-ada'] });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const alert = (await screen.findByText(`Warning: ${warning}`)).closest('[role="alert"]') as HTMLElement;
    expect(within(alert).getByText('Saved, with a warning')).toBeTruthy();
    expect(alert.getAttribute('style')).toContain('orange');
  });

  it('creates a person from the typed name, at the chosen department, and selects them', async () => {
    const calls = stubApi((method, url) => {
      if (method === 'POST' && url.pathname === '/api/v1/people') return { status: 201, body: { ...ada, id: 'p-new', name: 'Grace Hopper', motivations: null } };
      if (url.pathname === '/api/v1/people') return { body: page([]) };
      if (url.pathname === '/api/v1/vocab') return { body: url.searchParams.get('kind') === 'theme' ? themes : types };
      if (url.pathname === '/api/v1/org-units/ou-chem') return { body: chemistry };
      if (url.pathname === '/api/v1/people/p-new') return { body: { ...ada, id: 'p-new', name: 'Grace Hopper' } };
      return url.pathname === '/api/v1/auth/me' ? { body: me } : undefined;
    });
    const { user } = await open({ orgUnitId: 'ou-chem' });
    await user.click(screen.getByRole('combobox', { name: 'People' }));
    await user.keyboard('Grace Hopper');
    await screen.findByRole('option', { name: 'Create person “Grace Hopper”', hidden: true });
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]).toMatchObject({ path: '/api/v1/people', body: { name: 'Grace Hopper', positions: [{ orgUnitId: 'ou-chem', title: 'Contact' }] } });
    expect(await screen.findByRole('heading', { name: 'Grace Hopper' })).toBeTruthy();
  });
});

describe('parseDate', () => {
  const now = dayjs('2026-03-12'); // a Thursday
  it.each([
    ['today', '2026-03-12'], ['yesterday', '2026-03-11'], ['yest', '2026-03-11'], ['mon', '2026-03-09'], ['Thursday', '2026-03-12'], ['fri', '2026-03-06'],
    ['2026-02-28', '2026-02-28'], ['5/3', '2026-03-05'], ['5/3/25', '2025-03-05'], ['05.03.2024', '2024-03-05'], ['5 Mar', '2026-03-05'], ['5th March 2025', '2025-03-05'],
    ['12 Mar 2026', '2026-03-12'], ['31/2', null], ['soon', null], ['', null],
  ])('%s → %s', (text, iso) => expect(parseDate(text, now)).toBe(iso));
});
