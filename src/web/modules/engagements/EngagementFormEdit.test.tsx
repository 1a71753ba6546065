import { Notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import type { EngagementDto } from '../../../shared/contracts/engagements.ts';
import { EngagementFormEdit } from './EngagementFormEdit.tsx';

const term = (kind: string, key: string, label: string) => ({ id: `${kind}-${key}`, kind, key, label, sortOrder: 0, active: true });
const engagement: EngagementDto = {
  id: 'e1', type: { id: 'engagement_type-meeting', label: 'Meeting' }, occurredOn: '2026-03-05', durationMinutes: 45, summary: 'Talked about reading lists',
  outcome: null, followUp: null, initiatedBy: 'library', attendance: null, milestone: null, goals: [], campaigns: [], themes: [{ id: 'theme-skills', label: 'Skills' }],
  people: [{ id: 'p1', name: 'Ada Byron' }], staff: [{ id: 'u1', name: 'Liaison Lee' }], orgUnits: [{ id: 'ou1', name: 'Chemistry' }],
  createdBy: 'u1', createdAt: '2026-03-05T10:00:00Z', updatedAt: '2026-03-05T10:00:00Z',
};

function render(warnings: string[] = []) {
  const calls = stubApi((method, url) => {
    if (method === 'PATCH') return { body: { ...engagement, warnings } };
    if (url.pathname === '/api/v1/vocab') {
      return { body: url.searchParams.get('kind') === 'theme' ? [term('theme', 'skills', 'Skills')] : [term('engagement_type', 'meeting', 'Meeting'), term('engagement_type', 'workshop', 'Workshop')] };
    }
    if (url.pathname.startsWith('/api/v1/people') || url.pathname.startsWith('/api/v1/org-units')) return { body: { items: [], page: 1, pageSize: 20, total: 0 } };
    return undefined;
  });
  const onClose = vi.fn();
  renderWithProviders(<><Notifications /><EngagementFormEdit engagement={engagement} onClose={onClose} /></>);
  return { calls, onClose, user: userEvent.setup() };
}

const patches = (calls: ReturnType<typeof stubApi>) => calls.filter((c) => c.method === 'PATCH');

describe('EngagementFormEdit', { timeout: 30_000 }, () => {
  it('shows the engagement in the quick-log fields and PATCHes only what changed', async () => {
    const { calls, onClose, user } = render();
    expect(await screen.findByText('Chemistry')).toBeTruthy();
    expect(screen.getByText('Ada Byron')).toBeTruthy();
    const summary = screen.getByRole('textbox', { name: 'Summary' });
    await user.clear(summary);
    await user.type(summary, 'Agreed an embedded session');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(patches(calls)).toHaveLength(1));
    expect(patches(calls)[0]).toMatchObject({ path: '/api/v1/engagements/e1', body: { summary: 'Agreed an embedded session' } });
    expect(Object.keys(patches(calls)[0]?.body as object)).toEqual(['summary']);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('asks for an attendance once the type is a workshop, and sends nothing when nothing changed', async () => {
    const { calls, onClose, user } = render();
    await screen.findByText('Chemistry');
    expect(screen.queryByRole('textbox', { name: /Attendance/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(patches(calls)).toHaveLength(0);

    const type = screen.getByRole('combobox', { name: 'Type' });
    await user.click(type);
    await user.click(await screen.findByRole('option', { name: 'Workshop', hidden: true }));
    expect(await screen.findByRole('textbox', { name: /Attendance/ })).toBeTruthy();
  });

  it('marks the engagement as a milestone and shows any warning after saving', async () => {
    const warning = 'Ada Byron has had 5 library-initiated engagements in the last 30 days; the institution cap is 4.';
    const { calls, onClose, user } = render([warning]);
    await screen.findByText('Chemistry');
    await user.type(screen.getByRole('textbox', { name: "Milestone on the department's journey" }), 'First joint bid with the department');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(patches(calls)).toHaveLength(1));
    expect(patches(calls)[0]?.body).toEqual({ milestone: 'First joint bid with the department' });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const alert = (await screen.findByText(`Warning: ${warning}`)).closest('[role="alert"]') as HTMLElement;
    expect(within(alert).getByText('Saved, with a warning')).toBeTruthy();
  });
});
