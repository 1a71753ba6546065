import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INSTITUTION_LEVEL_NOTE, type UsageDto } from '../../../shared/contracts/usage.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { UsagePanel } from './UsagePanel.tsx';

const head = {
  level: 'institution' as const, note: INSTITUTION_LEVEL_NOTE,
  reports: [{ reportId: 'TR_J1' as const, from: '2025-01', to: '2025-03', platforms: 2 }, { reportId: 'DR' as const, from: '2025-01', to: '2025-02', platforms: 1 }],
};
const trj1: UsageDto = {
  ...head, report: 'TR_J1', from: '2024-12', to: '2025-03', months: ['2024-12', '2025-01', '2025-02', '2025-03'],
  series: [
    { metricType: 'Total_Item_Requests', counts: [null, 1750, 107, 174], total: 2031 },
    { metricType: 'Unique_Item_Requests', counts: [null, 121, 70, 122], total: 313 },
  ],
};
const dr: UsageDto = { ...head, report: 'DR', from: '2025-01', to: '2025-02', months: ['2025-01', '2025-02'], series: [{ metricType: 'Searches_Regular', counts: [274, 250], total: 524 }] };
const none: UsageDto = { ...head, reports: [], report: null, from: null, to: null, months: [], series: [] };

function render(answer: (report: string | null) => UsageDto) {
  const calls = stubApi((_m, url) => (url.pathname === '/api/v1/usage' ? { body: answer(url.searchParams.get('report')) } : undefined));
  renderWithProviders(<UsagePanel />);
  return { calls, user: userEvent.setup({ delay: null }) };
}

const rowsOf = (name: RegExp) => within(screen.getByRole('table', { name })).getAllByRole('row').slice(1).map((r) => [
  within(r).getByRole('rowheader').textContent, ...within(r).getAllByRole('cell').map((c) => c.textContent),
]);

describe('UsagePanel', { timeout: 30_000 }, () => {
  // jsdom has no canvas (ECharts measures label text with one): answer "none" quietly instead of logging
  beforeEach(() => void vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));

  it('shows the institution’s total item requests by month, says it is institution-level and how to split it', async () => {
    render(() => trj1);
    expect(await screen.findByRole('heading', { level: 2, name: 'E-resource usage (COUNTER)' })).toBeTruthy();
    await screen.findByRole('table', { name: /Total item requests by month, TR_J1, whole institution/ });
    expect(rowsOf(/Total item requests/)).toEqual([['Dec 2024', 'no report'], ['Jan 2025', '1,750'], ['Feb 2025', '107'], ['Mar 2025', '174'], ['Total', '2,031']]);
    expect(screen.getByText(/COUNTER usage is institution-level/).textContent).toContain('title → department code mapping imported under Imports');
    expect(screen.getByRole('link', { name: 'Go to Imports' }).getAttribute('href')).toBe('/imports');
    expect(await screen.findByRole('img', { name: /Line chart\. Total item requests for the whole institution, TR_J1, Dec 2024 to Mar 2025: 2,031 in all, from 107 to 1,750 a month\./ }, { timeout: 10_000 })).toBeTruthy();
  });

  it('switches metric type and report', async () => {
    const { calls, user } = render((r) => (r === 'DR' ? dr : trj1));
    await screen.findByRole('table', { name: /Total item requests/ });
    await user.click(screen.getByRole('combobox', { name: 'Metric type' }));
    await user.click(await screen.findByRole('option', { name: 'Unique item requests', hidden: true }));
    expect(rowsOf(/Unique item requests by month/)[1]).toEqual(['Jan 2025', '121']);
    await user.click(screen.getByRole('combobox', { name: 'Report' }));
    await user.click(await screen.findByRole('option', { name: 'DR (Jan 2025 to Feb 2025)', hidden: true }));
    // the database report has no item requests: its first metric type is shown
    await screen.findByRole('table', { name: /Searches regular by month, DR/ });
    expect(rowsOf(/Searches regular/)).toEqual([['Jan 2025', '274'], ['Feb 2025', '250'], ['Total', '524']]);
    expect(calls.map((c) => c.path)).toContain('/api/v1/usage?report=DR');
  });

  it('says so when nothing has been imported', async () => {
    render(() => none);
    expect(await screen.findByText(/No COUNTER usage imported yet/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText(/COUNTER usage is institution-level/)).toBeTruthy();
  });
});
