import { z } from 'zod';
import { idSchema, optionalText } from './common.ts';

/* The partnership model (Loughborough): templates of key activities with a cadence, applied to org units. */

export const cadences = ['termly', 'yearly', 'per_meeting', 'once'] as const;
export const cadenceSchema = z.enum(cadences);
export type Cadence = z.infer<typeof cadenceSchema>;
export const cadenceLabels: Record<Cadence, string> = {
  termly: 'Every term',
  yearly: 'Every academic year',
  per_meeting: 'Each committee meeting',
  once: 'Once',
};

export const appliesToValues = ['all_departments', 'units'] as const;

export const partnershipActivityDto = z.object({
  id: z.string(),
  name: z.string(),
  type: z.object({ id: z.string(), label: z.string() }),
  /** counts only when someone met holds a current position whose title contains this (case and accents ignored) */
  positionTitle: z.string().nullable(),
  cadence: cadenceSchema,
  /** per_meeting: meetings a year */
  perYear: z.number().int().nullable(),
});
export type PartnershipActivityDto = z.infer<typeof partnershipActivityDto>;

export const partnershipTemplateDto = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  appliesTo: z.enum(appliesToValues),
  /** appliesTo 'units': the units named, and with includeDescendants every department below them */
  units: z.array(z.object({ id: z.string(), name: z.string(), includeDescendants: z.boolean() })),
  active: z.boolean(),
  activities: z.array(partnershipActivityDto),
  updatedAt: z.string(),
});
export type PartnershipTemplateDto = z.infer<typeof partnershipTemplateDto>;

const activityBody = z
  .strictObject({
    /** an existing activity's id keeps its history; leave out for a new one */
    id: idSchema.optional(),
    name: z.string().trim().min(1).max(200),
    typeId: idSchema,
    positionTitle: optionalText(100),
    cadence: cadenceSchema,
    perYear: z.number().int().min(1).max(12).nullable().optional(),
  })
  .refine((a) => a.cadence !== 'per_meeting' || (a.perYear ?? 0) >= 1, { path: ['perYear'], message: 'is required for each committee meeting (meetings a year, 1 to 12)' });

const templateFields = {
  name: z.string().trim().min(1).max(200),
  description: optionalText(),
  appliesTo: z.enum(appliesToValues),
  units: z.array(z.strictObject({ orgUnitId: idSchema, includeDescendants: z.boolean().default(false) })).max(500).default([]),
  active: z.boolean().default(true),
  /** the whole list, in order: activities left out are removed */
  activities: z.array(activityBody).min(1, 'needs at least one key activity').max(50),
};
const unitsNeeded = (b: { appliesTo?: string; units?: unknown[] }) => b.appliesTo !== 'units' || (b.units?.length ?? 0) > 0;
const unitsIssue = { path: ['units'], message: 'name at least one org unit' };

export const createTemplateBody = z.strictObject(templateFields).refine(unitsNeeded, unitsIssue);
export type CreateTemplateBody = z.infer<typeof createTemplateBody>;
export const updateTemplateBody = z
  .strictObject({
    name: templateFields.name.optional(),
    description: templateFields.description,
    appliesTo: templateFields.appliesTo.optional(),
    units: z.array(z.strictObject({ orgUnitId: idSchema, includeDescendants: z.boolean().default(false) })).max(500).optional(),
    active: z.boolean().optional(),
    activities: templateFields.activities.optional(),
  })
  .refine(unitsNeeded, unitsIssue);
export type UpdateTemplateBody = z.infer<typeof updateTemplateBody>;

export const periodStatuses = ['done', 'due', 'overdue', 'upcoming'] as const;
export type PeriodStatus = (typeof periodStatuses)[number];

/** One org unit's compliance for one academic year. */
export const complianceDto = z.object({
  year: z.object({ start: z.string(), end: z.string(), label: z.string() }),
  asOf: z.string(),
  items: z.array(
    z.object({
      template: z.object({ id: z.string(), name: z.string() }),
      activity: partnershipActivityDto,
      periods: z.array(
        z.object({
          label: z.string(),
          from: z.string(),
          to: z.string(),
          status: z.enum(periodStatuses),
          /** the first engagement that satisfied the period */
          doneBy: z.object({ id: z.string(), occurredOn: z.string() }).nullable(),
        }),
      ),
    }),
  ),
  summary: z.object({ done: z.number().int(), due: z.number().int(), overdue: z.number().int() }),
});
export type ComplianceDto = z.infer<typeof complianceDto>;
export const complianceQuery = z.strictObject({ year: z.coerce.number().int().min(1990).max(2100).optional() });
