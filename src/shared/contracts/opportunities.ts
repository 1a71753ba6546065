import { z } from 'zod';
import { csvList, idSchema, isoDate, optionalText, pageQuery } from './common.ts';
import { goalIdList, goalRefDto } from './goals.ts';
import { evidenceRefDto } from './plans.ts';

/*
 * Opportunities: "find the hook", "strike while the iron's hot". A trigger, the hook, the window,
 * an EAST plan (Easy, Attractive, Social, Timely), pilot framing, social proof, a transparent
 * priority and a stage from spotted to embedded.
 */

export const openStages = ['spotted', 'hook_found', 'approached', 'piloting', 'embedded'] as const;
export const closedStages = ['declined', 'lapsed'] as const;
export const opportunityStages = [...openStages, ...closedStages] as const;
export const stageSchema = z.enum(opportunityStages);
export type OpportunityStage = z.infer<typeof stageSchema>;
export const stageLabels: Record<OpportunityStage, string> = {
  spotted: 'Spotted',
  hook_found: 'Hook found',
  approached: 'Approached',
  piloting: 'Piloting',
  embedded: 'Embedded',
  declined: 'Declined',
  lapsed: 'Lapsed',
};
/** Still being worked: not yet embedded, and not declined or lapsed. */
export const activeStages = ['spotted', 'hook_found', 'approached', 'piloting'] as const satisfies readonly OpportunityStage[];
export const isActiveStage = (s: OpportunityStage) => (activeStages as readonly string[]).includes(s);

export const triggerKinds = ['external_examiner', 'nss_results', 'curriculum_review', 'new_programme', 'funding_call', 'incoming_request', 'other'] as const;
export const triggerKindSchema = z.enum(triggerKinds);
export type TriggerKind = z.infer<typeof triggerKindSchema>;
export const triggerKindLabels: Record<TriggerKind, string> = {
  external_examiner: "External examiner's report",
  nss_results: 'NSS results',
  curriculum_review: 'Curriculum review',
  new_programme: 'New programme',
  funding_call: 'Funding call',
  incoming_request: 'Incoming request',
  other: 'Other',
};

const named = z.object({ id: z.string(), name: z.string() });
const engagementRef = z.object({ id: z.string(), occurredOn: z.string(), summary: z.string() });

/** The priority and every part of it, so that anyone can see why one opportunity ranks above another. */
export const priorityDto = z.object({
  /** value × alignment × urgency ÷ effort, to two decimals */
  score: z.number(),
  value: z.number().int(),
  effort: z.number().int(),
  alignment: z.number(),
  alignmentReason: z.string(),
  urgency: z.number(),
  urgencyReason: z.string(),
});
export type PriorityDto = z.infer<typeof priorityDto>;

export const eastDto = z.object({
  easy: z.string().nullable(),
  attractive: z.string().nullable(),
  social: z.string().nullable(),
  timely: z.string().nullable(),
});

