import type { ImportOptions } from '../../../../shared/contracts/imports.ts';
import { parsePeriod } from '../../../../shared/metric-periods.ts';
import type { Executor, MetricDefinitionTable } from '../../../db/types.ts';
import { invalid } from '../../../http/errors.ts';
import { optionText } from '../mapping.ts';
import { parseFigure } from './metrics.ts';
import type { JobRef } from './types.ts';

/*
 * What the NSS, loans and reading-list sources share: they keep the outside rows in their own tables
 * and, once the whole file is in, recompute one metric's department figures from every row held.
 */

/** Rows per INSERT: far under both databases' bound-parameter limits at seven columns a row. */
export const CHUNK = 100;

/** The option naming the metric the department figures are written to. */
export const metricIdOption = (help: string) => ({ key: 'metricId', label: 'The metric the department figures go to', kind: 'metric' as const, required: true, help, choices: null });

/** The metric chosen in options.metricId: it must be this institution's, and (when given) counted per `kind`. */
export async function targetMetric(ex: Executor, institutionId: string, options: ImportOptions, kind?: MetricDefinitionTable['period_kind']): Promise<MetricDefinitionTable> {
  const id = optionText(options, 'metricId');
  if (!id) throw invalid('options.metricId', 'choose the metric the department figures go to');
  const metric = await ex.selectFrom('metric_definitions').selectAll().where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();
  if (!metric) throw invalid('options.metricId', 'is not a metric of this institution');
  if (kind && metric.period_kind !== kind) throw invalid('options.metricId', kind === 'academic_year' ? 'is counted per month; these figures are per academic year' : 'is counted per academic year; these figures are per month');
  return metric;
}

export const startMonthOf = async (ex: Executor, institutionId: string) =>
  (await ex.selectFrom('institutions').select('academic_year_start_month').where('id', '=', institutionId).executeTakeFirstOrThrow()).academic_year_start_month;

/** The year option ('2025-26', '2025'), as a stored academic year, or undefined when not given; 400 naming it when unreadable. */
export function yearOption(options: ImportOptions, startMonth: number, parse = (t: string) => parsePeriod(t, 'academic_year', startMonth)): string | undefined {
  const text = optionText(options, 'year');
  if (text === undefined) return undefined;
  const year = parse(text);
  if (!year) throw invalid('options.year', `“${text}” is not an academic year such as 2025-26`);
  return year;
}

/** Cells that say "no figure" rather than a figure: left blank, or marked as withheld. */
const NO_FIGURE = new Set(['', '-', '–', 'n/a', 'na', 'dp', 'x', '*', '..', 'suppressed', 'not published']);

/**
 * A percentage cell → 0–100; null for "no figure"; undefined when it is not a percentage. A bare
 * number up to 1 is a fraction (Excel keeps 67% as 0.67; no published NSS figure is 1% or less).
 */
export function parsePercent(text: string): number | null | undefined {
  if (NO_FIGURE.has(text.trim().toLowerCase())) return null;
  const n = parseFigure(text);
  if (n === null) return undefined;
  const pct = !text.includes('%') && n <= 1 ? n * 100 : n;
  return pct >= 0 && pct <= 100 ? pct : undefined;
}

/** A whole, non-negative count ('1,234') → number; null for "no figure"; undefined otherwise. */
export function parseCount(text: string): number | null | undefined {
  if (NO_FIGURE.has(text.trim().toLowerCase())) return null;
  const n = parseFigure(text);
  return n !== null && Number.isInteger(n) && n >= 0 ? n : undefined;
}

// Number.EPSILON so 77.25 rounds up as a person would
export const oneDecimal = (n: number) => Math.round((n + Number.EPSILON) * 10) / 10;

export interface DerivedValue { orgUnitId: string; period: string; value: number }

/**
 * Rewrites the metric's figures for `periods`: every department's value there is replaced by those
 * derived now, and a department that no longer has one loses it. The metric is this source's
 * target, so its figures for those periods are the source's, not hand-entered.
 */
export async function replaceMetricValues(trx: Executor, job: JobRef, metricId: string, periods: string[], values: DerivedValue[], now: string): Promise<void> {
  if (!periods.length) return;
  await trx.deleteFrom('metric_values').where('institution_id', '=', job.institution_id).where('metric_id', '=', metricId).where('period', 'in', periods).execute();
  for (let i = 0; i < values.length; i += CHUNK) {
    await trx.insertInto('metric_values')
      .values(values.slice(i, i + CHUNK).map((v) => ({
        metric_id: metricId, org_unit_id: v.orgUnitId, period: v.period, institution_id: job.institution_id, value: v.value, import_job_id: job.id, updated_at: now,
      })))
      .execute();
  }
}

/** Rows by key (a department and period), skipping rows whose key is null (not placed in a department). */
export function groupBy<R>(rows: R[], keyOf: (r: R) => string | null): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    const k = keyOf(r);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
