import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { EngagementDto } from '../../../shared/contracts/engagements.ts';
import { createOpportunityBody } from '../../../shared/contracts/opportunities.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { detail, meAs, page } from './fixtures.ts';
import { NewOpportunity } from './NewOpportunityPage.tsx';

configure({ asyncUtilTimeout: 5000 });

const engagement: EngagementDto = {
  id: 'e1', type: { id: 't1', label: 'Meeting' }, occurredOn: '2026-01-10', durationMinutes: 60, summary: 'Programme board: the examiner wants better referencing',
  outcome: null, followUp: null, initiatedBy: 'partner', attendance: null, milestone: null, goals: [], campaigns: [], themes: [],
  people: [{ id: 'p1', name: 'Ada Lovelace' }], staff: [{ id: 'u1', name: 'Sam Reid' }], orgUnits: [{ id: 'd1', name: 'Mathematics' }],
  createdBy: 'u1', createdAt: '2026-01-10T10:00:00Z', updatedAt: '2026-01-10T10:00:00Z',
};

const examinerComment = { id: 'ev-9', kind: 'external_examiner', text: 'Referencing was inconsistent across the cohort', occurredOn: '2026-01-05' };

function render(props: { fromEngagement?: string; orgUnitId?: string } = {}) {
  const calls = stubApi((method, url) => {
    switch (url.pathname) {
      case '/api/v1/auth/me': return { body: meAs() };
      case '/api/v1/engagements/e1': return { body: engagement };
      case '/api/v1/org-units/d2': return { body: { id: 'd2', name: 'Physics', parentId: null, parentName: null, type: 'department', code: null, status: 'active', description: null, lastEngagementOn: null } };
      case '/api/v1/users': return { body: page([{ id: 'u1', name: 'Sam Reid', email: 'sam@northmoor.example', role: 'librarian', jobTitle: null, teamId: null, active: true }]) };
      case '/api/v1/goals': return { body: [] };
      case '/api/v1/org-units': return { body: page([]) };
      case '/api/v1/people': return { body: page([]) };
      case '/api/v1/evidence': return { body: page(url.searchParams.get('q') === 'referencing' ? [examinerComment] : []) };
      case '/api/v1/opportunities': return method === 'POST' ? { status: 201, body: detail('o9') } : { body: page([]) };
    }
    return undefined;
  });
  renderWithProviders(<NewOpportunity {...props} />);
  return { calls, user: userEvent.setup({ delay: null }) };
}

const posted = (calls: { method: string; path: string; body: unknown }[]) => calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/opportunities').map((c) => c.body);

async function choose(user: ReturnType<typeof userEvent.setup>, label: RegExp, option: string) {
  await user.click(screen.getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option, hidden: true }));
}

describe('NewOpportunityPage', { timeout: 30_000 }, () => {
  it('starts from an engagement: its departments and people, "Spotted in", and posts what the contract expects', async () => {
    const { calls, user } = render({ fromEngagement: 'e1' });
    expect(await screen.findByRole('heading', { level: 1, name: 'New opportunity' })).toBeTruthy();
    const spotted = await screen.findByRole('link', { name: '10 Jan 2026 Programme board: the examiner wants better referencing' });
    expect(spotted.getAttribute('href')).toBe('/engagements/e1');
    expect(screen.getByText('Spotted in:')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'New opportunity' });
    // the department and person come along as chosen values, and the owner defaults to me
    expect(within(form).getByText('Mathematics')).toBeTruthy();
    expect(within(form).getByText('Ada Lovelace')).toBeTruthy();
    expect(within(form).getByRole<HTMLInputElement>('combobox', { name: /^Owner/ }).value).toBe('Sam Reid');

    await user.type(within(form).getByLabelText(/^Title/), 'Referencing workshops for first years');
    await choose(user, /^What set it off/, "External examiner's report");
    await user.type(within(form).getByLabelText(/^The hook/), 'Fewer marks lost on referencing');
    await choose(user, /^Value/, '5: transformative');
    await user.type(within(form).getByLabelText(/^Easy/), 'We teach it in their seminar slot');
    await user.type(within(form).getByLabelText(/^Timely/), 'Before the module review in March');
    await user.click(within(form).getByRole('checkbox', { name: /Frame it as a pilot/ }));
    await user.click(within(form).getByRole('button', { name: 'Save opportunity' }));

    await waitFor(() => expect(posted(calls)).toHaveLength(1));
    const body = posted(calls)[0];
    expect(body).toEqual({
      title: 'Referencing workshops for first years',
      triggerKind: 'external_examiner',
      triggerText: null,
      triggerEngagementId: 'e1',
      triggerEvidenceId: null,
      hook: 'Fewer marks lost on referencing',
      value: 5,
      effort: 3,
      windowClosesOn: null,
      east: { easy: 'We teach it in their seminar slot', attractive: null, social: null, timely: 'Before the module review in March' },
      isPilot: true,
      ownerId: 'u1',
      orgUnitIds: ['d1'],
      personIds: ['p1'],
      goalIds: [],
      proofIds: [],
      engagementIds: [],
      stage: 'spotted',
    });
    expect(createOpportunityBody.safeParse(body).success).toBe(true);
  });

  it('links the evidence it came from, found by searching its words', async () => {
    const { calls, user } = render();
    const form = await screen.findByRole('form', { name: 'New opportunity' });
    await user.type(within(form).getByLabelText(/^Title/), 'Referencing clinic');
    await choose(user, /^What set it off/, "External examiner's report");
    await user.type(within(form).getByRole('combobox', { name: /^Came from evidence/ }), 'referencing');
    await user.click(await screen.findByRole('option', { name: "External examiner's comment, 5 Jan 2026: Referencing was inconsistent across the cohort", hidden: true }));
    expect(calls.some((c) => c.path === '/api/v1/evidence?q=referencing&pageSize=20')).toBe(true);
    await user.click(within(form).getByRole('button', { name: 'Save opportunity' }));
    await waitFor(() => expect(posted(calls)).toHaveLength(1));
    expect(posted(calls)[0]).toMatchObject({ title: 'Referencing clinic', triggerKind: 'external_examiner', triggerEvidenceId: 'ev-9', triggerEngagementId: null });
  });

  it('says what is missing and sends nothing', async () => {
    const { calls, user } = render();
    const form = await screen.findByRole('form', { name: 'New opportunity' });
    await user.click(within(form).getByRole('button', { name: 'Save opportunity' }));
    expect(await within(form).findByText('Is required')).toBeTruthy();
    expect(within(form).getByText('Choose one')).toBeTruthy();
    expect(within(form).getByLabelText(/^Title/).getAttribute('aria-invalid')).toBe('true');
    expect(posted(calls)).toEqual([]);
  });

  it('starts from a department with that department chosen', async () => {
    const { calls, user } = render({ orgUnitId: 'd2' });
    const form = await screen.findByRole('form', { name: 'New opportunity' });
    expect(within(form).getByText('Physics')).toBeTruthy();
    await user.type(within(form).getByLabelText(/^Title/), 'Open research week');
    await choose(user, /^What set it off/, 'Funding call');
    await user.click(within(form).getByRole('button', { name: 'Save opportunity' }));
    await waitFor(() => expect(posted(calls)).toHaveLength(1));
    expect(posted(calls)[0]).toMatchObject({ title: 'Open research week', triggerKind: 'funding_call', triggerEngagementId: null, orgUnitIds: ['d2'], personIds: [] });
  });
});
