import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { evaluation, goals, me } from './fixtures.ts';
import { ImpactForm } from './ImpactForm.tsx';

const evidence = [
  { id: 'v1', kind: 'quote', text: 'I finally understood how to search.', occurredOn: '2024-11-06' },
  { id: 'v2', kind: 'figure', text: '94 students attended', occurredOn: '2024-11-05' },
];

function setup(answer?: { status: number; body: unknown }) {
  const calls = stubApi((method, url, body) => {
    if (url.pathname === '/api/v1/auth/me') return { body: me('librarian') };
    if (url.pathname === '/api/v1/impact-evaluations' && method === 'POST') return answer ?? { status: 201, body: { ...evaluation, id: 'ie-new', ...(body as object) } };
    if (url.pathname === '/api/v1/goals') return { body: goals };
    if (url.pathname === '/api/v1/evidence') {
      const q = url.searchParams.get('q')?.toLowerCase();
      return { body: { items: evidence.filter((x) => !q || x.text.toLowerCase().includes(q)), page: 1, pageSize: 20, total: 2 } };
    }
    if (url.pathname === '/api/v1/metrics') return { body: { items: [{ id: 'm1', name: 'Loans per student', unit: 'loans' }, { id: 'm2', name: 'NSS', unit: '%' }] } };
    if (url.pathname === '/api/v1/engagements') {
      return { body: { items: [{ id: 'e1', occurredOn: '2024-11-05', summary: 'Literature searching in COMP390', type: { id: 't', label: 'Teaching session' } }], page: 1, pageSize: 50, total: 1 } };
    }
    if (url.pathname === '/api/v1/org-units') return { body: { items: [], page: 1, pageSize: 20, total: 0 } };
    return undefined;
  });
  const onSaved = vi.fn();
  renderWithProviders(<ImpactForm onSaved={onSaved} onCancel={() => undefined} />);
  return { calls, onSaved, user: userEvent.setup({ delay: null }) };
}

/** The texts an input's aria-describedby points to: its description and its error. */
const described = (el: HTMLElement) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
const posts = (calls: ReturnType<typeof stubApi>) => calls.filter((c) => c.method === 'POST');
const form = () => within(screen.getByRole('form', { name: 'New impact evaluation' }));
const box = (name: string | RegExp) => form().getByRole('textbox', { name });

describe('ImpactForm', { timeout: 60_000 }, () => {
  it('lays the template out in order and sends the evaluation with its ordered lists and links', async () => {
    const { calls, onSaved, user } = setup();
    await screen.findByRole('form', { name: 'New impact evaluation' });
    expect([...document.querySelectorAll('legend')].map((l) => l.textContent)).toEqual([
      'Aims and objectives', 'What we did', 'How we measured impact', 'How we communicated impact', 'Outcomes',
    ]);

    await user.type(box(/^Initiative/), 'Research skills in Computing');
    await user.type(box(/^Aims/), 'Better dissertations');
    await user.click(form().getByRole('button', { name: 'Add an objective' }));
    expect(document.activeElement).toBe(box('Objective 1'));
    await user.type(box('Objective 1'), 'Teach referencing');
    await user.click(form().getByRole('button', { name: 'Add an objective' }));
    await user.type(box('Objective 2'), 'Teach searching');
    await user.click(form().getByRole('button', { name: 'Add an objective' }));
    await user.click(form().getByRole('button', { name: 'Remove objective 3' }));

    await user.click(form().getByRole('combobox', { name: /^Linked engagements/ }));
    await user.click(await screen.findByRole('option', { name: /Literature searching in COMP390/, hidden: true }));
    await user.type(box(/^How we measured impact/), 'Examiner reports');
    await user.click(form().getByRole('combobox', { name: /^Linked metrics/ }));
    await user.click(await screen.findByRole('option', { name: 'NSS (%)', hidden: true }));
    const evidenceBox = form().getByRole('combobox', { name: /^Linked evidence/ });
    await user.click(evidenceBox);
    await user.type(evidenceBox, 'students');
    await user.click(await screen.findByRole('option', { name: /^Figure, 5 Nov 2024: 94 students attended/, hidden: true }));

    await user.click(form().getByRole('button', { name: 'Add a communication' }));
    await user.type(box('To whom'), 'Head of School');
    await user.type(box('How'), 'Annual meeting');
    await user.type(box('Short-term outcomes'), 'Fewer errors');
    await user.click(form().getByRole('combobox', { name: /^Status/ }));
    await user.click(await screen.findByRole('option', { name: 'Complete', hidden: true }));
    await user.click(form().getByRole('button', { name: 'Add evaluation' }));

    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]?.body).toEqual({
      initiative: 'Research skills in Computing', aims: 'Better dissertations', objectives: ['Teach referencing', 'Teach searching'],
      successCriteria: null, impactIndicators: null, whatWeDid: null, engagementIds: ['e1'], whatWeLearned: null, howWeActed: null,
      howWeMeasured: 'Examiner reports', metricIds: ['m2'], evidenceIds: ['v2'], communications: [{ audience: 'Head of School', on: null, how: 'Annual meeting' }],
      shortTermOutcomes: 'Fewer errors', longTermOutcomes: null, status: 'complete', orgUnitIds: [], goalIds: [],
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 'ie-new' })));
  });

  it('shows what is missing beside each field and sends nothing', async () => {
    const { calls, user } = setup();
    await screen.findByRole('form', { name: 'New impact evaluation' });
    await user.click(form().getByRole('button', { name: 'Add an objective' }));
    await user.click(form().getByRole('button', { name: 'Add a communication' }));
    await user.type(box('How'), 'Email');
    await user.click(form().getByRole('button', { name: 'Add evaluation' }));
    await waitFor(() => expect(described(box(/^Initiative/))).toContain('Is required'));
    expect(described(box('Objective 1'))).toContain('Is required');
    expect(box('Objective 1').getAttribute('aria-invalid')).toBe('true');
    expect(described(box('To whom'))).toContain('Is required');
    expect(box('How').getAttribute('aria-invalid')).not.toBe('true');

    // complete needs how impact was measured and an outcome
    await user.type(box(/^Initiative/), 'Pilot');
    await user.click(form().getByRole('button', { name: 'Remove objective 1' }));
    await user.click(form().getByRole('button', { name: 'Remove communication 1' }));
    await user.click(form().getByRole('combobox', { name: /^Status/ }));
    await user.click(await screen.findByRole('option', { name: 'Complete', hidden: true }));
    await user.click(form().getByRole('button', { name: 'Add evaluation' }));
    await waitFor(() => expect(described(box(/^How we measured impact/))).toContain('Is needed before the evaluation is complete: say how impact was measured'));
    expect(described(box('Short-term outcomes'))).toContain('A complete evaluation needs at least one outcome, short- or long-term');
    expect(posts(calls)).toEqual([]);
  });

  it("puts the API's field errors beside their fields", async () => {
    const { calls, onSaved, user } = setup({ status: 400, body: { code: 'VALIDATION', message: 'engagementIds: unknown engagement e1', details: [{ field: 'engagementIds', message: 'unknown engagement e1' }], requestId: 'r' } });
    await screen.findByRole('form', { name: 'New impact evaluation' });
    await user.type(box(/^Initiative/), 'Pilot');
    await user.click(form().getByRole('combobox', { name: /^Linked engagements/ }));
    await user.click(await screen.findByRole('option', { name: /Literature searching in COMP390/, hidden: true }));
    await user.click(form().getByRole('button', { name: 'Add evaluation' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(await screen.findByText('Unknown engagement e1')).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
  });
});
