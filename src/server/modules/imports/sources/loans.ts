import { sql } from 'kysely';
import { academicYearStart } from '../../../../shared/academic-year.ts';
import { parsePeriod } from '../../../../shared/metric-periods.ts';
import type { Executor, MetricDefinitionTable } from '../../../db/types.ts';
import { codeKey } from '../code-maps.ts';
import { CHUNK, groupBy, metricIdOption, parseCount, replaceMetricValues, startMonthOf, targetMetric } from './derived-metrics.ts';
import type { ImportSource, RowIssue } from './types.ts';

interface LoanRow { userGroup: string; key: string; period: string; count: number; seq: number }

/**
 * The stored period of a loans cell for a metric of `kind`. A per-year metric also takes months and
 * dates (a monthly Alma report feeds a yearly figure), each counted in the academic year it falls in.
 */
function loanPeriod(text: string, kind: MetricDefinitionTable['period_kind'], startMonth: number): string | null {
  if (kind === 'month') return parsePeriod(text, 'month');
  const year = parsePeriod(text, 'academic_year', startMonth);
  if (year) return year;
  const month = parsePeriod(text, 'month');
  return month ? academicYearStart(`${month}-01`, startMonth).slice(0, 4) : null;
}

/**
 * Loans from the library management system (an Alma Analytics report, say), per user group and
 * period. The report's columns are the user's own design, so nothing is guessed. Rows of one file
 * for the same user group and period are added up (a report broken down further, by library or by
 * day); a later file replaces those totals rather than adding to them.
 */
export const loansSource: ImportSource<LoanRow> = {
  key: 'loans',
  label: 'Loans',
  description: 'Loans from the library system (e.g. an Alma Analytics report) per user group and month or year. User groups are placed in departments through code mappings (library user groups); each department’s loans are summed into the chosen metric. Rows for the same user group and period in one file are added together; importing the period again replaces its totals.',
  minRole: 'manager',
  mappingRequired: true,
  fields: [
    { key: 'userGroup', label: 'User group', required: true, help: 'The borrower’s user group as the library system names it (UG-COMP-PGT).' },
    { key: 'period', label: 'Period', required: true, help: 'A month (2025-10, Oct 2025) or a loan date; an academic year (2025-26) when the metric is counted per year.' },
    { key: 'loans', label: 'Loans', required: true, help: 'How many loans: a whole number (1,234 is fine).' },
  ],
  options: [metricIdOption('Counted per month or per academic year. Its figures for the periods in this file are recomputed from every loan count held.')],

  async prepare(ex, institutionId, _mapping, options) {
    const metric = await targetMetric(ex, institutionId, options);
    const startMonth = await startMonthOf(ex, institutionId);
    const periods = new Map<string, string | null>();
    // every row is its own value: rows with the same user group and period are summed, not replaced
    let seq = 0;

    return {
      check(v) {
        const issues: RowIssue[] = [];
        const group = (v.userGroup ?? '').replace(/\s+/g, ' ');
        if (!group) issues.push({ field: 'userGroup', message: 'is empty' });
        else if (group.length > 200) issues.push({ field: 'userGroup', message: 'is longer than 200 characters' });
        const text = v.period ?? '';
        let period = periods.get(text);
        if (period === undefined) periods.set(text, (period = loanPeriod(text, metric.period_kind, startMonth)));
        if (!period) issues.push({ field: 'period', message: text ? `“${text}” is not ${metric.period_kind === 'month' ? 'a month such as 2025-10 or Oct 2025' : 'an academic year such as 2025-26, a month or a date'}` : 'is empty' });
        const count = parseCount(v.loans ?? '');
        if (count === undefined || count === null) issues.push({ field: 'loans', message: v.loans ? `“${v.loans}” is not a whole number` : 'is empty' });
        if (issues.length || !period || count === undefined || count === null) return { ok: false, issues };
        return { ok: true, value: { userGroup: group, key: codeKey(group), period, count, seq: seq++ } };
      },
      key: (r) => String(r.seq),
      async write(trx: Executor, rows, job, now) {
        const totals = [...groupBy(rows, (r) => `${r.key}\u0000${r.period}`).values()].map((g) => ({ ...(g.at(-1) as LoanRow), count: g.reduce((s, r) => s + r.count, 0) }));
        for (let i = 0; i < totals.length; i += CHUNK) {
          await trx.insertInto('loan_counts')
            .values(totals.slice(i, i + CHUNK).map((r) => ({
              institution_id: job.institution_id, user_group: r.userGroup, user_group_key: r.key, period: r.period, count: r.count, import_job_id: job.id, updated_at: now,
            })))
            // this job's earlier batches add up; another job's total is replaced
            .onConflict((oc) => oc.columns(['institution_id', 'user_group_key', 'period']).doUpdateSet((eb) => ({
              user_group: eb.ref('excluded.user_group'),
              count: sql<number>`case when loan_counts.import_job_id = excluded.import_job_id then loan_counts.count + excluded.count else excluded.count end`,
              import_job_id: eb.ref('excluded.import_job_id'),
              updated_at: eb.ref('excluded.updated_at'),
            })))
            .execute();
        }
        return rows.length;
      },

      /** Each department's loans for every period the file touched: the sum over the user groups mapped to it. */
      async finish(trx, job, now) {
        const touched = (await trx.selectFrom('loan_counts').select('period').distinct().where('institution_id', '=', job.institution_id).where('import_job_id', '=', job.id).execute()).map((r) => r.period);
        if (!touched.length) return;
        const sums = await trx.selectFrom('loan_counts as l')
          .innerJoin('code_maps as m', (j) => j.onRef('m.institution_id', '=', 'l.institution_id').on('m.kind', '=', 'user_group').onRef('m.code_key', '=', 'l.user_group_key'))
          .select((eb) => ['m.org_unit_id', 'l.period', eb.fn.sum<number | string>('l.count').as('total')])
          .where('l.institution_id', '=', job.institution_id).where('l.period', 'in', touched)
          .groupBy(['m.org_unit_id', 'l.period'])
          .execute();
        await replaceMetricValues(trx, job, metric.id, touched, sums.map((s) => ({ orgUnitId: s.org_unit_id, period: s.period, value: Number(s.total) })), now);
      },
    };
  },
};
