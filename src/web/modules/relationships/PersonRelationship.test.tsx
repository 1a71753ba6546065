import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { PersonSignalsDto } from '../../../shared/contracts/relationships.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { me, personSignals, zoePerson } from './fixtures.ts';
import { PersonRelationship } from './PersonRelationship.tsx';

function setup(signals: PersonSignalsDto = personSignals) {
  const calls = stubApi((_m, url) => {
    if (url.pathname === '/api/v1/auth/me') return { body: me() };
    if (url.pathname === '/api/v1/people/p-zoe/signals') return { body: signals };
    if (url.pathname === '/api/v1/people/p-zoe/maturity') return { body: [] };
    return undefined;
  });
  renderWithProviders(<PersonRelationship person={zoePerson} />);
  return calls;
}

describe('PersonRelationship', { timeout: 20_000 }, () => {
  it('says "Overdue" and "Cap passed" in words, with the figures behind them', async () => {
    const dueOn = dayjs().subtract(9, 'day').format('YYYY-MM-DD');
    setup({ ...personSignals, stayInTouch: { intervalDays: 30, lastEngagementOn: '2026-01-20', dueOn, overdue: true } });
    const section = within(await screen.findByRole('region', { name: 'Relationship' }));

    const stay = within(section.getByRole('region', { name: 'Stay in touch' }));
    expect(await stay.findByText('Overdue')).toBeTruthy();
    expect(stay.getByText('9 days past the due date.')).toBeTruthy();
    expect(stay.getByText('Every 30 days.')).toBeTruthy();
    expect(stay.getByText('Last engagement: 20 Jan 2026.')).toBeTruthy();

    const cap = within(section.getByRole('region', { name: 'Contact cap' }));
    expect(cap.getByText('5 of 4 library-initiated engagements in the last 30 days.')).toBeTruthy();
    expect(cap.getByText('Cap passed')).toBeTruthy();
    expect(cap.getByText('A cap set for Dr Zoë Ångström.')).toBeTruthy();

    const signals = within(section.getByRole('region', { name: 'Signals' }));
    expect(signals.getByText('51 days ago')).toBeTruthy();
    expect(signals.getByText('50%')).toBeTruthy();
    expect(signals.queryByText('Key people engaged')).toBeNull();
    expect(section.getByRole('region', { name: 'Maturity' })).toBeTruthy();
  });

  it('is calm inside the interval and under the institution default cap', async () => {
    setup({
      ...personSignals,
      stayInTouch: { intervalDays: 60, lastEngagementOn: '2026-03-01', dueOn: dayjs().add(20, 'day').format('YYYY-MM-DD'), overdue: false },
      contactCap: { cap: 4, days: 30, count: 1, exceeded: false, source: 'institution' },
    });
    const section = within(await screen.findByRole('region', { name: 'Relationship' }));
    expect(await section.findByText('1 of 4 library-initiated engagements in the last 30 days.')).toBeTruthy();
    expect(section.getByText("The institution's default cap.")).toBeTruthy();
    expect(section.queryByText('Overdue')).toBeNull();
    expect(section.queryByText('Cap passed')).toBeNull();
  });

  it('says when no interval is set, and switches the signals window', async () => {
    const calls = setup({ ...personSignals, stayInTouch: null, contactCap: null });
    expect(await screen.findByText('No stay-in-touch interval set.')).toBeTruthy();
    expect(screen.getByText('No contact cap applies.')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('radio', { name: 'Last 365 days' }));
    await waitFor(() => expect(calls.map((c) => c.path)).toContain('/api/v1/people/p-zoe/signals?window=365'));
  });
});
