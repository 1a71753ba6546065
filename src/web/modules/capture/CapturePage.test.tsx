import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CaptureItemDto } from '../../../shared/contracts/capture.ts';
import type { Role } from '../../../shared/contracts/common.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { CapturePage, uploadSummary } from './CapturePage.tsx';

const item = (id: string, over: Partial<CaptureItemDto> = {}): CaptureItemDto => ({
  id, kind: 'meeting', status: 'suggested', source: 'ics', owner: { id: 'u1', name: 'Sam Reid' }, subject: 'NSS action planning',
  startsAt: '2026-09-22T08:30:00.000Z', occurredOn: '2026-09-22', durationMinutes: 90, excerpt: 'Working through the NSS comments.',
  fromAddress: 'ada@maths.example', toAddresses: ['ada@maths.example'], people: [{ id: 'p1', name: 'Ada Byron', matchedBy: 'address', address: 'ada@maths.example' }],
  departments: [{ id: 'd1', name: 'Mathematics' }], suggestedType: { id: 't1', label: 'Meeting' }, initiatedBy: 'partner', engagementId: null,
  createdAt: '2026-11-20T12:00:00Z', updatedAt: '2026-11-20T12:00:00Z', ...over,
});
const page = (items: CaptureItemDto[]) => ({ items, page: 1, pageSize: 20, total: items.length });
const sam = { id: 'p9', name: 'Sam Newton', email: null, phone: null, isChampion: false, influence: null, interest: null, stayInTouchDays: null, contactCap: null, contactCapDays: null, championSince: null, tags: [], updatedAt: '2026-11-20T12:00:00Z', currentPositions: [] };

function render(role: Role = 'librarian') {
  const queues: Record<string, CaptureItemDto[]> = {
    suggested: [item('s1')],
    unmatched: [item('u1', { status: 'unmatched', subject: 'Coffee with a new lecturer', people: [], departments: [], toAddresses: ['sam.newton@history.example'] })],
  };
  const calls = stubApi((method, url) => {
    if (url.pathname === '/api/v1/auth/me') return { body: { user: { id: 'u1', email: 'sam@library.example', name: 'Sam Reid', role, jobTitle: null, teamId: null, active: true }, institution: { id: 'i1', name: 'Northmoor' }, csrfToken: 'x' } };
    if (url.pathname === '/api/v1/capture' && method === 'GET') return { body: page(queues[url.searchParams.get('status') ?? ''] ?? []) };
    if (url.pathname === '/api/v1/capture/s1/confirm') {
      queues.suggested = [];
      return { body: { ...item('s1', { status: 'confirmed', engagementId: 'e1' }), warnings: [] } };
    }
    if (url.pathname === '/api/v1/capture/u1/match') return { body: item('u1', { people: [{ id: 'p9', name: 'Sam Newton', matchedBy: 'manual', address: null }] }) };
    if (url.pathname === '/api/v1/capture/u1/dismiss') return { body: item('u1', { status: 'dismissed' }) };
    if (url.pathname === '/api/v1/capture/ics') return { status: 201, body: { suggested: 3, unmatched: 1, skipped: 2, alreadyKnown: 0, itemIds: ['a', 'b', 'c', 'd'] } };
    if (url.pathname === '/api/v1/people') return { body: page([sam] as never) };
    return undefined;
  });
  renderWithProviders(<CapturePage />);
  return { calls, user: userEvent.setup({ delay: null }) };
}

const entry = async (subject: string) => (await screen.findByRole('heading', { name: subject })).closest('li') as HTMLElement;
const posts = (calls: { method: string; path: string; body: unknown }[]) => calls.filter((c) => c.method === 'POST').map((c) => [c.path, c.body]);

describe('CapturePage', { timeout: 20_000 }, () => {
  it('shows a suggestion with who, where and when, and logs it in one click', async () => {
    const { calls, user } = render();
    const nss = await entry('NSS action planning');
    expect(within(nss).getByText(/Ada Byron/)).toBeTruthy();
    expect(within(nss).getByText(/Mathematics/)).toBeTruthy();
    expect(within(nss).getByText(/90 min/)).toBeTruthy();
    await user.click(within(nss).getByRole('button', { name: 'Log this engagement' }));
    await waitFor(() => expect(posts(calls)).toEqual([['/api/v1/capture/s1/confirm', {}]]));
    // the logged item leaves the list; focus goes to the section's heading, not to the page's top
    expect(await screen.findByText('No suggestions waiting.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Suggestions' })));
  });

  it('matches a person to an item waiting for review, chosen from the people search, and dismisses another', async () => {
    const { calls, user } = render();
    const coffee = await entry('Coffee with a new lecturer');
    expect(within(coffee).getByText(/sam.newton@history.example/)).toBeTruthy();
    expect(within(coffee).queryByRole('button', { name: 'Log this engagement' })).toBeNull();
    await user.click(within(coffee).getByRole('button', { name: 'Match' }));
    expect(await within(coffee).findByText('Choose who it was with')).toBeTruthy();
    expect(posts(calls)).toEqual([]);

    await user.click(within(coffee).getByRole('combobox', { name: 'People' }));
    await user.keyboard('Sam');
    await user.click(await screen.findByRole('option', { name: /Sam Newton/, hidden: true }));
    await user.click(within(coffee).getByRole('button', { name: 'Match' }));
    await waitFor(() => expect(posts(calls)).toEqual([['/api/v1/capture/u1/match', { personIds: ['p9'] }]]));

    await user.click(within(coffee).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(posts(calls)[1]).toEqual(['/api/v1/capture/u1/dismiss', {}]));
  });

  it('uploads a calendar and says what it found', async () => {
    const { calls, user } = render();
    await screen.findByRole('heading', { name: 'Upload' });
    // Mantine's FileInput keeps the real file input hidden; the calendar's is the first
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await user.click(screen.getByRole('button', { name: 'Read calendar' }));
    expect(await screen.findByText('Choose an .ics calendar file')).toBeTruthy();
    await user.upload(input, new File(['BEGIN:VCALENDAR'], 'calendar.ics', { type: 'text/calendar' }));
    await user.click(screen.getByRole('button', { name: 'Read calendar' }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('3 suggestions, 1 to review, 2 skipped');
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/capture/ics')).toBe(true);
  });

  it('lets a viewer read the queues but not upload or act', async () => {
    render('viewer');
    const nss = await entry('NSS action planning');
    expect(within(nss).queryByRole('button')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Upload' })).toBeNull();
  });

  it('sums an upload up in words', () => {
    expect(uploadSummary({ suggested: 1, unmatched: 0, skipped: 0, alreadyKnown: 4, itemIds: [] })).toBe('1 suggestion, 0 to review, 4 captured before.');
  });
});
