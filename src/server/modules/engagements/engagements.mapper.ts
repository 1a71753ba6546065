import type { EngagementDto } from '../../../shared/contracts/engagements.ts';
import type { EngagementRow, Ref, Relations } from './engagements.repository.ts';

const names = (refs: Ref[] | undefined) => (refs ?? []).map((r) => ({ id: r.id, name: r.label }));

export const toEngagementDto = (r: EngagementRow, rel: Relations): EngagementDto => ({
  id: r.id,
  type: { id: r.type_id, label: r.type_label },
  occurredOn: r.occurred_on,
  durationMinutes: r.duration_minutes,
  summary: r.summary,
  outcome: r.outcome,
  followUp: r.follow_up,
  initiatedBy: r.initiated_by,
  attendance: r.attendance,
  milestone: r.milestone,
  themes: rel.themes.get(r.id) ?? [],
  goals: rel.goals.get(r.id) ?? [],
  campaigns: names(rel.campaigns.get(r.id)),
  people: names(rel.people.get(r.id)),
  staff: names(rel.staff.get(r.id)),
  orgUnits: names(rel.orgUnits.get(r.id)),
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
