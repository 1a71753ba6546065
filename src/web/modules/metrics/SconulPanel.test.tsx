import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { academicYearOf, academicYearStarting } from '../../../shared/academic-year.ts';
import type { InstitutionDto } from '../../../shared/contracts/org.ts';
import type { TrainingHoursDto } from '../../../shared/contracts/sconul.ts';
import { today } from '../../lib/dates.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { SconulPanel } from './SconulPanel.tsx';

const institution: InstitutionDto = {
  id: 'i1', name: 'Northmoor', academicYearStartMonth: 8, academicYearStartDay: 1, timeZone: 'Europe/London', publicDirectory: false,
  contactCap: null, contactCapDays: 30, keyTitles: [], opportunityColdDays: 14,
};
// the options follow the real date: the panel offers the current academic year and the five before it
const current = academicYearOf(today()).year;
const yearOf = (y: number) => {
  const a = academicYearStarting(y);
  return { start: a.start, end: a.end, label: a.label, year: y };
};
const zero = { sessions: 0, attendees: 0, userHours: 0, missing: 0 };

const thisYear: TrainingHoursDto = {
  year: yearOf(current),
  typesCounted: [{ id: 't-teach', label: 'Teaching session' }, { id: 't-work', label: 'Workshop' }],
  rows: [
    { orgUnit: { id: 'd-chem', name: 'Chemistry', type: 'department' }, sessions: 4, attendees: 60.5, userHours: 74, missing: 0 },
    { orgUnit: { id: 'd-hist', name: 'History', type: 'department' }, sessions: 4, attendees: 26.5, userHours: 1234.5, missing: 2 },
  ],
  unlinked: { sessions: 1, attendees: 8, userHours: 6, missing: 0 },
  total: { sessions: 8, attendees: 95, userHours: 1314.5, missing: 2 },
};
const lastYear: TrainingHoursDto = {
  year: yearOf(current - 1), typesCounted: [{ id: 't-teach', label: 'Teaching session' }], rows: [
    { orgUnit: { id: 'd-chem', name: 'Chemistry', type: 'department' }, sessions: 1, attendees: 100, userHours: 100, missing: 1 },
  ], unlinked: zero, total: { sessions: 1, attendees: 100, userHours: 100, missing: 1 },
};
const empty: TrainingHoursDto = { ...lastYear, year: yearOf(current - 2), rows: [], total: zero };

function render() {
  const calls = stubApi((_m, url) => {
    if (url.pathname === '/api/v1/institution') return { body: institution };
    if (url.pathname === '/api/v1/sconul/training-hours') {
      const year = url.searchParams.get('year');
      const body = year === null || year === String(current) ? thisYear : year === String(current - 1) ? lastYear : year === String(current - 2) ? empty : undefined;
      return body ? { body } : { status: 400, body: { code: 'VALIDATION', message: 'year: not stubbed', requestId: 't' } };
    }
    return undefined;
  });
  renderWithProviders(<SconulPanel />);
  return { calls, user: userEvent.setup({ delay: null }) };
}

const table = () => screen.getByRole('table', { name: /Training user hours by department/ });
const rowsOf = () => within(table()).getAllByRole('row').slice(1).map((r) => [
  within(r).getByRole('rowheader').textContent, ...within(r).getAllByRole('cell').map((c) => c.textContent),
]);
const csvHref = () => screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
const sconulCalls = (calls: { path: string }[]) => calls.map((c) => c.path).filter((p) => p.startsWith('/api/v1/sconul'));

describe('SconulPanel', { timeout: 30_000 }, () => {
  it('shows each department, those without one, and the total, with how they are counted and the CSV', async () => {
    const { calls } = render();
    expect(await screen.findByRole('heading', { level: 2, name: 'Training user hours (SCONUL)' })).toBeTruthy();
    await screen.findByRole('table', { name: `Training user hours by department, academic year ${thisYear.year.label}` });
    expect(rowsOf()).toEqual([
      ['Chemistry', '4', '60.5', '74', '0'],
      ['History', '4', '26.5', '1,234.5', '2 to complete in History'],
      ['No department (logged with people only)', '1', '8', '6', '0'],
      ['Total (each engagement once)', '8', '95', '1,314.5', '2'],
    ]);
    expect(within(table()).getByRole('link', { name: 'History' }).getAttribute('href')).toBe('/departments/d-hist');
    // two types are counted and the log filters by one: the link narrows to the department and the year only
    const fix = new URL(within(table()).getByRole('link', { name: '2 to complete in History' }).getAttribute('href') ?? '', 'http://localhost');
    expect(fix.pathname).toBe('/engagements');
    expect(Object.fromEntries(fix.searchParams)).toEqual({ orgUnitId: 'd-hist', from: thisYear.year.start, to: thisYear.year.end });
    expect(screen.getByText(/types counted \(Teaching session, Workshop\)/).textContent).toMatch(/split evenly between them.*the total counts each engagement once/);
    expect(sconulCalls(calls)[0]).toBe('/api/v1/sconul/training-hours');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Academic year' })).toHaveProperty('value', thisYear.year.label));
    expect(csvHref()).toBe('/api/v1/sconul/training-hours.csv?year=' + String(current));
  });

  it('picking an academic year asks for it; the missing link then names the one type counted', async () => {
    const { calls, user } = render();
    await screen.findByRole('table', { name: new RegExp(thisYear.year.label) });
    await user.click(screen.getByRole('combobox', { name: 'Academic year' }));
    const labels = (await screen.findAllByRole('option', { hidden: true })).map((o) => o.textContent);
    expect(labels).toEqual(Array.from({ length: 6 }, (_, i) => academicYearStarting(current - i).label));
    await user.click(screen.getByRole('option', { name: lastYear.year.label, hidden: true }));
    await screen.findByRole('table', { name: `Training user hours by department, academic year ${lastYear.year.label}` });
    expect(sconulCalls(calls)).toContain(`/api/v1/sconul/training-hours?year=${current - 1}`);
    expect(rowsOf()).toEqual([['Chemistry', '1', '100', '100', '1 to complete in Chemistry'], ['Total (each engagement once)', '1', '100', '100', '1']]);
    const fix = new URL(screen.getByRole('link', { name: '1 to complete in Chemistry' }).getAttribute('href') ?? '', 'http://localhost');
    expect(fix.searchParams.get('typeId')).toBe('t-teach');
    expect(csvHref()).toBe(`/api/v1/sconul/training-hours.csv?year=${current - 1}`);
  });

  it('says so when the year has no teaching engagements', async () => {
    const { user } = render();
    await screen.findByRole('table');
    await user.click(screen.getByRole('combobox', { name: 'Academic year' }));
    await user.click(await screen.findByRole('option', { name: empty.year.label, hidden: true }));
    expect(await screen.findByText(`No teaching engagements logged in ${empty.year.label}.`)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
