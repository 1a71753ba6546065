import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MetricPointDto, OrgUnitMetricsDto } from '../../../shared/contracts/metrics.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { DepartmentMetrics } from './DepartmentMetrics.tsx';
import { metric } from './fixtures.ts';

const point = (period: string, label: string, value: number | null, institutionAverage: number | null, unitsInAverage: number): MetricPointDto =>
  ({ period, label, value, institutionAverage, unitsInAverage });
const months = Array.from({ length: 10 }, (_, i) => point(`2025-${String(i + 1).padStart(2, '0')}`, `M${i + 1}`, 10 + i, 12, 27));

const answer: OrgUnitMetricsDto = {
  orgUnit: { id: 'ou-comp', name: 'School of Computing', type: 'department' },
  items: [
    { metric: metric({ id: 'm-enq', name: 'Enquiries', unit: 'enquiries', source: 'LibAnswers', periodKind: 'month' }), points: months },
    {
      metric: metric({}),
      points: [point('2022', '2022–23', null, 79.4, 20), point('2023', '2023–24', 72.5, 80.1, 26), point('2024', '2024–25', 78, 80.25, 27), point('2025', '2025–26', 84.3, 81, 27)],
    },
  ],
};

function setup(body: OrgUnitMetricsDto = answer) {
  const calls = stubApi((_m, url) => (url.pathname === '/api/v1/org-units/ou-comp/metrics' ? { body } : undefined));
  renderWithProviders(<DepartmentMetrics orgUnitId="ou-comp" />);
  return { calls, user: userEvent.setup({ delay: null }) };
}
const cells = (table: HTMLElement) => within(table).getAllByRole('row').slice(1)
  .map((r) => [within(r).getByRole('rowheader').textContent, ...within(r).getAllByRole('cell').map((c) => c.textContent)]);

describe('DepartmentMetrics', { timeout: 30_000 }, () => {
  // jsdom has no canvas (ECharts measures label text with one): answer "none" quietly instead of logging
  beforeEach(() => void vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));

  it('gives each metric a card: direction, a summary, the chart, and the same figures as a table with the average of how many departments', async () => {
    setup();
    const card = within(await screen.findByRole('region', { name: 'NSS: learning resources (% agree)' }));
    expect(card.getByText('Higher is better · % · source: NSS')).toBeTruthy();
    const summary = 'In 2025–26, 84.3% (average of 27 departments: 81%); up from 72.5% in 2023–24.';
    expect(card.getByText(summary)).toBeTruthy();
    expect(card.getByText(/mean over the departments with a figure for it, School of Computing included/)).toBeTruthy();
    const table = card.getByRole('table', { name: 'NSS: learning resources (% agree): School of Computing and the average of departments, by period' });
    expect(cells(table)).toEqual([
      ['2022–23', '—', '79.4', 'average of 20 departments'],
      ['2023–24', '72.5', '80.1', 'average of 26 departments'],
      ['2024–25', '78', '80.3', 'average of 27 departments'],
      ['2025–26', '84.3', '81', 'average of 27 departments'],
    ]);
    // the chart loads in its own chunk and is named by the same summary
    expect(await card.findByRole('img', { name: `Line chart of School of Computing against the average of departments. ${summary}` }, { timeout: 10_000 })).toBeTruthy();
  });

  it('folds a long table behind a button that says how many periods it holds', async () => {
    const { user } = setup();
    const card = within(await screen.findByRole('region', { name: 'Enquiries' }));
    expect(card.queryByRole('table')).toBeNull();
    const toggle = card.getByRole('button', { name: 'Show table (10 periods)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(card.getByRole('button', { name: 'Hide table' }).getAttribute('aria-expanded')).toBe('true');
    const rows = cells(card.getByRole('table'));
    expect([rows.length, rows[0], rows[9]]).toEqual([10, ['M1', '10', '12', 'average of 27 departments'], ['M10', '19', '12', 'average of 27 departments']]);
  });

  it('points to Imports when the unit has no figures', async () => {
    const { calls } = setup({ ...answer, items: [] });
    expect(await screen.findByText(/No metric has a figure for this unit yet/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Imports' }).getAttribute('href')).toBe('/imports');
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/org-units/ou-comp/metrics']);
  });
});
