import { z } from 'zod';
import { idSchema, isoDate, optionalText, pageQuery } from './common.ts';
import { goalRefDto } from './goals.ts';

/*
 * Evidence snapshots (Sunderland): a quote, feedback, an observation, an external examiner's comment,
 * a number… captured as it happens, with its source, date and attribution, and linked to the
 * departments, themes, goals and records it speaks to. Impact, not tasks completed.
 */

export const evidenceKinds = ['quote', 'feedback', 'observation', 'external_examiner', 'student_comment', 'survey_result', 'figure'] as const;
export const evidenceKindSchema = z.enum(evidenceKinds);
export type EvidenceKind = z.infer<typeof evidenceKindSchema>;
export const evidenceKindLabels: Record<EvidenceKind, string> = {
  quote: 'Quote',
  feedback: 'Feedback',
  observation: 'Observation',
  external_examiner: "External examiner's comment",
  student_comment: 'Student comment',
  survey_result: 'Survey result',
  figure: 'Figure',
};

export const attributions = ['named', 'anonymous'] as const;
export const attributionSchema = z.enum(attributions);
export type Attribution = z.infer<typeof attributionSchema>;

export const MAX_EVIDENCE_TEXT = 4000;
export const MAX_SOURCE_TEXT = 300;
/** Most ids one link list may hold. */
export const MAX_EVIDENCE_LINKS = 100;

const named = z.object({ id: z.string(), name: z.string() });

export const evidenceDto = z.object({
  id: z.string(),
  kind: evidenceKindSchema,
  text: z.string(),
  /** who said or gave it: a known person, a description ("a final-year student", "NSS 2026"), both or neither */
  source: z.object({ person: named.nullable(), text: z.string().nullable() }),
  occurredOn: z.string(),
  attribution: attributionSchema,
  consentRecorded: z.boolean(),
  orgUnits: z.array(named),
  themes: z.array(z.object({ id: z.string(), label: z.string() })),
  goals: z.array(goalRefDto),
  engagements: z.array(z.object({ id: z.string(), occurredOn: z.string(), summary: z.string() })),
  opportunities: z.array(z.object({ id: z.string(), title: z.string() })),
  actions: z.array(z.object({ id: z.string(), title: z.string(), planId: z.string() })),
  campaigns: z.array(named),
  createdBy: named.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EvidenceDto = z.infer<typeof evidenceDto>;

export const listEvidenceQuery = pageQuery.extend({
  /** words in the text or the source's description */
  q: z.string().trim().max(200).optional(),
  kind: evidenceKindSchema.optional(),
  /** this unit's evidence and that of every unit below it */
  orgUnitId: idSchema.optional(),
  themeId: idSchema.optional(),
  goalId: idSchema.optional(),
  engagementId: idSchema.optional(),
  opportunityId: idSchema.optional(),
  actionId: idSchema.optional(),
  campaignId: idSchema.optional(),
  /** inclusive */
  from: isoDate.optional(),
  /** inclusive */
  to: isoDate.optional(),
});
export type ListEvidenceQuery = z.infer<typeof listEvidenceQuery>;

const idList = z.array(idSchema).max(MAX_EVIDENCE_LINKS).transform((ids) => [...new Set(ids)]);
const text = z.string().trim().min(1, 'is required').max(MAX_EVIDENCE_TEXT, `must be ${MAX_EVIDENCE_TEXT} characters or fewer`);
const sourceText = optionalText(MAX_SOURCE_TEXT);

/** The attribution rules, shared by the schema (for create and the form) and the service (for a PATCH's result). */
export function attributionIssue(b: { attribution?: Attribution; sourcePersonId?: string | null; sourceText?: string | null }): { path: string; message: string } | null {
  if (b.attribution === 'anonymous' && b.sourcePersonId) {
    return { path: 'sourcePersonId', message: 'must be empty for anonymous evidence (storing the name would defeat anonymity); describe the source instead, e.g. "a final-year student"' };
  }
  if (b.attribution !== 'anonymous' && !b.sourcePersonId && !b.sourceText) {
    return { path: 'sourcePersonId', message: 'named evidence needs a source: choose a person or describe them' };
  }
  return null;
}

export const createEvidenceBody = z.strictObject({
  kind: evidenceKindSchema,
  text,
  sourcePersonId: idSchema.nullable().optional(),
  sourceText,
  occurredOn: isoDate,
  attribution: attributionSchema.default('named'),
  consentRecorded: z.boolean().default(false),
  orgUnitIds: idList.default([]),
  themeIds: idList.default([]),
  goalIds: idList.default([]),
  engagementIds: idList.default([]),
  opportunityIds: idList.default([]),
  actionIds: idList.default([]),
  campaignIds: idList.default([]),
}).superRefine((b, ctx) => {
  const issue = attributionIssue(b);
  if (issue) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
});
export type CreateEvidenceBody = z.infer<typeof createEvidenceBody>;

/** Every field optional; a given list replaces that link set. The attribution rules apply to the result. */
export const updateEvidenceBody = z.strictObject({
  kind: evidenceKindSchema.optional(),
  text: text.optional(),
  sourcePersonId: idSchema.nullable().optional(),
  sourceText,
  occurredOn: isoDate.optional(),
  attribution: attributionSchema.optional(),
  consentRecorded: z.boolean().optional(),
  orgUnitIds: idList.optional(),
  themeIds: idList.optional(),
  goalIds: idList.optional(),
  engagementIds: idList.optional(),
  opportunityIds: idList.optional(),
  actionIds: idList.optional(),
  campaignIds: idList.optional(),
});
export type UpdateEvidenceBody = z.infer<typeof updateEvidenceBody>;
