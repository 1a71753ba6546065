import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { metric, me } from './fixtures.ts';
import { MetricsView } from './MetricsPage.tsx';

const nss = metric({ valueCount: 108, latestPeriod: '2025', latestPeriodLabel: '2025–26', description: 'Final-year students agreeing' });
const enquiries = metric({ id: 'm-enq', name: 'Enquiries', unit: 'enquiries', source: null, periodKind: 'month', direction: 'lower_better' });
const value = { metricId: 'm-nss', orgUnit: { id: 'ou-hist', name: 'History', code: 'HIST', type: 'department' }, period: '2025', periodLabel: '2025–26', value: 81.5, importJobId: 'job-1', updatedAt: '2025-09-01T10:00:00Z' };

function setup(manager = true) {
  const calls = stubApi((method, url, body) => {
    if (url.pathname === '/api/v1/auth/me') return { body: me(manager ? 'manager' : 'viewer') };
    if (url.pathname === '/api/v1/metrics' && method === 'GET') return { body: { items: [enquiries, nss] } };
    if (url.pathname === '/api/v1/metrics' && method === 'POST') return { status: 201, body: metric({ id: 'm-new', ...(body as object) }) };
    if (url.pathname.startsWith('/api/v1/metrics/') && method === 'PATCH') return { body: { ...nss, ...(body as object) } };
    if (url.pathname === '/api/v1/metrics/m-nss/values' && method === 'GET') return { body: { items: [value], page: 1, pageSize: 25, total: 1 } };
    if (url.pathname === '/api/v1/metrics/m-nss/values' && method === 'PUT') return { body: { ...value, value: (body as { value: number }).value } };
    if (url.pathname === '/api/v1/org-units') {
      const items = url.searchParams.get('q') ? [{ id: 'ou-law', name: 'Northmoor Law School', type: 'department' }] : [];
      return { body: { items, page: 1, pageSize: 20, total: items.length } };
    }
    return undefined;
  });
  renderWithProviders(<MetricsView manager={manager} />);
  return { calls, user: userEvent.setup({ delay: null }) };
}

const rows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('MetricsPage', { timeout: 60_000 }, () => {
  it('lists the definitions with unit, direction, source, period, number of values and latest period; viewers only read', async () => {
    setup(false);
    expect(await screen.findByRole('heading', { level: 1, name: 'Metrics' })).toBeTruthy();
    await screen.findByRole('table', { name: /Metric definitions by name/ });
    expect(rows().map((r) => [within(r).getByRole('rowheader').textContent, ...within(r).getAllByRole('cell').slice(0, 6).map((c) => c.textContent)])).toEqual([
      ['Enquiries', 'enquiries', 'Lower is better', '—', 'Month', '0', '—'],
      ['NSS: learning resources (% agree)Final-year students agreeing', '%', 'Higher is better', 'NSS', 'Academic year', '108', '2025–26'],
    ]);
    // importing, like defining, is for managers
    expect(screen.queryByRole('link', { name: 'Import values' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'New metric' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Values of Enquiries' })).toBeTruthy();
  });

  it('adds a metric from the modal form, checked with the API’s schema', async () => {
    const { calls, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'New metric' }));
    expect(screen.getByRole('link', { name: 'Import values' }).getAttribute('href')).toBe('/imports');
    const dialog = within(await screen.findByRole('dialog', { name: 'New metric' }));
    await user.click(dialog.getByRole('button', { name: 'Add metric' }));
    expect(await dialog.findAllByText('is required')).toHaveLength(2);
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    await user.type(dialog.getByRole('textbox', { name: /^Name/ }), 'Enquiries per student');
    await user.type(dialog.getByRole('textbox', { name: /^Unit/ }), 'enquiries');
    await user.type(dialog.getByRole('textbox', { name: /^Source/ }), 'LibAnswers');
    await user.click(dialog.getByRole('radio', { name: 'Month' }));
    await user.click(dialog.getByRole('button', { name: 'Add metric' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'Enquiries per student', unit: 'enquiries', direction: 'higher_better', source: 'LibAnswers', periodKind: 'month', description: null,
    });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New metric' })).toBeNull());
  });

  it('edits a metric with values: its period kind is fixed and it cannot be deleted', async () => {
    const { calls, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Edit NSS: learning resources (% agree)' }));
    const dialog = within(await screen.findByRole('dialog', { name: /^Edit NSS/ }));
    expect(dialog.getByRole<HTMLInputElement>('radio', { name: 'Month' }).disabled).toBe(true);
    expect(dialog.getByText('Fixed while the metric has 108 values')).toBeTruthy();
    expect(dialog.getByText('It has 108 values, so it cannot be deleted.')).toBeTruthy();
    expect(dialog.queryByRole('button', { name: 'Delete metric' })).toBeNull();
    await user.click(dialog.getByRole('radio', { name: 'Lower is better' }));
    await user.click(dialog.getByRole('button', { name: 'Save metric' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({ path: '/api/v1/metrics/m-nss', body: { direction: 'lower_better', periodKind: 'academic_year', name: nss.name } });
  });

  it('shows a metric’s values and lets a manager correct one by hand', async () => {
    const { calls, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Values of NSS: learning resources (% agree)' }));
    const dialog = within(await screen.findByRole('dialog', { name: /^Values of NSS/ }));
    const table = await dialog.findByRole('table', { name: /Values of NSS/ });
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getAllByRole('cell').slice(0, 4).map((c) => c.textContent)).toEqual(['History', '2025–26', '81.5', 'By import']);

    await user.click(within(row).getByRole('button', { name: 'Correct History, 2025–26' }));
    const form = within(dialog.getByRole('form', { name: /^Enter a value/ }));
    const period = form.getByRole<HTMLInputElement>('textbox', { name: /^Period/ });
    expect(period.value).toBe('2025–26');
    const valueBox = form.getByRole('textbox', { name: /^Value/ });
    await user.clear(valueBox);
    await user.type(valueBox, '83.2');
    await user.clear(period);
    await user.type(period, '2024/25');
    expect(form.getByText('Reads as 2024–25')).toBeTruthy();
    await user.click(form.getByRole('button', { name: 'Save value' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({ path: '/api/v1/metrics/m-nss/values', body: { orgUnitId: 'ou-hist', period: '2024/25', value: 83.2 } });
  });
});
