import type { Page } from '../../../shared/contracts/common.ts';
import type {
  CreateMetricBody, ListMetricValuesQuery, MetricDefinitionDto, MetricListDto, MetricPeriodKind, MetricValueDto, MetricValueKeyQuery, OrgUnitMetricsDto,
  PutMetricValueBody, UpdateMetricBody,
} from '../../../shared/contracts/metrics.ts';
import { parsePeriod, periodLabel } from '../../../shared/metric-periods.ts';
import type { Executor, MetricDefinitionTable, MetricValueTable } from '../../db/types.ts';
import { assertRole, type Actor } from '../../http/actor.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { isoNow } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { assertOrgUnitsInInstitution, findOrgUnit, institutionRow } from '../org/org.repository.ts';
import { auditableDefinition, auditableValue, roundAverage, toMetricDto, toValueDto, valueEntityId } from './metrics.mapper.ts';
import * as repo from './metrics.repository.ts';

const nameTaken = () => new AppError('CONFLICT', 'name: another metric has this name', [{ field: 'name', message: 'another metric has this name' }]);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const periodHint: Record<MetricPeriodKind, string> = {
  academic_year: 'is not an academic year such as 2025-26',
  month: 'is not a month such as 2026-03 or Mar 2026',
};

/** Metric definitions and their values: everyone reads them; managers define metrics and enter or correct figures. */
export function metricsService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  const startMonth = async (ex: Executor, institutionId: string) => (await institutionRow(ex, institutionId)).academic_year_start_month;

  async function dtos(ex: Executor, institutionId: string, rows: MetricDefinitionTable[]): Promise<MetricDefinitionDto[]> {
    const [stats, month] = await Promise.all([repo.valueStats(ex, institutionId, rows.map((r) => r.id)), startMonth(ex, institutionId)]);
    return rows.map((r) => toMetricDto(r, stats.get(r.id), month));
  }

  async function one(ex: Executor, actor: Actor, id: string): Promise<MetricDefinitionDto> {
    const row = await repo.findDefinition(ex, actor.institutionId, id);
    if (!row) throw notFound('Metric');
    const [dto] = await dtos(ex, actor.institutionId, [row]);
    if (!dto) throw notFound('Metric');
    return dto;
  }

  async function refuseTakenName(trx: Executor, actor: Actor, name: string, selfId?: string) {
    const holder = await repo.findDefinitionByName(trx, actor.institutionId, name);
    if (holder && holder.id !== selfId) throw nameTaken();
  }

  /** The stored period for what was typed, or a 400 naming `field`. */
  async function periodOf(ex: Executor, actor: Actor, metric: MetricDefinitionTable, text: string, field = 'period') {
    const period = parsePeriod(text, metric.period_kind, await startMonth(ex, actor.institutionId));
    if (!period) throw invalid(field, periodHint[metric.period_kind]);
    return period;
  }

  async function metricOr404(ex: Executor, actor: Actor, id: string) {
    const metric = await repo.findDefinition(ex, actor.institutionId, id);
    if (!metric) throw notFound('Metric');
    return metric;
  }

  async function valueDto(ex: Executor, actor: Actor, metric: MetricDefinitionTable, orgUnitId: string, period: string): Promise<MetricValueDto> {
    const { rows } = await repo.listValues(ex, actor.institutionId, metric.id, { orgUnitId, period }, 0, 1);
    const [row] = rows;
    if (!row) throw notFound('Metric value');
    return toValueDto(row, metric.period_kind, await startMonth(ex, actor.institutionId));
  }

  return {
    async list(actor: Actor): Promise<MetricListDto> {
      return { items: await dtos(db, actor.institutionId, await repo.listDefinitions(db, actor.institutionId)) };
    },

    get: (actor: Actor, id: string) => one(db, actor, id),

    async create(actor: Actor, body: CreateMetricBody): Promise<MetricDefinitionDto> {
      assertRole(actor, 'manager');
      return db.transaction().execute(async (trx) => {
        await refuseTakenName(trx, actor, body.name);
        const now = isoNow(clock);
        const row: MetricDefinitionTable = {
          id: newId(), institution_id: actor.institutionId, name: body.name, unit: body.unit, direction: body.direction, source: body.source ?? null,
          period_kind: body.periodKind, description: body.description ?? null, created_at: now, updated_at: now,
        };
        await repo.insertDefinition(trx, row);
        await recordAudit(trx, actor, { action: 'create', entityType: 'metric_definition', entityId: row.id, after: auditableDefinition(row) }, now);
        return one(trx, actor, row.id);
      });
    },

    async update(actor: Actor, id: string, body: UpdateMetricBody): Promise<MetricDefinitionDto> {
      assertRole(actor, 'manager');
      return db.transaction().execute(async (trx) => {
        const before = await metricOr404(trx, actor, id);
        if (body.name !== undefined && body.name !== before.name) await refuseTakenName(trx, actor, body.name, id);
        if (body.periodKind !== undefined && body.periodKind !== before.period_kind) {
          const count = (await repo.valueStats(trx, actor.institutionId, [id])).get(id)?.count ?? 0;
          if (count) {
            const message = `cannot change while the metric has ${plural(count, 'value')}: they are stored as ${before.period_kind === 'month' ? 'months' : 'academic years'}`;
            throw new AppError('CONFLICT', `periodKind: ${message}`, [{ field: 'periodKind', message }]);
          }
        }
        const now = isoNow(clock);
        const patch: Partial<MetricDefinitionTable> = { updated_at: now };
        if (body.name !== undefined) patch.name = body.name;
        if (body.unit !== undefined) patch.unit = body.unit;
        if (body.direction !== undefined) patch.direction = body.direction;
        if (body.source !== undefined) patch.source = body.source;
        if (body.periodKind !== undefined) patch.period_kind = body.periodKind;
        if (body.description !== undefined) patch.description = body.description;
        await repo.updateDefinition(trx, actor.institutionId, id, patch);
        await recordAudit(trx, actor, {
          action: 'update', entityType: 'metric_definition', entityId: id, before: auditableDefinition(before), after: auditableDefinition({ ...before, ...patch }),
        }, now);
        return one(trx, actor, id);
      });
    },

    /** Only a metric without values: figures are evidence, so they are removed deliberately, not as a side effect. */
    async remove(actor: Actor, id: string): Promise<void> {
      assertRole(actor, 'manager');
      await db.transaction().execute(async (trx) => {
        const before = await metricOr404(trx, actor, id);
        const count = (await repo.valueStats(trx, actor.institutionId, [id])).get(id)?.count ?? 0;
        if (count) throw new AppError('CONFLICT', `“${before.name}” has ${plural(count, 'value')}; remove them before deleting the metric`);
        await repo.deleteDefinition(trx, actor.institutionId, id);
        await recordAudit(trx, actor, { action: 'delete', entityType: 'metric_definition', entityId: id, before: auditableDefinition(before) }, isoNow(clock));
      });
    },

    async listValues(actor: Actor, id: string, q: ListMetricValuesQuery): Promise<Page<MetricValueDto>> {
      const metric = await metricOr404(db, actor, id);
      const period = q.period ? await periodOf(db, actor, metric, q.period) : undefined;
      const { rows, total } = await repo.listValues(db, actor.institutionId, id, { period, orgUnitId: q.orgUnitId }, (q.page - 1) * q.pageSize, q.pageSize);
      const month = await startMonth(db, actor.institutionId);
      return { items: rows.map((r) => toValueDto(r, metric.period_kind, month)), page: q.page, pageSize: q.pageSize, total };
    },

    /** Enters or corrects one figure by hand: it replaces whatever an import or a person wrote for that unit and period. */
    async putValue(actor: Actor, id: string, body: PutMetricValueBody): Promise<MetricValueDto> {
      assertRole(actor, 'manager');
      return db.transaction().execute(async (trx) => {
        const metric = await metricOr404(trx, actor, id);
        await assertOrgUnitsInInstitution(trx, actor.institutionId, [body.orgUnitId], 'orgUnitId');
        const period = await periodOf(trx, actor, metric, body.period);
        const before = await repo.findValue(trx, actor.institutionId, id, body.orgUnitId, period);
        const now = isoNow(clock);
        const row: MetricValueTable = {
          metric_id: id, org_unit_id: body.orgUnitId, period, institution_id: actor.institutionId, value: body.value, import_job_id: null, updated_at: now,
        };
        await repo.upsertValue(trx, row);
        await recordAudit(trx, actor, {
          action: before ? 'update' : 'create', entityType: 'metric_value', entityId: valueEntityId(id, body.orgUnitId, period),
          before: before ? auditableValue(before) : null, after: auditableValue(row),
        }, now);
        return valueDto(trx, actor, metric, body.orgUnitId, period);
      });
    },

    async removeValue(actor: Actor, id: string, q: MetricValueKeyQuery): Promise<void> {
      assertRole(actor, 'manager');
      await db.transaction().execute(async (trx) => {
        const metric = await metricOr404(trx, actor, id);
        const period = await periodOf(trx, actor, metric, q.period);
        const before = await repo.findValue(trx, actor.institutionId, id, q.orgUnitId, period);
        if (!before) throw notFound('Metric value');
        await repo.deleteValue(trx, actor.institutionId, id, q.orgUnitId, period);
        await recordAudit(trx, actor, {
          action: 'delete', entityType: 'metric_value', entityId: valueEntityId(id, q.orgUnitId, period), before: auditableValue(before),
        }, isoNow(clock));
      });
    },

    /**
     * Each metric this unit itself has figures for (its sub-units' are theirs), with the institution's
     * average over units of the same type (departments against departments), period by period.
     */
    async forOrgUnit(actor: Actor, orgUnitId: string): Promise<OrgUnitMetricsDto> {
      const inst = actor.institutionId;
      const unit = await findOrgUnit(db, inst, orgUnitId);
      if (!unit) throw notFound('Org unit');
      const metricIds = (await repo.metricsOfUnit(db, inst, orgUnitId)).map((r) => r.metric_id);
      const [definitions, own, averages, month] = await Promise.all([
        repo.listDefinitions(db, inst), repo.unitValues(db, inst, orgUnitId, metricIds), repo.averagesByType(db, inst, unit.type, metricIds), startMonth(db, inst),
      ]);
      const mine = definitions.filter((d) => metricIds.includes(d.id));
      const metrics = await dtos(db, inst, mine);
      const values = new Map(own.map((v) => [`${v.metric_id}\u0000${v.period}`, v.value]));
      return {
        orgUnit: { id: unit.id, name: unit.name, type: unit.type },
        items: mine.map((d, i) => ({
          metric: metrics[i] as MetricDefinitionDto,
          // the averages cover every period this unit has a figure for (it is one of the units averaged);
          // sorted here rather than by the database's collation: 'YYYY' and 'YYYY-MM' order by code point
          points: averages.filter((a) => a.metric_id === d.id).sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0)).map((a) => ({
            period: a.period,
            label: periodLabel(a.period, d.period_kind, month),
            value: values.get(`${d.id}\u0000${a.period}`) ?? null,
            institutionAverage: roundAverage(a.average),
            unitsInAverage: a.units,
          })),
        })),
      };
    },
  };
}

export type MetricsService = ReturnType<typeof metricsService>;
