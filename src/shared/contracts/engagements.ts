import { z } from 'zod';
import { idSchema, isoDate, optionalText, pageQuery } from './common.ts';

/* The engagement log: anything that happened between the library and a partner. */

export const initiatedByValues = ['library', 'partner'] as const;
export const initiatedBySchema = z.enum(initiatedByValues);
export type InitiatedBy = z.infer<typeof initiatedBySchema>;

/** Most ids a link list may hold; a workshop's audience goes in `attendance`, not in `personIds`. */
export const MAX_LINKS = 200;
export const MAX_SUMMARY = 5000;

const labelled = z.object({ id: z.string(), label: z.string() });
const named = z.object({ id: z.string(), name: z.string() });

export const engagementDto = z.object({
  id: z.string(),
  type: labelled,
  occurredOn: z.string(),
  durationMinutes: z.number().int().nullable(),
  summary: z.string(),
  outcome: z.string().nullable(),
  followUp: z.string().nullable(),
  initiatedBy: initiatedBySchema,
  attendance: z.number().int().nullable(),
  /** a key moment on the department's journey ("found our library champion"), or null */
  milestone: z.string().nullable(),
  themes: z.array(labelled),
  /** strategic goals and objectives it serves */
  goals: z.array(labelled),
  /** service-wide campaigns it was part of */
  campaigns: z.array(named),
  people: z.array(named),
  staff: z.array(named),
  orgUnits: z.array(named),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EngagementDto = z.infer<typeof engagementDto>;

/** What a write answers: the engagement plus advice that does not block saving (e.g. a contact cap passed). */
export const engagementWriteDto = engagementDto.extend({ warnings: z.array(z.string()) });
export type EngagementWriteDto = z.infer<typeof engagementWriteDto>;

const idList = z
  .array(idSchema)
  .max(MAX_LINKS)
  .transform((ids) => [...new Set(ids)]);

const durationMinutes = z.number().int().min(0).max(1440, 'must be 1440 minutes (a day) or less').nullable().optional();
const attendance = z.number().int().min(0).max(100_000).nullable().optional();
const milestone = optionalText(200);
const summary = z.string().trim().min(1, 'is required').max(MAX_SUMMARY);

export const createEngagementBody = z
  .strictObject({
    typeId: idSchema,
    occurredOn: isoDate,
    durationMinutes,
    summary,
    outcome: optionalText(),
    followUp: optionalText(),
    initiatedBy: initiatedBySchema.default('library'),
    /** for teaching sessions: how many attended */
    attendance,
    milestone,
    personIds: idList.default([]),
    /** library staff (user ids); the author when left out */
    staffIds: idList.optional(),
    orgUnitIds: idList.default([]),
    themeIds: idList.default([]),
    goalIds: idList.default([]),
    campaignIds: idList.default([]),
  })
  .refine((b) => b.personIds.length > 0 || b.orgUnitIds.length > 0, { path: ['orgUnitIds'], message: 'name a department or a person' });
export type CreateEngagementBody = z.infer<typeof createEngagementBody>;

/** Every field optional; a given id list replaces that link set. */
export const updateEngagementBody = z.strictObject({
  typeId: idSchema.optional(),
  occurredOn: isoDate.optional(),
  durationMinutes,
  summary: summary.optional(),
  outcome: optionalText(),
  followUp: optionalText(),
  initiatedBy: initiatedBySchema.optional(),
  attendance,
  milestone,
  personIds: idList.optional(),
  staffIds: idList.optional(),
  orgUnitIds: idList.optional(),
  themeIds: idList.optional(),
  goalIds: idList.optional(),
  campaignIds: idList.optional(),
});
export type UpdateEngagementBody = z.infer<typeof updateEngagementBody>;

export const engagementFilters = z.object({
  /** inclusive */
  from: isoDate.optional(),
  /** inclusive */
  to: isoDate.optional(),
  typeId: idSchema.optional(),
  themeId: idSchema.optional(),
  goalId: idSchema.optional(),
  campaignId: idSchema.optional(),
  orgUnitId: idSchema.optional(),
  /** with orgUnitId: also engagements of every unit below it */
  includeDescendants: z.enum(['true', 'false']).optional(),
  personId: idSchema.optional(),
  staffId: idSchema.optional(),
  initiatedBy: initiatedBySchema.optional(),
  /** words in the summary or outcome */
  q: z.string().trim().max(200).optional(),
  /** by date then id; newest first unless asc */
  order: z.enum(['desc', 'asc']).default('desc'),
});
export type EngagementFilters = z.infer<typeof engagementFilters>;

export const listEngagementsQuery = pageQuery.extend(engagementFilters.shape);
export type ListEngagementsQuery = z.infer<typeof listEngagementsQuery>;
