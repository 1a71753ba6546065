import { z } from 'zod';
import { idSchema, isoDate, optionalText, pageQuery } from './common.ts';
import { evidenceKindSchema } from './evidence.ts';
import { goalIdList, goalRefDto } from './goals.ts';

/*
 * Impact evaluations: Worcester's standard template (aims, what we did, what we learned, how we acted,
 * how we measured impact, how we communicated it; short- and long-term outcomes) laid on Markless &
 * Streatfield's chain (objectives → success criteria → impact indicators → evidence), so a project is
 * planned with impact in mind and told as "the rounded narrative".
 */

export const impactStatuses = ['planned', 'in_progress', 'complete'] as const;
export const impactStatusSchema = z.enum(impactStatuses);
export type ImpactStatus = z.infer<typeof impactStatusSchema>;
export const impactStatusLabels: Record<ImpactStatus, string> = { planned: 'Planned', in_progress: 'In progress', complete: 'Complete' };

/** The template's text sections in its order, with the headings the page, the form and the exports share. */
export const impactSections = [
  { key: 'aims', title: 'Aims and objectives' },
  { key: 'successCriteria', title: 'Success criteria' },
  { key: 'impactIndicators', title: 'Impact indicators' },
  { key: 'whatWeDid', title: 'What we did' },
  { key: 'whatWeLearned', title: 'What we learned' },
  { key: 'howWeActed', title: 'How we acted' },
  { key: 'howWeMeasured', title: 'How we measured impact' },
  { key: 'communications', title: 'How we communicated impact' },
  { key: 'outcomes', title: 'Outcomes' },
] as const;
export type ImpactSectionKey = (typeof impactSections)[number]['key'];
export const impactSectionTitle = (key: ImpactSectionKey) => impactSections.find((s) => s.key === key)?.title ?? key;

export const MAX_IMPACT_TEXT = 5000;
export const MAX_IMPACT_LINKS = 100;
export const MAX_IMPACT_ITEMS = 50;

const named = z.object({ id: z.string(), name: z.string() });

export const impactCommunicationDto = z.object({
  /** to whom: "Head of School", "Faculty Teaching Committee" */
  audience: z.string(),
  /** when; null while only planned */
  on: z.string().nullable(),
  /** how: "paper to the committee", "newsletter item" */
  how: z.string(),
});
export type ImpactCommunicationDto = z.infer<typeof impactCommunicationDto>;

