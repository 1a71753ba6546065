import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../shared/contracts/common.ts';
import type { EngagementDto } from '../../../shared/contracts/engagements.ts';
import type { LibrariansDto } from '../../../shared/contracts/coverage.ts';
import type { PersonSummaryDto } from '../../../shared/contracts/people.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { AppActionsContext } from '../../components/actions.ts';
import { assessments, compliance, journey, stakeholders, unitSignals } from '../relationships/fixtures.ts';
import { lastAcademicYears } from './DepartmentEngagements.tsx';
import { DepartmentView } from './DepartmentPage.tsx';

// the page renders many sections at once; role queries over all of it take jsdom longer than the 1 s default
configure({ asyncUtilTimeout: 5000 });

const page = <T,>(items: T[]) => ({ items, page: 1, pageSize: 20, total: items.length });

const unit = { id: 'd1', parentId: 'f1', parentName: 'Faculty of Science', type: 'department', name: 'Mathematics', code: 'MATH', status: 'active', description: null, lastEngagementOn: '2026-01-10' };

const librarians: LibrariansDto = {
  orgUnit: { id: 'd1', name: 'Mathematics' },
  functions: [
    { function: { id: 'fn1', label: 'Subject liaison' }, staff: [{ id: 'u1', name: 'Sam Reid', jobTitle: 'Faculty Librarian', email: 'sam@northmoor.example' }], inheritedFrom: null },
    { function: { id: 'fn2', label: 'Teaching and learning' }, staff: [{ id: 'u2', name: 'Kit Moss', jobTitle: null, email: 'kit@northmoor.example' }], inheritedFrom: { id: 'f1', name: 'Faculty of Science' } },
    { function: { id: 'fn3', label: 'Research support' }, staff: [], inheritedFrom: null },
  ],
};

const position = { id: 'pos1', personId: 'p1', orgUnitId: 'd1', orgUnitName: 'Mathematics', title: 'Head of Department', startDate: null, endDate: null, current: true };
const person: PersonSummaryDto = {
  id: 'p1', name: 'Ada Lovelace', email: 'ada@northmoor.example', phone: null, isChampion: true, influence: 5, interest: 4,
  stayInTouchDays: 30, contactCap: null, contactCapDays: null, championSince: null, tags: [], updatedAt: '2026-01-01T00:00:00Z', currentPositions: [position],
};

const engagement: EngagementDto = {
  id: 'e1', type: { id: 't1', label: 'Teaching session' }, occurredOn: '2026-01-10', durationMinutes: 60, summary: 'Embedded literature-search session for second years',
  outcome: 'Agreed a repeat next term', followUp: null, initiatedBy: 'partner', attendance: 42, milestone: null, goals: [], campaigns: [], themes: [{ id: 'th1', label: 'Skills' }],
  people: [{ id: 'p1', name: 'Ada Lovelace' }], staff: [{ id: 'u1', name: 'Sam Reid' }], orgUnits: [{ id: 'd1', name: 'Mathematics' }],
  createdBy: 'u1', createdAt: '2026-01-10T10:00:00Z', updatedAt: '2026-01-10T10:00:00Z',
};

function setup(role: Role = 'librarian', found = true) {
  const calls = stubApi((_method, url) => {
    switch (url.pathname) {
      case '/api/v1/auth/me':
        return { body: { user: { id: 'u1', email: 'sam@northmoor.example', name: 'Sam Reid', role, jobTitle: null, teamId: null, active: true }, institution: { id: 'i1', name: 'Northmoor' }, csrfToken: 'x' } };
      case '/api/v1/org-units/d1':
        return found ? { body: unit } : undefined;
      case '/api/v1/org-units/d1/librarians':
        return { body: librarians };
      case '/api/v1/org-units':
        return { body: page([]) };
      case '/api/v1/people':
        return { body: page([person]) };
      case '/api/v1/institution':
        return { body: { id: 'i1', name: 'Northmoor', academicYearStartMonth: 9, academicYearStartDay: 1, timeZone: 'Europe/London', publicDirectory: false } };
      case '/api/v1/vocab':
        return { body: [] };
      case '/api/v1/engagements':
        return { body: page([engagement]) };
      case '/api/v1/org-units/d1/maturity':
        return { body: assessments };
      case '/api/v1/org-units/d1/signals':
        return { body: unitSignals };
      case '/api/v1/org-units/d1/journey':
        return { body: journey };
      case '/api/v1/org-units/d1/cadence':
        return { body: compliance };
      case '/api/v1/org-units/d1/stakeholders':
        return { body: stakeholders };
      case '/api/v1/action-plans':
        return { body: page([]) };
    }
    return undefined;
  });
  const openQuickLog = vi.fn();
  renderWithProviders(
    <AppActionsContext.Provider value={{ openQuickLog, openSearch: () => undefined }}>
      <DepartmentView id="d1" />
    </AppActionsContext.Provider>,
  );
  return { calls, openQuickLog, user: userEvent.setup({ delay: null }) };
}

