import { z } from 'zod';
import { idSchema, pageQuery } from './common.ts';

/*
 * E-resource usage from COUNTER Release 5 / 5.1 reports. Publishers count use by everyone signed in
 * through the institution, never by department: the figures are institution-level, and a share of them
 * is put on a department only through the institution's own title → department code mapping.
 */

/** Said wherever usage is shown, so a department's figure is never read as the department's own count. */
export const INSTITUTION_LEVEL_NOTE =
  'COUNTER usage is institution-level: publishers count use by everyone at the institution, not by department. It is split by department only for the titles mapped to one, through a title → department code mapping imported under Imports.';

/** The COUNTER reports the import reads: title, database and platform reports and their standard views. */
export const counterReportIds = ['TR', 'TR_J1', 'TR_J2', 'TR_J3', 'TR_J4', 'TR_B1', 'TR_B2', 'TR_B3', 'DR', 'DR_D1', 'DR_D2', 'PR', 'PR_P1'] as const;
export type CounterReportId = (typeof counterReportIds)[number];

/** Release 5 and 5.1 metric types (Unique_Title_* are not counted on database and platform reports). */
export const counterMetricTypes = [
  'Total_Item_Requests', 'Unique_Item_Requests', 'Unique_Title_Requests',
  'Total_Item_Investigations', 'Unique_Item_Investigations', 'Unique_Title_Investigations',
  'Searches_Regular', 'Searches_Automated', 'Searches_Federated', 'Searches_Platform',
  'No_License', 'Limit_Exceeded',
] as const;
export type CounterMetricType = (typeof counterMetricTypes)[number];

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2025-03');

export const usageQuery = z.strictObject({
  /** the report whose figures to show; the first of counterReportIds with data when left out */
  report: z.enum(counterReportIds).optional(),
  /** first and last month, inclusive; the report's last twelve months with data when left out */
  from: month.optional(),
  to: month.optional(),
});
export type UsageQuery = z.infer<typeof usageQuery>;

export const usageMetricQuery = usageQuery.extend({
  /** figures of different metric types never add up: one at a time; Total_Item_Requests (or the first present) when left out */
  metricType: z.enum(counterMetricTypes).optional(),
});
export type UsageMetricQuery = z.infer<typeof usageMetricQuery>;

export const usageTitlesQuery = usageMetricQuery.extend({
  ...pageQuery.shape,
  /** only the titles mapped to this department */
  orgUnitId: idSchema.optional(),
});
export type UsageTitlesQuery = z.infer<typeof usageTitlesQuery>;

export const usageReportDto = z.object({
  reportId: z.enum(counterReportIds),
  /** first and last month with figures */
  from: z.string(),
  to: z.string(),
  platforms: z.number().int(),
});
export type UsageReportDto = z.infer<typeof usageReportDto>;

/** What every usage answer says about itself: which report, which months, and that it is institution-level. */
const scope = {
  level: z.literal('institution'),
  note: z.string(),
  /** every report with figures, so a view can offer the others; each is counted on its own (TR_J1 is a view of TR) */
  reports: z.array(usageReportDto),
  /** null when nothing has been imported yet */
  report: z.enum(counterReportIds).nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
};

export const usageSeriesDto = z.object({
  metricType: z.string(),
  /** one per month of `months`; null where no imported report covers the month */
  counts: z.array(z.number().int().nullable()),
  total: z.number().int(),
});

export const usageDto = z.object({
  ...scope,
  /** every month from `from` to `to` */
  months: z.array(z.string()),
  /** one per metric type present, in counterMetricTypes order */
  series: z.array(usageSeriesDto),
});
export type UsageDto = z.infer<typeof usageDto>;

const orgUnitRef = z.object({ id: z.string(), name: z.string() });

export const usageByDepartmentDto = z.object({
  ...scope,
  metricType: z.string().nullable(),
  /** departments with mapped titles, most used first */
  departments: z.array(z.object({ orgUnit: orgUnitRef, count: z.number().int(), titles: z.number().int() })),
  /** usage of the titles no mapping puts on a department */
  unmapped: z.object({ count: z.number().int(), titles: z.number().int() }),
  total: z.number().int(),
  /** unmapped.count / total, 0 when there is no usage */
  unmappedShare: z.number(),
});
export type UsageByDepartmentDto = z.infer<typeof usageByDepartmentDto>;

export const usageTitleDto = z.object({
  title: z.string(),
  platform: z.string(),
  publisher: z.string().nullable(),
  printIssn: z.string().nullable(),
  onlineIssn: z.string().nullable(),
  isbn: z.string().nullable(),
  count: z.number().int(),
  /** the department a title → department mapping puts it on; null when unmapped */
  orgUnit: orgUnitRef.nullable(),
});
export type UsageTitleDto = z.infer<typeof usageTitleDto>;

export const usageTitlesDto = z.object({
  ...scope,
  metricType: z.string().nullable(),
  items: z.array(usageTitleDto),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type UsageTitlesDto = z.infer<typeof usageTitlesDto>;
