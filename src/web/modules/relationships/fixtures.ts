/* Test data for the relationship-health components: the School of Computing and its library champion. */
import type { Role } from '../../../shared/contracts/common.ts';
import type { EngagementDto } from '../../../shared/contracts/engagements.ts';
import type { ComplianceDto } from '../../../shared/contracts/partnership.ts';
import type { PersonDto } from '../../../shared/contracts/people.ts';
import type { JourneyDto, MaturityAssessmentDto, PersonSignalsDto, StakeholderMapDto } from '../../../shared/contracts/relationships.ts';
import type { UnitSignalsResponse } from './api.ts';

export const page = <T>(items: T[]) => ({ items, page: 1, pageSize: 50, total: items.length });

/** Ann Archer, the School of Computing's liaison librarian (u-ann), signed in with `role`. */
export const me = (role: Role = 'librarian', id = 'u-ann') => ({
  user: { id, email: 'ann.archer@northmoor.example', name: 'Ann Archer', role, jobTitle: 'Liaison Librarian', teamId: null, active: true },
  institution: { id: 'i1', name: 'Northmoor' },
  csrfToken: 'csrf',
});

export const computing = { id: 'ou-comp', name: 'School of Computing' };
export const zoe = { id: 'p-zoe', name: 'Dr Zoë Ångström' };

export const assessments: MaturityAssessmentDto[] = [
  {
    id: 'ma2', orgUnit: computing, person: null, level: 'partner', assessedOn: '2026-02-10',
    rationale: 'Invited to the curriculum review; co-wrote the dissertation skills plan.',
    assessedBy: { id: 'u-ann', name: 'Ann Archer' },
    engagements: [{ id: 'e-review', occurredOn: '2026-01-20', summary: 'Curriculum review: final-year dissertation module' }],
    createdAt: '2026-02-10T09:00:00Z',
  },
  {
    id: 'ma1', orgUnit: computing, person: null, level: 'provider', assessedOn: '2025-06-02',
    rationale: 'Reading lists and inductions delivered on time; no involvement in planning yet.',
    assessedBy: { id: 'u-bo', name: 'Bo Lee' }, engagements: [], createdAt: '2025-06-02T09:00:00Z',
  },
];

export const unitSignals: UnitSignalsResponse = {
  window: { kind: 'year', from: '2025-09-01', to: '2026-03-12', label: '2025–26', months: 6.4 },
  signals: {
    orgUnit: { id: 'ou-comp', name: 'School of Computing', code: 'COMP', parentId: 'f-sci', parentName: 'Faculty of Science' },
    maturity: 'partner', maturityOn: '2026-02-10', lastEngagementOn: '2026-02-28', daysSinceLast: 12,
    engagements: 15, perMonth: 2.4, people: 7, keyPeople: 2, themes: 4, depth: 31.5, partnerShare: 0.4,
    cadence: { done: 2, due: 1, overdue: 1 },
  },
};

export const journey: JourneyDto = {
  items: [
    { kind: 'maturity', date: '2025-06-02', title: 'Reliable provider', detail: 'Reading lists and inductions delivered on time.', level: 'provider', ref: { type: 'assessment', id: 'ma1' } },
    { kind: 'champion', date: '2025-10-14', title: 'Dr Zoë Ångström became a library champion', detail: null, level: null, ref: { type: 'person', id: 'p-zoe' } },
    { kind: 'milestone', date: '2026-01-20', title: 'Invited to the curriculum review', detail: 'Curriculum review: final-year dissertation module', level: null, ref: { type: 'engagement', id: 'e-review' } },
  ],
};

export const stakeholders: StakeholderMapDto = {
  items: [
    { id: 'p-zoe', name: 'Dr Zoë Ångström', titles: ['Director of Teaching'], influence: 5, interest: 5, isChampion: true,
      holders: [{ id: 'u-ann', name: 'Ann Archer', engagements: 9 }, { id: 'u-bo', name: 'Bo Lee', engagements: 2 }] },
    { id: 'p-raj', name: 'Prof Raj Patel', titles: ['Head of School'], influence: 5, interest: 2, isChampion: false,
      holders: [{ id: 'u-ann', name: 'Ann Archer', engagements: 1 }] },
    { id: 'p-kim', name: 'Kim Nguyen', titles: ['Lecturer'], influence: null, interest: 4, isChampion: false, holders: [] },
  ],
};

