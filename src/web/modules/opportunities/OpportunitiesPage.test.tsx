import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/contracts/common.ts';
import type { BoardDto } from '../../../shared/contracts/opportunities.ts';
import { stageChangeBody, milestoneBody } from '../../../shared/contracts/opportunities.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { today } from '../../lib/dates.ts';
import { detail, meAs, opportunity, page } from './fixtures.ts';
import { meKey } from '../identity/api.ts';
import { OpportunitiesPage } from './OpportunitiesPage.tsx';

configure({ asyncUtilTimeout: 5000 });

const induction = opportunity('o1', { title: 'Referencing workshops for first years', cold: { reason: 'No engagement or stage change for 20 days (since 2026-02-01)' } });
const pilot = opportunity('o2', { title: 'Data skills pilot', stage: 'piloting', isPilot: true, orgUnits: [{ id: 'd2', name: 'Physics' }, { id: 'd3', name: 'Chemistry' }] });
const request = opportunity('o4', {
  title: 'Help with a systematic review', windowClosesOn: null, trigger: { kind: 'incoming_request', text: 'A PhD student emailed for help', engagement: null, evidence: null },
  priority: { score: 1.5, value: 3, effort: 2, alignment: 1, alignmentReason: 'Not yet aligned to a strategic goal', urgency: 1, urgencyReason: 'No closing date' },
});
const declined = opportunity('o3', { title: 'Archive visit', stage: 'declined', closedReason: 'No budget this year' });

const board: BoardDto = {
  columns: [
    { stage: 'spotted', total: 1, items: [induction] },
    { stage: 'hook_found', total: 0, items: [] },
    { stage: 'approached', total: 0, items: [] },
    { stage: 'piloting', total: 1, items: [pilot] },
    { stage: 'embedded', total: 0, items: [] },
    { stage: 'declined', total: 1, items: [declined] },
  ],
};

function render(role: Role = 'librarian') {
  const calls = stubApi((method, url) => {
    if (url.pathname === '/api/v1/auth/me') return { body: meAs(role) };
    if (url.pathname === '/api/v1/opportunities/board') return { body: board };
    if (url.pathname === '/api/v1/opportunities') return { body: { items: [induction, pilot], page: 1, pageSize: 50, total: 2 } };
    if (url.pathname === '/api/v1/opportunities/triage') return { body: { items: [request], page: 1, pageSize: 25, total: 1 } };
    if (url.pathname === '/api/v1/goals') return { body: [] };
    if (url.pathname === '/api/v1/org-units') return { body: page([]) };
    const stage = /^\/api\/v1\/opportunities\/(\w+)\/stage$/.exec(url.pathname);
    if (stage && method === 'POST') return { body: detail(stage[1] ?? '') };
    const milestone = /^\/api\/v1\/opportunities\/(\w+)\/milestone$/.exec(url.pathname);
    if (milestone && method === 'POST') return { body: detail(milestone[1] ?? '') };
    return undefined;
  });
  const { queryClient } = renderWithProviders(<OpportunitiesPage />);
  return { calls, queryClient, user: userEvent.setup({ delay: null }) };
}

const posts = (calls: { method: string; path: string; body: unknown }[]) => calls.filter((c) => c.method === 'POST').map(({ path, body }) => ({ path, body }));
const column = (name: RegExp) => screen.getByRole('region', { name });

