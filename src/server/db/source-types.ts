/*
 * Tables behind the import sources (issue 6): code maps here; each source's own tables in its file.
 * Same portable conventions as types.ts, which adds SourceTables to Database.
 */
import type { CaptureTables } from './capture-types.ts';
import type { CounterTables } from './counter-types.ts';
import type { FiguresTables } from './figures-types.ts';

export type CodeMapKind = 'cah' | 'user_group' | 'title';

export interface CodeMapTable {
  institution_id: string;
  kind: CodeMapKind;
  code: string;
  code_key: string;
  org_unit_id: string;
  import_job_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface SourceTables extends FiguresTables, CounterTables, CaptureTables {
  code_maps: CodeMapTable;
}
