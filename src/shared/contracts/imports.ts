import { z } from 'zod';
import { pageQuery } from './common.ts';

/* The import framework: upload → columns detected → mapping → preview → background job. */

export const importSources = ['metrics', 'directory', 'engagements', 'nss', 'counter', 'loans', 'readingLists', 'codeMaps'] as const;
export type ImportSourceKey = (typeof importSources)[number];

export const importStatuses = ['uploaded', 'queued', 'running', 'done', 'failed', 'cancelled'] as const;

export const importFieldDto = z.object({
  key: z.string(),
  label: z.string(),
  required: z.boolean(),
  help: z.string().nullable(),
});

/** A choice the whole file shares (the metric its values belong to, the kind of codes it maps, …). */
export const importOptionDto = z.object({
  key: z.string(),
  label: z.string(),
  /** metric: one of the institution's metrics; select: one of `choices`; text: free text; boolean: a checkbox */
  kind: z.enum(['metric', 'select', 'text', 'boolean']),
  required: z.boolean(),
  help: z.string().nullable(),
  choices: z.array(z.object({ value: z.string(), label: z.string() })).nullable(),
});
export type ImportOptionDto = z.infer<typeof importOptionDto>;

export const importSourceDto = z.object({
  key: z.enum(importSources),
  label: z.string(),
  description: z.string(),
  fields: z.array(importFieldDto),
  options: z.array(importOptionDto),
  /** true where columns are never guessed (files whose columns the user designs): every field is mapped by hand */
  mappingRequired: z.boolean(),
  /** the lowest role that may run this import */
  minRole: z.enum(['librarian', 'manager', 'admin']),
});
export type ImportSourceDto = z.infer<typeof importSourceDto>;

/** field key → the file's column header that feeds it */
export const importMapping = z.record(z.string().max(64), z.string().max(200));
export type ImportMapping = z.infer<typeof importMapping>;

/** Source-specific choices (option key → value); each source checks its own and names the bad one as `options.<key>`. */
export const importOptions = z.record(z.string().max(64), z.union([z.string().max(200), z.boolean()]));
export type ImportOptions = z.infer<typeof importOptions>;

export const importJobDto = z.object({
  id: z.string(),
  source: z.enum(importSources),
  fileName: z.string(),
  format: z.enum(['csv', 'tsv', 'xlsx']),
  byteSize: z.number().int(),
  status: z.enum(importStatuses),
  columns: z.array(z.string()),
  /** a report's header block (COUNTER: Report_Name, Report_ID, Reporting_Period, Created, …) above its table, when it has one */
  preamble: z.record(z.string(), z.string()).nullable(),
  /** the mapping used, or (before the import starts) the one suggested: remembered for this source, else matched by header */
  mapping: importMapping,
  options: importOptions,
  totalRows: z.number().int().nullable(),
  processedRows: z.number().int(),
  importedRows: z.number().int(),
  rejectedRows: z.number().int(),
  /** 0–1 */
  progress: z.number(),
  error: z.string().nullable(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ImportJobDto = z.infer<typeof importJobDto>;

export const uploadImportQuery = z.object({ source: z.enum(importSources) }).strict();

export const mappingBody = z.object({ mapping: importMapping, options: importOptions.default({}) }).strict();
export type MappingBody = z.infer<typeof mappingBody>;

export const rowIssueDto = z.object({ column: z.string().nullable(), message: z.string() });
export const previewDto = z.object({
  /** the first rows as they would be read, each with its problems */
  rows: z.array(z.object({ line: z.number().int(), values: z.record(z.string(), z.string()), issues: z.array(rowIssueDto) })),
  /** how many rows the preview checked, and how many of them would be rejected */
  checked: z.number().int(),
  rejected: z.number().int(),
});
export type PreviewDto = z.infer<typeof previewDto>;

export const listImportsQuery = pageQuery.extend({ source: z.enum(importSources).optional() }).strict();
export type ListImportsQuery = z.infer<typeof listImportsQuery>;
