import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { NssFiguresDto } from '../../../shared/contracts/figures.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { NssPanel } from './NssPanel.tsx';

const years = [{ year: 2024, label: '2024–25' }, { year: 2023, label: '2023–24' }];
const q = (question: string, published: boolean, agreePct: number | null, responses: number | null, withheldSubjects = 0) =>
  ({ question, questionText: `Text of ${question}`, theme: null, published, agreePct, responses, publishedSubjects: published ? 1 : 0, withheldSubjects });
const dept = (questions: ReturnType<typeof q>[]) => ({
  orgUnit: { id: 'd-hist', name: 'History', code: 'HIST' },
  subjects: [{ cahCode: 'CAH20-01-01', subject: 'History' }, { cahCode: 'CAH19-01-01', subject: null }],
  questions,
});
const latest: NssFiguresDto = { year: years[0] ?? null, years, departments: [dept([q('Q19', false, null, null, 1), q('Q20', true, 88, 40, 1), q('Q21', true, 84.4, 90)])] };
const earlier: NssFiguresDto = { year: years[1] ?? null, years, departments: [] };

function render(answer: (year: string | null) => NssFiguresDto) {
  const calls = stubApi((_m, url) => (url.pathname === '/api/v1/figures/nss' ? { body: answer(url.searchParams.get('year')) } : undefined));
  renderWithProviders(<NssPanel orgUnitId="d-hist" />);
  return { calls, user: userEvent.setup({ delay: null }) };
}

const rows = () => within(screen.getByRole('table', { name: /NSS results for History/ })).getAllByRole('row').slice(1)
  .map((r) => [within(r).getByRole('rowheader').textContent, ...within(r).getAllByRole('cell').map((c) => c.textContent)]);

describe('NssPanel', { timeout: 30_000 }, () => {
  it('shows each question, with results under the threshold as not published', async () => {
    const { calls } = render(() => latest);
    await screen.findByRole('table', { name: 'NSS results for History by question, NSS 2025 (2024–25)' });
    expect(rows()).toEqual([
      ['Q19Text of Q19', 'not published (fewer than 10 responses or under 50% response rate)'],
      ['Q20Text of Q20', '88%', '40' + '1 subject below the publication threshold left out'],
      ['Q21Text of Q21', '84.4%', '90'],
    ]);
    expect(screen.getByText(/Subjects: History \(CAH20-01-01\), CAH19-01-01\./)).toBeTruthy();
    expect(calls[0]?.path).toBe('/api/v1/figures/nss?orgUnitId=d-hist');
  });

  it('asks for the year picked, and says when the department has no results that year', async () => {
    const { calls, user } = render((y) => (y === '2023' ? earlier : latest));
    await screen.findByRole('table');
    await user.click(screen.getByRole('combobox', { name: 'NSS year' }));
    await user.click(await screen.findByRole('option', { name: 'NSS 2024 (2023–24)', hidden: true }));
    expect(await screen.findByText(/No NSS results for this department in NSS 2024 \(2023–24\)/)).toBeTruthy();
    expect(calls.map((c) => c.path)).toContain('/api/v1/figures/nss?orgUnitId=d-hist&year=2023');
  });

  it('says so when nothing has been imported', async () => {
    render(() => ({ year: null, years: [], departments: [] }));
    expect(await screen.findByText('No NSS results have been imported yet.')).toBeTruthy();
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});
