import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SharedPlanDto } from '../../../shared/contracts/plans.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { shared } from '../plans/fixtures.ts';
import { SharedPlan } from './SharedPlanPage.tsx';

configure({ asyncUtilTimeout: 5000 });

const TOKEN = 'tok_0123456789abcdefghijklmnop';
const base = `/api/v1/shared/${TOKEN}`;

function setup({ found = true }: { found?: boolean } = {}) {
  const calls = stubApi((method, url, body) => {
    const p = url.pathname;
    if (!found) return { status: 404, body: { code: 'NOT_FOUND', message: 'This link is not valid: it may have expired or been revoked', requestId: 't' } };
    if (p === base && method === 'GET') return { body: shared };
    if (p === `${base}/agreement`) {
      const b = body as { name: string };
      const agreed: SharedPlanDto = { ...shared, plan: { ...shared.plan, status: 'agreed', agreedBy: b.name, agreedOn: '2026-10-03', agreedVia: 'share_link' } };
      return { body: agreed };
    }
    if (p === `${base}/comments`) {
      const b = body as { name: string; body: string };
      return { status: 201, body: { ...shared, plan: { ...shared.plan, comments: [...shared.plan.comments, { id: 'c9', authorName: b.name, via: 'share_link', body: b.body, createdAt: '2026-10-03T10:00:00Z' }] } } };
    }
    return undefined;
  });
  renderWithProviders(<SharedPlan token={TOKEN} />);
  return { calls, user: userEvent.setup({ delay: null }) };
}

/** The plan's status line (the first "Status:"; each action has its own after it). */
const planStatus = () => screen.getAllByText(/^Status:/)[0]?.parentElement?.textContent;
const onlyShared = (calls: ReturnType<typeof stubApi>) => calls.every((c) => c.path.startsWith('/api/v1/shared/'));

describe('SharedPlanPage', { timeout: 30_000 }, () => {
  it('shows the plan to the partner under the institution’s own header, calling nothing but the shared plan', async () => {
    const { calls } = setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'School of Computing: library action plan 2026–27' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(within(screen.getByRole('banner')).getByText('University of Northmoor')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(document.title).toBe('School of Computing: library action plan 2026–27');
    expect(planStatus()).toBe('Status: Draft. Not yet agreed with the department.');

    const objective = screen.getByRole('region', { name: 'Embed research skills in the final-year project' });
    expect(objective.textContent).toContain('Strategic goal: Digital and research skills');
    const item = within(within(objective).getByRole('list')).getByRole('listitem');
    expect(item.textContent).toBe('Literature-search workshop for project studentsStatus: In progressLibrary lead: Ann ArcherDepartment contact: Dr Zoë ÅngströmDue: 30 Nov 2026');
    expect(within(screen.getByRole('region', { name: 'Other actions' })).getByText('Talk at the school away day')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Comments' })).getByText('Here is the draft for this year.')).toBeTruthy();
    expect(calls.map((c) => c.path)).toEqual([base]);
  });

  it('records the partner’s agreement with their name and role, and thanks them', async () => {
    const { calls, user } = setup();
    const form = within(await screen.findByRole('form', { name: 'Agree this plan' }));
    await user.type(form.getByRole('textbox', { name: 'Your name' }), 'Dr Ada Lovelace');
    await user.type(form.getByRole('textbox', { name: 'Your role' }), 'Head of School');
    await user.type(form.getByRole('textbox', { name: 'Comment' }), 'Agreed at the school board.');
    await user.click(form.getByRole('button', { name: 'Agree this plan' }));

    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', path: `${base}/agreement`, body: { name: 'Dr Ada Lovelace, Head of School', comment: 'Agreed at the school board.' } });
    expect(await screen.findByText('Thank you — the plan is recorded as agreed by Dr Ada Lovelace, Head of School.')).toBeTruthy();
    expect(planStatus()).toBe('Status: Agreed. Agreed by Dr Ada Lovelace, Head of School, on 3 Oct 2026 through the share link.');
    expect(onlyShared(calls)).toBe(true);
  });

  it('adds a comment with the name to show beside it, and refuses an empty one', async () => {
    const { calls, user } = setup();
    const form = within(await screen.findByRole('form', { name: 'Add a comment' }));
    await user.click(form.getByRole('button', { name: 'Add comment' }));
    expect(await form.findByText('Your name is required')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    await user.type(form.getByRole('textbox', { name: 'Your name' }), 'Prof Raj Patel');
    await user.type(form.getByRole('textbox', { name: 'Comment' }), 'Could the workshop move to week 3?');
    await user.click(form.getByRole('button', { name: 'Add comment' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: `${base}/comments`, body: { name: 'Prof Raj Patel', body: 'Could the workshop move to week 3?' } },
    ]));
    expect(await within(screen.getByRole('region', { name: 'Comments' })).findByText('Could the workshop move to week 3?')).toBeTruthy();
    expect(form.getByRole<HTMLTextAreaElement>('textbox', { name: 'Comment' }).value).toBe('');
  });

  it('says the link is not valid when it has expired, been revoked or never existed', async () => {
    const { calls } = setup({ found: false });
    expect(await screen.findByRole('heading', { level: 1, name: 'This link is not valid' })).toBeTruthy();
    expect(screen.getByText(/ask your librarian for a new one/)).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
    expect(calls.map((c) => c.path)).toEqual([base]);
  });
});
