/* Test data for the action-plan pages: the School of Computing's plan for 2026–27, agreed with its Head of School. */
import type { ActionPlanDto, ActionPlanSummaryDto, PlanActionDto, ShareLinkDto, SharedPlanDto } from '../../../shared/contracts/plans.ts';
import { computing, zoe } from '../relationships/fixtures.ts';

export { computing, engagement, me, page } from '../relationships/fixtures.ts';

export const institution = {
  id: 'i1', name: 'Northmoor', academicYearStartMonth: 8, academicYearStartDay: 1, timeZone: 'Europe/London', publicDirectory: false,
  contactCap: null, contactCapDays: 30, keyTitles: [], opportunityColdDays: 14,
};

const action = (a: Partial<PlanActionDto> & Pick<PlanActionDto, 'id' | 'title'>): PlanActionDto => ({
  objectiveId: null, owner: null, partner: null, dueOn: null, status: 'not_started', notes: null, carriedFrom: null, engagements: [], evidence: [], overdue: false, ...a,
});

export const plan: ActionPlanDto = {
  id: 'pl1',
  orgUnit: computing,
  year: 2026,
  yearLabel: '2026–27',
  status: 'agreed',
  agreedBy: 'Dr Ada Lovelace, Head of School',
  agreedOn: '2026-10-03',
  agreedVia: 'share_link',
  reviewNotes: null,
  objectives: [
    { id: 'ob1', title: 'Embed research skills in the final-year project', goal: { id: 'g-skills', title: 'Digital and research skills', owner: 'library', parent: null } },
    { id: 'ob2', title: 'Open research by default', goal: null },
  ],
  actions: [
    action({
      id: 'ac1', objectiveId: 'ob1', title: 'Literature-search workshop for project students', owner: { id: 'u-ann', name: 'Ann Archer' }, partner: zoe,
      dueOn: '2026-11-30', status: 'in_progress', overdue: true, notes: 'Zoë books the lab.',
      carriedFrom: { id: 'ac-old', planId: 'pl0', year: 2025 },
      engagements: [{ id: 'e-review', occurredOn: '2026-09-20', summary: 'Project module planning meeting' }],
      evidence: [{ id: 'ev-quote', kind: 'student_comment', excerpt: 'The workshop saved my literature review.', occurredOn: '2026-10-25' }],
    }),
    action({ id: 'ac2', objectiveId: 'ob1', title: 'Reading list review', status: 'done', dueOn: '2026-10-15' }),
    action({ id: 'ac3', title: 'Talk at the school away day', dueOn: '2027-06-10' }),
  ],
  comments: [
    { id: 'c1', authorName: 'Dr Ada Lovelace, Head of School', via: 'share_link', body: 'Happy with this; add the away day.', createdAt: '2026-10-03T09:30:00Z' },
    { id: 'c2', authorName: 'Ann Archer', via: 'staff', body: 'Added.', createdAt: '2026-10-04T14:00:00Z' },
  ],
  previous: { id: 'pl0', year: 2025 },
  next: null,
  createdAt: '2026-08-01T09:00:00Z',
  updatedAt: '2026-10-04T14:00:00Z',
};

export const draftPlan: ActionPlanDto = { ...plan, status: 'draft', agreedBy: null, agreedOn: null, agreedVia: null };

export const summary = (p: Partial<ActionPlanSummaryDto> & Pick<ActionPlanSummaryDto, 'id' | 'year'>): ActionPlanSummaryDto => ({
  orgUnit: computing, yearLabel: `${p.year}–${String((p.year + 1) % 100).padStart(2, '0')}`, status: 'draft', agreedBy: null, agreedOn: null, agreedVia: null,
  actions: { total: 0, done: 0, overdue: 0 }, updatedAt: '2026-10-04T14:00:00Z', ...p,
});

export const links: ShareLinkDto[] = [
  { id: 'sl1', label: 'Dr Ada Lovelace', createdBy: { id: 'u-ann', name: 'Ann Archer' }, createdAt: '2026-09-28T10:00:00Z', expiresAt: '2026-10-28T10:00:00Z', revokedAt: null, lastUsedAt: '2026-10-03T09:30:00Z', active: true },
  { id: 'sl0', label: 'School committee', createdBy: null, createdAt: '2026-08-01T10:00:00Z', expiresAt: '2026-08-31T10:00:00Z', revokedAt: null, lastUsedAt: null, active: false },
  { id: 'sl2', label: null, createdBy: null, createdAt: '2026-08-02T10:00:00Z', expiresAt: '2026-09-01T10:00:00Z', revokedAt: '2026-08-03T10:00:00Z', lastUsedAt: null, active: false },
];

export const shared: SharedPlanDto = {
  institution: { name: 'University of Northmoor' },
  expiresAt: '2026-10-28T10:00:00Z',
  plan: {
    orgUnit: { name: computing.name }, year: 2026, yearLabel: '2026–27', status: 'draft', agreedBy: null, agreedOn: null, agreedVia: null,
    objectives: [{ id: 'ob1', title: 'Embed research skills in the final-year project', goal: 'Digital and research skills' }],
    actions: [
      { id: 'ac1', objectiveId: 'ob1', title: 'Literature-search workshop for project students', owner: 'Ann Archer', partner: 'Dr Zoë Ångström', dueOn: '2026-11-30', status: 'in_progress' },
      { id: 'ac3', objectiveId: null, title: 'Talk at the school away day', owner: null, partner: null, dueOn: null, status: 'not_started' },
    ],
    comments: [{ id: 'c2', authorName: 'Ann Archer', via: 'staff', body: 'Here is the draft for this year.', createdAt: '2026-09-28T10:00:00Z' }],
  },
};
