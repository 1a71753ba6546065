import type { TableRow } from './reader/index.ts';
import { looksLikeFormula } from './reader/index.ts';
import { mappedValues } from './mapping.ts';
import type { SourceRun } from './sources/types.ts';

export interface ColumnIssue { column: string | null; message: string }

export type RowResult<V> = { ok: true; value: V; values: Record<string, string> } | { ok: false; issues: ColumnIssue[]; values: Record<string, string> };

/** One row through the mapping and the source's checks; problems name the file's column, as people see it. */
export function checkRow<V>(run: SourceRun<V>, indexes: Map<string, number>, columns: string[], row: TableRow): RowResult<V> {
  const values = mappedValues(row.cells, indexes);
  const columnOf = (field: string | null) => {
    const i = field === null ? undefined : indexes.get(field);
    return i === undefined ? field : (columns[i] ?? field);
  };
  const formulas: ColumnIssue[] = Object.entries(values)
    .filter(([, text]) => looksLikeFormula(text))
    .map(([field]) => ({ column: columnOf(field), message: 'looks like a spreadsheet formula; Rapport imports values, not formulas' }));
  if (formulas.length) return { ok: false, issues: formulas, values };
  const checked = run.check(values);
  if (checked.ok) return { ok: true, value: checked.value, values };
  return { ok: false, issues: checked.issues.map((i) => ({ column: columnOf(i.field), message: i.message })), values };
}
