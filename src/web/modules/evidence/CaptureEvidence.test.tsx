import { Notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubApi, type Handler } from '../../../../test/web-render.tsx';
import type { EvidencePrefill } from '../../components/actions.ts';
import { evidenceFromEngagement } from '../engagements/EngagementPage.tsx';
import { CaptureEvidence } from './CaptureEvidence.tsx';
import { evidence, goals, me, page, themes, units } from './fixtures.ts';

/** The API the dialog talks to; `write` answers the evidence POST or PATCH. */
function api(write: Handler = (_m, _u, body) => ({ status: 201, body: { ...evidence[0], ...(body as object), id: 'ev-new' } })) {
  return stubApi((method, url, body) => {
    const p = url.pathname;
    if (p.startsWith('/api/v1/evidence') && method !== 'GET') return write(method, url, body);
    if (p === '/api/v1/auth/me') return { body: me('librarian') };
    if (p === '/api/v1/vocab') return { body: themes };
    if (p === '/api/v1/goals') return { body: goals };
    if (p === '/api/v1/org-units') return { body: page(url.searchParams.get('q')?.toLowerCase().startsWith('hi') ? [units.history] : []) };
    if (p === '/api/v1/org-units/ou-hist') return { body: units.history };
    if (p === '/api/v1/people') return { body: page([]) };
    if (p === '/api/v1/campaigns') return { body: page([{ id: 'c-data', name: 'Research data week' }]) };
    if (p === '/api/v1/engagements') return { body: page([]) };
    if (p === '/api/v1/opportunities') return { body: page([]) };
    if (p === '/api/v1/action-plans') return { body: page([]) };
    return undefined;
  });
}
const writes = (calls: ReturnType<typeof stubApi>) => calls.filter((c) => c.method !== 'GET');

async function open(prefill: EvidencePrefill = {}) {
  const onClose = vi.fn();
  renderWithProviders(<><Notifications /><CaptureEvidence prefill={prefill} onClose={onClose} /></>);
  const text = await screen.findByRole('textbox', { name: 'What they said' });
  await waitFor(() => expect(document.activeElement).toBe(text));
  return { onClose, user: userEvent.setup() };
}

