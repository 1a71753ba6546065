import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { ListsTab } from './ListsTab.tsx';

const term = (id: string, kind: string, label: string, weight = 1) => ({ id, kind, key: id, label, sortOrder: 0, active: true, weight });
const terms = [term('t1', 'engagement_type', 'Email', 0.5), term('t2', 'engagement_type', 'Teaching session', 3), term('th1', 'theme', 'Open research')];

function setup() {
  const calls = stubApi((method, url, body) => {
    if (url.pathname === '/api/v1/vocab') return { body: terms };
    if (url.pathname.startsWith('/api/v1/vocab/') && method === 'PATCH') return { body: { ...terms[1], ...(body as object) } };
    return undefined;
  });
  renderWithProviders(<ListsTab />);
  return { calls, user: userEvent.setup({ delay: null }) };
}

const writes = (calls: { method: string; path: string; body: unknown }[]) => calls.filter((c) => c.method !== 'GET');

describe('ListsTab depth weights', { timeout: 20_000 }, () => {
  it('shows a weight for each engagement type only, and saves a changed one when the field is left', async () => {
    const { calls, user } = setup();
    const teaching = await screen.findByRole('textbox', { name: 'Depth weight for Teaching session' });
    expect((teaching as HTMLInputElement).value).toBe('3');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Depth weight for Email' }).value).toBe('0.5');
    expect(screen.queryByRole('textbox', { name: 'Depth weight for Open research' })).toBeNull();

    await user.clear(teaching);
    await user.type(teaching, '4.5');
    await user.tab();
    await waitFor(() => expect(writes(calls)).toEqual([{ method: 'PATCH', path: '/api/v1/vocab/t2', body: { weight: 4.5 } }]));
  });

  it('refuses a weight outside 0 to 10 and sends nothing', async () => {
    const { calls, user } = setup();
    const email = await screen.findByRole('textbox', { name: 'Depth weight for Email' });
    await user.clear(email);
    await user.type(email, '12{Enter}');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('must be between 0 and 10')).toBeTruthy();
    expect(writes(calls)).toEqual([]);
  });
});
