import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/contracts/common.ts';
import type { EvidenceDto } from '../../../shared/contracts/evidence.ts';
import { createOpportunityBody } from '../../../shared/contracts/opportunities.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { evidence } from '../evidence/fixtures.ts';
import { EvidenceList } from '../evidence/EvidenceList.tsx';
import { meKey } from '../identity/api.ts';
import { detail, meAs, page } from './fixtures.ts';

configure({ asyncUtilTimeout: 5000 });

const [quote] = evidence;
const examiner: EvidenceDto = {
  ...quote, id: 'ev-4', kind: 'external_examiner', text: 'Referencing across the dissertations was inconsistent.', occurredOn: '2025-02-11',
  source: { person: null, text: 'External examiner, 2024–25' }, engagements: [], actions: [], goals: [], themes: [],
};

function render(items: EvidenceDto[], role: Role = 'librarian') {
  const calls = stubApi((method, url) => {
    switch (url.pathname) {
      case '/api/v1/auth/me': return { body: meAs(role) };
      case '/api/v1/evidence': return { body: page(items) };
      case '/api/v1/users': return { body: page([]) };
      case '/api/v1/goals': return { body: [] };
      case '/api/v1/org-units': return { body: page([]) };
      case '/api/v1/people': return { body: page([]) };
      case '/api/v1/opportunities': return method === 'POST' ? { status: 201, body: detail('o9') } : { body: page([]) };
    }
    return undefined;
  });
  const { queryClient } = renderWithProviders(<EvidenceList items={items} />);
  return { calls, queryClient, user: userEvent.setup({ delay: null }) };
}

const posted = (calls: { method: string; path: string; body: unknown }[]) => calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/opportunities').map((c) => c.body);

describe('"Spotted an opportunity" from evidence', { timeout: 30_000 }, () => {
  it('opens the new opportunity form with the evidence as its trigger, its department and named source, and posts them', async () => {
    const { calls, user } = render([quote]);
    await user.click(await screen.findByRole('button', { name: /^Spotted an opportunity in the evidence of 4 Mar 2025/ }));
    const dialog = await screen.findByRole('dialog', { name: 'New opportunity from this evidence' });
    const form = within(dialog).getByRole('form', { name: 'New opportunity' });
    expect(within(form).getByRole<HTMLInputElement>('combobox', { name: /^Came from evidence/ }).value).toBe('Quote, 4 Mar 2025: You have changed how we teach research skills.');
    expect(within(form).getByText('History')).toBeTruthy();
    expect(within(form).getByText('Ada Byron')).toBeTruthy();

    await user.type(within(form).getByLabelText(/^Title/), 'Research skills across the history curriculum');
    await user.click(within(form).getByRole('combobox', { name: /^What set it off/ }));
    await user.click(await screen.findByRole('option', { name: 'Curriculum review', hidden: true }));
    await user.click(within(form).getByRole('button', { name: 'Save opportunity' }));

    await waitFor(() => expect(posted(calls)).toHaveLength(1));
    const body = posted(calls)[0];
    expect(body).toMatchObject({
      title: 'Research skills across the history curriculum', triggerKind: 'curriculum_review', triggerEvidenceId: 'ev-1', triggerEngagementId: null,
      orgUnitIds: ['ou-hist'], personIds: ['p-ada'],
    });
    expect(createOpportunityBody.safeParse(body).success).toBe(true);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it("takes the trigger kind from an examiner's comment, and no source person it does not name", async () => {
    const { calls, user } = render([examiner]);
    await user.click(await screen.findByRole('button', { name: /^Spotted an opportunity in the evidence of 11 Feb 2025/ }));
    const form = within(await screen.findByRole('dialog', { name: 'New opportunity from this evidence' })).getByRole('form', { name: 'New opportunity' });
    expect(within(form).getByRole<HTMLInputElement>('combobox', { name: /^What set it off/ }).value).toBe("External examiner's report");
    await user.type(within(form).getByLabelText(/^Title/), 'Referencing clinic for dissertation students');
    await user.click(within(form).getByRole('button', { name: 'Save opportunity' }));
    await waitFor(() => expect(posted(calls)).toHaveLength(1));
    expect(posted(calls)[0]).toMatchObject({ triggerKind: 'external_examiner', triggerEvidenceId: 'ev-4', orgUnitIds: ['ou-hist'], personIds: [] });
  });

  it('is not offered to a viewer', async () => {
    const { queryClient } = render([quote], 'viewer');
    await waitFor(() => expect(queryClient.getQueryData(meKey)).toEqual(meAs('viewer')));
    expect(await screen.findByText('You have changed how we teach research skills.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Spotted an opportunity/ })).toBeNull();
  });
});
