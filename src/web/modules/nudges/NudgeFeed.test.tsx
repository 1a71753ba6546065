import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { NudgeDto, NudgesDto } from '../../../shared/contracts/nudges.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { NudgeFeed } from './NudgeFeed.tsx';

const nudge = (key: string, over: Partial<NudgeDto> = {}): NudgeDto => ({
  key, kind: 'cadence_overdue', title: 'Chemistry: annual review overdue', detail: 'Due by 31 January; nothing logged with the Head of Department since.',
  date: '2026-01-31', href: '/departments/d1', ...over,
});

const twoNudges: NudgesDto = {
  items: [nudge('k1'), nudge('k2', { kind: 'stay_in_touch', title: 'Ada Byron: time to get in touch', detail: 'Last contact 90 days ago.', href: '/people/p1' })],
  hidden: 3,
};

function render({ mine = twoNudges, manager = false } = {}) {
  const calls = stubApi((method, url) => {
    if (url.pathname === '/api/v1/nudges') return { body: url.searchParams.get('scope') === 'team' ? { items: [nudge('t1', { kind: 'coverage_gap', title: 'History: nobody covers research support', href: '/coverage' })], hidden: 0 } : mine };
    if (url.pathname === '/api/v1/nudges/actions' && method === 'POST') return { status: 204 };
    return undefined;
  });
  renderWithProviders(<NudgeFeed manager={manager} />);
  return { calls, user: userEvent.setup({ delay: null }) };
}

const item = async (title: string) => (await screen.findByText(title)).closest('li') as HTMLElement;
const posts = (calls: { method: string; body: unknown }[]) => calls.filter((c) => c.method === 'POST').map((c) => c.body);

describe('NudgeFeed', { timeout: 20_000 }, () => {
  it('lists each nudge with its kind, detail and a link to where to act, and counts the hidden ones', async () => {
    const { calls } = render();
    const chemistry = await item('Chemistry: annual review overdue');
    expect(within(chemistry).getByText('Key activity overdue')).toBeTruthy();
    expect(within(chemistry).getByText(/nothing logged with the Head of Department/)).toBeTruthy();
    expect(within(chemistry).getByRole('link', { name: 'Go to the department' }).getAttribute('href')).toBe('/departments/d1');
    const ada = await item('Ada Byron: time to get in touch');
    expect(within(ada).getByText('Time to get in touch')).toBeTruthy();
    expect(within(ada).getByRole('link', { name: 'Go to the person' }).getAttribute('href')).toBe('/people/p1');
    expect(screen.getByText('3 snoozed or dismissed')).toBeTruthy();
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/nudges?scope=mine']);
    expect(screen.queryByRole('group', { name: 'Whose nudges' })).toBeNull();
  });

  it('says so when nothing needs attention', async () => {
    render({ mine: { items: [], hidden: 0 } });
    expect(await screen.findByText('Nothing needs your attention.')).toBeTruthy();
    expect(screen.queryByText(/snoozed or dismissed/)).toBeNull();
  });

  it('snoozes for a week, or until a chosen date with a reason', async () => {
    const { calls, user } = render();
    const chemistry = await item('Chemistry: annual review overdue');
    await user.click(within(chemistry).getByRole('button', { name: 'Snooze' }));
    await user.click(await screen.findByRole('menuitem', { name: 'For a week' }));
    await waitFor(() => expect(posts(calls)).toEqual([{ action: 'snooze', key: 'k1', until: dayjs().add(1, 'week').format('YYYY-MM-DD') }]));
    // the snoozed item goes: focus stays in the section, on its heading
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Needs attention' })));

    const ada = await item('Ada Byron: time to get in touch');
    const snooze = within(ada).getByRole('button', { name: 'Snooze' });
    await user.click(snooze);
    // the menu this button controls (the first item's may linger, hidden, while it closes)
    const menu = await waitFor(() => {
      const m = document.getElementById(snooze.getAttribute('aria-controls') ?? '');
      if (!m) throw new Error('the snooze menu is not open');
      return m;
    });
    await user.click(within(menu).getByRole('menuitem', { name: 'Until a date…', hidden: true }));
    const dialog = await screen.findByRole('dialog', { name: 'Snooze until a date' });
    const until = within(dialog).getByLabelText(/^Snooze until/);
    await user.clear(until);
    await user.type(until, '2099-09-01');
    await user.type(within(dialog).getByLabelText('Reason (optional)'), 'On research leave until September');
    await user.click(within(dialog).getByRole('button', { name: 'Snooze' }));
    await waitFor(() => expect(posts(calls)[1]).toEqual({ action: 'snooze', key: 'k2', until: '2099-09-01', reason: 'On research leave until September' }));
  });

  it('asks why before dismissing, and sends the reason', async () => {
    const { calls, user } = render();
    const chemistry = await item('Chemistry: annual review overdue');
    await user.click(within(chemistry).getByRole('button', { name: 'Dismiss' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dismiss this nudge' });
    await user.click(within(dialog).getByRole('button', { name: 'Dismiss' }));

    const reason = within(dialog).getByLabelText(/^Reason/);
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText('Say why')).toBeTruthy();
    expect(posts(calls)).toEqual([]);

    await user.type(reason, 'The review moved to the faculty board this year');
    await user.click(within(dialog).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(posts(calls)).toEqual([{ action: 'dismiss', key: 'k1', reason: 'The review moved to the faculty board this year' }]));
  });

  it('lets a manager switch to the team’s nudges', async () => {
    const { calls, user } = render({ manager: true });
    await item('Chemistry: annual review overdue');
    const whose = screen.getByRole('group', { name: 'Whose nudges' });
    expect(within(whose).getByRole('button', { name: 'Mine', pressed: true })).toBeTruthy();
    await user.click(within(whose).getByRole('button', { name: 'Team', pressed: false }));
    expect(within(whose).getByRole('button', { name: 'Team', pressed: true })).toBeTruthy();
    const gap = await item('History: nobody covers research support');
    expect(within(gap).getByRole('link', { name: 'Go to Staff and coverage' }).getAttribute('href')).toBe('/coverage');
    expect(calls.map((c) => c.path)).toContain('/api/v1/nudges?scope=team');
  });
});
