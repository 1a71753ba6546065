import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/contracts/common.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { assessments, engagement, me, page } from './fixtures.ts';
import { MaturityPanel } from './MaturityPanel.tsx';

const recent = [
  engagement('e-review', '2026-01-20', 'Curriculum review: final-year dissertation module'),
  engagement('e-bid', '2026-02-03', 'Joint bid for a research software engineering post'),
];

function setup({ role = 'librarian', userId = 'u-ann', history = assessments }: { role?: Role; userId?: string; history?: typeof assessments } = {}) {
  const calls = stubApi((method, url, body) => {
    const p = url.pathname;
    if (p === '/api/v1/auth/me') return { body: me(role, userId) };
    if (p === '/api/v1/org-units/ou-comp/maturity') return { body: history };
    if (p === '/api/v1/engagements') return { body: page(recent) };
    if (method === 'POST' && p === '/api/v1/maturity-assessments') {
      return { status: 201, body: { ...assessments[0], id: 'ma3', ...(body as object), engagements: [] } };
    }
    if (method === 'DELETE' && p.startsWith('/api/v1/maturity-assessments/')) return { status: 204 };
    return undefined;
  });
  renderWithProviders(<MaturityPanel subject={{ type: 'org-unit', id: 'ou-comp' }} name="School of Computing" />);
  return { calls, user: userEvent.setup({ delay: null }) };
}

const writes = (calls: ReturnType<typeof stubApi>) => calls.filter((c) => c.method !== 'GET');
/** The text a screen reader reads after the field's name: its description and error. */
const description = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');

describe('MaturityPanel', { timeout: 30_000 }, () => {
  it('shows the current level, who assessed it, and the history with rationale and linked engagements', async () => {
    setup();
    const panel = await screen.findByRole('region', { name: 'Maturity' });
    expect(await within(panel).findByText('Assessed 10 Feb 2026 by Ann Archer')).toBeTruthy();
    const history = within(within(panel).getByRole('list', { name: 'Maturity assessments, newest first' }));
    const items = history.getAllByRole('listitem').filter((li) => li.id.startsWith('assessment-'));
    expect(items.map((li) => li.id)).toEqual(['assessment-ma2', 'assessment-ma1']);
    expect(items[0]?.textContent).toContain('10 Feb 2026: Trusted partner by Ann Archer');
    expect(items[1]?.textContent).toContain('2 Jun 2025: Reliable provider by Bo Lee');
    expect(history.getByText('Reading lists and inductions delivered on time; no involvement in planning yet.')).toBeTruthy();
    const link = history.getByRole('link', { name: 'Engagement on 20 Jan 2026' });
    expect(link.getAttribute('href')).toBe('/engagements/e-review');
    expect(link.parentElement?.textContent).toBe('Engagement on 20 Jan 2026: Curriculum review: final-year dissertation module');
  });

  it('says when nothing has been assessed, and hides assessing from viewers', async () => {
    setup({ role: 'viewer', history: [] });
    expect(await screen.findByText('Not yet assessed.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Assess maturity/ })).toBeNull();
  });

  it('posts the assessment the API expects: level, date, rationale and the engagements behind it', async () => {
    const { calls, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Assess maturity of School of Computing' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Assess maturity: School of Computing' }));
    expect(dialog.getByRole('radio', { name: /Trusted partner/ })).toBeTruthy();
    expect(dialog.getByText('The department brings the library in early: curriculum, research and planning.')).toBeTruthy();
    await user.click(dialog.getByRole('radio', { name: /Inspiring pioneer/ }));
    expect(dialog.getByRole<HTMLInputElement>('textbox', { name: 'Date' }).value).toBe(dayjs().format('D MMM YYYY'));
    await user.type(dialog.getByRole('textbox', { name: 'Rationale' }), 'Co-designed the AI literacy strand; other schools are copying it.');
    await user.click(dialog.getByRole('combobox', { name: 'Engagements behind this' }));
    await user.click(await screen.findByRole('option', { name: /Joint bid for a research software engineering post/, hidden: true }));
    await user.click(dialog.getByRole('button', { name: 'Save assessment' }));

    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]).toMatchObject({ method: 'POST', path: '/api/v1/maturity-assessments' });
    expect(writes(calls)[0]?.body).toEqual({
      orgUnitId: 'ou-comp', level: 'pioneer', assessedOn: dayjs().format('YYYY-MM-DD'),
      rationale: 'Co-designed the AI literacy strand; other schools are copying it.', engagementIds: ['e-bid'],
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.some((c) => c.path.startsWith('/api/v1/engagements?') && c.path.includes('orgUnitId=ou-comp'))).toBe(true);
  });

  it('names the field in each validation error and sends nothing', async () => {
    const { calls, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Assess maturity of School of Computing' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('button', { name: 'Save assessment' }));

    const rationale = dialog.getByRole('textbox', { name: 'Rationale' });
    await waitFor(() => expect(rationale.getAttribute('aria-invalid')).toBe('true'));
    expect(description(rationale)).toContain('Rationale is required');
    expect(dialog.getByText('Level is required: choose one of the four levels')).toBeTruthy();
    expect(writes(calls)).toEqual([]);
  });

  it('lets the author remove their own assessment, after asking', async () => {
    const { calls, user } = setup();
    await screen.findByText('Assessed 10 Feb 2026 by Ann Archer');
    // Ann wrote the newer one only; a librarian may not remove a colleague's
    expect(screen.queryByRole('button', { name: 'Remove the assessment of 2 Jun 2025' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Remove the assessment of 10 Feb 2026' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Remove this assessment?' }));
    await user.click(dialog.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(writes(calls)).toEqual([{ method: 'DELETE', path: '/api/v1/maturity-assessments/ma2', body: undefined }]));
  });
});
