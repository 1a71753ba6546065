import { z } from 'zod';
import { idSchema, isoDate, optionalText, pageQuery } from './common.ts';
import { goalIdList, goalRefDto } from './goals.ts';
import { evidenceRefDto } from './plans.ts';

/* Service-wide campaigns (Sunderland): a period, a message, target org units; engagements and evidence link to one. */

const named = z.object({ id: z.string(), name: z.string() });

export const campaignStatuses = ['upcoming', 'current', 'past'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

export const campaignDto = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.string().nullable(),
  message: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  /** as of the institution's today */
  status: z.enum(campaignStatuses),
  targets: z.array(named),
  goals: z.array(goalRefDto),
  /** targeted org units with a linked engagement (themselves or a unit below them) */
  reach: z.object({ targeted: z.number().int(), engaged: z.number().int() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CampaignDto = z.infer<typeof campaignDto>;

/** The campaign's page: reach per target and what came of it. */
export const campaignDetailDto = campaignDto.extend({
  targetReach: z.array(named.extend({ engagements: z.number().int(), lastOn: z.string().nullable() })),
  outcomes: z.object({
    engagements: z.number().int(),
    /** attendance summed over linked teaching and events */
    attendance: z.number().int(),
    byType: z.array(z.object({ label: z.string(), count: z.number().int() })),
    /** linked engagements, newest first (at most 50) */
    recent: z.array(z.object({ id: z.string(), occurredOn: z.string(), summary: z.string(), outcome: z.string().nullable(), type: z.string(), orgUnits: z.array(z.string()) })),
    /** opportunities spotted in the campaign's engagements */
    opportunities: z.array(z.object({ id: z.string(), title: z.string(), stage: z.string() })),
    /** evidence linked to the campaign (from the evidence side): how much, and the latest few, newest first */
    evidence: z.object({ total: z.number().int(), recent: z.array(evidenceRefDto) }),
  }),
});
export type CampaignDetailDto = z.infer<typeof campaignDetailDto>;

export const listCampaignsQuery = pageQuery.extend({
  status: z.enum(campaignStatuses).optional(),
  q: z.string().trim().max(200).optional(),
});
export type ListCampaignsQuery = z.infer<typeof listCampaignsQuery>;

const idList = z.array(idSchema).max(500).transform((ids) => [...new Set(ids)]);
const fields = {
  name: z.string().trim().min(1, 'is required').max(200),
  purpose: optionalText(2000),
  message: optionalText(2000),
  startsOn: isoDate,
  endsOn: isoDate,
  targetOrgUnitIds: idList.default([]),
  goalIds: goalIdList.default([]),
};
const ordered = (b: { startsOn?: string; endsOn?: string }) => !b.startsOn || !b.endsOn || b.endsOn >= b.startsOn;
const orderIssue = { path: ['endsOn'], message: 'must be on or after startsOn' };

export const createCampaignBody = z.strictObject(fields).refine(ordered, orderIssue);
export type CreateCampaignBody = z.infer<typeof createCampaignBody>;
export const updateCampaignBody = z.strictObject({
  name: fields.name.optional(),
  purpose: fields.purpose,
  message: fields.message,
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  targetOrgUnitIds: idList.optional(),
  goalIds: goalIdList.optional(),
}).refine(ordered, orderIssue);
export type UpdateCampaignBody = z.infer<typeof updateCampaignBody>;
