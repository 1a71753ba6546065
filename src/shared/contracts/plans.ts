import { z } from 'zod';
import { idSchema, isoDate, optionalText, pageQuery } from './common.ts';
import { evidenceKindSchema } from './evidence.ts';
import { goalRefDto } from './goals.ts';

/*
 * Annual action plans (Loughborough's co-created plan, Nottingham, Sunderland's faculty plans): one per
 * org unit per academic year, agreed with the department, reviewed at the year's end; unfinished actions
 * are carried into next year's draft. A share link lets an academic partner read and agree it.
 */

export const planStatuses = ['draft', 'agreed', 'in_progress', 'reviewed'] as const;
export const planStatusSchema = z.enum(planStatuses);
export type PlanStatus = z.infer<typeof planStatusSchema>;
export const planStatusLabels: Record<PlanStatus, string> = { draft: 'Draft', agreed: 'Agreed', in_progress: 'In progress', reviewed: 'Reviewed' };

export const actionStatuses = ['not_started', 'in_progress', 'done', 'dropped'] as const;
export const actionStatusSchema = z.enum(actionStatuses);
export type ActionStatus = z.infer<typeof actionStatusSchema>;
export const actionStatusLabels: Record<ActionStatus, string> = { not_started: 'Not started', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' };
/** Unfinished: carried forward at the year's end, and overdue once past its due date. */
export const isUnfinished = (s: ActionStatus) => s === 'not_started' || s === 'in_progress';

const named = z.object({ id: z.string(), name: z.string() });
const engagementRef = z.object({ id: z.string(), occurredOn: z.string(), summary: z.string() });

/**
 * Evidence as the planning records name it (an action's, a campaign's, an opportunity's trigger): its
 * kind, date and the start of its text. Shared by the plans, campaigns and opportunities contracts.
 */
export const evidenceRefDto = z.object({ id: z.string(), kind: evidenceKindSchema, excerpt: z.string(), occurredOn: z.string() });
export type EvidenceRefDto = z.infer<typeof evidenceRefDto>;

export const planObjectiveDto = z.object({ id: z.string(), title: z.string(), goal: goalRefDto.nullable() });
export type PlanObjectiveDto = z.infer<typeof planObjectiveDto>;

export const planActionDto = z.object({
  id: z.string(),
  objectiveId: z.string().nullable(),
  title: z.string(),
  owner: named.nullable(),
  partner: named.nullable(),
  dueOn: z.string().nullable(),
  status: actionStatusSchema,
  notes: z.string().nullable(),
  /** unfinished last year and carried into this plan */
  carriedFrom: z.object({ id: z.string(), planId: z.string(), year: z.number().int() }).nullable(),
  engagements: z.array(engagementRef),
  /** evidence linked to it (from the evidence side), newest first */
  evidence: z.array(evidenceRefDto),
  /** unfinished and past its due date, as of the institution's today */
  overdue: z.boolean(),
});
export type PlanActionDto = z.infer<typeof planActionDto>;

export const planCommentDto = z.object({ id: z.string(), authorName: z.string(), via: z.enum(['staff', 'share_link']), body: z.string(), createdAt: z.string() });
export type PlanCommentDto = z.infer<typeof planCommentDto>;

const agreement = {
  /** who on the department's side agreed it */
  agreedBy: z.string().nullable(),
  agreedOn: z.string().nullable(),
  /** recorded by library staff, or given by the partner through a share link */
  agreedVia: z.enum(['recorded', 'share_link']).nullable(),
};

export const actionPlanSummaryDto = z.object({
  id: z.string(),
  orgUnit: named,
  year: z.number().int(),
  yearLabel: z.string(),
  status: planStatusSchema,
  ...agreement,
  actions: z.object({ total: z.number().int(), done: z.number().int(), overdue: z.number().int() }),
  updatedAt: z.string(),
});
export type ActionPlanSummaryDto = z.infer<typeof actionPlanSummaryDto>;

export const actionPlanDto = z.object({
  id: z.string(),
  orgUnit: named,
  year: z.number().int(),
  yearLabel: z.string(),
  status: planStatusSchema,
  ...agreement,
  reviewNotes: z.string().nullable(),
  objectives: z.array(planObjectiveDto),
  actions: z.array(planActionDto),
  comments: z.array(planCommentDto),
  previous: z.object({ id: z.string(), year: z.number().int() }).nullable(),
  next: z.object({ id: z.string(), year: z.number().int() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActionPlanDto = z.infer<typeof actionPlanDto>;

export const listPlansQuery = pageQuery.extend({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  orgUnitId: idSchema.optional(),
  status: planStatusSchema.optional(),
});
export type ListPlansQuery = z.infer<typeof listPlansQuery>;

export const createPlanBody = z.strictObject({
  orgUnitId: idSchema,
  /** the calendar year the academic year starts in */
  year: z.number().int().min(1990).max(2100),
  /** copy last year's unfinished actions (and their objectives) into this draft, and add the actions last year's annual report proposed */
  carryForward: z.boolean().default(true),
});
export type CreatePlanBody = z.infer<typeof createPlanBody>;

/** draft → agreed (needs who agreed and when) → in progress → reviewed (needs the year-end review notes). */
export const updatePlanBody = z.strictObject({
  status: planStatusSchema.optional(),
  agreedBy: optionalText(200),
  agreedOn: isoDate.nullable().optional(),
  reviewNotes: optionalText(10_000),
});
export type UpdatePlanBody = z.infer<typeof updatePlanBody>;

export const objectiveBody = z.strictObject({ title: z.string().trim().min(1, 'is required').max(300), goalId: idSchema.nullable().optional() });
export type ObjectiveBody = z.infer<typeof objectiveBody>;
export const updateObjectiveBody = objectiveBody.partial();
export type UpdateObjectiveBody = z.infer<typeof updateObjectiveBody>;

const actionFields = {
  title: z.string().trim().min(1, 'is required').max(300),
  objectiveId: idSchema.nullable().optional(),
  ownerId: idSchema.nullable().optional(),
  partnerPersonId: idSchema.nullable().optional(),
  dueOn: isoDate.nullable().optional(),
  status: actionStatusSchema.default('not_started'),
  notes: optionalText(5000),
  engagementIds: z.array(idSchema).max(100).transform((ids) => [...new Set(ids)]).default([]),
};
export const actionBody = z.strictObject(actionFields);
export type ActionBody = z.infer<typeof actionBody>;
export const updateActionBody = z.strictObject({
  ...actionFields,
  title: actionFields.title.optional(),
  status: actionStatusSchema.optional(),
  engagementIds: z.array(idSchema).max(100).transform((ids) => [...new Set(ids)]).optional(),
});
export type UpdateActionBody = z.infer<typeof updateActionBody>;

export const commentBody = z.strictObject({ body: z.string().trim().min(1, 'is required').max(5000) });

/* Share links: revocable, expiring, unguessable; every use audited; only the one plan reachable. */

export const MAX_SHARE_DAYS = 90;
export const shareLinkDto = z.object({
  id: z.string(),
  label: z.string().nullable(),
  createdBy: named.nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  /** usable now: not revoked and not expired */
  active: z.boolean(),
});
export type ShareLinkDto = z.infer<typeof shareLinkDto>;

export const createShareLinkBody = z.strictObject({
  label: optionalText(200),
  expiresInDays: z.number().int().min(1).max(MAX_SHARE_DAYS, `must be ${MAX_SHARE_DAYS} days or fewer`).default(30),
});
/** The token is in the answer once only: it is stored hashed. */
export const createdShareLinkDto = z.object({ link: shareLinkDto, token: z.string(), path: z.string() });
export type CreatedShareLinkDto = z.infer<typeof createdShareLinkDto>;

export const tokenParams = z.object({ token: z.string().min(20).max(100) });

/** What a partner sees through a share link: the plan without internal notes or engagement records. */
export const sharedPlanDto = z.object({
  institution: z.object({ name: z.string() }),
  expiresAt: z.string(),
  plan: z.object({
    orgUnit: z.object({ name: z.string() }),
    year: z.number().int(),
    yearLabel: z.string(),
    status: planStatusSchema,
    ...agreement,
    objectives: z.array(z.object({ id: z.string(), title: z.string(), goal: z.string().nullable() })),
    actions: z.array(z.object({
      id: z.string(), objectiveId: z.string().nullable(), title: z.string(), owner: z.string().nullable(), partner: z.string().nullable(),
      dueOn: z.string().nullable(), status: actionStatusSchema,
    })),
    comments: z.array(planCommentDto),
  }),
});
export type SharedPlanDto = z.infer<typeof sharedPlanDto>;

export const shareAgreementBody = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(200),
  comment: optionalText(5000),
});
export const shareCommentBody = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(200),
  body: z.string().trim().min(1, 'is required').max(5000),
});
