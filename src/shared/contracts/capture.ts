import { z } from 'zod';
import { idSchema, pageQuery } from './common.ts';
import { initiatedBySchema, MAX_LINKS, MAX_SUMMARY } from './engagements.ts';

/*
 * Low-effort capture: meetings from a calendar file and messages from an .eml (uploaded or
 * forwarded), suggested as engagements with the people they match, or queued for review.
 */

export const captureKinds = ['meeting', 'message'] as const;
export const captureKindSchema = z.enum(captureKinds);
export type CaptureKind = z.infer<typeof captureKindSchema>;

export const captureStatuses = ['suggested', 'unmatched', 'confirmed', 'dismissed'] as const;
export const captureStatusSchema = z.enum(captureStatuses);
export type CaptureStatus = z.infer<typeof captureStatusSchema>;

const named = z.object({ id: z.string(), name: z.string() });

export const captureItemDto = z.object({
  id: z.string(),
  kind: captureKindSchema,
  status: captureStatusSchema,
  source: z.enum(['ics', 'eml', 'smtp']),
  owner: named,
  subject: z.string(),
  /** ISO-8601 UTC; null for a message that carried no usable date */
  startsAt: z.string().nullable(),
  /** the date the engagement gets, in the institution's time zone */
  occurredOn: z.string(),
  durationMinutes: z.number().int().nullable(),
  excerpt: z.string().nullable(),
  fromAddress: z.string().nullable(),
  /** everyone else on the invitation or message, the owner left out */
  toAddresses: z.array(z.string()),
  people: z.array(named.extend({ matchedBy: z.enum(['address', 'manual']), address: z.string().nullable() })),
  /** from the matched people's positions on that date */
  departments: z.array(named),
  /** the engagement type "Log this engagement" uses: Meeting or Email, when the institution has it */
  suggestedType: z.object({ id: z.string(), label: z.string() }).nullable(),
  initiatedBy: initiatedBySchema,
  engagementId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaptureItemDto = z.infer<typeof captureItemDto>;

/** What an upload did: new suggestions, new items for the review queue, and what it left alone. */
export const captureUploadDto = z.object({
  suggested: z.number().int(),
  unmatched: z.number().int(),
  /** cancelled, all-day, declined, outside the window or over the occurrence limit */
  skipped: z.number().int(),
  /** captured before (by anyone in the institution): nothing was added */
  alreadyKnown: z.number().int(),
  /** the new items */
  itemIds: z.array(z.string()),
});
export type CaptureUploadDto = z.infer<typeof captureUploadDto>;

/** `mine`: the caller's own items; `team`: a manager's view of their team's (everyone's for an admin or a manager without a team). */
export const listCaptureQuery = pageQuery.extend({
  status: captureStatusSchema.optional(),
  scope: z.enum(['mine', 'team']).default('mine'),
});
export type ListCaptureQuery = z.infer<typeof listCaptureQuery>;

const idList = z
  .array(idSchema)
  .max(MAX_LINKS)
  .transform((ids) => [...new Set(ids)]);

/** Every field optional: left out, the suggestion's own type, people, departments and subject are used. */
export const confirmCaptureBody = z.strictObject({
  typeId: idSchema.optional(),
  personIds: idList.optional(),
  orgUnitIds: idList.optional(),
  summary: z.string().trim().min(1, 'is required').max(MAX_SUMMARY).optional(),
});
export type ConfirmCaptureBody = z.infer<typeof confirmCaptureBody>;

export const matchCaptureBody = z.strictObject({
  personIds: z.array(idSchema).min(1, 'choose at least one person').max(20).transform((ids) => [...new Set(ids)]),
});
export type MatchCaptureBody = z.infer<typeof matchCaptureBody>;

export const confirmCaptureDto = captureItemDto.extend({ warnings: z.array(z.string()) });
export type ConfirmCaptureDto = z.infer<typeof confirmCaptureDto>;
