import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../shared/contracts/common.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { evaluation, goals, me } from './fixtures.ts';
import { ImpactEvaluationView } from './ImpactEvaluationPage.tsx';

function setup(role: Role = 'librarian', userId = 'u-ann') {
  const calls = stubApi((method, url, body) => {
    if (url.pathname === '/api/v1/auth/me') return { body: me(role, userId) };
    if (url.pathname === '/api/v1/impact-evaluations/ie1' && method === 'GET') return { body: evaluation };
    if (url.pathname === '/api/v1/impact-evaluations/ie1' && method === 'PATCH') return { body: { ...evaluation, ...(body as object) } };
    if (url.pathname === '/api/v1/impact-evaluations/ie1' && method === 'DELETE') return { status: 204 };
    if (url.pathname === '/api/v1/goals') return { body: goals };
    if (['/api/v1/org-units', '/api/v1/engagements', '/api/v1/evidence', '/api/v1/metrics'].includes(url.pathname)) return { body: { items: [], page: 1, pageSize: 20, total: 0 } };
    return undefined;
  });
  const onDeleted = vi.fn();
  renderWithProviders(<ImpactEvaluationView id="ie1" onDeleted={onDeleted} />);
  return { calls, onDeleted, user: userEvent.setup({ delay: null }) };
}

const region = (name: string) => within(screen.getByRole('region', { name }));
const writes = (calls: ReturnType<typeof stubApi>) => calls.filter((c) => c.method !== 'GET');

describe('ImpactEvaluationPage', { timeout: 60_000 }, () => {
  it('reads as a narrative in the template’s order, with its links, communications table and exports', async () => {
    setup('viewer', 'u-other');
    expect(await screen.findByRole('heading', { level: 1, name: 'Research skills in Computing dissertations' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Aims and objectives', 'Success criteria', 'Impact indicators', 'What we did', 'What we learned', 'How we acted',
      'How we measured impact', 'How we communicated impact', 'Outcomes',
    ]);
    const details = [...document.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(details).toEqual([
      'Status: Complete', 'Departments: School of Computing', 'Strategic goals: Skills › Research data skills', 'Last updated: 1 Mar 2025 · written by Ann Archer',
    ]);
    expect(screen.getByRole('link', { name: 'School of Computing' }).getAttribute('href')).toBe('/departments/ou-comp');

    const aims = region('Aims and objectives');
    expect(aims.getByText(/^Better-referenced dissertations\./).textContent).toBe('Better-referenced dissertations.\nAnd better-argued ones.');
    expect(within(aims.getByRole('list', { name: 'Objectives' })).getAllByRole('listitem').map((li) => li.textContent))
      .toEqual(['Teach searching in COMP390', 'Teach referencing before the deadline']);
    expect(region('Impact indicators').getByText('Not recorded.')).toBeTruthy();

    const did = region('What we did');
    expect(did.getByText('Two embedded sessions.')).toBeTruthy();
    expect(did.getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Engagement on 5 Nov 2024', '/engagements/e1'], ['Engagement on 20 Jan 2025', '/engagements/e2'],
    ]);

    const measured = region('How we measured impact');
    expect(measured.getByText('Compared examiner reports.')).toBeTruthy();
    expect(measured.getByRole('link', { name: 'Loans per student' }).getAttribute('href')).toBe('/metrics');
    const quote = measured.getByRole('link', { name: 'Evidence: Quote, 6 Nov 2024' });
    expect([quote.getAttribute('href'), quote.parentElement?.textContent]).toEqual(['/evidence', 'Evidence: Quote, 6 Nov 2024: “I finally understood how to search.”']);

    const table = region('How we communicated impact').getByRole('table', { name: 'To whom, when and how impact was communicated' });
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['To whom', 'When', 'How']);
    expect(within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['Head of School', '10 Feb 2025', 'Annual meeting'], ['Teaching Committee', 'Not yet', 'Paper'],
    ]);

    const outcomes = region('Outcomes');
    expect(outcomes.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Short-term outcomes', 'Long-term outcomes']);
    expect(outcomes.getByText('Fewer referencing errors.')).toBeTruthy();
    expect(outcomes.getByText('Not recorded.')).toBeTruthy();

    const exports = within(screen.getByRole('group', { name: 'Export the narrative' }));
    expect(exports.getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href'), a.hasAttribute('download')])).toEqual([
      ['Export as Markdown', '/api/v1/impact-evaluations/ie1/export?format=md', true],
      ['Export as HTML', '/api/v1/impact-evaluations/ie1/export?format=html', true],
    ]);
    expect(screen.queryByRole('button', { name: /Edit evaluation|Delete evaluation/ })).toBeNull();
  });

  it('edits with the form, sending the whole evaluation with its ordered lists', async () => {
    const { calls, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Edit evaluation' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit Research skills in Computing dissertations' }));
    await user.click(dialog.getByRole('button', { name: 'Remove objective 1' }));
    await user.click(dialog.getByRole('button', { name: 'Remove communication 2' }));
    await user.clear(dialog.getByRole('textbox', { name: 'What we learned' }));
    await user.click(dialog.getByRole('button', { name: 'Save evaluation' }));

    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]).toEqual({
      method: 'PATCH', path: '/api/v1/impact-evaluations/ie1',
      body: {
        initiative: 'Research skills in Computing dissertations', aims: 'Better-referenced dissertations.\nAnd better-argued ones.',
        objectives: ['Teach referencing before the deadline'], successCriteria: 'The examiner no longer flags referencing.', impactIndicators: null,
        whatWeDid: 'Two embedded sessions.', engagementIds: ['e1', 'e2'], whatWeLearned: null, howWeActed: 'Moved the session to week 3.',
        howWeMeasured: 'Compared examiner reports.', metricIds: ['m1'], evidenceIds: ['v1'],
        communications: [{ audience: 'Head of School', on: '2025-02-10', how: 'Annual meeting' }],
        shortTermOutcomes: 'Fewer referencing errors.', longTermOutcomes: null, status: 'complete', orgUnitIds: ['ou-comp'], goalIds: ['o-data'],
      },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('lets its author delete it after confirming', async () => {
    const { calls, onDeleted, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Delete evaluation' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Delete Research skills in Computing dissertations?' }));
    await user.click(dialog.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalled());
    expect(writes(calls)).toEqual([{ method: 'DELETE', path: '/api/v1/impact-evaluations/ie1', body: undefined }]);
  });

  it('offers editing but not deleting to a librarian who did not write it', async () => {
    setup('librarian', 'u-other');
    expect(await screen.findByRole('button', { name: 'Edit evaluation' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete evaluation' })).toBeNull();
  });
});
