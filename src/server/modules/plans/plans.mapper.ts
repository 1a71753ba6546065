import type { GoalRefDto } from '../../../shared/contracts/goals.ts';
import { isUnfinished, type ActionPlanDto, type ActionPlanSummaryDto, type PlanActionDto, type PlanCommentDto, type SharedPlanDto, type ShareLinkDto } from '../../../shared/contracts/plans.ts';
import type { PlanActionTable, PlanCommentTable, PlanObjectiveTable } from '../../db/types.ts';
import { toEvidenceRef } from '../planning/refs.ts';
import type { ActionCounts, ActionEvidenceRow, ActionRow, EngagementRef, PlanRow } from './plans.repository.ts';
import type { ShareLinkRow } from './shares.repository.ts';

/** Everything a plan's page shows, read once and mapped for staff or for a partner. */
export interface PlanView {
  plan: PlanRow;
  yearLabel: string;
  /** the institution's today: actions are overdue against it */
  today: string;
  objectives: PlanObjectiveTable[];
  goals: Map<string, GoalRefDto>;
  actions: ActionRow[];
  engagements: EngagementRef[];
  /** linked from the evidence side; staff see it, a partner's shared view does not */
  evidence: ActionEvidenceRow[];
  comments: PlanCommentTable[];
  neighbours: { id: string; year: number }[];
}

export const isOverdue = (a: Pick<PlanActionTable, 'status' | 'due_on'>, today: string) => isUnfinished(a.status) && a.due_on !== null && a.due_on < today;

const agreement = (p: PlanRow) => ({ agreedBy: p.agreed_by, agreedOn: p.agreed_on, agreedVia: p.agreed_via });

const toCommentDto = (c: PlanCommentTable): PlanCommentDto => ({ id: c.id, authorName: c.author_name, via: c.via, body: c.body, createdAt: c.created_at });

function toActionDto(a: ActionRow, v: Pick<PlanView, 'engagements' | 'evidence' | 'today'>): PlanActionDto {
  return {
    id: a.id,
    objectiveId: a.objective_id,
    title: a.title,
    owner: a.owner_id ? { id: a.owner_id, name: a.owner_name ?? '' } : null,
    partner: a.partner_person_id ? { id: a.partner_person_id, name: a.partner_name ?? '' } : null,
    dueOn: a.due_on,
    status: a.status,
    notes: a.notes,
    carriedFrom: a.carried_from_id && a.carried_plan_id && a.carried_year !== null ? { id: a.carried_from_id, planId: a.carried_plan_id, year: a.carried_year } : null,
    engagements: v.engagements.filter((e) => e.action_id === a.id).map((e) => ({ id: e.id, occurredOn: e.occurred_on, summary: e.summary })),
    evidence: v.evidence.filter((e) => e.action_id === a.id).map(toEvidenceRef),
    overdue: isOverdue(a, v.today),
  };
}

export function toPlanDto(v: PlanView): ActionPlanDto {
  const { plan } = v;
  const near = (year: number) => v.neighbours.find((n) => n.year === year) ?? null;
  return {
    id: plan.id,
    orgUnit: { id: plan.org_unit_id, name: plan.org_unit_name },
    year: plan.year,
    yearLabel: v.yearLabel,
    status: plan.status,
    ...agreement(plan),
    reviewNotes: plan.review_notes,
    objectives: v.objectives.map((o) => ({ id: o.id, title: o.title, goal: o.goal_id ? (v.goals.get(o.goal_id) ?? null) : null })),
    actions: v.actions.map((a) => toActionDto(a, v)),
    comments: v.comments.map(toCommentDto),
    previous: near(plan.year - 1),
    next: near(plan.year + 1),
    createdAt: plan.created_at,
    updatedAt: plan.updated_at,
  };
}

export const toSummaryDto = (plan: PlanRow, yearLabel: string, counts: ActionCounts | undefined): ActionPlanSummaryDto => ({
  id: plan.id,
  orgUnit: { id: plan.org_unit_id, name: plan.org_unit_name },
  year: plan.year,
  yearLabel,
  status: plan.status,
  ...agreement(plan),
  actions: counts ?? { total: 0, done: 0, overdue: 0 },
  updatedAt: plan.updated_at,
});

/**
 * The partner's view: names only, and no internal notes, engagement records, evidence or review notes.
 * Evidence stays out on purpose: it quotes students and staff under the library's attribution and
 * consent choices, which were made for reporting, not for whoever holds a link.
 */
export function toSharedDto(v: PlanView, institutionName: string, expiresAt: string): SharedPlanDto {
  const { plan } = v;
  return {
    institution: { name: institutionName },
    expiresAt,
    plan: {
      orgUnit: { name: plan.org_unit_name },
      year: plan.year,
      yearLabel: v.yearLabel,
      status: plan.status,
      ...agreement(plan),
      objectives: v.objectives.map((o) => ({ id: o.id, title: o.title, goal: (o.goal_id && v.goals.get(o.goal_id)?.title) ?? null })),
      actions: v.actions.map((a) => ({
        id: a.id, objectiveId: a.objective_id, title: a.title, owner: a.owner_name, partner: a.partner_name, dueOn: a.due_on, status: a.status,
      })),
      comments: v.comments.map(toCommentDto),
    },
  };
}

/** What the audit trail records for an action: its columns plus its linked engagements. */
export const auditableAction = (a: PlanActionTable, engagementIds: string[]) => ({ ...a, engagement_ids: engagementIds });

/** `now`: ISO timestamp; a link is usable until it is revoked or its expiry passes. */
export const toLinkDto = (l: ShareLinkRow, now: string): ShareLinkDto => ({
  id: l.id,
  label: l.label,
  createdBy: l.created_by ? { id: l.created_by, name: l.created_by_name ?? '' } : null,
  createdAt: l.created_at,
  expiresAt: l.expires_at,
  revokedAt: l.revoked_at,
  lastUsedAt: l.last_used_at,
  active: l.revoked_at === null && l.expires_at > now,
});
