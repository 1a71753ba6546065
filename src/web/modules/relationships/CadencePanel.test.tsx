import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { CadencePanel } from './CadencePanel.tsx';
import { compliance } from './fixtures.ts';

function setup(body = compliance) {
  const calls = stubApi((_m, url) => (url.pathname === '/api/v1/org-units/ou-comp/cadence' ? { body } : undefined));
  renderWithProviders(<CadencePanel orgUnitId="ou-comp" />);
  return calls;
}

const row = (table: HTMLElement, activity: RegExp) => within(table).getByRole('rowheader', { name: activity }).closest('tr') as HTMLElement;

describe('CadencePanel', { timeout: 20_000 }, () => {
  it('shows each key activity, its cadence and each period in words, linking the engagement that did it', async () => {
    const calls = setup();
    const table = await screen.findByRole('table', { name: 'Partnership model for schools, 2025–26' });
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/org-units/ou-comp/cadence']);
    expect(screen.getByText('2 done, 1 due, 1 overdue')).toBeTruthy();

    const review = within(row(table, /Annual review with the Head of School/));
    expect(review.getByText('Every academic year')).toBeTruthy();
    expect(review.getByText('Done')).toBeTruthy();
    const link = review.getByRole('link', { name: /^4 Nov 2025/ });
    expect(link.getAttribute('href')).toBe('/engagements/e-annual');
    expect(link.textContent).toBe('4 Nov 2025: the engagement that did Annual review with the Head of School, 2025–26');

    const committee = within(row(table, /Learning and teaching committee/));
    expect(committee.getByText('Each committee meeting (3 a year)')).toBeTruthy();
    expect(committee.getAllByRole('listitem').map((li) => li.textContent?.split(':').slice(0, 2).join(':'))).toEqual([
      'Autumn term:Done8 Oct 2025', 'Spring term:Overdue', 'Summer term:Upcoming',
    ]);

    const catchUp = within(row(table, /Catch-up with the Director of Teaching/));
    expect(catchUp.getByText('Every term')).toBeTruthy();
    expect(catchUp.getByText('Due')).toBeTruthy();
    expect(catchUp.getByText(/with someone whose title includes “Director of Teaching”/)).toBeTruthy();
  });

  it('says when no partnership template applies', async () => {
    setup({ ...compliance, items: [], summary: { done: 0, due: 0, overdue: 0 } });
    expect(await screen.findByText('No partnership template applies to this department.')).toBeTruthy();
  });
});
