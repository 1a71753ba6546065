import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../shared/contracts/common.ts';
import type { OpportunityDetailDto } from '../../../shared/contracts/opportunities.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { today } from '../../lib/dates.ts';
import { detail, meAs, page } from './fixtures.ts';
import { meKey } from '../identity/api.ts';
import { OpportunityView } from './OpportunityPage.tsx';
import { AppActionsContext } from '../../components/actions.ts';
import { engagement } from '../relationships/fixtures.ts';

configure({ asyncUtilTimeout: 5000 });

const full = detail('o1', {
  title: 'Referencing workshops for first years',
  trigger: { kind: 'external_examiner', text: 'The external examiner asked for stronger referencing', engagement: { id: 'e1', occurredOn: '2026-01-10', summary: 'Programme board' }, evidence: null },
  goals: [{ id: 'g2', title: 'Embed digital skills', owner: 'library', parent: { id: 'g1', title: 'Skills' } }],
  socialProof: [{ id: 'o7', title: 'Chemistry referencing pilot', stage: 'embedded' }],
  engagements: [{ id: 'e2', occurredOn: '2026-02-03', summary: 'Met the module lead' }],
  history: [
    { from: null, to: 'spotted', reason: null, on: '2026-01-10', by: { id: 'u1', name: 'Sam Reid' } },
    { from: 'spotted', to: 'hook_found', reason: null, on: '2026-02-01', by: { id: 'u1', name: 'Sam Reid' } },
  ],
  stage: 'hook_found',
});

/** Mathematics' recent engagements, as the picker asks for them. */
const recent = [
  engagement('e3', '2026-03-02', 'Coffee with the module lead about referencing'),
  engagement('e2', '2026-02-03', 'Met the module lead'),
];

function render(o: OpportunityDetailDto = full, role: Role = 'librarian', openQuickLog = vi.fn()) {
  const calls = stubApi((method, url) => {
    if (url.pathname === '/api/v1/opportunities/o1/engagements' && method === 'POST') return { body: o };
    if (url.pathname.startsWith('/api/v1/opportunities/o1/engagements/') && method === 'DELETE') return { body: o };
    if (url.pathname === '/api/v1/engagements') return { body: page(url.searchParams.get('orgUnitId') === 'd1' ? recent : []) };
    if (url.pathname === '/api/v1/auth/me') return { body: meAs(role) };
    if (url.pathname === '/api/v1/opportunities/o1' && method === 'GET') return { body: o };
    if (url.pathname === '/api/v1/opportunities/o1' && method === 'PATCH') return { body: o };
    if (url.pathname === '/api/v1/opportunities/o1' && method === 'DELETE') return { status: 204 };
    if (url.pathname === '/api/v1/opportunities/o1/milestone') return { body: o };
    if (url.pathname === '/api/v1/opportunities') return { body: page([]) };
    if (url.pathname === '/api/v1/users') return { body: page([]) };
    if (url.pathname === '/api/v1/goals') return { body: [] };
    if (url.pathname === '/api/v1/org-units') return { body: page([]) };
    if (url.pathname === '/api/v1/people') return { body: page([]) };
    return undefined;
  });
  const { queryClient } = renderWithProviders(
    <AppActionsContext.Provider value={{ openQuickLog, openSearch: () => undefined }}>
      <OpportunityView id="o1" />
    </AppActionsContext.Provider>,
  );
  return { calls, queryClient, user: userEvent.setup({ delay: null }) };
}

const region = (name: string) => screen.getByRole('region', { name });
const writes = (calls: { method: string; path: string; body: unknown }[]) => calls.filter((c) => c.method !== 'GET').map(({ method, path, body }) => ({ method, path, body }));

