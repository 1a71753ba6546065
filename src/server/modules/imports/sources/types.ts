import type { ImportMapping, ImportOptions, ImportSourceDto, ImportSourceKey } from '../../../../shared/contracts/imports.ts';
import type { Executor, ImportJobTable } from '../../../db/types.ts';

/** A problem with one row: the field it is about (null: the row as a whole) and what is wrong. */
export interface RowIssue { field: string | null; message: string }

export type Checked<V> = { ok: true; value: V } | { ok: false; issues: RowIssue[] };

/** What a source needs for one job, loaded once: lookups (codes → ids, names → metrics) and how to write. */
export interface SourceRun<V> {
  /** One row's mapped, trimmed cells (field key → text) → the value to write, or its problems. */
  check(values: Record<string, string>): Checked<V>;
  /** The row's natural key: a later row with the same key replaces an earlier one in the same batch. */
  key(value: V): string;
  /** Writes a batch (upserting on natural keys, so a re-import rewrites rather than duplicates); returns rows written. */
  write(trx: Executor, values: V[], job: Pick<ImportJobTable, 'id' | 'institution_id'>, now: string): Promise<number>;
}

export interface ImportSource<V = unknown> extends Omit<ImportSourceDto, 'key' | 'fields'> {
  key: ImportSourceKey;
  /** `hints`: header words that suggest a column for the field when nothing is remembered */
  fields: (ImportSourceDto['fields'][number] & { hints?: string[] })[];
  /**
   * Checks the mapping and options against the institution (400 naming `mapping.<field>` or `options.<name>`)
   * and loads what checking rows needs.
   */
  prepare(ex: Executor, institutionId: string, mapping: ImportMapping, options: ImportOptions): Promise<SourceRun<V>>;
}
