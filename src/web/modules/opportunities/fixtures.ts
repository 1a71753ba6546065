import type { Role } from '../../../shared/contracts/common.ts';
import type { MeDto } from '../../../shared/contracts/identity.ts';
import type { OpportunityDetailDto, OpportunityDto } from '../../../shared/contracts/opportunities.ts';

/** Component-test data for the opportunity pages, shaped by the contracts. */

export const meAs = (role: Role = 'librarian'): MeDto => ({
  user: { id: 'u1', email: 'sam@northmoor.example', name: 'Sam Reid', role, jobTitle: null, teamId: null, active: true },
  institution: { id: 'i1', name: 'Northmoor' },
  csrfToken: 'tok',
});

export const opportunity = (id: string, over: Partial<OpportunityDto> = {}): OpportunityDto => ({
  id,
  title: `Opportunity ${id}`,
  trigger: { kind: 'external_examiner', text: 'The external examiner asked for stronger referencing', engagement: null, evidence: null },
  hook: 'Referencing workshops in the first-year module',
  value: 4,
  effort: 2,
  windowClosesOn: '2026-05-01',
  east: { easy: 'We run it in their slot', attractive: null, social: null, timely: null },
  isPilot: false,
  owner: { id: 'u1', name: 'Sam Reid' },
  stage: 'spotted',
  closedReason: null,
  stageChangedOn: '2026-02-01',
  lastActivityOn: '2026-02-01',
  milestone: null,
  orgUnits: [{ id: 'd1', name: 'Mathematics' }],
  people: [{ id: 'p1', name: 'Ada Lovelace' }],
  goals: [],
  socialProof: [],
  priority: { score: 6, value: 4, effort: 2, alignment: 1.5, alignmentReason: "Aligned to the library's strategy", urgency: 2, urgencyReason: 'Closes in 20 days' },
  cold: null,
  createdAt: '2026-02-01T10:00:00Z',
  updatedAt: '2026-02-01T10:00:00Z',
  ...over,
});

export const detail = (id: string, over: Partial<OpportunityDetailDto> = {}): OpportunityDetailDto => ({
  ...opportunity(id),
  engagements: [],
  history: [{ from: null, to: 'spotted', reason: null, on: '2026-02-01', by: { id: 'u1', name: 'Sam Reid' } }],
  ...over,
});

export const page = <T>(items: T[]) => ({ items, page: 1, pageSize: 50, total: items.length });
