import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/contracts/common.ts';
import type { PrioritiesDto } from '../../../shared/contracts/opportunities.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { meKey } from '../identity/api.ts';
import { meAs, opportunity } from '../opportunities/fixtures.ts';
import { PrioritiesPage } from './PrioritiesPage.tsx';

configure({ asyncUtilTimeout: 5000 });

const priorities: PrioritiesDto = {
  requests: [opportunity('r1', {
    title: 'Help with a systematic review', windowClosesOn: null, owner: null, trigger: { kind: 'incoming_request', text: 'A PhD student emailed', engagement: null, evidence: null },
    priority: { score: 1.5, value: 3, effort: 2, alignment: 1, alignmentReason: 'Not yet aligned to a strategic goal', urgency: 1, urgencyReason: 'No closing date' },
  })],
  open: [
    opportunity('o1', { title: 'Referencing workshops for first years', stage: 'approached' }),
    opportunity('o2', {
      title: 'Data skills pilot', stage: 'piloting', owner: { id: 'u2', name: 'Kit Moss' },
      priority: { score: 2, value: 2, effort: 3, alignment: 2, alignmentReason: 'Aligned to both library and institutional strategy', urgency: 1.5, urgencyReason: 'Closes in 60 days' },
    }),
  ],
  openTotal: 140,
  load: [
    { id: 'u2', name: 'Kit Moss', opportunities: 3, actions: 5, overdueActions: 2, closingSoon: 1 },
    { id: 'u1', name: 'Sam Reid', opportunities: 1, actions: 0, overdueActions: 0, closingSoon: 0 },
    { id: 'u3', name: 'Ann Archer', opportunities: 0, actions: 4, overdueActions: 0, closingSoon: 0 },
  ],
};

function render(role: Role = 'manager') {
  const calls = stubApi((_m, url) => {
    if (url.pathname === '/api/v1/auth/me') return { body: meAs(role) };
    if (url.pathname === '/api/v1/opportunities/priorities') return { body: priorities };
    return undefined;
  });
  const { queryClient } = renderWithProviders(<PrioritiesPage />);
  return { calls, queryClient };
}

const cells = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

describe('PrioritiesPage', { timeout: 20_000 }, () => {
  it('shows incoming requests, open opportunities by priority and the open work per person', async () => {
    render();
    expect(await screen.findByRole('heading', { level: 1, name: 'Requests and priorities' })).toBeTruthy();

    const requests = await screen.findByRole('table', { name: 'Incoming requests by priority' });
    expect(cells(requests)).toEqual([[
      'Help with a systematic reviewA PhD student emailed', 'Mathematics', '—',
      '1.5 = value 3 × alignment 1 × urgency 1 ÷ effort 2Not yet aligned to a strategic goal. No closing date.', 'Nobody yet',
    ]]);

    const open = screen.getByRole('table', { name: 'Open opportunities by priority' });
    expect(cells(open)).toEqual([
      ['Referencing workshops for first years', 'Approached', '6 is the priority of Referencing workshops for first years: show how it is worked out', "Aligned to the library's strategy", 'Closes in 20 days', 'Sam Reid'],
      ['Data skills pilot', 'Piloting', '2 is the priority of Data skills pilot: show how it is worked out', 'Aligned to both library and institutional strategy', 'Closes in 60 days', 'Kit Moss'],
    ]);
    expect(screen.getByText('The 2 with the highest priority of 140 still being worked.')).toBeTruthy();
    expect(within(open).getByRole('link', { name: 'Data skills pilot' }).getAttribute('href')).toBe('/opportunities/o2');

    const load = screen.getByRole('region', { name: 'Open work per person' });
    expect(within(load).getByText(/to balance the load and to see who may need help, never to rank colleagues/)).toBeTruthy();
    // by name, never by how much each carries
    expect(cells(within(load).getByRole('table', { name: 'Open work per person, by name' }))).toEqual([
      ['Ann Archer', '0', '4', '0', '0'],
      ['Kit Moss', '3', '5', '2', '1'],
      ['Sam Reid', '1', '0', '0', '0'],
    ]);
  });

  it('tells anyone below manager that the page is for managers, and asks for nothing', async () => {
    const { calls, queryClient } = render('librarian');
    expect(await screen.findByText(/^This page is for managers/)).toBeTruthy();
    await waitFor(() => expect(queryClient.getQueryData(meKey)).toEqual(meAs('librarian')));
    expect(screen.queryByRole('table')).toBeNull();
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/auth/me']);
  });
});
