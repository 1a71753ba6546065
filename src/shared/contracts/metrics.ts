import { z } from 'zod';
import { idSchema, optionalText, pageQuery } from './common.ts';
import { orgUnitTypeSchema } from './org.ts';

/*
 * Metrics: imported (or hand-entered) statistics per org unit and period (NSS learning-resources
 * score, loans, reading-list coverage, enquiries…). A definition says what the figure is, its unit,
 * which way is better and whether it is counted per academic year or per month.
 */

export const metricDirections = ['higher_better', 'lower_better'] as const;
export const metricDirectionSchema = z.enum(metricDirections);
export type MetricDirection = z.infer<typeof metricDirectionSchema>;
export const directionLabels: Record<MetricDirection, string> = { higher_better: 'Higher is better', lower_better: 'Lower is better' };

export const metricPeriodKinds = ['academic_year', 'month'] as const;
export const metricPeriodKindSchema = z.enum(metricPeriodKinds);
export type MetricPeriodKind = z.infer<typeof metricPeriodKindSchema>;
export const periodKindLabels: Record<MetricPeriodKind, string> = { academic_year: 'Academic year', month: 'Month' };

/** How many of a unit type, in words: "average of 3 departments". */
export const unitTypeNouns: Record<z.infer<typeof orgUnitTypeSchema>, [one: string, many: string]> = {
  faculty: ['faculty', 'faculties'],
  department: ['department', 'departments'],
  research_centre: ['research centre', 'research centres'],
  professional_service: ['professional service', 'professional services'],
  committee: ['committee', 'committees'],
  student_society: ['student society', 'student societies'],
};

export const MAX_METRIC_NAME = 200;
export const MAX_METRIC_UNIT = 40;

export const metricDefinitionDto = z.object({
  id: z.string(),
  name: z.string(),
  /** e.g. '%', 'loans', 'sessions' */
  unit: z.string(),
  direction: metricDirectionSchema,
  /** where the figures come from: "NSS", "Alma Analytics", "LibAnswers" */
  source: z.string().nullable(),
  periodKind: metricPeriodKindSchema,
  description: z.string().nullable(),
  /** figures held, over every org unit and period */
  valueCount: z.number().int(),
  /** the latest period with a figure, as stored ('2025' or '2026-03'), and how it reads ('2025–26', 'Mar 2026') */
  latestPeriod: z.string().nullable(),
  latestPeriodLabel: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MetricDefinitionDto = z.infer<typeof metricDefinitionDto>;

export const metricListDto = z.object({ items: z.array(metricDefinitionDto) });
export type MetricListDto = z.infer<typeof metricListDto>;

const fields = {
  name: z.string().trim().min(1, 'is required').max(MAX_METRIC_NAME),
  unit: z.string().trim().min(1, 'is required').max(MAX_METRIC_UNIT),
  direction: metricDirectionSchema,
  source: optionalText(200),
  periodKind: metricPeriodKindSchema,
  description: optionalText(2000),
};

export const createMetricBody = z.strictObject(fields);
export type CreateMetricBody = z.infer<typeof createMetricBody>;
/** Every field optional. The period kind can change only while the metric has no values (they would no longer read as periods). */
export const updateMetricBody = z.strictObject({
  name: fields.name.optional(),
  unit: fields.unit.optional(),
  direction: fields.direction.optional(),
  source: fields.source,
  periodKind: fields.periodKind.optional(),
  description: fields.description,
});
export type UpdateMetricBody = z.infer<typeof updateMetricBody>;

/** A period as people write it ('2025-26', 'Mar 2026'); the server parses it for the metric's period kind. */
const periodText = z.string().trim().min(1, 'is required').max(40);

/** PUT /metrics/:id/values: one figure, written over whatever the unit had for that period. */
export const putMetricValueBody = z.strictObject({
  orgUnitId: idSchema,
  period: periodText,
  /** zod 4 numbers are finite: Infinity and NaN are refused */
  value: z.number(),
});
export type PutMetricValueBody = z.infer<typeof putMetricValueBody>;

/** DELETE /metrics/:id/values?orgUnitId=…&period=… */
export const metricValueKeyQuery = z.object({ orgUnitId: idSchema, period: periodText });
export type MetricValueKeyQuery = z.infer<typeof metricValueKeyQuery>;

export const listMetricValuesQuery = pageQuery.extend({
  period: periodText.optional(),
  orgUnitId: idSchema.optional(),
});
export type ListMetricValuesQuery = z.infer<typeof listMetricValuesQuery>;

export const metricValueDto = z.object({
  metricId: z.string(),
  orgUnit: z.object({ id: z.string(), name: z.string(), code: z.string().nullable(), type: orgUnitTypeSchema }),
  period: z.string(),
  periodLabel: z.string(),
  value: z.number(),
  /** the import that last wrote it; null when entered by hand */
  importJobId: z.string().nullable(),
  updatedAt: z.string(),
});
export type MetricValueDto = z.infer<typeof metricValueDto>;

export const metricPointDto = z.object({
  period: z.string(),
  label: z.string(),
  /** this unit's figure; null in a period only other units of its type have one for */
  value: z.number().nullable(),
  /** the mean over org units of this unit's type with a figure for the period (this one included) */
  institutionAverage: z.number().nullable(),
  unitsInAverage: z.number().int(),
});
export type MetricPointDto = z.infer<typeof metricPointDto>;

/** GET /org-units/:id/metrics: each metric this unit itself has figures for (not its sub-units'), periods oldest first. */
export const orgUnitMetricsDto = z.object({
  orgUnit: z.object({ id: z.string(), name: z.string(), type: orgUnitTypeSchema }),
  items: z.array(z.object({ metric: metricDefinitionDto, points: z.array(metricPointDto) })),
});
export type OrgUnitMetricsDto = z.infer<typeof orgUnitMetricsDto>;