describe('CaptureEvidence', { timeout: 30_000 }, () => {
  it('starts in the text, a quote dated today; shows what is missing beside its field and sends nothing', async () => {
    const calls = api();
    const { user } = await open();
    expect(screen.getByRole('combobox', { name: 'Kind' })).toHaveProperty('value', 'Quote');
    expect(screen.getByRole('textbox', { name: 'Date' })).toHaveProperty('value', dayjs().format('D MMM YYYY'));
    expect(screen.getByRole('radio', { name: 'Named' })).toHaveProperty('checked', true);

    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Is required')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'What they said' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Named evidence needs a source: choose a person or describe them')).toBeTruthy();
    expect(writes(calls)).toHaveLength(0);
  });

  it('captures anonymous feedback from the keyboard, with a department and theme; Ctrl+Enter saves; a notification links to the list', async () => {
    const calls = api();
    const { user, onClose } = await open();
    await user.keyboard('The workshop made referencing click for me.');
    await user.click(screen.getByRole('combobox', { name: 'Kind' }));
    await user.click(await screen.findByRole('option', { name: 'Student comment', hidden: true }));
    // the text's label follows the kind
    expect(screen.getByRole('textbox', { name: "The student's comment" })).toBeTruthy();
    await user.click(screen.getByRole('combobox', { name: 'Departments' }));
    await user.keyboard('Hist');
    await user.click(await screen.findByRole('option', { name: 'History (Faculty of Arts)', hidden: true }));
    await user.click(screen.getByRole('combobox', { name: 'Themes' }));
    await user.keyboard('Ski');
    await user.click(await screen.findByRole('option', { name: 'Skills', hidden: true }));
    await user.click(screen.getByRole('radio', { name: 'Anonymous' }));
    // no person can be named once it is anonymous
    expect(screen.queryByRole('combobox', { name: 'People' })).toBeNull();
    await user.type(screen.getByRole('textbox', { name: 'Describe the source' }), 'a second-year student');
    await user.click(screen.getByRole('checkbox', { name: 'Consent recorded' }));
    await user.click(screen.getByRole('textbox', { name: 'Describe the source' }));
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]).toEqual({
      method: 'POST', path: '/api/v1/evidence',
      body: {
        kind: 'student_comment', text: 'The workshop made referencing click for me.', sourcePersonId: null, sourceText: 'a second-year student',
        occurredOn: dayjs().format('YYYY-MM-DD'), attribution: 'anonymous', consentRecorded: true, orgUnitIds: ['ou-hist'], themeIds: ['theme-skills'],
        goalIds: [], engagementIds: [], opportunityIds: [], actionIds: [], campaignIds: [],
      },
    });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const note = (await screen.findByText('Evidence captured')).closest('[role="alert"]') as HTMLElement;
    expect(within(note).getByRole('link', { name: 'Open the evidence list' }).getAttribute('href')).toBe('/evidence');
  });

  it("from an engagement: its date, department, themes, goals and campaign, its person as the source and a link to it; 'More' shows the links", async () => {
    const calls = api();
    const { user } = await open(evidenceFromEngagement({
      id: 'e-1', type: { id: 'engagement_type-meeting', label: 'Meeting' }, occurredOn: '2025-03-04', durationMinutes: 60,
      summary: 'Programme review with the history team', outcome: null, followUp: null, initiatedBy: 'library', attendance: null, milestone: null,
      themes: [{ id: 'theme-skills', label: 'Skills' }], goals: [{ id: 'g-skills', label: 'Skills' }], campaigns: [{ id: 'c-data', name: 'Research data week' }],
      people: [{ id: 'p-ada', name: 'Ada Byron' }], staff: [{ id: 'u-ann', name: 'Ann Archer' }], orgUnits: [{ id: 'ou-hist', name: 'History' }],
      createdBy: 'u-ann', createdAt: '2025-03-04T12:00:00Z', updatedAt: '2025-03-04T12:00:00Z',
    }));
    expect(screen.getByRole('textbox', { name: 'Date' })).toHaveProperty('value', '4 Mar 2025');
    const candidates = screen.getByRole('group', { name: 'People at this meeting' });
    expect(within(candidates).getByRole('button', { name: 'Ada Byron' }).getAttribute('aria-pressed')).toBe('true');
    const more = screen.getByRole('button', { name: /goals, campaigns and links \(3 chosen\)/ });
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(await screen.findByText(/4 Mar 2025: Programme review/)).toBeTruthy();

    await user.keyboard('“You have changed how we teach research skills.”');
    await user.click(screen.getByRole('button', { name: 'Capture evidence' }));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]?.body).toMatchObject({
      kind: 'quote', occurredOn: '2025-03-04', attribution: 'named', sourcePersonId: 'p-ada', orgUnitIds: ['ou-hist'], themeIds: ['theme-skills'],
      goalIds: ['g-skills'], campaignIds: ['c-data'], engagementIds: ['e-1'],
    });
  });

  it("puts the API's 400 beside the field it names, and keeps the dialog open", async () => {
    const calls = api(() => ({ status: 400, body: { code: 'VALIDATION', message: 'occurredOn: must not be in the future', requestId: 'r', details: [{ field: 'occurredOn', message: 'must not be in the future' }] } }));
    const { user, onClose } = await open({ sourcePersonId: 'p-ada' });
    await user.keyboard('Loans up 12% on last year');
    await user.click(screen.getByRole('button', { name: 'Capture evidence' }));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(await screen.findByText('Must not be in the future')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Date' }).getAttribute('aria-invalid')).toBe('true');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('edits an item with PATCH, starting from what it holds', async () => {
    const calls = api((_m, _u, body) => ({ body: { ...evidence[0], ...(body as object) } }));
    const onClose = vi.fn();
    renderWithProviders(<><Notifications /><CaptureEvidence evidence={evidence[0]} onClose={onClose} /></>);
    const text = await screen.findByRole('textbox', { name: 'What they said' });
    expect(text).toHaveProperty('value', evidence[0]?.text);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save evidence' }));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]).toMatchObject({ method: 'PATCH', path: '/api/v1/evidence/ev-1', body: { text: evidence[0]?.text, sourcePersonId: 'p-ada', orgUnitIds: ['ou-hist'], engagementIds: ['e-1'] } });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await screen.findByText('Evidence saved')).toBeTruthy();
  });
});