export const compliance: ComplianceDto = {
  year: { start: '2025-09-01', end: '2026-08-31', label: '2025–26' },
  asOf: '2026-03-12',
  items: [
    {
      template: { id: 't-schools', name: 'Partnership model for schools' },
      activity: { id: 'a-review', name: 'Annual review with the Head of School', type: { id: 'ty-review', label: 'Annual review' }, positionTitle: 'Head of School', cadence: 'yearly', perYear: null },
      periods: [{ label: '2025–26', from: '2025-09-01', to: '2026-08-31', status: 'done', doneBy: { id: 'e-annual', occurredOn: '2025-11-04' } }],
    },
    {
      template: { id: 't-schools', name: 'Partnership model for schools' },
      activity: { id: 'a-committee', name: 'Learning and teaching committee', type: { id: 'ty-meeting', label: 'Meeting' }, positionTitle: null, cadence: 'per_meeting', perYear: 3 },
      periods: [
        { label: 'Autumn term', from: '2025-09-01', to: '2025-12-31', status: 'done', doneBy: { id: 'e-ltc1', occurredOn: '2025-10-08' } },
        { label: 'Spring term', from: '2026-01-01', to: '2026-03-01', status: 'overdue', doneBy: null },
        { label: 'Summer term', from: '2026-04-01', to: '2026-06-30', status: 'upcoming', doneBy: null },
      ],
    },
    {
      template: { id: 't-schools', name: 'Partnership model for schools' },
      activity: { id: 'a-catchup', name: 'Catch-up with the Director of Teaching', type: { id: 'ty-meeting', label: 'Meeting' }, positionTitle: 'Director of Teaching', cadence: 'termly', perYear: null },
      periods: [{ label: 'Spring term', from: '2026-01-01', to: '2026-04-10', status: 'due', doneBy: null }],
    },
  ],
  summary: { done: 2, due: 1, overdue: 1 },
};

export const personSignals: PersonSignalsDto = {
  window: { kind: 'year', from: '2025-09-01', to: '2026-03-12', label: '2025–26', months: 6.4 },
  lastEngagementOn: '2026-01-20', daysSinceLast: 51, engagements: 6, perMonth: 0.9, themes: 3, depth: 12, partnerShare: 0.5, maturity: 'partner',
  stayInTouch: { intervalDays: 30, lastEngagementOn: '2026-01-20', dueOn: '2026-02-19', overdue: true },
  contactCap: { cap: 4, days: 30, count: 5, exceeded: true, source: 'person' },
};

export const zoePerson: PersonDto = {
  ...zoe, email: 'z.angstrom@northmoor.example', phone: null, isChampion: true, influence: 5, interest: 5, stayInTouchDays: 30,
  contactCap: 4, contactCapDays: 30, championSince: '2025-10-14', tags: [], updatedAt: '2026-01-01T00:00:00Z', currentPositions: [],
  motivations: null, needs: null, challenges: null, preferredChannel: null, notes: null, createdAt: '2025-01-01T00:00:00Z', positions: [],
};

export const engagement = (id: string, occurredOn: string, summary: string): EngagementDto => ({
  id, type: { id: 'ty-meeting', label: 'Meeting' }, occurredOn, durationMinutes: 60, summary, outcome: null, followUp: null, initiatedBy: 'library',
  attendance: null, milestone: null, goals: [], campaigns: [], themes: [], people: [zoe], staff: [{ id: 'u-ann', name: 'Ann Archer' }], orgUnits: [computing],
  createdBy: 'u-ann', createdAt: `${occurredOn}T10:00:00Z`, updatedAt: `${occurredOn}T10:00:00Z`,
});