describe('DepartmentView', { timeout: 20_000 }, () => {
  it('shows who covers the department, inherited cover and gaps in words', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Mathematics' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Faculty of Science' }).getAttribute('href')).toBe('/departments/f1');

    const cover = within(screen.getByRole('region', { name: 'Who is my librarian' }));
    expect((await cover.findByText(/^Sam Reid/)).textContent).toBe('Sam Reid, Faculty Librarian · sam@northmoor.example');
    expect(cover.getByText(/^via/).textContent).toBe('via Faculty of Science');
    expect(cover.getByText('No one covers Research support')).toBeTruthy();
    expect(cover.getByText('1 of 3 functions have no one covering them.')).toBeTruthy();
  });

  it('lists key people with their title here and the champion badge', async () => {
    const { calls } = setup();
    const people = within(await screen.findByRole('region', { name: 'Key people' }));
    expect((await people.findByRole('link', { name: 'Ada Lovelace' })).getAttribute('href')).toBe('/people/p1');
    expect(people.getByText('Library champion')).toBeTruthy();
    expect(people.getByText('Head of Department')).toBeTruthy();
    expect(calls.some((c) => c.path.startsWith('/api/v1/people?') && c.path.includes('orgUnitId=d1'))).toBe(true);
  });

  it('shows the timeline of the department and the units below it, and filters it by academic year', async () => {
    const { calls, user } = setup();
    const timeline = within(await screen.findByRole('list', { name: 'Engagements, newest first' }));
    expect(timeline.getByText('Embedded literature-search session for second years')).toBeTruthy();
    expect(timeline.getByText('Initiated by the partner · 60 min')).toBeTruthy();
    expect(timeline.getByText('Skills')).toBeTruthy();
    expect(timeline.getByText('42')).toBeTruthy();
    expect(calls.some((c) => c.path.startsWith('/api/v1/engagements?') && c.path.includes('orgUnitId=d1') && c.path.includes('includeDescendants=true'))).toBe(true);

    await user.click(screen.getByRole('combobox', { name: 'Academic year' }));
    await user.keyboard('{ArrowDown}{Enter}');
    const [current] = lastAcademicYears(1, 9, 1);
    await waitFor(() => expect(calls.some((c) => c.path.includes(`from=${current?.from}&to=${current?.to}`))).toBe(true));
    expect(current?.from.endsWith('-09-01')).toBe(true);
    expect(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toContain(`from=${current?.from}`);
  });

  it('shows where the relationship stands near the top: maturity and health signals', async () => {
    const { calls } = setup();
    const relationship = within(await screen.findByRole('region', { name: 'Relationship' }));
    const maturity = within(relationship.getByRole('region', { name: 'Maturity' }));
    expect(await maturity.findByText('Assessed 10 Feb 2026 by Ann Archer')).toBeTruthy();
    const signals = within(relationship.getByRole('region', { name: 'Health signals' }));
    expect(await signals.findByText('2 done, 1 due, 1 overdue')).toBeTruthy();
    expect(relationship.getByRole('button', { name: 'Assess maturity of Mathematics' })).toBeTruthy();
    // the tabs' views load only when opened
    expect(calls.some((c) => /\/(journey|cadence|stakeholders)/.test(c.path))).toBe(false);
  });

  it('keeps engagements first and the journey, partnership model, stakeholder map and action plan one tab away, by keyboard', async () => {
    const { user } = setup();
    const tabs = within(await screen.findByRole('tablist', { name: 'More about Mathematics' }));
    expect(tabs.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Engagements', 'Journey', 'Partnership model', 'Stakeholder map', 'Action plan', 'Evidence', 'Metrics']);
    expect(tabs.getByRole('tab', { name: 'Engagements' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Engagements' })).toBeTruthy();

    tabs.getByRole('tab', { name: 'Engagements' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(tabs.getByRole('tab', { name: 'Journey' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('list', { name: 'Journey, oldest first' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Engagements' })).toBeNull();

    await user.keyboard('{ArrowRight}');
    expect(await screen.findByRole('table', { name: 'Partnership model for schools, 2025–26' })).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByRole('table', { name: /^Stakeholder map/ })).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByRole('region', { name: 'Action plan' })).toBeTruthy();
  });

  it('opens quick log for this department', async () => {
    const { openQuickLog, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Log engagement with Mathematics' }));
    expect(openQuickLog).toHaveBeenCalledWith({ orgUnitId: 'd1' });
  });

  it('hides logging from viewers', async () => {
    setup('viewer');
    await screen.findByRole('heading', { level: 1, name: 'Mathematics' });
    await screen.findByText('No one covers Research support');
    expect(screen.queryByRole('button', { name: /Log engagement/ })).toBeNull();
  });

  it('says when the department does not exist', async () => {
    setup('librarian', false);
    expect(await screen.findByRole('heading', { level: 1, name: 'Department not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to all departments' }).getAttribute('href')).toBe('/departments');
  });
});
