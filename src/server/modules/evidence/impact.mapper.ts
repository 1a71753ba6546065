import type { EvidenceKind } from '../../../shared/contracts/evidence.ts';
import type { GoalRefDto } from '../../../shared/contracts/goals.ts';
import type { ImpactCommunicationDto, ImpactEvaluationDto, ImpactSummaryDto } from '../../../shared/contracts/impact.ts';
import type { ImpactEvaluationTable } from '../../db/types.ts';
import type { CommunicationRow, LinkSets } from './impact.repository.ts';

type Named = { id: string; name: string };

/** The records an evaluation's links name, looked up by id; each map iterates in display order. */
export interface Targets {
  orgUnits: Map<string, Named>;
  goals: Map<string, GoalRefDto>;
  engagements: Map<string, { id: string; occurred_on: string; summary: string }>;
  evidence: Map<string, { id: string; kind: EvidenceKind; text: string; occurred_on: string }>;
  metrics: Map<string, { id: string; name: string; unit: string }>;
  users: Map<string, Named>;
}

/** Linked records in the target map's order (its query's ORDER BY), not the order the ids were stored. */
const inOrder = <T>(map: Map<string, T>, ids: string[]) => [...map.entries()].filter(([id]) => ids.includes(id)).map(([, v]) => v);

/** Goals by whose strategy (library first), then goal before its objectives, then title. */
const goalKey = (g: GoalRefDto) => [g.owner === 'library' ? '0' : '1', g.parent?.title ?? g.title, g.parent ? '1' : '0', g.title, g.id].join('\u0000');
const goalOrder = (a: GoalRefDto, b: GoalRefDto) => (goalKey(a) < goalKey(b) ? -1 : goalKey(a) > goalKey(b) ? 1 : 0);

export const toCommunicationDto = (c: CommunicationRow): ImpactCommunicationDto => ({ audience: c.audience, on: c.communicated_on, how: c.how });

export function toImpactSummaryDto(r: ImpactEvaluationTable, links: LinkSets, t: Pick<Targets, 'orgUnits' | 'goals'>): ImpactSummaryDto {
  return {
    id: r.id,
    initiative: r.initiative,
    status: r.status,
    orgUnits: inOrder(t.orgUnits, links.orgUnitIds).map((u) => ({ id: u.id, name: u.name })),
    goals: links.goalIds.flatMap((id) => t.goals.get(id) ?? []).sort(goalOrder),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toImpactDto(r: ImpactEvaluationTable, links: LinkSets, t: Targets, objectives: string[], communications: CommunicationRow[]): ImpactEvaluationDto {
  const creator = r.created_by ? t.users.get(r.created_by) : undefined;
  return {
    ...toImpactSummaryDto(r, links, t),
    aims: r.aims,
    objectives,
    successCriteria: r.success_criteria,
    impactIndicators: r.impact_indicators,
    whatWeDid: r.what_we_did,
    engagements: inOrder(t.engagements, links.engagementIds).map((e) => ({ id: e.id, occurredOn: e.occurred_on, summary: e.summary })),
    whatWeLearned: r.what_we_learned,
    howWeActed: r.how_we_acted,
    howWeMeasured: r.how_we_measured,
    metrics: inOrder(t.metrics, links.metricIds).map((m) => ({ id: m.id, name: m.name, unit: m.unit })),
    evidence: inOrder(t.evidence, links.evidenceIds).map((e) => ({ id: e.id, kind: e.kind, text: e.text, occurredOn: e.occurred_on })),
    communications: communications.map(toCommunicationDto),
    shortTermOutcomes: r.short_term_outcomes,
    longTermOutcomes: r.long_term_outcomes,
    createdBy: creator ? { id: creator.id, name: creator.name } : null,
  };
}

/**
 * What the audit trail records: the row plus its lists. Link sets are sorted so before and after
 * compare by content; objectives and communications keep their order, which is part of their meaning.
 */
export const auditable = ({ created_at: _c, updated_at: _u, ...row }: ImpactEvaluationTable, links: LinkSets, objectives: string[], communications: CommunicationRow[]) => ({
  ...row,
  org_unit_ids: [...links.orgUnitIds].sort(),
  goal_ids: [...links.goalIds].sort(),
  engagement_ids: [...links.engagementIds].sort(),
  evidence_ids: [...links.evidenceIds].sort(),
  metric_ids: [...links.metricIds].sort(),
  objectives,
  communications: communications.map(toCommunicationDto),
});
