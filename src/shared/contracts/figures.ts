import { z } from 'zod';
import { idSchema } from './common.ts';

/*
 * Outside figures (issue 6): NSS results, loans and reading lists as imported, read per department.
 * The department figures themselves are metric values (charted on the department's Metrics tab);
 * these views show what sits behind them, and which outside codes still wait for a department.
 */

/** NSS publication threshold: a result with fewer responses, or a lower response rate (%), is not published. */
export const NSS_MIN_RESPONSES = 10;
export const NSS_MIN_RESPONSE_RATE = 50;
export const NSS_NOT_PUBLISHED = `not published (fewer than ${NSS_MIN_RESPONSES} responses or under ${NSS_MIN_RESPONSE_RATE}% response rate)`;

const yearParam = z.coerce.number().int().min(1990).max(2100);

export const figureYearDto = z.object({
  /** the calendar year the academic year starts in (as metric periods: 2024 = 2024–25) */
  year: z.number().int(),
  /** '2024–25' */
  label: z.string(),
});
export type FigureYearDto = z.infer<typeof figureYearDto>;

/** GET /figures/nss: one academic year (the latest held when left out), every department or one. */
export const nssFiguresQuery = z.strictObject({ year: yearParam.optional(), orgUnitId: idSchema.optional() });
export type NssFiguresQuery = z.infer<typeof nssFiguresQuery>;

export const nssQuestionDto = z.object({
  /** 'Q19' */
  question: z.string(),
  questionText: z.string().nullable(),
  theme: z.string().nullable(),
  /** false: every subject behind it is below the publication threshold; its figures are withheld */
  published: z.boolean(),
  /** % agree, weighted by responses over the department's published subjects; null when not published */
  agreePct: z.number().nullable(),
  /** responses over the published subjects; null when not published */
  responses: z.number().int().nullable(),
  /** subjects (CAH codes) whose result is published, and those withheld (counted, never shown) */
  publishedSubjects: z.number().int(),
  withheldSubjects: z.number().int(),
});
export type NssQuestionDto = z.infer<typeof nssQuestionDto>;

export const nssDepartmentDto = z.object({
  orgUnit: z.object({ id: z.string(), name: z.string(), code: z.string().nullable() }),
  /** the CAH subjects mapped to the department that have results this year */
  subjects: z.array(z.object({ cahCode: z.string(), subject: z.string().nullable() })),
  /** in question order (Q1, Q2 … Q10) */
  questions: z.array(nssQuestionDto),
});
export type NssDepartmentDto = z.infer<typeof nssDepartmentDto>;

export const nssFiguresDto = z.object({
  /** the year shown; null when no NSS results are held */
  year: figureYearDto.nullable(),
  /** every year with NSS results held, latest first */
  years: z.array(figureYearDto),
  departments: z.array(nssDepartmentDto),
});
export type NssFiguresDto = z.infer<typeof nssFiguresDto>;

/** The kinds of outside code that are placed in departments: CAH codes and user groups through code maps, hierarchy codes by department code. */
export const unmappedKinds = ['cah', 'user_group', 'hierarchy'] as const;
export const unmappedKindSchema = z.enum(unmappedKinds);
export type UnmappedKind = z.infer<typeof unmappedKindSchema>;
export const unmappedKindLabels: Record<UnmappedKind, string> = {
  cah: 'NSS subject (CAH) codes',
  user_group: 'Library user groups',
  hierarchy: 'Reading-list hierarchy codes',
};

/** GET /figures/unmapped: every kind, or one. */
export const unmappedQuery = z.strictObject({ kind: unmappedKindSchema.optional() });
export type UnmappedQuery = z.infer<typeof unmappedQuery>;

export const unmappedKindDto = z.object({
  kind: unmappedKindSchema,
  /** codes with no department, and the imported rows behind them */
  codes: z.number().int(),
  rows: z.number().int(),
  /** most rows first; at most UNMAPPED_LIST_MAX */
  items: z.array(z.object({ code: z.string(), name: z.string().nullable(), rows: z.number().int() })),
});
export type UnmappedKindDto = z.infer<typeof unmappedKindDto>;
export const UNMAPPED_LIST_MAX = 200;

export const unmappedDto = z.object({ kinds: z.array(unmappedKindDto) });
export type UnmappedDto = z.infer<typeof unmappedDto>;

/** GET /figures/reading-lists: coverage per department for one academic year (the latest held when left out). */
export const readingListsQuery = z.strictObject({ year: yearParam.optional() });
export type ReadingListsQuery = z.infer<typeof readingListsQuery>;

const coverage = {
  modules: z.number().int(),
  withList: z.number().int(),
  /** withList ÷ modules × 100, one decimal; null with no modules */
  coveragePct: z.number().nullable(),
};

export const readingListCoverageDto = z.object({
  year: figureYearDto.nullable(),
  years: z.array(figureYearDto),
  items: z.array(z.object({ orgUnit: z.object({ id: z.string(), name: z.string(), code: z.string().nullable() }), ...coverage })),
  /** modules whose hierarchy code is no department's code */
  unplaced: z.object(coverage),
});
export type ReadingListCoverageDto = z.infer<typeof readingListCoverageDto>;
