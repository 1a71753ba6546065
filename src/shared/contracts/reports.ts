import { z } from 'zod';
import { maturityLevelSchema } from './relationships.ts';

/*
 * The annual departmental report (issue 7): one per org unit per academic year. Its figures are
 * computed from the data each time it is read; only the words people write (introduction,
 * conclusion, discussion notes, key themes, proposed actions) are stored with the report.
 */

export const academicYearDto = z.object({
  /** the academic year's key: the calendar year it starts in ('2025' is 2025–26) */
  key: z.string(),
  label: z.string(),
  /** first and last day, ISO dates */
  start: z.string(),
  end: z.string(),
});
export type AcademicYearDto = z.infer<typeof academicYearDto>;

export const reportMetricDto = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  direction: z.enum(['higher_better', 'lower_better']),
  source: z.string().nullable(),
  /** up to five academic years ending with the report's, oldest first; null where there is no figure */
  points: z.array(z.object({ period: z.string(), label: z.string(), value: z.number().nullable(), average: z.number().nullable() })),
});
export type ReportMetricDto = z.infer<typeof reportMetricDto>;

const countBy = z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int() }));

export const reportEngagementsDto = z.object({
  total: z.number().int(),
  previousYearTotal: z.number().int(),
  byType: countBy,
  byTheme: countBy,
  initiated: z.object({ library: z.number().int(), partner: z.number().int() }),
  peopleEngaged: z.number().int(),
  keyPeopleEngaged: z.number().int(),
  teaching: z.object({ sessions: z.number().int(), attendees: z.number().int(), userHours: z.number() }),
});
export type ReportEngagementsDto = z.infer<typeof reportEngagementsDto>;

export const reportRelationshipDto = z.object({
  maturity: z.object({ level: maturityLevelSchema, label: z.string(), assessedOn: z.string(), rationale: z.string().nullable() }).nullable(),
  /** the journey's steps within the report's year, in date order */
  journey: z.array(z.object({ date: z.string(), kind: z.string(), label: z.string() })),
  cadence: z.object({ done: z.number().int(), due: z.number().int(), overdue: z.number().int() }).nullable(),
  champions: z.array(z.object({ id: z.string(), name: z.string(), since: z.string().nullable() })),
});
export type ReportRelationshipDto = z.infer<typeof reportRelationshipDto>;

export const reportHighlightsDto = z.object({
  evidence: z.array(z.object({ id: z.string(), kind: z.string(), kindLabel: z.string(), text: z.string(), source: z.string().nullable(), occurredOn: z.string() })),
  impact: z.array(z.object({ id: z.string(), title: z.string(), status: z.string(), outcomes: z.string().nullable() })),
});
export type ReportHighlightsDto = z.infer<typeof reportHighlightsDto>;

export const reportActionDto = z.object({ title: z.string(), status: z.string(), due: z.string().nullable(), owner: z.string().nullable() });

export const reportPlanDto = z.object({
  /** the action plan of the report's year, reviewed */
  reviewed: z.object({
    id: z.string(),
    status: z.string(),
    agreedBy: z.string().nullable(),
    agreedOn: z.string().nullable(),
    done: z.number().int(),
    open: z.number().int(),
    carriedForward: z.number().int(),
    actions: z.array(reportActionDto),
  }).nullable(),
  /** actions proposed for next year (written on the report; they seed next year's draft plan) */
  proposed: z.array(z.object({ id: z.string(), title: z.string(), notes: z.string().nullable() })),
});
export type ReportPlanDto = z.infer<typeof reportPlanDto>;

export const reportNarrativeDto = z.object({
  /** what people wrote, or null while the generated draft stands */
  introduction: z.string().nullable(),
  conclusion: z.string().nullable(),
  /** first drafts generated from the figures (templates, no outside service) */
  introductionDraft: z.string(),
  conclusionDraft: z.string(),
});

export const reportDiscussionDto = z.object({
  discussedOn: z.string().nullable(),
  notes: z.string().nullable(),
  /** key themes from the meeting with the head of department */
  themes: z.array(z.string()),
});

