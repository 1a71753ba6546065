import type { EvidenceDto } from '../../../shared/contracts/evidence.ts';

/* Shared by the evidence components' tests. */
export { goals } from '../campaigns/fixtures.ts';
export { me, page } from '../relationships/fixtures.ts';

const vocab = (kind: string, rows: [string, string][]) => rows.map(([key, label], i) => ({ id: `${kind}-${key}`, kind, key, label, sortOrder: i, active: true }));
export const themes = vocab('theme', [['visibility', 'Visibility'], ['skills', 'Skills']]);

export const units = {
  history: { id: 'ou-hist', parentId: 'ou-arts', parentName: 'Faculty of Arts', type: 'department', name: 'History', code: 'HIST', status: 'active', description: null, lastEngagementOn: null },
};

const base: Omit<EvidenceDto, 'id' | 'kind' | 'text'> = {
  source: { person: null, text: null }, occurredOn: '2025-03-04', attribution: 'named', consentRecorded: false, orgUnits: [], themes: [], goals: [],
  engagements: [], opportunities: [], actions: [], campaigns: [], createdBy: { id: 'u-ann', name: 'Ann Archer' }, createdAt: '2025-03-04T10:00:00Z', updatedAt: '2025-03-04T10:00:00Z',
};

export const evidence: [EvidenceDto, EvidenceDto, EvidenceDto] = [
  {
    ...base, id: 'ev-1', kind: 'quote', text: 'You have changed how we teach research skills.',
    source: { person: { id: 'p-ada', name: 'Ada Byron' }, text: 'Head of History' }, consentRecorded: true,
    orgUnits: [{ id: 'ou-hist', name: 'History' }], themes: [{ id: 'theme-skills', label: 'Skills' }],
    goals: [{ id: 'g-skills', title: 'Skills', owner: 'library', parent: null }],
    engagements: [{ id: 'e-1', occurredOn: '2025-03-04', summary: 'Programme review with the history team' }],
    actions: [{ id: 'a-1', title: 'Embed search skills in HI101', planId: 'plan-1' }],
  },
  {
    ...base, id: 'ev-2', kind: 'student_comment', text: 'The workshop made referencing click for me.', occurredOn: '2025-02-20',
    attribution: 'anonymous', source: { person: null, text: 'a second-year student' }, createdBy: { id: 'u-other', name: 'Other Librarian' },
    opportunities: [{ id: 'op-1', title: 'Referencing in year 2' }], campaigns: [{ id: 'c-data', name: 'Research data week' }],
  },
  { ...base, id: 'ev-3', kind: 'figure', text: 'Loans up 12% on last year', occurredOn: '2025-01-31', source: { person: null, text: 'Alma Analytics' } },
];
