import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/contracts/common.ts';
import type { ActionPlanDto } from '../../../shared/contracts/plans.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { ActionPlanView } from './ActionPlanPage.tsx';
import { draftPlan, engagement, institution, links, me, page, plan } from './fixtures.ts';

configure({ asyncUtilTimeout: 5000 });

const recent = [engagement('e-clinic', '2026-10-20', 'Systematic-review drop-in with the project leads')];

function setup({ role = 'librarian', current = plan }: { role?: Role; current?: ActionPlanDto } = {}) {
  const calls = stubApi((method, url, body) => {
    const p = url.pathname;
    if (p === '/api/v1/auth/me') return { body: me(role) };
    if (p === '/api/v1/institution') return { body: institution };
    if (p === '/api/v1/action-plans/pl1' && method === 'GET') return { body: current };
    if (p === '/api/v1/action-plans/pl1' && method === 'PATCH') return { body: { ...current, ...(body as object) } };
    if (p === '/api/v1/action-plans/pl1/actions') return { status: 201, body: current };
    if (p.startsWith('/api/v1/plan-actions/') && method === 'PATCH') return { body: current };
    if (p === '/api/v1/action-plans/pl1/share-links' && method === 'GET') return { body: links };
    if (p === '/api/v1/action-plans/pl1/share-links' && method === 'POST') {
      return { status: 201, body: { link: { ...links[0], id: 'sl9', label: 'Prof Raj Patel', expiresAt: '2026-10-18T10:00:00Z' }, token: 'tok_0123456789abcdefghijklmnop', path: '/shared/tok_0123456789abcdefghijklmnop' } };
    }
    if (p.startsWith('/api/v1/share-links/') && method === 'DELETE') return { status: 204 };
    if (p === '/api/v1/engagements') return { body: page(recent) };
    if (p === '/api/v1/goals') return { body: [] };
    if (p === '/api/v1/users') return { body: page([]) };
    if (p === '/api/v1/people') return { body: page([]) };
    return undefined;
  });
  renderWithProviders(<ActionPlanView id="pl1" />);
  return { calls, user: userEvent.setup({ delay: null }) };
}

const writes = (calls: ReturnType<typeof stubApi>) => calls.filter((c) => c.method !== 'GET');