describe('OpportunityPage', { timeout: 30_000 }, () => {
  it('explains the priority by its parts, and shows the trigger, the EAST plan, who, and the history', async () => {
    render();
    expect(await screen.findByRole('heading', { level: 1, name: 'Referencing workshops for first years' })).toBeTruthy();

    const priority = region('Priority');
    expect(within(priority).getByText(/^Its priority is/).textContent).toBe(
      "Its priority is 6: value 4 × alignment 1.5 × urgency 2 ÷ effort 2. Aligned to the library's strategy; closes in 20 days. The lists and the triage queue put the highest first.",
    );
    const rows = within(within(priority).getByRole('table', { name: 'The parts of the priority' })).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual([
      'Value4How much good it would do, 1 to 5',
      "Strategic alignment1.5Aligned to the library's strategy",
      'Urgency2Closes in 20 days',
      'Effort2How much work it takes, 1 to 5 (the score divides by it)',
    ]);

    const trigger = region('Trigger and hook');
    expect(within(trigger).getByText("External examiner's report")).toBeTruthy();
    expect(within(trigger).getByRole('link', { name: '10 Jan 2026: Programme board' }).getAttribute('href')).toBe('/engagements/e1');
    expect(within(trigger).getByText('1 May 2026')).toBeTruthy();

    const east = region('EAST plan');
    const terms = within(east).getAllByRole('term').map((t) => `${t.textContent}: ${t.nextElementSibling?.textContent}`);
    expect(terms).toEqual(['Easy: We run it in their slot', 'Attractive: Not written yet', 'Social: Not written yet', 'Timely: Not written yet']);

    const pilot = region('Pilot and social proof');
    expect(within(pilot).getByText('Not framed as a pilot')).toBeTruthy();
    expect(within(pilot).getByRole('link', { name: 'Chemistry referencing pilot' }).getAttribute('href')).toBe('/opportunities/o7');

    const who = region('Who and what it serves');
    expect(within(who).getByRole('link', { name: 'Mathematics' }).getAttribute('href')).toBe('/departments/d1');
    expect(within(who).getByRole('link', { name: 'Ada Lovelace' }).getAttribute('href')).toBe('/people/p1');
    expect(within(who).getByRole('link', { name: 'Skills › Embed digital skills' }).getAttribute('href')).toBe('/goals/g2');

    expect(within(region('Linked engagements')).getByRole('link', { name: '3 Feb 2026: Met the module lead' })).toBeTruthy();
    const history = within(region('Stage history')).getAllByRole('listitem').map((li) => li.textContent);
    expect(history).toEqual(['10 Jan 2026: started at Spotted by Sam Reid', '1 Feb 2026: Spotted to Hook found by Sam Reid']);
    expect(await within(region('Stage')).findByRole('button', { name: /^Move to… \(now Hook found\)/ })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Milestone on the journey' })).toBeNull();
  });

  it('offers a milestone when embedded without one, and records it', async () => {
    const { calls, user } = render({ ...full, stage: 'embedded' });
    const offer = await screen.findByRole('region', { name: 'Milestone on the journey' });
    await user.click(within(offer).getByRole('button', { name: 'Record a milestone' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record a milestone on the journey?' });
    const title = within(dialog).getByLabelText(/^Milestone/);
    await user.clear(title);
    await user.type(title, 'Referencing embedded in the first-year module');
    await user.click(within(dialog).getByRole('button', { name: 'Record milestone' }));
    await waitFor(() => expect(writes(calls)).toEqual([
      { method: 'POST', path: '/api/v1/opportunities/o1/milestone', body: { title: 'Referencing embedded in the first-year module', on: today() } },
    ]));
  });

  it('shows a recorded milestone instead of the offer', async () => {
    render({ ...full, stage: 'embedded', milestone: { title: 'Embedded: referencing', on: '2026-03-01' } });
    const milestone = await screen.findByRole('region', { name: 'Milestone on the journey' });
    expect(within(milestone).getByText('Embedded: referencing, 1 Mar 2026')).toBeTruthy();
    expect(within(milestone).queryByRole('button')).toBeNull();
  });

  it('edits with the same form and sends only what changed', async () => {
    const { calls, user } = render();
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: `Edit ${full.title}` });
    const hook = within(dialog).getByLabelText(/^The hook/);
    expect((hook as HTMLTextAreaElement).value).toBe('Referencing workshops in the first-year module');
    await user.clear(hook);
    await user.type(hook, 'Fewer marks lost on referencing');
    await user.type(within(dialog).getByLabelText(/^Attractive/), 'Better marks for their students');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(writes(calls)).toEqual([{
      method: 'PATCH', path: '/api/v1/opportunities/o1',
      body: { hook: 'Fewer marks lost on referencing', east: { easy: 'We run it in their slot', attractive: 'Better marks for their students', social: null, timely: null } },
    }]));
  });

  it('deletes after confirming', async () => {
    const { calls, user } = render();
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this opportunity?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(writes(calls)).toEqual([{ method: 'DELETE', path: '/api/v1/opportunities/o1', body: undefined }]));
  });

  it('shows the evidence it came from beside the engagement it was spotted in', async () => {
    render({ ...full, trigger: { ...full.trigger, evidence: { id: 'ev1', kind: 'external_examiner', excerpt: 'Referencing was weak across the cohort…', occurredOn: '2026-01-05' } } });
    const trigger = await screen.findByRole('region', { name: 'Trigger and hook' });
    const term = within(trigger).getByText('Came from evidence');
    expect(term.nextElementSibling?.textContent).toBe("External examiner's comment, 5 Jan 2026: “Referencing was weak across the cohort…”");
    expect(within(trigger).getByRole('link', { name: '10 Jan 2026: Programme board' })).toBeTruthy();
  });

  it("links one of its departments' recent engagements not yet linked, and unlinks any but the one it was spotted in", async () => {
    const spottedIn = { id: 'e1', occurredOn: '2026-01-10', summary: 'Programme board' };
    const openQuickLog = vi.fn();
    const { calls, user } = render({ ...full, engagements: [full.engagements[0] ?? spottedIn, spottedIn] }, 'librarian', openQuickLog);
    const linked = await screen.findByRole('region', { name: 'Linked engagements' });
    expect(within(linked).getByText('(where it was spotted)')).toBeTruthy();
    expect((await within(linked).findAllByRole('button', { name: /^Unlink/ })).map((b) => b.textContent)).toEqual(['Unlink 3 Feb 2026: Met the module lead']);

    await user.click(within(linked).getByRole('combobox', { name: /^Link an engagement/ }));
    const options = await screen.findAllByRole('option', { hidden: true });
    // already linked: not offered again
    expect(options.map((x) => x.textContent)).toEqual(['2 Mar 2026 · Meeting: Coffee with the module lead about referencing']);
    await user.click(options[0] as HTMLElement);
    await waitFor(() => expect(writes(calls)).toEqual([{ method: 'POST', path: '/api/v1/opportunities/o1/engagements', body: { engagementId: 'e3' } }]));
    expect(calls.some((c) => c.path.startsWith('/api/v1/engagements?') && c.path.includes('orgUnitId=d1') && c.path.includes('includeDescendants=true'))).toBe(true);

    await user.click(within(linked).getByRole('button', { name: 'Unlink 3 Feb 2026: Met the module lead' }));
    await waitFor(() => expect(writes(calls).at(-1)).toEqual({ method: 'DELETE', path: '/api/v1/opportunities/o1/engagements/e2', body: undefined }));

    await user.click(within(linked).getByRole('button', { name: 'Log an engagement' }));
    expect(openQuickLog).toHaveBeenCalledWith({ orgUnitId: 'd1' });
  });

  it('shows a viewer the opportunity without edit, delete or move', async () => {
    const { queryClient } = render({ ...full, stage: 'embedded' }, 'viewer');
    await screen.findByRole('heading', { level: 1, name: full.title });
    // the role has arrived, so what is missing is missing because of it
    await waitFor(() => expect(queryClient.getQueryData(meKey)).toEqual(meAs('viewer')));
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Move to…/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Milestone on the journey' })).toBeNull();
    const linked = screen.getByRole('region', { name: 'Linked engagements' });
    expect(within(linked).queryByRole('button')).toBeNull();
    expect(within(linked).queryByRole('combobox', { name: /^Link an engagement/ })).toBeNull();
  });
});
