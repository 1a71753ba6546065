import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeDto } from '../../../shared/contracts/identity.ts';
import type { MaturityDistributionDto, OverviewDto, UnitSignalsDto } from '../../../shared/contracts/relationships.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { OverviewPage } from './OverviewPage.tsx';

const me: MeDto = {
  user: { id: 'm1', email: 'm@uni.example', name: 'Mo Manager', role: 'manager', jobTitle: null, teamId: null, active: true },
  institution: { id: 'i1', name: 'Northmoor' },
  csrfToken: 'tok',
};

const signals = (id: string, name: string, over: Partial<UnitSignalsDto>): UnitSignalsDto => ({
  orgUnit: { id, name, code: null, parentId: 'f1', parentName: 'Faculty of Science' },
  maturity: null, maturityOn: null, lastEngagementOn: null, daysSinceLast: null, engagements: 0, perMonth: 0, people: 0, keyPeople: 0,
  themes: 0, depth: 0, partnerShare: null, cadence: null, ...over,
});

const overview: OverviewDto = {
  window: { kind: 'year', from: '2025-08-01', to: '2026-07-31', label: 'academic year 2025–26', months: 12 },
  items: [
    signals('d1', 'Chemistry', { maturity: 'partner', daysSinceLast: 12, engagements: 24, perMonth: 2, people: 9, keyPeople: 3, themes: 4, depth: 41.5, partnerShare: 0.25, cadence: { done: 2, due: 1, overdue: 1 } }),
    signals('d2', 'Archaeology', { maturity: 'provider', daysSinceLast: 200, engagements: 3, perMonth: 0.25, people: 2, keyPeople: 0, themes: 1, depth: 3, partnerShare: 0.5 }),
    signals('d3', 'Music', {}),
  ],
};

const distribution: MaturityDistributionDto = {
  points: [
    { label: '2024–25', date: '2025-07-31', counts: { none: 4, provider: 5, partner: 2, pioneer: 0, unassessed: 9 } },
    { label: '2025–26', date: '2026-03-01', counts: { none: 2, provider: 6, partner: 4, pioneer: 1, unassessed: 7 } },
  ],
};

function render() {
  const calls = stubApi((_m, url) => {
    if (url.pathname === '/api/v1/auth/me') return { body: me };
    if (url.pathname === '/api/v1/org-units') return { body: { items: [{ id: 'f1', name: 'Faculty of Science' }, { id: 'f2', name: 'Faculty of Arts' }], page: 1, pageSize: 200, total: 2 } };
    if (url.pathname === '/api/v1/relationships/overview') return { body: overview };
    if (url.pathname === '/api/v1/relationships/maturity-distribution') return { body: distribution };
    return undefined;
  });
  renderWithProviders(<OverviewPage />);
  return { calls, user: userEvent.setup({ delay: null }) };
}

const table = () => screen.getByRole('table', { name: /3 departments, academic year 2025–26/ });
const departmentOrder = () => within(table()).getAllByRole('rowheader').map((th) => within(th).getByRole('link').textContent);
const cells = (name: string) => within(screen.getByRole('link', { name }).closest('tr') as HTMLElement).getAllByRole('cell').map((c) => c.textContent);

