import type { ImportJobDto, ImportMapping, ImportOptions, ImportSourceDto } from '../../../shared/contracts/imports.ts';
import type { JobRow } from './imports.repository.ts';
import type { ImportSource } from './sources/types.ts';

export function toSourceDto(s: ImportSource): ImportSourceDto {
  return {
    key: s.key, label: s.label, description: s.description, minRole: s.minRole, mappingRequired: s.mappingRequired ?? false,
    fields: s.fields.map((f) => ({ key: f.key, label: f.label, required: f.required, help: f.help })),
    options: s.options ?? [],
  };
}

/** `suggested` and `suggestedOptions` are shown until the job has a confirmed mapping of its own. */
export function toJobDto(j: JobRow, suggested: ImportMapping = {}, suggestedOptions: ImportOptions = {}): ImportJobDto {
  const progress = j.status === 'done' ? 1 : j.total_rows ? Math.min(1, j.processed_rows / j.total_rows) : 0;
  return {
    id: j.id,
    source: j.source as ImportJobDto['source'],
    fileName: j.file_name,
    format: j.format,
    byteSize: j.byte_size,
    status: j.status,
    columns: JSON.parse(j.columns) as string[],
    preamble: j.preamble ? (JSON.parse(j.preamble) as Record<string, string>) : null,
    mapping: j.mapping ? (JSON.parse(j.mapping) as ImportMapping) : suggested,
    options: j.options ? (JSON.parse(j.options) as ImportOptions) : suggestedOptions,
    totalRows: j.total_rows,
    processedRows: j.processed_rows,
    importedRows: j.imported_rows,
    rejectedRows: j.rejected_rows,
    progress,
    error: j.error,
    createdBy: j.created_by && j.created_by_name ? { id: j.created_by, name: j.created_by_name } : null,
    createdAt: j.created_at,
    startedAt: j.started_at,
    finishedAt: j.finished_at,
  };
}
