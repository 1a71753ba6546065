import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { InstitutionDto } from '../../../shared/contracts/org.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { SettingsTab } from './SettingsTab.tsx';

const institution: InstitutionDto = {
  id: 'i1', name: 'Northmoor', academicYearStartMonth: 8, academicYearStartDay: 1, timeZone: 'Europe/London', publicDirectory: false,
  contactCap: 4, contactCapDays: 30, keyTitles: ['Head of'], opportunityColdDays: 14,
};

function setup() {
  const calls = stubApi((method, url, body) => {
    if (url.pathname === '/api/v1/institution' && method === 'GET') return { body: institution };
    if (url.pathname === '/api/v1/institution' && method === 'PATCH') return { body: { ...institution, ...(body as object) } };
    return undefined;
  });
  renderWithProviders(<SettingsTab />);
  return { calls, user: userEvent.setup({ delay: null }) };
}

describe('SettingsTab contact cap and key titles', { timeout: 20_000 }, () => {
  it('shows the current values and saves an emptied cap as none, with the key titles', async () => {
    const { calls, user } = setup();
    const cap = await screen.findByRole('textbox', { name: 'Default contact cap' });
    expect((cap as HTMLInputElement).value).toBe('4');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Window (days)' }).value).toBe('30');
    expect(screen.getByText('Head of')).toBeTruthy();

    await user.clear(cap);
    await user.type(screen.getByRole('combobox', { name: 'Key position titles' }), 'Director of{Enter}');
    const cold = screen.getByRole<HTMLInputElement>('textbox', { name: 'An opportunity goes cold after (days)' });
    expect(cold.value).toBe('14');
    await user.clear(cold);
    await user.type(cold, '21');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({ contactCap: null, contactCapDays: 30, keyTitles: ['Head of', 'Director of'], opportunityColdDays: 21 });
  });

  it('asks for key titles of at least two characters and sends nothing', async () => {
    const { calls, user } = setup();
    const titles = await screen.findByRole('combobox', { name: 'Key position titles' });
    await user.type(titles, 'X{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(titles.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Each title must be 2 to 60 characters')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PATCH')).toEqual([]);
  });
});