export const reportDataDto = z.object({
  id: z.string().nullable(),
  institution: z.object({ name: z.string() }),
  orgUnit: z.object({ id: z.string(), name: z.string(), code: z.string().nullable(), type: z.string(), parentName: z.string().nullable() }),
  year: academicYearDto,
  generatedAt: z.string(),
  metrics: z.array(reportMetricDto),
  engagements: reportEngagementsDto,
  relationship: reportRelationshipDto,
  highlights: reportHighlightsDto,
  plan: reportPlanDto,
  narrative: reportNarrativeDto,
  discussion: reportDiscussionDto,
});
export type ReportDataDto = z.infer<typeof reportDataDto>;

export const reportParams = z.object({ orgUnitId: z.string().min(1).max(64), year: z.coerce.number().int().min(1990).max(2100) });

const words = (max: number) => z.string().trim().max(max).nullable().optional();

/** What people write on a report; every part is optional and an omitted part stays as it is. */
export const saveReportBody = z.strictObject({
  /** null returns to the generated draft */
  introduction: words(20_000),
  conclusion: words(20_000),
  discussedOn: z.iso.date().nullable().optional(),
  discussionNotes: words(20_000),
  /** key themes from the discussion (a tag set); the same theme twice is kept once */
  themes: z.array(z.string().trim().min(1).max(80)).max(20).optional(),
  /** next year's proposed actions, in order; replaces the list */
  proposed: z.array(z.strictObject({ title: z.string().trim().min(1).max(300), notes: z.string().trim().max(2000).nullable().optional() })).max(40).optional(),
});
export type SaveReportBody = z.infer<typeof saveReportBody>;

export const reportListQuery = z.strictObject({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReportListQuery = z.infer<typeof reportListQuery>;

export const reportListItemDto = z.object({
  orgUnit: z.object({ id: z.string(), name: z.string(), code: z.string().nullable(), parentName: z.string().nullable() }),
  /** null until someone writes on the report */
  reportId: z.string().nullable(),
  written: z.boolean(),
  discussedOn: z.string().nullable(),
  themes: z.array(z.string()),
  updatedAt: z.string().nullable(),
});
export const reportListDto = z.object({
  year: academicYearDto,
  items: z.array(reportListItemDto),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type ReportListDto = z.infer<typeof reportListDto>;

/** The library-wide year: every department's relationship in one view, and the themes for planning. */
export const libraryYearDto = z.object({
  year: academicYearDto,
  departments: z.number().int(),
  /** active departments with at least one engagement in the year */
  departmentsEngaged: z.number().int(),
  maturity: z.array(z.object({ level: z.union([maturityLevelSchema, z.literal('unassessed')]), label: z.string(), departments: z.number().int() })),
  engagements: z.number().int(),
  teaching: z.object({ sessions: z.number().int(), attendees: z.number().int(), userHours: z.number() }),
  evidenceCaptured: z.number().int(),
  highlights: z.array(z.object({ id: z.string(), kindLabel: z.string(), text: z.string(), source: z.string().nullable(), occurredOn: z.string(), orgUnits: z.array(z.string()) })),
  /** the key themes from every department's discussion, most often raised first, each with its departments */
  themes: z.array(z.object({ theme: z.string(), departments: z.array(z.object({ id: z.string(), name: z.string() })) })),
  reportsDiscussed: z.number().int(),
});
export type LibraryYearDto = z.infer<typeof libraryYearDto>;
export const libraryYearQuery = z.strictObject({ year: z.coerce.number().int().min(1990).max(2100).optional() });

/** Every department's report for a year as a ZIP of PDFs, made in the background. */
export const reportBatchDto = z.object({
  id: z.string(),
  year: z.number().int(),
  yearLabel: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  done: z.number().int(),
  /** null until the departments are counted */
  total: z.number().int().nullable(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ReportBatchDto = z.infer<typeof reportBatchDto>;
export const startReportBatchBody = z.strictObject({ year: z.number().int().min(1990).max(2100) });
