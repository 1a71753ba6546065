import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signalExplanations } from '../../../shared/contracts/relationships.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { unitSignals } from './fixtures.ts';
import { HealthSignals } from './HealthSignals.tsx';

/** The figure shown under a signal's name (its first dd). */
const figure = (region: HTMLElement, name: string) => within(region).getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;

describe('HealthSignals', { timeout: 20_000 }, () => {
  it('shows each signal as a figure with its name and its explanation in words', async () => {
    stubApi((_m, url) => (url.pathname === '/api/v1/org-units/ou-comp/signals' ? { body: unitSignals } : undefined));
    renderWithProviders(<HealthSignals orgUnitId="ou-comp" />);
    const region = await screen.findByRole('region', { name: 'Health signals' });
    await within(region).findByText('Last engagement');
    expect(figure(region, 'Last engagement')).toBe('12 days ago');
    expect(figure(region, 'Engagements')).toBe('15');
    expect(figure(region, 'Engagements a month')).toBe('2.4');
    expect(figure(region, 'Key people engaged')).toBe('2');
    expect(figure(region, 'Depth')).toBe('31.5');
    expect(figure(region, 'Initiated by the partner')).toBe('40%');
    expect(figure(region, 'Partnership model')).toBe('2 done, 1 due, 1 overdue');
    expect(within(region).getByText(signalExplanations.partnerShare)).toBeTruthy();
    expect(within(region).getByText(signalExplanations.keyPeople)).toBeTruthy();
    expect(within(region).getByText('2025–26: 1 Sep 2025 to 12 Mar 2026')).toBeTruthy();
  });

  it('says "never" and "no template" in words when there is nothing to count', async () => {
    const quiet = { ...unitSignals, signals: { ...unitSignals.signals, daysSinceLast: null, lastEngagementOn: null, engagements: 0, perMonth: 0, partnerShare: null, cadence: null } };
    stubApi((_m, url) => (url.pathname === '/api/v1/org-units/ou-comp/signals' ? { body: quiet } : undefined));
    renderWithProviders(<HealthSignals orgUnitId="ou-comp" />);
    const region = await screen.findByRole('region', { name: 'Health signals' });
    await within(region).findByText('Last engagement');
    expect(figure(region, 'Last engagement')).toBe('never');
    expect(figure(region, 'Engagements a month')).toBe('0.0');
    expect(figure(region, 'Initiated by the partner')).toBe('No engagements yet');
    expect(figure(region, 'Partnership model')).toBe('No partnership template applies');
  });

  it('asks for the last 365 days when the window is switched', async () => {
    const calls = stubApi((_m, url) => (url.pathname === '/api/v1/org-units/ou-comp/signals' ? { body: unitSignals } : undefined));
    renderWithProviders(<HealthSignals orgUnitId="ou-comp" />);
    const year = await screen.findByRole('radio', { name: 'This academic year' });
    expect(year).toHaveProperty('checked', true);
    expect(screen.getByRole('radiogroup', { name: 'Count over' })).toBeTruthy();
    expect(calls.map((c) => c.path)).toContain('/api/v1/org-units/ou-comp/signals?window=year');
    await userEvent.setup().click(screen.getByRole('radio', { name: 'Last 365 days' }));
    await waitFor(() => expect(calls.map((c) => c.path)).toContain('/api/v1/org-units/ou-comp/signals?window=365'));
  });
});
