import type { ImpactEvaluationDto } from '../../../shared/contracts/impact.ts';

/* Shared by the impact pages' component tests. */
export { goals, me } from '../campaigns/fixtures.ts';

export const evaluation: ImpactEvaluationDto = {
  id: 'ie1', initiative: 'Research skills in Computing dissertations', status: 'complete',
  aims: 'Better-referenced dissertations.\nAnd better-argued ones.',
  objectives: ['Teach searching in COMP390', 'Teach referencing before the deadline'],
  successCriteria: 'The examiner no longer flags referencing.', impactIndicators: null,
  whatWeDid: 'Two embedded sessions.',
  engagements: [{ id: 'e1', occurredOn: '2024-11-05', summary: 'Literature searching in COMP390' }, { id: 'e2', occurredOn: '2025-01-20', summary: 'Referencing workshop' }],
  whatWeLearned: 'Students wanted help earlier.', howWeActed: 'Moved the session to week 3.', howWeMeasured: 'Compared examiner reports.',
  metrics: [{ id: 'm1', name: 'Loans per student', unit: 'loans' }],
  evidence: [{ id: 'v1', kind: 'quote', text: 'I finally understood how to search.', occurredOn: '2024-11-06' }],
  communications: [
    { audience: 'Head of School', on: '2025-02-10', how: 'Annual meeting' },
    { audience: 'Teaching Committee', on: null, how: 'Paper' },
  ],
  shortTermOutcomes: 'Fewer referencing errors.', longTermOutcomes: null,
  orgUnits: [{ id: 'ou-comp', name: 'School of Computing' }],
  goals: [{ id: 'o-data', title: 'Research data skills', owner: 'library', parent: { id: 'g-skills', title: 'Skills' } }],
  createdBy: { id: 'u-ann', name: 'Ann Archer' }, createdAt: '2025-02-01T10:00:00Z', updatedAt: '2025-03-01T10:00:00Z',
};