export const impactEvaluationDto = z.object({
  id: z.string(),
  initiative: z.string(),
  aims: z.string().nullable(),
  /** in the order given */
  objectives: z.array(z.string()),
  successCriteria: z.string().nullable(),
  impactIndicators: z.string().nullable(),
  whatWeDid: z.string().nullable(),
  /** oldest first: what we did, as it happened */
  engagements: z.array(z.object({ id: z.string(), occurredOn: z.string(), summary: z.string() })),
  whatWeLearned: z.string().nullable(),
  howWeActed: z.string().nullable(),
  howWeMeasured: z.string().nullable(),
  /** by name */
  metrics: z.array(z.object({ id: z.string(), name: z.string(), unit: z.string() })),
  /** oldest first */
  evidence: z.array(z.object({ id: z.string(), kind: evidenceKindSchema, text: z.string(), occurredOn: z.string() })),
  /** in the order given */
  communications: z.array(impactCommunicationDto),
  shortTermOutcomes: z.string().nullable(),
  longTermOutcomes: z.string().nullable(),
  status: impactStatusSchema,
  orgUnits: z.array(named),
  goals: z.array(goalRefDto),
  createdBy: named.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImpactEvaluationDto = z.infer<typeof impactEvaluationDto>;

/** A row of the list: enough to choose one, not the narrative. */
export const impactSummaryDto = impactEvaluationDto.pick({ id: true, initiative: true, status: true, orgUnits: true, goals: true, createdAt: true, updatedAt: true });
export type ImpactSummaryDto = z.infer<typeof impactSummaryDto>;

export const listImpactQuery = pageQuery.extend({
  status: impactStatusSchema.optional(),
  /** this unit's evaluations and those of every unit below it */
  orgUnitId: idSchema.optional(),
  /** aligned to this goal or, for a goal, one of its objectives */
  goalId: idSchema.optional(),
  /** words in the initiative or its aims */
  q: z.string().trim().max(200).optional(),
});
export type ListImpactQuery = z.infer<typeof listImpactQuery>;

export const impactExportQuery = z.object({
  format: z.enum(['md', 'html'], { error: 'must be md or html (PDF comes with the reports)' }).default('md'),
});
export type ImpactExportFormat = z.infer<typeof impactExportQuery>['format'];

const idList = z.array(idSchema).max(MAX_IMPACT_LINKS).transform((ids) => [...new Set(ids)]);
const required = (max: number) => z.string().trim().min(1, 'is required').max(max);
const text = optionalText(MAX_IMPACT_TEXT);

export const impactCommunicationBody = z.strictObject({
  audience: required(200),
  on: isoDate.nullable().default(null),
  how: required(1000),
});
export type ImpactCommunicationBody = z.infer<typeof impactCommunicationBody>;

const fields = {
  initiative: required(200),
  aims: text,
  objectives: z.array(required(500)).max(MAX_IMPACT_ITEMS),
  successCriteria: text,
  impactIndicators: text,
  whatWeDid: text,
  engagementIds: idList,
  whatWeLearned: text,
  howWeActed: text,
  howWeMeasured: text,
  metricIds: idList,
  evidenceIds: idList,
  communications: z.array(impactCommunicationBody).max(MAX_IMPACT_ITEMS),
  shortTermOutcomes: text,
  longTermOutcomes: text,
  status: impactStatusSchema,
  orgUnitIds: idList,
  goalIds: goalIdList,
};

/**
 * An evaluation is complete only when it says how impact was measured and what came of it (a short-
 * or long-term outcome): otherwise it is a plan, not an evaluation. Shared by the schema (create and
 * the form) and the service (a PATCH's result); each issue names its field.
 */
export function completenessIssues(b: { status?: ImpactStatus; howWeMeasured?: string | null; shortTermOutcomes?: string | null; longTermOutcomes?: string | null }) {
  if (b.status !== 'complete') return [];
  const issues: { path: 'howWeMeasured' | 'shortTermOutcomes'; message: string }[] = [];
  if (!b.howWeMeasured?.trim()) issues.push({ path: 'howWeMeasured', message: 'is needed before the evaluation is complete: say how impact was measured' });
  if (!b.shortTermOutcomes?.trim() && !b.longTermOutcomes?.trim()) {
    issues.push({ path: 'shortTermOutcomes', message: 'a complete evaluation needs at least one outcome, short- or long-term' });
  }
  return issues;
}

export const createImpactBody = z.strictObject({
  ...fields,
  objectives: fields.objectives.default([]),
  engagementIds: idList.default([]),
  metricIds: idList.default([]),
  evidenceIds: idList.default([]),
  communications: fields.communications.default([]),
  status: impactStatusSchema.default('planned'),
  orgUnitIds: idList.default([]),
  goalIds: goalIdList.default([]),
}).superRefine((b, ctx) => {
  for (const i of completenessIssues(b)) ctx.addIssue({ code: 'custom', path: [i.path], message: i.message });
});
export type CreateImpactBody = z.infer<typeof createImpactBody>;

/** Every field optional; a given list replaces the evaluation's (objectives and communications keep the order sent). */
export const updateImpactBody = z.strictObject({
  ...fields,
  initiative: fields.initiative.optional(),
  objectives: fields.objectives.optional(),
  engagementIds: idList.optional(),
  metricIds: idList.optional(),
  evidenceIds: idList.optional(),
  communications: fields.communications.optional(),
  status: impactStatusSchema.optional(),
  orgUnitIds: idList.optional(),
  goalIds: goalIdList.optional(),
});
export type UpdateImpactBody = z.infer<typeof updateImpactBody>;
