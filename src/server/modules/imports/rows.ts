import type { TableRow } from './reader/index.ts';
import { looksLikeFormula } from './reader/index.ts';
import { mappedValues } from './mapping.ts';
import type { SourceRun } from './sources/types.ts';

export interface ColumnIssue { column: string | null; message: string }

export type RowResult<V> = { ok: true; value: V; values: Record<string, string> } | { ok: false; issues: ColumnIssue[]; values: Record<string, string> };

function columnOf(field: string | null, indexes: Map<string, number>, columns: string[]): string | null {
  const i = field === null ? undefined : indexes.get(field);
  return i === undefined ? field : (columns[i] ?? field);
}

const FORMULA = 'looks like a spreadsheet formula; Rapport imports values, not formulas';

/** One row through the mapping and the source's checks; problems name the file's column, as people see it. */
export function checkRow<V>(run: SourceRun<V>, indexes: Map<string, number>, columns: string[], row: TableRow): RowResult<V> {
  const values = mappedValues(row.cells, indexes);
  let formulas: ColumnIssue[] | null = null;
  for (const field in values) {
    if (looksLikeFormula(values[field] as string)) (formulas ??= []).push({ column: columnOf(field, indexes, columns), message: FORMULA });
  }
  if (formulas) return { ok: false, issues: formulas, values };
  const checked = run.check(values, row.cells);
  if (checked.ok) return { ok: true, value: checked.value, values };
  return { ok: false, issues: checked.issues.map((i) => ({ column: columnOf(i.field, indexes, columns), message: i.message })), values };
}
