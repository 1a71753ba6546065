import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/contracts/common.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { DepartmentEvidence } from './DepartmentEvidence.tsx';
import { EvidencePage } from './EvidencePage.tsx';
import { evidence, goals, me, page, themes, units } from './fixtures.ts';

function api(role: Role = 'librarian') {
  return stubApi((method, url) => {
    const p = url.pathname;
    if (p === '/api/v1/auth/me') return { body: me(role) };
    if (p === '/api/v1/evidence' && method === 'GET') {
      const kind = url.searchParams.get('kind');
      const items = kind ? evidence.filter((e) => e.kind === kind) : evidence;
      return { body: { items, page: Number(url.searchParams.get('page') ?? 1), pageSize: 20, total: items.length } };
    }
    if (p.startsWith('/api/v1/evidence/') && method === 'DELETE') return { status: 204 };
    if (p === '/api/v1/vocab') return { body: themes };
    if (p === '/api/v1/goals') return { body: goals };
    if (p === '/api/v1/org-units') return { body: page(url.searchParams.get('q') ? [units.history] : []) };
    if (p === '/api/v1/people') return { body: page([]) };
    return undefined;
  });
}
const lists = (calls: ReturnType<typeof stubApi>) => calls.filter((c) => c.method === 'GET' && c.path.startsWith('/api/v1/evidence?')).map((c) => c.path);

describe('EvidencePage', { timeout: 60_000 }, () => {
  it('lists each item with its kind, text (a quote as a blockquote), source or "Anonymous", date, departments and links', async () => {
    api();
    renderWithProviders(<EvidencePage />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Evidence' })).toBeTruthy();
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(3);
    const [quote, comment, figure] = items as [HTMLElement, HTMLElement, HTMLElement];

    expect(within(quote).getByText('Quote')).toBeTruthy();
    expect(within(quote).getByText('You have changed how we teach research skills.').closest('blockquote')).toBeTruthy();
    expect(within(quote).getByRole('link', { name: 'Ada Byron' }).getAttribute('href')).toBe('/people/p-ada');
    expect(within(quote).getByText(/Head of History/)).toBeTruthy();
    expect(within(quote).getByText(/Consent recorded/)).toBeTruthy();
    expect(within(quote).getByText('4 Mar 2025')).toBeTruthy();
    expect(within(quote).getByRole('link', { name: 'History' }).getAttribute('href')).toBe('/departments/ou-hist');
    expect(within(quote).getByRole('link', { name: /Programme review/ }).getAttribute('href')).toBe('/engagements/e-1');
    expect(within(quote).getByRole('link', { name: 'Embed search skills in HI101' }).getAttribute('href')).toBe('/plans/plan-1');
    expect(within(quote).getByRole('link', { name: 'Skills' }).getAttribute('href')).toBe('/goals/g-skills');

    expect(within(comment).getByText('Student comment')).toBeTruthy();
    expect(within(comment).getByText('Anonymous: a second-year student')).toBeTruthy();
    expect(within(comment).queryByRole('link', { name: 'Ada Byron' })).toBeNull();
    expect(within(comment).getByRole('link', { name: 'Referencing in year 2' }).getAttribute('href')).toBe('/opportunities/op-1');
    expect(within(comment).getByRole('link', { name: 'Research data week' }).getAttribute('href')).toBe('/campaigns/c-data');

    expect(within(figure).getByText('Loans up 12% on last year').closest('blockquote')).toBeNull();
    expect(within(figure).getByText('Alma Analytics')).toBeTruthy();
  });

  it('asks the API for the chosen kind, department, theme and words, from page 1', async () => {
    const calls = api();
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<EvidencePage />);
    await screen.findAllByRole('listitem');
    expect(lists(calls)).toEqual(['/api/v1/evidence?page=1&pageSize=20']);

    await user.click(screen.getByRole('combobox', { name: 'Kind' }));
    await user.click(await screen.findByRole('option', { name: 'Figure', hidden: true }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    await user.click(screen.getByRole('combobox', { name: 'Department' }));
    await user.keyboard('Hist');
    await user.click(await screen.findByRole('option', { name: 'History (Faculty of Arts)', hidden: true }));
    await user.click(screen.getByRole('combobox', { name: 'Theme' }));
    await user.click(await screen.findByRole('option', { name: 'Skills', hidden: true }));
    await user.type(screen.getByRole('searchbox', { name: 'Words' }), 'loans');
    await waitFor(() => expect(lists(calls).at(-1)).toBe('/api/v1/evidence?kind=figure&orgUnitId=ou-hist&themeId=theme-skills&q=loans&page=1&pageSize=20'));
  });

  it('deletes only after confirming; a librarian deletes only what they captured', async () => {
    const calls = api();
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<EvidencePage />);
    const [quote, comment] = (await screen.findAllByRole('listitem')) as [HTMLElement, HTMLElement];
    // captured by someone else: the server would refuse
    expect(within(comment).queryByRole('button', { name: /^Delete/ })).toBeNull();
    expect(within(comment).getByRole('button', { name: /^Edit/ })).toBeTruthy();

    await user.click(within(quote).getByRole('button', { name: /^Delete evidence of 4 Mar 2025/ }));
    const confirm = within(await screen.findByRole('dialog', { name: 'Delete this evidence?' }));
    await user.click(confirm.getByRole('button', { name: 'Cancel' }));
    expect(calls.filter((c) => c.method === 'DELETE')).toEqual([]);
    await user.click(within(quote).getByRole('button', { name: /^Delete evidence of 4 Mar 2025/ }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Delete this evidence?' })).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/v1/evidence/ev-1']));
  });

  it('opens the capture dialog from its button, and the edit dialog with the item', async () => {
    api();
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<EvidencePage />);
    const [quote] = (await screen.findAllByRole('listitem')) as [HTMLElement];
    await user.click(within(quote).getByRole('button', { name: /^Edit/ }));
    const edit = within(await screen.findByRole('dialog', { name: 'Edit evidence' }));
    expect(edit.getByRole('textbox', { name: 'What they said' })).toHaveProperty('value', 'You have changed how we teach research skills.');
    await user.click(edit.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Capture evidence' }));
    expect(await screen.findByRole('dialog', { name: 'Capture evidence' })).toBeTruthy();
  });

  it('shows a viewer the list without capture, edit or delete', async () => {
    api('viewer');
    renderWithProviders(<EvidencePage />);
    await screen.findAllByRole('listitem');
    expect(screen.queryByRole('button', { name: 'Capture evidence' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Delete/ })).toBeNull();
  });
});

describe('DepartmentEvidence', { timeout: 30_000 }, () => {
  it("lists the department's evidence (and its units') and captures evidence for it", async () => {
    const calls = api();
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<DepartmentEvidence orgUnitId="ou-hist" orgUnitName="History" />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Evidence' })).toBeTruthy();
    expect(await screen.findAllByRole('listitem')).toHaveLength(3);
    expect(lists(calls)).toEqual(['/api/v1/evidence?orgUnitId=ou-hist&page=1&pageSize=10']);
    await user.click(screen.getByRole('button', { name: 'Capture evidence for History' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Capture evidence' }));
    // the department's pill
    expect(await dialog.findByText('History')).toBeTruthy();
  });
});
