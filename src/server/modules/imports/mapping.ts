import type { ImportMapping, ImportOptions } from '../../../shared/contracts/imports.ts';
import { invalid } from '../../http/errors.ts';
import type { ImportSource } from './sources/types.ts';

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9%]+/g, ' ').trim();

/**
 * The mapping to offer for a new file: the one remembered for this source where its columns are all
 * in the file, and (unless the source's columns are the user's own design) each other field matched
 * to a header that carries its label or key.
 */
export function suggestMapping(source: ImportSource, columns: string[], remembered: ImportMapping | null): ImportMapping {
  const present = new Set(columns);
  const kept = remembered && Object.values(remembered).every((c) => present.has(c)) ? remembered : null;
  if (source.mappingRequired) return kept ?? {};
  // a remembered mapping may lack fields this file has columns for (a TR after a TR_J1): guess those
  const out: ImportMapping = { ...kept };
  const taken = new Set<string>(Object.values(out));
  for (const f of source.fields) {
    if (out[f.key] !== undefined) continue;
    const wants = [norm(f.label), norm(f.key.replace(/([A-Z])/g, ' $1')), ...(f.hints ?? []).map(norm)];
    const exact = columns.find((c) => !taken.has(c) && wants.includes(norm(c)));
    // hints in order of preference: "department code" before a bare "code"
    const partial = exact ?? wants.map((w) => columns.find((c) => !taken.has(c) && norm(c).includes(w))).find((c) => c !== undefined);
    if (partial) {
      out[f.key] = partial;
      taken.add(partial);
    }
  }
  return out;
}

/** Checks a mapping against the source's fields and the file's columns; returns field → column index. */
export function resolveMapping(source: ImportSource, columns: string[], mapping: ImportMapping): Map<string, number> {
  const known = new Set(source.fields.map((f) => f.key));
  for (const field of Object.keys(mapping)) {
    if (!known.has(field)) throw invalid(`mapping.${field}`, 'is not a field of this import');
  }
  const out = new Map<string, number>();
  for (const f of source.fields) {
    const column = mapping[f.key];
    if (column === undefined || column === '') {
      if (f.required) throw invalid(`mapping.${f.key}`, `choose the column that holds ${f.label}`);
      continue;
    }
    const i = columns.indexOf(column);
    if (i < 0) throw invalid(`mapping.${f.key}`, `the file has no column “${column}”`);
    out.set(f.key, i);
  }
  return out;
}

/** The mapped cells of one row, trimmed, by field key. */
export function mappedValues(cells: string[], indexes: Map<string, number>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, i] of indexes) out[field] = (cells[i] ?? '').trim();
  return out;
}

/**
 * Checks the file's options against what the source declares: no unknown keys, required ones given,
 * booleans as booleans, text as text, a select's value among its choices. Sources check the meaning
 * (that a metric exists) themselves.
 */
export function checkOptions(source: ImportSource, options: ImportOptions): void {
  const declared = new Map((source.options ?? []).map((o) => [o.key, o]));
  for (const key of Object.keys(options)) {
    if (!declared.has(key)) throw invalid(`options.${key}`, 'is not a choice of this import');
  }
  for (const o of declared.values()) {
    const v = options[o.key];
    if (v === undefined || v === '') {
      if (o.required) throw invalid(`options.${o.key}`, `choose ${o.label.toLowerCase()}`);
      continue;
    }
    if (o.kind === 'boolean' ? typeof v !== 'boolean' : typeof v !== 'string') throw invalid(`options.${o.key}`, o.kind === 'boolean' ? 'must be true or false' : 'must be text');
    if (o.kind === 'select' && !(o.choices ?? []).some((c) => c.value === v)) throw invalid(`options.${o.key}`, `must be one of ${(o.choices ?? []).map((c) => c.value).join(', ')}`);
  }
}

/** A text option's value, or undefined when it was not given. */
export const optionText = (options: ImportOptions, key: string): string | undefined => {
  const v = options[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
};
