import type { MetricDefinitionDto, MetricValueDto } from '../../../shared/contracts/metrics.ts';
import { periodLabel } from '../../../shared/metric-periods.ts';
import type { MetricDefinitionTable, MetricValueTable } from '../../db/types.ts';
import type { ValueRow } from './metrics.repository.ts';

export interface Stats {
  count: number;
  latest: string | null;
}

/**
 * Averages are rounded to 4 decimal places: PostgreSQL stores `real` in single precision, so its mean
 * of 72.5 and 80.1 carries float noise SQLite's does not; both now answer the same.
 */
export const roundAverage = (n: number) => Math.round(n * 10_000) / 10_000;

export function toMetricDto(m: MetricDefinitionTable, stats: Stats | undefined, startMonth: number): MetricDefinitionDto {
  const latest = stats?.latest ?? null;
  return {
    id: m.id,
    name: m.name,
    unit: m.unit,
    direction: m.direction,
    source: m.source,
    periodKind: m.period_kind,
    description: m.description,
    valueCount: stats?.count ?? 0,
    latestPeriod: latest,
    latestPeriodLabel: latest === null ? null : periodLabel(latest, m.period_kind, startMonth),
    createdAt: m.created_at,
    updatedAt: m.updated_at,
  };
}

export function toValueDto(v: ValueRow, kind: MetricDefinitionTable['period_kind'], startMonth: number): MetricValueDto {
  return {
    metricId: v.metric_id,
    orgUnit: { id: v.org_unit_id, name: v.unit_name, code: v.unit_code, type: v.unit_type },
    period: v.period,
    periodLabel: periodLabel(v.period, kind, startMonth),
    value: v.value,
    importJobId: v.import_job_id,
    updatedAt: v.updated_at,
  };
}

/** What the audit trail records of a definition. */
export const auditableDefinition = ({ created_at: _c, updated_at: _u, ...row }: MetricDefinitionTable) => ({ ...row });

/** What the audit trail records of a value: its key and figure (and the import that last wrote it). */
export const auditableValue = ({ updated_at: _u, ...row }: MetricValueTable) => ({ ...row });

/**
 * A value's audit entity id: its natural key, as it has no id of its own. (The audit trail records only
 * changed fields, so a corrected figure's unit and period would otherwise be lost from its entry.)
 */
export const valueEntityId = (metricId: string, orgUnitId: string, period: string) => `${metricId}:${orgUnitId}:${period}`;