describe('ActionPlanPage', { timeout: 30_000 }, () => {
  it('shows the plan: who agreed it, each objective with its goal and actions, overdue and carried-forward actions, other actions', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'School of Computing: action plan 2026–27' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    const status = screen.getByRole('region', { name: 'Status' });
    expect(within(status).getByText('Agreed')).toBeTruthy();
    expect(within(status).getByText('Agreed by Dr Ada Lovelace, Head of School, on 3 Oct 2026 through the share link.')).toBeTruthy();
    expect(within(status).getByRole('button', { name: 'Mark in progress' })).toBeTruthy();
    expect(within(status).getByRole('button', { name: 'Move back to draft' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Previous year: 2025–26' }).getAttribute('href')).toBe('/plans/pl0');

    const objective = screen.getByRole('region', { name: 'Embed research skills in the final-year project' });
    expect(within(objective).getByRole('link', { name: 'Digital and research skills' }).getAttribute('href')).toBe('/goals/g-skills');
    const actions = within(within(objective).getByRole('list', { name: 'Actions for Embed research skills in the final-year project' })).getAllByRole('listitem');
    const workshop = actions.find((li) => li.textContent?.includes('Literature-search workshop'));
    if (!workshop) throw new Error('workshop not shown');
    const w = within(workshop);
    expect(w.getByText('Overdue')).toBeTruthy();
    expect(workshop.textContent).toContain('Status: In progress');
    expect(workshop.textContent).toContain('Owner: Ann Archer');
    expect(workshop.textContent).toContain('Due: 30 Nov 2026');
    expect(w.getByRole('link', { name: 'Dr Zoë Ångström' }).getAttribute('href')).toBe('/people/p-zoe');
    expect(w.getByText(/Carried forward from/).textContent).toBe('Carried forward from 2025–26');
    expect(w.getByRole('link', { name: '2025–26' }).getAttribute('href')).toBe('/plans/pl0');
    expect(w.getByRole('link', { name: 'Engagement on 20 Sep 2026' }).getAttribute('href')).toBe('/engagements/e-review');
    expect(w.getByText('Zoë books the lab.')).toBeTruthy();
    const evidence = within(w.getByRole('list', { name: 'Evidence for Literature-search workshop for project students' })).getAllByRole('listitem');
    expect(evidence.map((li) => li.textContent)).toEqual(['Student comment, 25 Oct 2026: “The workshop saved my literature review.”']);
    const done = actions.find((li) => li.textContent?.includes('Reading list review'));
    expect(done?.textContent).toContain('Status: Done');
    expect(done && within(done).queryByText('Overdue')).toBeNull();
    expect(done && within(done).queryByText('Linked evidence:')).toBeNull();

    const other = screen.getByRole('region', { name: 'Other actions' });
    expect(within(other).getByText('Talk at the school away day')).toBeTruthy();
    const comments = within(screen.getByRole('list', { name: 'Comments, oldest first' })).getAllByRole('listitem');
    expect(comments[0]?.textContent).toContain('Dr Ada Lovelace, Head of School · through the share link');
    expect(comments[1]?.textContent).toContain('Ann Archer · library staff');
  });

  it('posts a new action under its objective, with its due date and a linked engagement', async () => {
    const { calls, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Add action to Open research by default' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Add an action' }));
    await user.type(dialog.getByRole('textbox', { name: 'Action' }), 'Open-access drop-in for doctoral students');
    await user.type(dialog.getByRole('textbox', { name: 'Due' }), '5/3/2027');
    await user.tab();
    await user.click(dialog.getByRole('combobox', { name: 'Linked engagements' }));
    await user.click(await screen.findByRole('option', { name: /Systematic-review drop-in/, hidden: true }));
    await user.click(dialog.getByRole('button', { name: 'Add action' }));

    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]).toMatchObject({ method: 'POST', path: '/api/v1/action-plans/pl1/actions' });
    expect(writes(calls)[0]?.body).toEqual({
      title: 'Open-access drop-in for doctoral students', objectiveId: 'ob2', ownerId: null, partnerPersonId: null, dueOn: '2027-03-05',
      status: 'not_started', notes: null, engagementIds: ['e-clinic'],
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // the engagements offered are the department's own
    expect(calls.some((c) => c.path.startsWith('/api/v1/engagements?') && c.path.includes('orgUnitId=ou-comp'))).toBe(true);
  });

  it('edits an action under no objective, keeping what it had', async () => {
    const { calls, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Edit action: Talk at the school away day' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit action' }));
    expect(dialog.getByRole<HTMLInputElement>('combobox', { name: 'Objective' }).value).toBe('None (other actions)');
    await user.click(dialog.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Done', hidden: true }));
    await user.click(dialog.getByRole('button', { name: 'Save action' }));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]).toEqual({
      method: 'PATCH', path: '/api/v1/plan-actions/ac3',
      body: { title: 'Talk at the school away day', objectiveId: null, ownerId: null, partnerPersonId: null, dueOn: '2027-06-10', status: 'done', notes: null, engagementIds: [] },
    });
  });

  it('takes the plan to its next step with one button', async () => {
    const { calls, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Mark in progress' }));
    await waitFor(() => expect(writes(calls)).toEqual([{ method: 'PATCH', path: '/api/v1/action-plans/pl1', body: { status: 'in_progress' } }]));
  });

  it('records agreement: who (name and role) and when, with the move to agreed', async () => {
    const { calls, user } = setup({ current: draftPlan });
    const status = await screen.findByRole('region', { name: 'Status' });
    expect(within(status).getByText('Not yet agreed with the department.')).toBeTruthy();
    await user.click(within(status).getByRole('button', { name: 'Record agreement' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Record agreement' }));
    await user.type(dialog.getByRole('textbox', { name: 'Who agreed it' }), 'Dr Ada Lovelace');
    await user.type(dialog.getByRole('textbox', { name: 'Their role' }), 'Head of School');
    await user.click(dialog.getByRole('button', { name: 'Record agreement' }));

    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]).toEqual({
      method: 'PATCH', path: '/api/v1/action-plans/pl1', body: { status: 'agreed', agreedBy: 'Dr Ada Lovelace, Head of School', agreedOn: dayjs().format('YYYY-MM-DD') },
    });
  });

  it('names the missing field and sends nothing when agreement has no name', async () => {
    const { calls, user } = setup({ current: draftPlan });
    await user.click(await screen.findByRole('button', { name: 'Record agreement' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Record agreement' }));
    await user.click(dialog.getByRole('button', { name: 'Record agreement' }));
    expect(await dialog.findByText('Who agreed it is required')).toBeTruthy();
    expect(writes(calls)).toEqual([]);
  });

  it('makes a share link and shows its full address once only', async () => {
    const { calls, user } = setup();
    const panel = await screen.findByRole('region', { name: 'Share links' });
    await user.click(within(panel).getByRole('button', { name: 'Share with the department' }));
    let dialog = within(await screen.findByRole('dialog', { name: 'Share with the department' }));
    await user.type(dialog.getByRole('textbox', { name: 'Who it is for' }), 'Prof Raj Patel');
    const days = dialog.getByRole('textbox', { name: 'Days until it expires' });
    expect((days as HTMLInputElement).value).toBe('30');
    await user.clear(days);
    await user.type(days, '14');
    await user.click(dialog.getByRole('button', { name: 'Make the link' }));

    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]).toEqual({ method: 'POST', path: '/api/v1/action-plans/pl1/share-links', body: { label: 'Prof Raj Patel', expiresInDays: 14 } });
    const url = await dialog.findByRole<HTMLInputElement>('textbox', { name: 'Share link' });
    expect(url.value).toBe(`${window.location.origin}/shared/tok_0123456789abcdefghijklmnop`);
    expect(url.readOnly).toBe(true);
    expect(dialog.getByText(/It is shown only now/)).toBeTruthy();
    expect(dialog.getByRole('button', { name: 'Copy link' })).toBeTruthy();
    await user.click(dialog.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    // opening the dialog again makes a new link: the old address is gone for good
    await user.click(within(panel).getByRole('button', { name: 'Share with the department' }));
    dialog = within(await screen.findByRole('dialog', { name: 'Share with the department' }));
    expect(dialog.queryByRole('textbox', { name: 'Share link' })).toBeNull();
    expect(screen.queryByDisplayValue(/tok_0123456789/)).toBeNull();
  });

  it('lists share links with their state in words, and revokes one after asking', async () => {
    const { calls, user } = setup();
    const table = within(await screen.findByRole('table', { name: 'Share links for this plan' }));
    const rows = (await table.findAllByRole('row')).slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[3]?.textContent)).toEqual(['Active', 'Expired', 'Revoked']);
    expect(rows[0]?.textContent).toContain('3 Oct 2026');
    expect(rows[1]?.textContent).toContain('Never');
    // only a link still working can be revoked
    expect(table.getAllByRole('button').map((b) => b.textContent)).toEqual(['Revoke the link for Dr Ada Lovelace']);
    await user.click(table.getByRole('button', { name: 'Revoke the link for Dr Ada Lovelace' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Revoke this link?' }));
    await user.click(dialog.getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(writes(calls)).toEqual([{ method: 'DELETE', path: '/api/v1/share-links/sl1', body: undefined }]));
  });

  it('hides every edit control and the share links from viewers', async () => {
    const { calls } = setup({ role: 'viewer' });
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('button', { name: /Mark in progress|Move back|Add action|Add objective|Edit|Delete/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Share links' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Add a comment' })).toBeNull();
    expect(calls.some((c) => c.path.includes('share-links'))).toBe(false);
  });
});