export const opportunityDto = z.object({
  id: z.string(),
  title: z.string(),
  /** what set it off, and the engagement or evidence it came from */
  trigger: z.object({ kind: triggerKindSchema, text: z.string().nullable(), engagement: engagementRef.nullable(), evidence: evidenceRefDto.nullable() }),
  hook: z.string().nullable(),
  value: z.number().int(),
  effort: z.number().int(),
  windowClosesOn: z.string().nullable(),
  east: eastDto,
  isPilot: z.boolean(),
  owner: named.nullable(),
  stage: stageSchema,
  closedReason: z.string().nullable(),
  stageChangedOn: z.string(),
  /** the later of the last stage change and the last linked engagement up to today */
  lastActivityOn: z.string(),
  milestone: z.object({ title: z.string(), on: z.string() }).nullable(),
  orgUnits: z.array(named),
  people: z.array(named),
  goals: z.array(goalRefDto),
  socialProof: z.array(z.object({ id: z.string(), title: z.string(), stage: stageSchema })),
  priority: priorityDto,
  /** why it is going cold, when it is */
  cold: z.object({ reason: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OpportunityDto = z.infer<typeof opportunityDto>;

export const opportunityDetailDto = opportunityDto.extend({
  engagements: z.array(engagementRef),
  history: z.array(z.object({ from: stageSchema.nullable(), to: stageSchema, reason: z.string().nullable(), on: z.string(), by: named.nullable() })),
});
export type OpportunityDetailDto = z.infer<typeof opportunityDetailDto>;

export const opportunityFilters = z.object({
  stage: csvList.pipe(z.array(stageSchema)).optional(),
  ownerId: idSchema.optional(),
  orgUnitId: idSchema.optional(),
  goalId: idSchema.optional(),
  triggerKind: triggerKindSchema.optional(),
  /** linked to this engagement */
  engagementId: idSchema.optional(),
  /** words in the title, hook or trigger */
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['priority', 'window', 'updated']).default('priority'),
});
export type OpportunityFilters = z.infer<typeof opportunityFilters>;
export const listOpportunitiesQuery = pageQuery.extend(opportunityFilters.shape);
export type ListOpportunitiesQuery = z.infer<typeof listOpportunitiesQuery>;

/** The board: one column per stage (declined and lapsed together at the end), each by priority. */
export const boardDto = z.object({
  columns: z.array(z.object({ stage: stageSchema, total: z.number().int(), items: z.array(opportunityDto) })),
});
export type BoardDto = z.infer<typeof boardDto>;
/** Cards per board column; the list view pages through the rest. */
export const BOARD_COLUMN_LIMIT = 50;

const text = (max = 2000) => optionalText(max);
const score = z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5');
const idList = z.array(idSchema).max(100).transform((ids) => [...new Set(ids)]);
const eastBody = z.strictObject({ easy: text(), attractive: text(), social: text(), timely: text() });

const fields = {
  title: z.string().trim().min(1, 'is required').max(200),
  triggerKind: triggerKindSchema,
  triggerText: text(),
  /** the engagement it was spotted in */
  triggerEngagementId: idSchema.nullable().optional(),
  /** the evidence it came from (an examiner's comment, a survey result…) */
  triggerEvidenceId: idSchema.nullable().optional(),
  hook: text(),
  value: score.default(3),
  effort: score.default(3),
  windowClosesOn: isoDate.nullable().optional(),
  east: eastBody.optional(),
  isPilot: z.boolean().default(false),
  /** the author when left out */
  ownerId: idSchema.nullable().optional(),
  orgUnitIds: idList.default([]),
  personIds: idList.default([]),
  goalIds: goalIdList.default([]),
  /** successful opportunities elsewhere (piloting or embedded) to point to */
  proofIds: idList.default([]),
  /** engagements that moved it on */
  engagementIds: idList.default([]),
};

export const createOpportunityBody = z.strictObject({
  ...fields,
  /** where it starts; declined and lapsed are reached by a stage change */
  stage: z.enum(openStages).default('spotted'),
});
export type CreateOpportunityBody = z.infer<typeof createOpportunityBody>;

/** Every field optional; a given id list replaces that list. The stage changes through /stage. */
export const updateOpportunityBody = z.strictObject({
  title: fields.title.optional(),
  triggerKind: triggerKindSchema.optional(),
  triggerText: text(),
  triggerEngagementId: idSchema.nullable().optional(),
  triggerEvidenceId: idSchema.nullable().optional(),
  hook: text(),
  value: score.optional(),
  effort: score.optional(),
  windowClosesOn: isoDate.nullable().optional(),
  east: eastBody.optional(),
  isPilot: z.boolean().optional(),
  ownerId: idSchema.nullable().optional(),
  orgUnitIds: idList.optional(),
  personIds: idList.optional(),
  goalIds: goalIdList.optional(),
  proofIds: idList.optional(),
  engagementIds: idList.optional(),
});
export type UpdateOpportunityBody = z.infer<typeof updateOpportunityBody>;

/** Links one engagement that moved it on (logging an engagement and linking it clears "going cold"). */
export const engagementLinkBody = z.strictObject({ engagementId: idSchema });
export type EngagementLinkBody = z.infer<typeof engagementLinkBody>;
export const engagementLinkParams = z.object({ id: idSchema, engagementId: idSchema });

export const stageChangeBody = z
  .strictObject({ stage: stageSchema, reason: optionalText(1000) })
  .refine((b) => !(closedStages as readonly string[]).includes(b.stage) || !!b.reason, { path: ['reason'], message: 'say why it was declined or lapsed' });
export type StageChangeBody = z.infer<typeof stageChangeBody>;

/** Reaching "embedded": record it on the journey of each of its departments. */
export const milestoneBody = z.strictObject({ title: z.string().trim().min(1, 'is required').max(200), on: isoDate });
export type MilestoneBody = z.infer<typeof milestoneBody>;

/** For managers: everything incoming and open, by priority and alignment, with each person's open load. */
export const prioritiesDto = z.object({
  /** open incoming requests waiting in triage (spotted), by priority */
  requests: z.array(opportunityDto),
  /** every other active opportunity, by priority (at most 100) */
  open: z.array(opportunityDto),
  openTotal: z.number().int(),
  /** open work per member of staff, to balance the load */
  load: z.array(named.extend({
    opportunities: z.number().int(),
    actions: z.number().int(),
    overdueActions: z.number().int(),
    closingSoon: z.number().int(),
  })),
});
export type PrioritiesDto = z.infer<typeof prioritiesDto>;
