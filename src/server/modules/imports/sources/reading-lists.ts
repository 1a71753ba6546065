import { sql } from 'kysely';
import { parsePeriod } from '../../../../shared/metric-periods.ts';
import type { Executor, ReadingListTable } from '../../../db/types.ts';
import { invalid } from '../../../http/errors.ts';
import { coverageByUnit, coveragePct } from '../../figures/coverage.ts';
import { codeKey, loadUnitCodes } from '../code-maps.ts';
import { CHUNK, metricIdOption, parseCount, replaceMetricValues, startMonthOf, targetMetric, yearOption } from './derived-metrics.ts';
import type { ImportSource, RowIssue } from './types.ts';

type ListRow = Omit<ReadingListTable, 'institution_id' | 'import_job_id' | 'updated_at'>;

/**
 * Reading lists per module (a Leganto or Talis Aspire export), modules without a list included: the
 * chosen metric gets each department's coverage, modules with a list ÷ modules. The hierarchy code is
 * the department's own code in Rapport (list systems are usually arranged by the same codes), so no
 * code mapping is needed; rows whose code is no department's are kept and listed as waiting.
 */
export const readingListsSource: ImportSource<ListRow> = {
  key: 'readingLists',
  label: 'Reading lists',
  description: 'Reading lists per module from Leganto or Talis Aspire, with the modules that have none. Each module’s hierarchy code is matched to a department’s code; each department’s coverage (modules with a list ÷ modules) goes to the chosen metric. A module in the file replaces what was held for it that year.',
  minRole: 'manager',
  fields: [
    { key: 'moduleCode', label: 'Module code', required: true, help: 'The module (course) code: HIS2045.', hints: ['module code', 'course code', 'module', 'course'] },
    { key: 'moduleName', label: 'Module name', required: false, help: null, hints: ['module name', 'module title', 'course name', 'course title'] },
    { key: 'hierarchyCode', label: 'Hierarchy code', required: true, help: 'The department the module sits under, by its code in Rapport (HIST).', hints: ['hierarchy code', 'academic department', 'department code', 'hierarchy'] },
    { key: 'listId', label: 'List ID', required: false, help: 'Blank for a module without a list.', hints: ['list id', 'list code', 'reading list id', 'list link'] },
    { key: 'listTitle', label: 'List title', required: false, help: 'Blank for a module without a list.', hints: ['list title', 'list name', 'reading list name', 'reading list'] },
    { key: 'itemCount', label: 'Items', required: false, help: 'Items (citations) on the list: a list with none does not count as a list.', hints: ['item count', 'items', 'citations', 'number of citations'] },
    { key: 'year', label: 'Academic year', required: false, help: 'The year the module runs (2025-26); otherwise choose the year below.', hints: ['academic year', 'time period', 'year'] },
  ],
  options: [
    metricIdOption('A metric counted per academic year. Its figures for the years in this file are recomputed from every module held.'),
    { key: 'year', label: 'Academic year', kind: 'text', required: false, help: 'When the file has no year column: the year the modules run (2025-26).', choices: null },
  ],

  async prepare(ex, institutionId, mapping, options) {
    const metric = await targetMetric(ex, institutionId, options, 'academic_year');
    const startMonth = await startMonthOf(ex, institutionId);
    const fixedYear = yearOption(options, startMonth);
    if (!fixedYear && !mapping.year) throw invalid('options.year', 'choose the academic year, or map an Academic year column');
    if (!mapping.listId && !mapping.listTitle) throw invalid('mapping.listTitle', 'choose the column with the list title or the list ID: a module with neither has no list');

    return {
      check(v) {
        const issues: RowIssue[] = [];
        const module = (v.moduleCode ?? '').replace(/\s+/g, ' ');
        if (!module) issues.push({ field: 'moduleCode', message: 'is empty' });
        else if (module.length > 100) issues.push({ field: 'moduleCode', message: 'is longer than 100 characters' });
        const hierarchy = (v.hierarchyCode ?? '').replace(/\s+/g, ' ');
        if (!hierarchy) issues.push({ field: 'hierarchyCode', message: 'is empty' });
        else if (hierarchy.length > 100) issues.push({ field: 'hierarchyCode', message: 'is longer than 100 characters' });
        const year = v.year ? parsePeriod(v.year, 'academic_year', startMonth) : fixedYear;
        if (!year) issues.push({ field: 'year', message: v.year ? `“${v.year}” is not an academic year such as 2025-26` : 'is empty' });
        const items = parseCount(v.itemCount ?? '');
        if (items === undefined) issues.push({ field: 'itemCount', message: `“${v.itemCount}” is not a whole number` });
        if (issues.length || !year || items === undefined) return { ok: false, issues };
        const listId = v.listId?.slice(0, 300) || null;
        const listTitle = v.listTitle?.slice(0, 500) || null;
        const listKey = codeKey(listId ?? listTitle ?? '');
        return {
          ok: true,
          value: {
            year, module_code: module, module_key: codeKey(module), module_name: v.moduleName?.slice(0, 300) || null, hierarchy_code: hierarchy,
            hierarchy_key: codeKey(hierarchy), list_key: listKey, list_id: listId, list_title: listTitle, item_count: items, has_list: listKey && items !== 0 ? 1 : 0,
          },
        };
      },
      key: (r) => `${r.year}\u0000${r.module_key}\u0000${r.list_key}`,
      async write(trx: Executor, rows, job, now) {
        for (let i = 0; i < rows.length; i += CHUNK) {
          await trx.insertInto('reading_lists')
            .values(rows.slice(i, i + CHUNK).map((r) => ({ ...r, institution_id: job.institution_id, import_job_id: job.id, updated_at: now })))
            .onConflict((oc) => oc.columns(['institution_id', 'year', 'module_key', 'list_key']).doUpdateSet((eb) => ({
              module_code: eb.ref('excluded.module_code'), module_name: eb.ref('excluded.module_name'), hierarchy_code: eb.ref('excluded.hierarchy_code'),
              hierarchy_key: eb.ref('excluded.hierarchy_key'), list_id: eb.ref('excluded.list_id'), list_title: eb.ref('excluded.list_title'),
              item_count: eb.ref('excluded.item_count'), has_list: eb.ref('excluded.has_list'), import_job_id: eb.ref('excluded.import_job_id'), updated_at: eb.ref('excluded.updated_at'),
            })))
            .execute();
        }
        return rows.length;
      },

      /** The file is the truth about each module it names; then every department's coverage for the years it touched. */
      async finish(trx, job, now) {
        // a list dropped since the last export (or the module's "no list" row, now that it has one) goes
        await trx.deleteFrom('reading_lists')
          .where('institution_id', '=', job.institution_id)
          .where((eb) => eb.or([eb('import_job_id', 'is', null), eb('import_job_id', '<>', job.id)]))
          .where((eb) => eb.exists(eb.selectFrom('reading_lists as t').select(sql<number>`1`.as('one'))
            .whereRef('t.institution_id', '=', 'reading_lists.institution_id').whereRef('t.year', '=', 'reading_lists.year')
            .whereRef('t.module_key', '=', 'reading_lists.module_key').where('t.import_job_id', '=', job.id)))
          .execute();
        const years = (await trx.selectFrom('reading_lists').select('year').distinct().where('institution_id', '=', job.institution_id).where('import_job_id', '=', job.id).execute()).map((r) => r.year);
        if (!years.length) return;
        const rows = await trx.selectFrom('reading_lists').select(['year', 'module_key', 'hierarchy_key', 'has_list'])
          .where('institution_id', '=', job.institution_id).where('year', 'in', years).execute();
        const units = await loadUnitCodes(trx, job.institution_id);
        const values = coverageByUnit(rows, (k) => units.get(k)).flatMap((c) => {
          const pct = coveragePct(c);
          return c.orgUnitId && pct !== null ? [{ orgUnitId: c.orgUnitId, period: c.year, value: pct }] : [];
        });
        await replaceMetricValues(trx, job, metric.id, years, values, now);
      },
    };
  },
};
