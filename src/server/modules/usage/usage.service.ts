import {
  counterMetricTypes, counterReportIds, INSTITUTION_LEVEL_NOTE,
  type CounterReportId, type UsageByDepartmentDto, type UsageDto, type UsageMetricQuery, type UsageQuery, type UsageTitlesDto, type UsageTitlesQuery,
} from '../../../shared/contracts/usage.ts';
import type { Actor } from '../../http/actor.ts';
import { invalid, notFound } from '../../http/errors.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { addMonths, monthsBetween } from './counter-report.ts';
import * as repo from './usage.repository.ts';

/** The longest range one answer covers: ten years of months. */
const MAX_MONTHS = 120;
const DEFAULT_MONTHS = 12;
const metricOrder = (m: string) => {
  const i = (counterMetricTypes as readonly string[]).indexOf(m);
  return i < 0 ? counterMetricTypes.length : i;
};

/** COUNTER usage as imported: the institution's totals, the share titles mapped to departments carry, the top titles. Everyone signed in reads it. */
export function usageService({ db }: Pick<AppDeps, 'db'>) {
  /** The report and months asked for, or the defaults: the first report with figures, its last twelve months. */
  async function scope(actor: Actor, q: UsageQuery) {
    const reports = (await repo.reports(db, actor.institutionId))
      .filter((r): r is typeof r & { reportId: CounterReportId } => (counterReportIds as readonly string[]).includes(r.reportId))
      .sort((a, b) => counterReportIds.indexOf(a.reportId) - counterReportIds.indexOf(b.reportId));
    const report = q.report ?? reports[0]?.reportId ?? null;
    const info = reports.find((r) => r.reportId === report);
    const to = q.to ?? info?.to ?? q.from ?? null;
    let from = q.from ?? null;
    if (!from && to) {
      const back = addMonths(to, -(DEFAULT_MONTHS - 1));
      from = info && info.from <= to && info.from > back ? info.from : back;
    }
    if (from && to && from > to) throw invalid('from', `is after to (${to})`);
    if (from && to && monthsBetween(from, to).length > MAX_MONTHS) throw invalid('from', `the range is longer than ${MAX_MONTHS} months`);
    const window = report && from && to ? { institutionId: actor.institutionId, reportId: report, from, to } : null;
    return { head: { level: 'institution' as const, note: INSTITUTION_LEVEL_NOTE, reports, report, from, to }, window };
  }

  /** The metric type asked for, else Total_Item_Requests when present, else the first present. */
  async function metricOf(w: repo.Window, asked: UsageMetricQuery['metricType']): Promise<string | null> {
    if (asked) return asked;
    const present = (await repo.metricTypes(db, w)).sort((a, b) => metricOrder(a) - metricOrder(b));
    return present[0] ?? null;
  }

  return {
    async usage(actor: Actor, q: UsageQuery): Promise<UsageDto> {
      const { head, window } = await scope(actor, q);
      if (!window) return { ...head, months: [], series: [] };
      const months = monthsBetween(window.from, window.to);
      const rows = await repo.totals(db, window);
      const covered = new Set(rows.map((r) => r.month));
      const byMetric = new Map<string, Map<string, number>>();
      for (const r of rows) {
        let m = byMetric.get(r.metricType);
        if (!m) byMetric.set(r.metricType, (m = new Map<string, number>()));
        m.set(r.month, r.count);
      }
      const series = [...byMetric.entries()]
        .sort(([a], [b]) => metricOrder(a) - metricOrder(b) || (a < b ? -1 : 1))
        .map(([metricType, m]) => {
          // a month no imported report covers is unknown, not zero
          const counts = months.map((month) => (covered.has(month) ? (m.get(month) ?? 0) : null));
          return { metricType, counts, total: counts.reduce<number>((a, b) => a + (b ?? 0), 0) };
        });
      return { ...head, months, series };
    },

    async byDepartment(actor: Actor, q: UsageMetricQuery): Promise<UsageByDepartmentDto> {
      const { head, window } = await scope(actor, q);
      const metricType = window ? await metricOf(window, q.metricType) : null;
      const empty = { ...head, metricType, departments: [], unmapped: { count: 0, titles: 0 }, total: 0, unmappedShare: 0 };
      if (!window || !metricType) return empty;
      const groups = await repo.byOrgUnit(db, { ...window, metricType });
      const names = await repo.orgUnitNames(db, actor.institutionId, groups.flatMap((g) => (g.orgUnitId ? [g.orgUnitId] : [])));
      const departments = groups.flatMap((g) => {
        const name = g.orgUnitId ? names.get(g.orgUnitId) : undefined;
        return g.orgUnitId && name ? [{ orgUnit: { id: g.orgUnitId, name }, count: g.count, titles: g.titles }] : [];
      }).sort((a, b) => b.count - a.count || a.orgUnit.name.localeCompare(b.orgUnit.name, 'en-GB'));
      const unmapped = groups.find((g) => g.orgUnitId === null) ?? { count: 0, titles: 0 };
      const total = groups.reduce((a, g) => a + g.count, 0);
      return { ...empty, departments, unmapped: { count: unmapped.count, titles: unmapped.titles }, total, unmappedShare: total ? unmapped.count / total : 0 };
    },

    async titles(actor: Actor, q: UsageTitlesQuery): Promise<UsageTitlesDto> {
      if (q.orgUnitId && !(await repo.orgUnitNames(db, actor.institutionId, [q.orgUnitId])).size) throw notFound('Department');
      const { head, window } = await scope(actor, q);
      const metricType = window ? await metricOf(window, q.metricType) : null;
      const page = { items: [], page: q.page, pageSize: q.pageSize, total: 0 };
      if (!window || !metricType) return { ...head, metricType, ...page };
      const { rows, total } = await repo.titlesPage(db, { ...window, metricType }, q.orgUnitId, (q.page - 1) * q.pageSize, q.pageSize);
      const names = await repo.orgUnitNames(db, actor.institutionId, [...new Set(rows.flatMap((r) => (r.org_unit_id ? [r.org_unit_id] : [])))]);
      const items = rows.map((r) => {
        const name = r.org_unit_id ? names.get(r.org_unit_id) : undefined;
        return {
          title: r.title ?? '', platform: r.platform ?? '', publisher: r.publisher ?? null, printIssn: r.print_issn ?? null, onlineIssn: r.online_issn ?? null, isbn: r.isbn ?? null,
          count: r.count, orgUnit: r.org_unit_id && name ? { id: r.org_unit_id, name } : null,
        };
      });
      return { ...head, metricType, ...page, items, total };
    },
  };
}

export type UsageService = ReturnType<typeof usageService>;
