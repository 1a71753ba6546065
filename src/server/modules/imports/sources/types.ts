import type { ImportMapping, ImportOptionDto, ImportOptions, ImportSourceDto, ImportSourceKey } from '../../../../shared/contracts/imports.ts';
import type { Executor, ImportJobTable } from '../../../db/types.ts';

/** A problem with one row: the field it is about (null: the row as a whole) and what is wrong. */
export interface RowIssue { field: string | null; message: string }

export type Checked<V> = { ok: true; value: V } | { ok: false; issues: RowIssue[] };

/** The job as a source sees it while writing: whose it is and who started it. */
export type JobRef = Pick<ImportJobTable, 'id' | 'institution_id' | 'created_by'>;

/** What a source needs for one job, loaded once: lookups (codes → ids, names → metrics) and how to write. */
export interface SourceRun<V> {
  /**
   * One row's mapped, trimmed cells (field key → text) → the value to write, or its problems. `cells`
   * is the whole row as read, for sources whose columns are not fixed (COUNTER's month columns).
   */
  check(values: Record<string, string>, cells: readonly string[]): Checked<V>;
  /** The row's natural key: a later row with the same key replaces an earlier one in the same batch. */
  key(value: V): string;
  /** Writes a batch (upserting on natural keys, so a re-import rewrites rather than duplicates); returns rows written. */
  write(trx: Executor, values: V[], job: JobRef, now: string): Promise<number>;
  /**
   * After the last batch, in one transaction: work that needs the whole file written (a parent named
   * on a later line, figures derived from every row). Not run when the job is cancelled or fails.
   */
  finish?(trx: Executor, job: JobRef, now: string): Promise<void>;
}

/** What a source may know about the file beyond its mapped cells. */
export interface SourceContext {
  /** the file's column headers, in order (the index of a header is the index of its cell) */
  columns: readonly string[];
  /** the report's header block (COUNTER: Report_ID → TR_J1, …), or null when the file has none */
  preamble: Record<string, string> | null;
}

export interface ImportSource<V = unknown> extends Omit<ImportSourceDto, 'key' | 'fields' | 'options' | 'mappingRequired'> {
  key: ImportSourceKey;
  /** `hints`: header words that suggest a column for the field when nothing is remembered */
  fields: (ImportSourceDto['fields'][number] & { hints?: string[] })[];
  /** choices for the whole file, shown beside the mapping; default none */
  options?: ImportOptionDto[];
  /** columns are never guessed from the header (the user designs the export); default false */
  mappingRequired?: boolean;
  /**
   * Refuses a file this source cannot read at all (a 400 naming `file`), from its header alone: run
   * at upload, so a wrong file is turned away before anyone maps its columns.
   */
  checkFile?(context: SourceContext): void;
  /**
   * Checks the mapping and options against the institution (400 naming `mapping.<field>` or `options.<name>`)
   * and loads what checking rows needs.
   */
  prepare(ex: Executor, institutionId: string, mapping: ImportMapping, options: ImportOptions, context: SourceContext): Promise<SourceRun<V>>;
}
