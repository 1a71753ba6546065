import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { LibraryYearDto } from '../../../shared/contracts/reports.ts';
import { sampleReportData } from '../../../server/modules/reports/pdf/sample.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { me } from '../relationships/fixtures.ts';
import { LibraryYearPage } from './LibraryYearPage.tsx';
import { ReportDocument } from './ReportPage.tsx';
import { ReportWordsForm } from './ReportWordsForm.tsx';
import { StaffLinks } from './ReportSections.tsx';

const institution = (month: number, day: number) => ({ id: 'i1', name: 'Northmoor', academicYearStartMonth: month, academicYearStartDay: day, timeZone: 'Europe/London', publicDirectory: false });

const library: LibraryYearDto = {
  year: { key: '2025', label: '2025–26', start: '2025-08-01', end: '2026-07-31' },
  departments: 27, departmentsEngaged: 25,
  maturity: [{ level: 'pioneer', label: 'Inspiring pioneer', departments: 2 }, { level: 'unassessed', label: 'Not assessed', departments: 5 }],
  engagements: 1840, teaching: { sessions: 310, attendees: 6200, userHours: 9300 }, evidenceCaptured: 42,
  highlights: [{ id: 'e1', kindLabel: 'Quote', text: 'The sessions changed how we search.', source: 'Dr Ada Byron', occurredOn: '2026-02-10', orgUnits: ['School of Computing'] }],
  themes: [
    { theme: 'Reading lists', departments: [{ id: 'ou-hist', name: 'Department of History' }, { id: 'ou-law', name: 'Northmoor Law School' }] },
    { theme: 'AI literacy', departments: [{ id: 'ou-comp', name: 'School of Computing' }] },
  ],
  reportsDiscussed: 6,
};

describe('annual reports on the web', { timeout: 30_000 }, () => {
  it('the library’s year ranks the themes, each linked to its departments’ reports', async () => {
    const calls = stubApi((_m, url) => (url.pathname === '/api/v1/reports/library' ? { body: library } : url.pathname === '/api/v1/institution' ? { body: institution(8, 1) } : undefined));
    renderWithProviders(<LibraryYearPage />);
    const table = await screen.findByRole('table', { name: 'Key themes, 2025–26' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(['Reading lists', 'AI literacy']);
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'Department of History' }).getAttribute('href')).toBe('/reports/ou-hist/2025');
    expect(screen.getByText('of 27 departments engaged')).toBeTruthy();
    expect(calls.at(-1)?.path).toMatch(/^\/api\/v1\/reports\/library\?year=\d{4}$/);
  });

  it('opens on the year just ended by the institution’s own start of year', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // 2 December 2026 falls in the year that began on 15 December 2025: the year just ended is 2024–25
      vi.setSystemTime(new Date('2026-12-02T12:00:00Z'));
      const calls = stubApi((_m, url) => (url.pathname === '/api/v1/reports/library' ? { body: library } : url.pathname === '/api/v1/institution' ? { body: institution(12, 15) } : undefined));
      renderWithProviders(<LibraryYearPage />);
      await screen.findByRole('table', { name: 'Key themes, 2025–26' });
      expect(calls.filter((c) => c.path.startsWith('/api/v1/reports/library')).map((c) => c.path)).toEqual(['/api/v1/reports/library?year=2024']);
      expect(screen.getByLabelText<HTMLInputElement>('Academic year', { selector: 'input' }).value).toBe('2024–25');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a report read through a share link names people but links to no staff page', async () => {
    stubApi(() => undefined);
    const r = sampleReportData();
    renderWithProviders(<StaffLinks.Provider value={false}><ReportDocument r={r} /></StaffLinks.Provider>);
    await screen.findByRole('navigation', { name: 'Contents' });
    const relationship = screen.getByRole('region', { name: 'The relationship' });
    const champion = r.relationship.champions[0]?.name ?? '';
    expect(within(relationship).getByText(new RegExp(champion))).toBeTruthy();
    expect(within(relationship).queryAllByRole('link')).toHaveLength(0);
  });

  it('writing the report sends what changed, leaving an untouched draft to keep following the figures', async () => {
    const r = sampleReportData();
    const draftOnly = { ...r, narrative: { ...r.narrative, introduction: null, conclusion: null } };
    const calls = stubApi((method, url, body) => {
      if (url.pathname === '/api/v1/auth/me') return { body: me('librarian') };
      if (method === 'PUT') return { body: { ...draftOnly, ...(body as object) } };
      return undefined;
    });
    renderWithProviders(<ReportWordsForm report={draftOnly} onDone={() => undefined} />);
    const user = userEvent.setup();
    const themes = await screen.findByRole('combobox', { name: 'Key themes' });
    await user.type(themes, 'Open access{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save the report' }));
    const put = await (async () => {
      for (let i = 0; i < 50; i++) {
        const c = calls.find((x) => x.method === 'PUT');
        if (c) return c;
        await new Promise((res) => setTimeout(res, 20));
      }
      return undefined;
    })();
    expect(put?.path).toBe(`/api/v1/reports/${r.orgUnit.id}/${r.year.key}`);
    expect(put?.body).toMatchObject({ introduction: null, conclusion: null, themes: [...r.discussion.themes, 'Open access'] });
  });
});