describe('OverviewPage', { timeout: 20_000 }, () => {
  // jsdom has no canvas (ECharts measures label text with one): answer "none" quietly instead of logging
  beforeEach(() => void vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));

  it('shows one row per department with every signal in words or digits', async () => {
    const { calls } = render();
    expect(await screen.findByRole('heading', { level: 1, name: 'Relationships at a glance' })).toBeTruthy();
    await screen.findByRole('link', { name: 'Chemistry' });
    expect(departmentOrder()).toEqual(['Archaeology', 'Chemistry', 'Music']);
    expect(cells('Chemistry')).toEqual(['Trusted partner', '12', '24', '2', '9', '3', '4', '41.5', '25%', '2 done, 1 due, 1 overdue (50% done)']);
    expect(cells('Music')).toEqual(['Not assessed', 'Never', '0', '0', '0', '0', '0', '0', '—', 'No model applies']);
    expect(screen.getByRole('link', { name: 'Chemistry' }).getAttribute('href')).toBe('/departments/d1');
    expect(calls.map((c) => c.path)).toContain('/api/v1/relationships/overview?window=year');

    // each signal's header is described by its explanation, which is also on screen
    const depth = screen.getByRole('button', { name: /^Depth/ });
    const explanation = document.getElementById(depth.getAttribute('aria-describedby') ?? '');
    expect(explanation?.textContent).toMatch(/sum of each engagement's type weight/);
    expect(screen.getByRole('list', { name: 'Shading:' })).toBeTruthy();
  });

  it('sorts by a column: strongest first, then the other way round', async () => {
    const { user } = render();
    await screen.findByRole('link', { name: 'Chemistry' });
    const nameHeader = screen.getByRole('button', { name: /^Department/ }).closest('th') as HTMLElement;
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');

    await user.click(screen.getByRole('button', { name: /^Engagements/ }));
    await waitFor(() => expect(departmentOrder()).toEqual(['Chemistry', 'Archaeology', 'Music']));
    const engagements = screen.getByRole('button', { name: /^Engagements/ }).closest('th') as HTMLElement;
    expect(engagements.getAttribute('aria-sort')).toBe('descending');
    expect(nameHeader.getAttribute('aria-sort')).toBeNull();

    // fewer days since the last engagement is stronger; "never" is the quietest of all
    await user.click(screen.getByRole('button', { name: /^Days since last engagement/ }));
    await waitFor(() => expect(departmentOrder()).toEqual(['Chemistry', 'Archaeology', 'Music']));
    await user.click(screen.getByRole('button', { name: /^Days since last engagement/ }));
    await waitFor(() => expect(departmentOrder()).toEqual(['Music', 'Archaeology', 'Chemistry']));
  });

  it('asks the server for one faculty, and the CSV link carries the same filters', async () => {
    const { calls, user } = render();
    await screen.findByRole('link', { name: 'Chemistry' });
    const csv = () => new URL(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href') ?? '', 'http://localhost');
    expect(csv().pathname).toBe('/api/v1/relationships/overview.csv');

    await user.click(screen.getByRole('combobox', { name: 'Faculty' }));
    await user.click(await screen.findByRole('option', { name: 'Faculty of Arts', hidden: true }));
    await waitFor(() => expect(calls.map((c) => c.path)).toContain('/api/v1/relationships/overview?window=year&facultyId=f2'));

    await user.click(screen.getByRole('button', { name: /^People/ }));
    await user.click(screen.getByRole('combobox', { name: 'Period' }));
    await user.click(await screen.findByRole('option', { name: 'Last 365 days', hidden: true }));
    await waitFor(() => expect(calls.map((c) => c.path)).toContain('/api/v1/relationships/overview?window=365&facultyId=f2'));
    expect(Object.fromEntries(csv().searchParams)).toEqual({ window: '365', facultyId: 'f2', sort: 'people', order: 'desc' });
  });

  it('gives the maturity chart a text alternative: a summary and the figures as a table', async () => {
    render();
    const summary = /In 2025–26, 5 of 20 departments were trusted partners or inspiring pioneers and 7 were not yet assessed; in 2024–25, 2 of 20/;
    expect(await screen.findByText(summary)).toBeTruthy();
    const figures = screen.getByRole('table', { name: /The chart's figures/ });
    const row = within(figures).getByRole('rowheader', { name: /2025–26/ }).closest('tr') as HTMLElement;
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['7', '2', '6', '4', '1', '20']);
    // the chart itself loads in its own chunk, after the figures
    expect(await screen.findByRole('img', { name: summary }, { timeout: 10_000 })).toBeTruthy();
  });

  it('links managers to the partnership model', async () => {
    render();
    expect((await screen.findByRole('link', { name: 'Partnership model' })).getAttribute('href')).toBe('/overview/partnership');
  });
});