describe('OpportunitiesPage: the board', { timeout: 30_000 }, () => {
  it('shows a column per stage with its total, and cards with their details; declined or lapsed starts collapsed', async () => {
    const { user } = render();
    expect(await screen.findByRole('heading', { level: 1, name: 'Opportunities' })).toBeTruthy();
    await screen.findByRole('link', { name: induction.title });
    for (const [name, total] of [['Spotted', 1], ['Hook found', 0], ['Approached', 0], ['Piloting', 1], ['Embedded', 0], ['Declined or lapsed', 1]] as const) {
      const heading = within(column(new RegExp(`^${name}`))).getByRole('heading', { level: 2 });
      expect(heading.textContent).toBe(`${name} (${total} ${total === 1 ? 'opportunity' : 'opportunities'})`);
    }
    const spotted = column(/^Spotted/);
    expect(within(spotted).getByRole('link', { name: induction.title }).getAttribute('href')).toBe('/opportunities/o1');
    expect(within(spotted).getByText('Mathematics')).toBeTruthy();
    expect(within(spotted).getByText('Owner: Sam Reid')).toBeTruthy();
    expect(within(spotted).getByText('Window closes 1 May 2026')).toBeTruthy();
    expect(within(spotted).getByRole('button', { name: /^6 is the priority of Referencing workshops for first years/ })).toBeTruthy();
    expect(within(spotted).getByText(/no engagement or stage change for 20 days/).textContent).toBe('Going cold: no engagement or stage change for 20 days (since 2026-02-01)');
    const piloting = column(/^Piloting/);
    expect(within(piloting).getByText('Pilot')).toBeTruthy();
    expect(within(piloting).getByText('Physics, Chemistry')).toBeTruthy();

    const closed = column(/^Declined or lapsed/);
    expect(within(closed).queryByRole('link', { name: 'Archive visit' })).toBeNull();
    await user.click(within(closed).getByRole('button', { name: 'Show declined or lapsed' }));
    expect(within(closed).getByRole('link', { name: 'Archive visit' })).toBeTruthy();
    expect(within(closed).getByText('No budget this year')).toBeTruthy();
    expect(within(closed).getByRole('button', { name: 'Hide declined or lapsed' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('moves a card with its "Move to…" menu, without dragging', async () => {
    const { calls, user } = render();
    await screen.findByRole('link', { name: induction.title });
    const card = within(column(/^Spotted/));
    expect(card.getByRole('button', { name: `Drag ${induction.title}` }).getAttribute('aria-roledescription')).toBe('draggable');
    await user.click(card.getByRole('button', { name: `Move to… (now Spotted): ${induction.title}` }));
    const approached = await screen.findByRole('menuitem', { name: 'Approached' });
    // the dropdown fades in; read the whole menu from the item just found
    const items = within(approached.closest('[role="menu"]') as HTMLElement).getAllByRole('menuitem', { hidden: true }).map((i) => i.textContent);
    expect(items).toEqual(['Hook found', 'Approached', 'Piloting', 'Embedded', 'Declined…', 'Lapsed…']);
    await user.click(approached);
    await waitFor(() => expect(posts(calls)).toEqual([{ path: '/api/v1/opportunities/o1/stage', body: { stage: 'approached' } }]));
    expect(stageChangeBody.safeParse(posts(calls)[0]?.body).success).toBe(true);
    expect(await screen.findByText(`Moved ${induction.title} to Approached`)).toBeTruthy();
    // the card keeps the keyboard's place, wherever it now sits
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('link', { name: induction.title }).closest('li')));
  });

  it('announces keyboard dragging in plain English', async () => {
    const { calls, user } = render();
    await screen.findByRole('link', { name: induction.title });
    const handle = within(column(/^Spotted/)).getByRole('button', { name: `Drag ${induction.title}` });
    const instructions = document.getElementById(handle.getAttribute('aria-describedby') ?? '');
    expect(instructions?.textContent).toMatch(/^To pick up this opportunity, press space or enter\./);
    handle.focus();
    await user.keyboard(' ');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`Picked up ${induction.title}, in Spotted.`));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`Stopped moving ${induction.title}; it stays in Spotted.`));
    expect(posts(calls)).toEqual([]);
  });

  it('asks why before declining, and sends nothing without a reason', async () => {
    const { calls, user } = render();
    await screen.findByRole('link', { name: induction.title });
    await user.click(within(column(/^Spotted/)).getByRole('button', { name: /^Move to…/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Declined…' }));
    const dialog = await screen.findByRole('dialog', { name: `Mark ${induction.title} as declined?` });
    await user.click(within(dialog).getByRole('button', { name: 'Mark as declined' }));
    expect(await within(dialog).findByText('Say why it was declined or lapsed')).toBeTruthy();
    expect(within(dialog).getByLabelText(/^Why was it declined/).getAttribute('aria-invalid')).toBe('true');
    expect(posts(calls)).toEqual([]);

    await user.type(within(dialog).getByLabelText(/^Why was it declined/), 'They are rewriting the module next year');
    await user.click(within(dialog).getByRole('button', { name: 'Mark as declined' }));
    await waitFor(() => expect(posts(calls)).toEqual([
      { path: '/api/v1/opportunities/o1/stage', body: { stage: 'declined', reason: 'They are rewriting the module next year' } },
    ]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('offers to record a milestone on reaching embedded, and posts it', async () => {
    const { calls, user } = render();
    await screen.findByRole('link', { name: pilot.title });
    await user.click(within(column(/^Piloting/)).getByRole('button', { name: /^Move to…/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Embedded' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record a milestone on the journey?' });
    expect(within(dialog).getByText(/journey of Physics and Chemistry/)).toBeTruthy();
    expect(within(dialog).getByLabelText<HTMLInputElement>(/^Milestone/).value).toBe('Embedded: Data skills pilot');
    await user.click(within(dialog).getByRole('button', { name: 'Record milestone' }));
    await waitFor(() => expect(posts(calls)).toEqual([
      { path: '/api/v1/opportunities/o2/stage', body: { stage: 'embedded' } },
      { path: '/api/v1/opportunities/o2/milestone', body: { title: 'Embedded: Data skills pilot', on: today() } },
    ]));
    expect(milestoneBody.safeParse(posts(calls)[1]?.body).success).toBe(true);
  });

  it('lets "Not now" skip the milestone', async () => {
    const { calls, user } = render();
    await screen.findByRole('link', { name: pilot.title });
    await user.click(within(column(/^Piloting/)).getByRole('button', { name: /^Move to…/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Embedded' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record a milestone on the journey?' });
    await user.click(within(dialog).getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(posts(calls).map((c) => c.path)).toEqual(['/api/v1/opportunities/o2/stage']);
  });

  it('shows a viewer the board without move controls or "New opportunity"', async () => {
    const { queryClient } = render('viewer');
    await screen.findByRole('link', { name: induction.title });
    // the role has arrived, so what is missing is missing because of it
    await waitFor(() => expect(queryClient.getQueryData(meKey)).toEqual(meAs('viewer')));
    expect(screen.queryByRole('button', { name: /^Move to…/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Drag / })).toBeNull();
    expect(screen.queryByRole('link', { name: 'New opportunity' })).toBeNull();
  });
});

describe('OpportunitiesPage: the list and triage', { timeout: 30_000 }, () => {
  it('lists opportunities with the priority and its parts, sorted as chosen', async () => {
    const { calls, user } = render();
    await screen.findByRole('link', { name: induction.title });
    await user.click(screen.getByRole('radio', { name: 'List' }));
    const table = await screen.findByRole('table', { name: 'Opportunities, priority, highest first' });
    expect(calls.map((c) => c.path)).toContain('/api/v1/opportunities?sort=priority&page=1&pageSize=50');
    const row = within(table).getByRole('row', { name: new RegExp(induction.title) });
    expect(within(row).getByText('Spotted')).toBeTruthy();
    expect(within(row).getByRole('link', { name: 'Mathematics' })).toBeTruthy();
    await user.click(within(row).getByRole('button', { name: /^6 is the priority/ }));
    expect((await screen.findByText(/value 4 × alignment 1.5 × urgency 2 ÷ effort 2/)).textContent).toBe('6 = value 4 × alignment 1.5 × urgency 2 ÷ effort 2');

    await user.click(screen.getByRole('combobox', { name: 'Sort by' }));
    await user.click(await screen.findByRole('option', { name: 'Window, closing soonest first', hidden: true }));
    await waitFor(() => expect(calls.map((c) => c.path)).toContain('/api/v1/opportunities?sort=window&page=1&pageSize=50'));
  });

  it('shows incoming requests by priority with the parts, and their quick actions', async () => {
    const { calls, user } = render();
    await screen.findByRole('link', { name: induction.title });
    await user.click(screen.getByRole('radio', { name: 'Triage' }));
    const section = await screen.findByRole('region', { name: 'Incoming requests, by priority' });
    expect(calls.map((c) => c.path)).toContain('/api/v1/opportunities/triage?page=1&pageSize=25');
    expect(within(section).getByText('A PhD student emailed for help')).toBeTruthy();
    expect(within(section).getByText('= value 3 × alignment 1 × urgency 1 ÷ effort 2', { exact: false })).toBeTruthy();
    expect(within(section).getByText('Not yet aligned to a strategic goal. No closing date.')).toBeTruthy();

    await user.click(within(section).getByRole('button', { name: /^Hook found\W+Help with a systematic review$/ }));
    await waitFor(() => expect(posts(calls)).toEqual([{ path: '/api/v1/opportunities/o4/stage', body: { stage: 'hook_found' } }]));

    await user.click(within(section).getByRole('button', { name: /^Decline\W+Help with a systematic review$/ }));
    const dialog = await screen.findByRole('dialog', { name: `Mark ${request.title} as declined?` });
    await user.type(within(dialog).getByLabelText(/^Why was it declined/), 'Handled by the faculty team');
    await user.click(within(dialog).getByRole('button', { name: 'Mark as declined' }));
    await waitFor(() => expect(posts(calls)[1]).toEqual({ path: '/api/v1/opportunities/o4/stage', body: { stage: 'declined', reason: 'Handled by the faculty team' } }));
  });
});
