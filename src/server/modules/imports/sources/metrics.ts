import { parsePeriod } from '../../../../shared/metric-periods.ts';
import { CompiledQuery } from 'kysely';
import type { Executor, MetricDefinitionTable } from '../../../db/types.ts';
import { invalid } from '../../../http/errors.ts';
import { optionText } from '../mapping.ts';
import type { ImportSource, RowIssue } from './types.ts';

interface MetricRow { metricId: string; orgUnitId: string; period: string; value: number }

/** Rows per INSERT: under both databases' bound-parameter limits at seven columns a row. */
const CHUNK = 100;

const sqlBySize = new Map<string, string>();

/**
 * The upsert of `n` rows as SQL text in this database's dialect, built once by Kysely and reused:
 * at 50,000 rows a second, building the query tree for every chunk costs more than running it.
 */
function upsertSql(trx: Executor, n: number): string {
  const key = `${trx.getExecutor().adapter.constructor.name}:${n}`;
  let text = sqlBySize.get(key);
  if (!text) {
    const blank = { metric_id: '', org_unit_id: '', period: '', institution_id: '', value: 0, import_job_id: '', updated_at: '' };
    text = trx.insertInto('metric_values').values(Array.from({ length: n }, () => blank))
      .onConflict((oc) => oc.columns(['metric_id', 'org_unit_id', 'period']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'), import_job_id: eb.ref('excluded.import_job_id'), updated_at: eb.ref('excluded.updated_at'),
      })))
      .compile().sql;
    sqlBySize.set(key, text);
  }
  return text;
}

/** '72.5', '72.5%', '1,234', ' 3 ' → a number; anything else → null. */
export function parseFigure(text: string): number | null {
  const t = text.replace(/[\s,]/g, '').replace(/%$/, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Values per department and period for metrics defined under Metrics; the department is matched by its code. */
export const metricsSource: ImportSource<MetricRow> = {
  key: 'metrics',
  label: 'Metric values',
  description: 'Figures per department and period (NSS scores, loans, attendance, …) for metrics defined under Metrics. Departments are matched by their code; a row for the same metric, department and period replaces the figure already there.',
  minRole: 'manager',
  fields: [
    { key: 'orgUnitCode', label: 'Department code', required: true, help: 'The code each department carries in Rapport (e.g. COMP).', hints: ['department code', 'dept code', 'unit code', 'school code', 'code'] },
    { key: 'period', label: 'Period', required: true, help: 'An academic year (2025-26, 2025/26) or a month (2026-03, Mar-2026), as the metric is defined.', hints: ['academic year', 'year', 'month', 'session'] },
    { key: 'value', label: 'Value', required: true, help: 'A number; a trailing % and thousands separators are fine.', hints: ['score', 'figure', 'total', 'count', '%'] },
    { key: 'metric', label: 'Metric', required: false, help: 'The metric’s name, when the file holds several; otherwise choose the metric below.', hints: ['measure', 'indicator'] },
  ],
  options: [
    { key: 'metricId', label: 'The metric these figures belong to', kind: 'metric', required: false, help: 'When the file has no Metric column, every row belongs to this metric.', choices: null },
  ],

  async prepare(ex, institutionId, mapping, options) {
    const inst = await ex.selectFrom('institutions').select('academic_year_start_month').where('id', '=', institutionId).executeTakeFirstOrThrow();
    const metrics = await ex.selectFrom('metric_definitions').selectAll().where('institution_id', '=', institutionId).execute();
    let fixed: MetricDefinitionTable | undefined;
    const metricId = optionText(options, 'metricId');
    if (metricId !== undefined) {
      fixed = metrics.find((m) => m.id === metricId);
      if (!fixed) throw invalid('options.metricId', 'is not a metric of this institution');
    } else if (!mapping.metric) {
      throw invalid('options.metricId', 'choose the metric these values belong to, or map a Metric column');
    }
    const byName = new Map(metrics.map((m) => [m.name.trim().toLowerCase(), m]));
    const units = await ex.selectFrom('org_units').select(['id', 'code']).where('institution_id', '=', institutionId).where('code', 'is not', null).execute();
    const byCode = new Map(units.map((u) => [(u.code ?? '').trim().toLowerCase(), u.id]));
    const startMonth = inst.academic_year_start_month;
    // a file repeats a handful of periods over and over: parse each spelling once
    const periods = new Map<string, string | null>();
    const periodOf = (text: string, kind: MetricDefinitionTable['period_kind']) => {
      const key = `${kind}|${text}`;
      let p = periods.get(key);
      if (p === undefined) periods.set(key, (p = parsePeriod(text, kind, startMonth)));
      return p;
    };

    return {
      check(v) {
        const issues: RowIssue[] = [];
        const metric = fixed ?? byName.get((v.metric ?? '').toLowerCase());
        if (!metric) issues.push({ field: 'metric', message: v.metric ? `no metric is called “${v.metric}”; add it under Metrics first` : 'is empty' });
        const orgUnitId = byCode.get((v.orgUnitCode ?? '').toLowerCase());
        if (!orgUnitId) issues.push({ field: 'orgUnitCode', message: v.orgUnitCode ? `no department has the code “${v.orgUnitCode}”` : 'is empty' });
        const value = parseFigure(v.value ?? '');
        if (value === null) issues.push({ field: 'value', message: v.value ? `“${v.value}” is not a number` : 'is empty' });
        const period = metric ? periodOf(v.period ?? '', metric.period_kind) : null;
        if (metric && !period) {
          const want = metric.period_kind === 'month' ? 'a month such as 2026-03 or Mar-2026' : 'an academic year such as 2025-26';
          issues.push({ field: 'period', message: v.period ? `“${v.period}” is not ${want}` : 'is empty' });
        }
        if (issues.length || !metric || !orgUnitId || value === null || !period) return { ok: false, issues };
        return { ok: true, value: { metricId: metric.id, orgUnitId, period, value } };
      },
      key: (r) => `${r.metricId}\u0000${r.orgUnitId}\u0000${r.period}`,
      async write(trx: Executor, rows, job, now) {
        for (let i = 0; i < rows.length; i += CHUNK) {
          const chunk = rows.slice(i, i + CHUNK);
          const params: unknown[] = [];
          for (const r of chunk) params.push(r.metricId, r.orgUnitId, r.period, job.institution_id, r.value, job.id, now);
          await trx.executeQuery(CompiledQuery.raw(upsertSql(trx, chunk.length), params));
        }
        return rows.length;
      },
    };
  },
};
