import type { GoalRefDto } from '../../../shared/contracts/goals.ts';
import type { OpportunityDetailDto, OpportunityDto, PriorityDto } from '../../../shared/contracts/opportunities.ts';
import type { OpportunityTable } from '../../db/types.ts';
import { toEvidenceRef } from '../planning/refs.ts';
import type { LinkSets, OpportunityRow, PageLinks, linkedEngagements, stageHistory } from './opportunities.repository.ts';
import type { Coldness } from './rules.ts';

/** Where an opportunity stands today: its priority, whether it is going cold, and why. */
export interface Standing {
  priority: PriorityDto;
  coldness: Coldness;
  lastActivityOn: string;
}

/** The reasons it is going cold, in one sentence, or null when it is not. */
export function coldOf(c: Coldness): OpportunityDto['cold'] {
  const reasons = [c.quiet?.reason, c.closing?.reason].filter((r): r is string => !!r);
  return reasons.length ? { reason: reasons.join('; ') } : null;
}

export const toOpportunityDto = (r: OpportunityRow, links: PageLinks, goals: Map<string, GoalRefDto>, s: Standing): OpportunityDto => ({
  id: r.id,
  title: r.title,
  trigger: {
    kind: r.trigger_kind,
    text: r.trigger_text,
    engagement: r.trigger_engagement_id && r.trigger_occurred_on
      ? { id: r.trigger_engagement_id, occurredOn: r.trigger_occurred_on, summary: r.trigger_summary ?? '' }
      : null,
    evidence: r.trigger_evidence_id && r.trigger_evidence_kind && r.trigger_evidence_on
      ? toEvidenceRef({ id: r.trigger_evidence_id, kind: r.trigger_evidence_kind, text: r.trigger_evidence_text ?? '', occurred_on: r.trigger_evidence_on })
      : null,
  },
  hook: r.hook,
  value: r.value,
  effort: r.effort,
  windowClosesOn: r.window_closes_on,
  east: { easy: r.east_easy, attractive: r.east_attractive, social: r.east_social, timely: r.east_timely },
  isPilot: r.is_pilot === 1,
  owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
  stage: r.stage,
  closedReason: r.closed_reason,
  stageChangedOn: r.stage_changed_on,
  lastActivityOn: s.lastActivityOn,
  milestone: r.milestone && r.milestone_on ? { title: r.milestone, on: r.milestone_on } : null,
  orgUnits: links.orgUnits.get(r.id) ?? [],
  people: links.people.get(r.id) ?? [],
  goals: (links.goalIds.get(r.id) ?? []).flatMap((id) => {
    const ref = goals.get(id);
    return ref ? [ref] : [];
  }),
  socialProof: links.proofs.get(r.id) ?? [],
  priority: s.priority,
  cold: coldOf(s.coldness),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

type EngagementRows = Awaited<ReturnType<typeof linkedEngagements>>;
type HistoryRows = Awaited<ReturnType<typeof stageHistory>>;

export const toDetailDto = (dto: OpportunityDto, engagements: EngagementRows, history: HistoryRows): OpportunityDetailDto => ({
  ...dto,
  engagements: engagements.map((e) => ({ id: e.id, occurredOn: e.occurred_on, summary: e.summary })),
  history: history.map((h) => ({
    from: h.from_stage, to: h.to_stage, reason: h.reason, on: h.changed_on,
    by: h.changed_by ? { id: h.changed_by, name: h.changed_by_name ?? '' } : null,
  })),
});

/** What the audit trail records: the row with its link sets, so one entry shows a whole edit. */
export const auditable = (row: OpportunityTable, sets: LinkSets) => ({ ...row, ...sets });
