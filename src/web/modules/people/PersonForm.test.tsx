import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import type { PersonDto } from '../../../shared/contracts/people.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { PersonForm } from './PersonForm.tsx';

const saved: PersonDto = {
  id: 'p1', name: 'Ada Lovelace', email: 'ada@northmoor.example', phone: null, isChampion: true, influence: 4, interest: null,
  stayInTouchDays: 30, contactCap: null, contactCapDays: null, championSince: null, tags: [], updatedAt: '2026-01-01T00:00:00Z', currentPositions: [], motivations: null, needs: null,
  challenges: null, preferredChannel: null, notes: null, createdAt: '2026-01-01T00:00:00Z', positions: [],
};

const unit = { id: 'u1', parentId: 'f1', parentName: 'Faculty of Science', type: 'department', name: 'Mathematics', code: 'MATH', status: 'active', description: null, lastEngagementOn: null };

function setup(handler: Parameters<typeof stubApi>[0] = () => undefined, person?: PersonDto) {
  const calls = stubApi((method, url, body) => {
    if (url.pathname === '/api/v1/org-units') return { body: { items: [unit], page: 1, pageSize: 20, total: 1 } };
    return handler(method, url, body);
  });
  const onSaved = vi.fn();
  renderWithProviders(<PersonForm person={person} onSaved={onSaved} onCancel={() => undefined} />);
  return { calls, onSaved, user: userEvent.setup({ delay: null }) };
}

/** The text a screen reader reads after the field's name: its description and error (aria-describedby). */
const description = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
const invalid = (el: HTMLElement) => el.getAttribute('aria-invalid') === 'true';

const writes = <T extends { method: string }>(calls: T[]) => calls.filter((c) => c.method !== 'GET');

describe('PersonForm', { timeout: 20_000 }, () => {
  it('shows validation errors beside the fields and sends nothing', async () => {
    const { calls, user } = setup();
    await user.type(await screen.findByLabelText(/^Email/), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Add person' }));

    const name = screen.getByLabelText(/^Name/);
    await waitFor(() => expect(invalid(name)).toBe(true));
    expect(description(name)).toContain('is required');
    expect(description(screen.getByLabelText(/^Email/))).toContain('is not an email address');
    expect(writes(calls)).toEqual([]);
  });

  it('sends the person, with one position, as the API expects', async () => {
    const { calls, onSaved, user } = setup((method, url) =>
      method === 'POST' && url.pathname === '/api/v1/people' ? { status: 201, body: saved } : undefined);
    await user.type(await screen.findByLabelText(/^Name/), '  Ada Lovelace ');
    await user.type(screen.getByLabelText(/^Email/), 'Ada@Northmoor.example');
    await user.click(screen.getByRole('switch', { name: /Library champion/ }));
    await user.type(screen.getByLabelText(/Stay in touch/), '30');
    await user.type(screen.getByRole('combobox', { name: /^Tags/ }), 'curriculum{Enter}');

    await user.click(screen.getByRole('button', { name: 'Add a position' }));
    await user.type(screen.getByRole('combobox', { name: /Department or unit/ }), 'Math');
    // wait for the search answer, then choose it from the keyboard
    await waitFor(() => expect(screen.getAllByRole('option', { hidden: true }).map((o) => o.textContent)).toContain('Mathematics (Faculty of Science)'));
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByRole<HTMLInputElement>('combobox', { name: /Department or unit/ }).value).toBe('Mathematics (Faculty of Science)');
    await user.type(screen.getByRole('textbox', { name: /^Title/ }), 'Head of Department');
    await user.click(screen.getByRole('button', { name: 'Add person' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(writes(calls)).toHaveLength(1);
    expect(writes(calls)[0]).toMatchObject({ method: 'POST', path: '/api/v1/people' });
    expect(writes(calls)[0]?.body).toEqual({
      name: 'Ada Lovelace', email: 'ada@northmoor.example', phone: null, isChampion: true, championSince: dayjs().format('YYYY-MM-DD'), influence: null, interest: null,
      stayInTouchDays: 30, contactCap: null, contactCapDays: null, preferredChannel: null, motivations: null, needs: null, challenges: null, tags: ['curriculum'], notes: null,
      positions: [{ orgUnitId: 'u1', title: 'Head of Department' }],
    });
  });

  it('puts the API’s conflict on the email under the Email field', async () => {
    const { onSaved, user } = setup((method) => method === 'POST'
      ? { status: 409, body: { code: 'CONFLICT', message: 'email: another person has this email', details: [{ field: 'email', message: 'is already in use by another person' }], requestId: 't' } }
      : undefined);
    await user.type(await screen.findByLabelText(/^Name/), 'Ada Lovelace');
    await user.type(screen.getByLabelText(/^Email/), 'ada@northmoor.example');
    await user.click(screen.getByRole('button', { name: 'Add person' }));

    await waitFor(() => expect(description(screen.getByLabelText(/^Email/))).toContain('is already in use by another person'));
    expect(invalid(screen.getByLabelText(/^Email/))).toBe(true);
    expect(invalid(screen.getByLabelText(/^Name/))).toBe(false);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('edits with PATCH and leaves positions out', async () => {
    const { calls, onSaved, user } = setup((method) => (method === 'PATCH' ? { body: saved } : undefined), saved);
    const name = await screen.findByLabelText(/^Name/);
    expect((name as HTMLInputElement).value).toBe('Ada Lovelace');
    await user.clear(name);
    await user.type(name, 'Ada King');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(writes(calls)[0]).toMatchObject({ method: 'PATCH', path: '/api/v1/people/p1', body: { name: 'Ada King', email: 'ada@northmoor.example', isChampion: true, influence: 4, stayInTouchDays: 30 } });
    expect(writes(calls)[0]?.body).not.toHaveProperty('positions');
  });

  it('sets a contact cap and the date someone became a champion', async () => {
    const { calls, onSaved, user } = setup((method) => (method === 'PATCH' ? { body: saved } : undefined), { ...saved, isChampion: false });
    const champion = await screen.findByRole('switch', { name: /Library champion/ });
    expect(screen.queryByRole('textbox', { name: /Champion since/ })).toBeNull();
    await user.click(champion);
    const since = await screen.findByRole('textbox', { name: /Champion since/ });
    expect((since as HTMLInputElement).value).toBe(dayjs().format('D MMM YYYY'));
    await user.clear(since);
    await user.type(since, '14 Oct 2025');
    await user.tab();
    const cap = screen.getByRole('textbox', { name: 'Contact cap (library-initiated engagements)' });
    expect(description(cap)).toContain("empty: the institution's default");
    await user.type(cap, '4');
    await user.type(screen.getByRole('textbox', { name: 'Contact cap: within days' }), '30');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(writes(calls)[0]).toMatchObject({ method: 'PATCH', body: { isChampion: true, championSince: '2025-10-14', contactCap: 4, contactCapDays: 30 } });
  });
});
