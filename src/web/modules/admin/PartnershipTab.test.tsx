import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MeDto } from '../../../shared/contracts/identity.ts';
import type { PartnershipTemplateDto } from '../../../shared/contracts/partnership.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { PartnershipTab } from './PartnershipTab.tsx';

const me = (role: MeDto['user']['role']): MeDto => ({
  user: { id: 'u1', email: 'm@uni.example', name: 'Mo Manager', role, jobTitle: null, teamId: null, active: true },
  institution: { id: 'i1', name: 'Northmoor' },
  csrfToken: 'tok',
});
const types = [
  { id: 't1', kind: 'engagement_type', key: 'meeting', label: 'Meeting', sortOrder: 1, active: true, weight: 1 },
  { id: 't2', kind: 'engagement_type', key: 'annual_review', label: 'Annual review', sortOrder: 2, active: true, weight: 3 },
];
const template: PartnershipTemplateDto = {
  id: 'pt1', name: 'Loughborough model', description: 'What every department can expect', appliesTo: 'units',
  units: [{ id: 'f1', name: 'Faculty of Science', includeDescendants: true }], active: true, updatedAt: '2026-01-01T00:00:00Z',
  activities: [
    { id: 'a1', name: 'Annual review', type: { id: 't2', label: 'Annual review' }, positionTitle: 'Head of', cadence: 'yearly', perYear: null },
    { id: 'a2', name: 'Learning and teaching committee', type: { id: 't1', label: 'Meeting' }, positionTitle: null, cadence: 'per_meeting', perYear: 3 },
  ],
};

function setup(role: MeDto['user']['role'] = 'manager') {
  const calls = stubApi((method, url, body) => {
    if (url.pathname === '/api/v1/auth/me') return { body: me(role) };
    if (url.pathname === '/api/v1/partnership-templates' && method === 'GET') return { body: [template] };
    if (url.pathname.startsWith('/api/v1/partnership-templates')) return { status: method === 'POST' ? 201 : 200, body: { ...template, ...(body as object) } };
    if (url.pathname === '/api/v1/vocab') return { body: types };
    if (url.pathname === '/api/v1/org-units') return { body: { items: [{ id: 'd9', name: 'History', parentName: 'Faculty of Arts' }], page: 1, pageSize: 20, total: 1 } };
    return undefined;
  });
  renderWithProviders(<PartnershipTab />);
  return { calls, user: userEvent.setup({ delay: null }) };
}

const writes = (calls: { method: string; path: string; body: unknown }[]) => calls.filter((c) => c.method !== 'GET');
const describedBy = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
const choose = async (user: ReturnType<typeof userEvent.setup>, box: HTMLElement, option: string) => {
  await user.click(box);
  // each activity has its own list of options: pick from the one this box controls
  const list = await waitFor(() => document.getElementById(box.getAttribute('aria-controls') ?? '') ?? Promise.reject(new Error('no listbox')));
  await user.click(within(list).getByRole('option', { name: option, hidden: true }));
};

describe('PartnershipTab', { timeout: 60_000 }, () => {
  it('lists each template with its scope and its key activities in order', async () => {
    setup('librarian');
    const card = (await screen.findByRole('heading', { name: 'Loughborough model' })).closest('article') as HTMLElement;
    expect(within(card).getByText('Faculty of Science and the departments below it')).toBeTruthy();
    const items = within(within(card).getByRole('list', { name: 'Key activities' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Annual review: Annual review · with a “Head of” · Every academic year',
      'Learning and teaching committee: Meeting · Each committee meeting (3 a year)',
    ]);
    expect(screen.queryByRole('button', { name: 'Add a template' })).toBeNull();
  });

  it('names the fields a new template is missing, and sends nothing', async () => {
    const { calls, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Add a template' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a partnership template' });
    await user.click(within(dialog).getByRole('button', { name: 'Add template' }));

    const name = within(dialog).getByRole('textbox', { name: /^Name/ });
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(name)).toContain('is required');
    expect(describedBy(within(dialog).getByRole('textbox', { name: /^Activity name/ }))).toContain('is required');
    expect(describedBy(within(dialog).getByRole('combobox', { name: /^Engagement type/ }))).toContain('is required');

    await user.click(within(dialog).getByRole('button', { name: 'Remove: key activity 1' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add template' }));
    expect(await within(dialog).findByText('Key activities: needs at least one key activity')).toBeTruthy();
    expect(writes(calls)).toEqual([]);
  });

  it('sends a new template: chosen units, activities in the order set, meetings a year only where they count', async () => {
    const { calls, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Add a template' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a partnership template' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Research partnership');
    await user.click(within(dialog).getByRole('radio', { name: 'Chosen units' }));
    await user.type(within(dialog).getByRole('combobox', { name: 'Add a unit' }), 'Hist');
    await user.click(await screen.findByRole('option', { name: 'History (Faculty of Arts)', hidden: true }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Include departments below History' }));

    await user.type(within(dialog).getByRole('textbox', { name: /^Activity name/ }), 'Termly catch-up');
    await choose(user, within(dialog).getByRole('combobox', { name: /^Engagement type/ }), 'Meeting');
    await choose(user, within(dialog).getByRole('combobox', { name: /^Cadence/ }), 'Every term');
    await user.click(within(dialog).getByRole('button', { name: 'Add a key activity' }));
    const second = within(dialog).getByRole('group', { name: 'Key activity 2' });
    await user.type(within(second).getByRole('textbox', { name: /^Activity name/ }), 'Research committee');
    await user.type(within(second).getByRole('textbox', { name: /^Position title/ }), 'Director of Research');
    await choose(user, within(second).getByRole('combobox', { name: /^Engagement type/ }), 'Annual review');
    await choose(user, within(second).getByRole('combobox', { name: /^Cadence/ }), 'Each committee meeting');
    await user.type(within(second).getByRole('textbox', { name: /^Meetings a year/ }), '4');
    await user.click(within(dialog).getByRole('button', { name: 'Move up: key activity 2' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add template' }));

    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]).toMatchObject({ method: 'POST', path: '/api/v1/partnership-templates' });
    expect(writes(calls)[0]?.body).toEqual({
      name: 'Research partnership', description: null, appliesTo: 'units', active: true,
      units: [{ orgUnitId: 'd9', includeDescendants: false }],
      activities: [
        { name: 'Research committee', typeId: 't2', positionTitle: 'Director of Research', cadence: 'per_meeting', perYear: 4 },
        { name: 'Termly catch-up', typeId: 't1', positionTitle: null, cadence: 'termly', perYear: null },
      ],
    });
  });

  it('edits a template in place, keeping each activity’s id so its history stays', async () => {
    const { calls, user } = setup('admin');
    await user.click(await screen.findByRole('button', { name: 'Edit Loughborough model' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit “Loughborough model”' });
    await user.click(within(dialog).getByRole('radio', { name: 'All departments' }));
    await user.click(within(dialog).getByRole('button', { name: 'Move down: key activity 1' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save template' }));

    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]).toMatchObject({ method: 'PATCH', path: '/api/v1/partnership-templates/pt1' });
    expect(writes(calls)[0]?.body).toEqual({
      name: 'Loughborough model', description: 'What every department can expect', appliesTo: 'all_departments', units: [], active: true,
      activities: [
        { id: 'a2', name: 'Learning and teaching committee', typeId: 't1', positionTitle: null, cadence: 'per_meeting', perYear: 3 },
        { id: 'a1', name: 'Annual review', typeId: 't2', positionTitle: 'Head of', cadence: 'yearly', perYear: null },
      ],
    });
  });
});
