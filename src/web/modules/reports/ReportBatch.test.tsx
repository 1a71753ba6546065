import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ReportBatchDto } from '../../../shared/contracts/reports.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { ReportBatch } from './ReportBatch.tsx';

const batch = (over: Partial<ReportBatchDto>): ReportBatchDto => ({
  id: 'b1', year: 2025, yearLabel: '2025–26', status: 'running', done: 0, total: null, error: null, startedAt: '2026-12-01T10:00:00Z', finishedAt: null, ...over,
});

describe('ReportBatch', { timeout: 30_000 }, () => {
  it('starts the batch for the year, shows its progress, then links the ZIP', async () => {
    let polls = 0;
    const calls = stubApi((method, url) => {
      if (method === 'POST' && url.pathname === '/api/v1/reports/batches') return { status: 202, body: batch({}) };
      if (url.pathname === '/api/v1/reports/batches/b1') {
        polls++;
        return { body: polls < 2 ? batch({ done: 1, total: 4 }) : batch({ status: 'done', done: 4, total: 4, finishedAt: '2026-12-01T10:01:00Z' }) };
      }
      return undefined;
    });
    renderWithProviders(<ReportBatch year={2025} label="2025–26" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Make every department’s PDF for 2025–26' }));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ year: 2025 });
    expect(await screen.findByText('1 of 4 reports (25%)')).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'download the ZIP' });
    expect(link.getAttribute('href')).toBe('/api/v1/reports/batches/b1/download');
  });
});
