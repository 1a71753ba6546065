import { CompiledQuery } from 'kysely';
import { counterMetricTypes } from '../../../../shared/contracts/usage.ts';
import { counterLineKey } from '../../../db/counter-key.ts';
import type { CounterUsageTable, Executor } from '../../../db/types.ts';
import { readCounterReport } from '../../usage/counter-report.ts';
import { codeKey } from '../code-maps.ts';
import type { ImportSource, RowIssue } from './types.ts';

/** One body row of the report: what it counts, and one count per month column (in the report's month order). */
interface CounterLine {
  title: string; titleKey: string; itemKey: string; platform: string; platformKey: string; lineKey: string;
  publisher: string | null; doi: string | null; proprietaryId: string | null; isbn: string | null; printIssn: string | null; onlineIssn: string | null;
  dataType: string; accessType: string; accessMethod: string; yop: string; metricType: string;
  counts: number[];
}

const COLUMNS = [
  'institution_id', 'report_id', 'line_key', 'platform', 'platform_key', 'title', 'title_key', 'item_key', 'publisher', 'doi', 'proprietary_id', 'isbn',
  'print_issn', 'online_issn', 'data_type', 'access_type', 'access_method', 'yop', 'metric_type', 'month', 'count', 'import_job_id', 'updated_at',
] as const;
/** Counts per INSERT: 40 × 23 parameters stays well under both databases' bound-parameter limits. */
const CHUNK = 40;
/** The primary key (migration 0016): the line's digest and the month. */
const KEY = ['institution_id', 'report_id', 'line_key', 'month'] as const;
const REWRITTEN = ['platform', 'title', 'publisher', 'doi', 'proprietary_id', 'isbn', 'print_issn', 'online_issn', 'count', 'import_job_id', 'updated_at'] as const;

const sqlBySize = new Map<string, string>();

/** The upsert of `n` counts in this database's dialect, built once by Kysely and reused (as metrics.ts does). */
function upsertSql(trx: Executor, n: number): string {
  const key = `${trx.getExecutor().adapter.constructor.name}:${n}`;
  let text = sqlBySize.get(key);
  if (!text) {
    // keys in COLUMNS order: write() pushes each count's parameters in that order
    const blank: CounterUsageTable = {
      institution_id: '', report_id: '', line_key: '', platform: '', platform_key: '', title: '', title_key: '', item_key: '', publisher: '', doi: '', proprietary_id: '', isbn: '',
      print_issn: '', online_issn: '', data_type: '', access_type: '', access_method: '', yop: '', metric_type: '', month: '', count: 0, import_job_id: '', updated_at: '',
    };
    if (Object.keys(blank).join() !== COLUMNS.join()) throw new Error('counter_usage columns out of order');
    text = trx.insertInto('counter_usage').values(Array.from({ length: n }, () => blank))
      .onConflict((oc) => oc.columns(KEY).doUpdateSet((eb) => Object.fromEntries(REWRITTEN.map((c) => [c, eb.ref(`excluded.${c}`)]))))
      .compile().sql;
    sqlBySize.set(key, text);
  }
  return text;
}

const metricByLower = new Map<string, string>(counterMetricTypes.map((m) => [m.toLowerCase(), m]));
const LONG = 300;

/** '12', '1,234', ' 0 ' → a count; blank → 0 (a cleared cell is no use); anything else → null. */
function parseCount(cell: string): number | null {
  const t = cell.replace(/[\s,]/g, '');
  if (t === '') return 0;
  // nine digits: the column is a 32-bit integer on PostgreSQL, and no title is used a billion times a month
  return /^\d{1,9}$/.test(t) ? Number(t) : null;
}

const field = (key: string, label: string, help: string, hints: string[] = []) => ({ key, label, required: false, help, hints });

/**
 * The COUNTER heading of each optional field. A mapping remembered from another report (TR_J1's, used
 * again for a TR) may name none for columns this file has: an unmapped field is read from its standard
 * column, since YOP and Access_Type tell lines apart and losing them would merge their counts.
 */
const STANDARD: Record<string, string> = {
  total: 'reporting_period_total', platform: 'platform', publisher: 'publisher', printIssn: 'print_issn', onlineIssn: 'online_issn', isbn: 'isbn',
  doi: 'doi', proprietaryId: 'proprietary_id', dataType: 'data_type', accessType: 'access_type', accessMethod: 'access_method', yop: 'yop',
};

/**
 * COUNTER Release 5 / 5.1 tabular reports (title, database and platform reports): one count per body
 * row and month column. Usage is the institution's as a whole; it is split by department only when read,
 * through the title → department code mapping.
 */
export const counterSource: ImportSource<CounterLine> = {
  key: 'counter',
  label: 'COUNTER usage (R5 / R5.1)',
  description: 'E-resource usage from COUNTER Release 5 or 5.1 reports (TR, TR_J1, TR_B1, DR, PR and their standard views) as the platform gives them: TSV, CSV or Excel, header block included. COUNTER usage is institution-level: it is split by department only for titles you map to one (Code mappings, kind “Journal or book title”). Importing a report again, or one whose months overlap, replaces those months.',
  minRole: 'manager',
  fields: [
    { key: 'title', label: 'Title', required: true, help: 'The report’s first column: Title, Database or Platform.', hints: ['title', 'database', 'platform', 'item'] },
    { key: 'metricType', label: 'Metric type', required: true, help: 'Metric_Type: Total_Item_Requests, Unique_Item_Requests, Searches_Regular, …', hints: ['metric type'] },
    field('total', 'Reporting period total', 'Reporting_Period_Total: checked against the sum of the month columns.', ['reporting period total']),
    field('platform', 'Platform', 'Where the use happened; on a platform report, the platform itself.'),
    field('publisher', 'Publisher', 'Publisher, as the report names it.'),
    field('printIssn', 'Print ISSN', 'Print_ISSN; matched against the title mapping when the title is not.'),
    field('onlineIssn', 'Online ISSN', 'Online_ISSN; matched against the title mapping when the title is not.'),
    field('isbn', 'ISBN', 'ISBN; matched against the title mapping when the title is not.'),
    field('doi', 'DOI', 'DOI.'),
    field('proprietaryId', 'Proprietary ID', 'Proprietary_ID: the platform’s own identifier.'),
    field('dataType', 'Data type', 'Data_Type (Journal, Book, Database, …), when the report breaks usage down by it.'),
    field('accessType', 'Access type', 'Access_Type (Controlled, OA_Gold, Open, …), when the report breaks usage down by it.'),
    field('accessMethod', 'Access method', 'Access_Method (Regular, TDM), when the report breaks usage down by it.'),
    field('yop', 'YOP', 'Year of publication, when the report breaks usage down by it.', ['year of publication']),
  ],

  checkFile: (c) => void readCounterReport(c.preamble, c.columns),

  prepare(_ex, _institutionId, mapping, _options, context) {
    const report = readCounterReport(context.preamble, context.columns);
    const { reportId } = report;
    const monthCols = report.months;
    const months = monthCols.map((m) => m.month);
    const platformReport = reportId.startsWith('PR');
    const lower = context.columns.map((c) => c.trim().toLowerCase());
    const standard = new Map<string, number>();
    for (const [key, heading] of Object.entries(STANDARD)) {
      const i = lower.indexOf(heading);
      if (!mapping[key] && i >= 0) standard.set(key, i);
    }

    return Promise.resolve({
      check(v, cells) {
        const issues: RowIssue[] = [];
        const cellOf = (k: string) => {
          const i = standard.get(k);
          return v[k] ?? (i === undefined ? '' : (cells[i] ?? ''));
        };
        const text = (k: string) => cellOf(k).replace(/\s+/g, ' ').trim();
        // a field read from its standard column is named by that column, as a mapped one is
        const at = (k: string) => { const i = standard.get(k); return i === undefined ? k : (context.columns[i] ?? k); };
        const opt = (k: string) => text(k) || null;
        const title = text('title');
        if (!title) issues.push({ field: 'title', message: 'is empty' });
        else if (title.length > 1000) issues.push({ field: 'title', message: 'is longer than 1,000 characters' });
        for (const k of ['platform', 'publisher', 'printIssn', 'onlineIssn', 'isbn', 'doi', 'proprietaryId', 'dataType', 'accessType', 'accessMethod', 'yop']) {
          if (text(k).length > LONG) issues.push({ field: at(k), message: `is longer than ${LONG} characters` });
        }
        const metricType = metricByLower.get(text('metricType').toLowerCase());
        if (!metricType) issues.push({ field: 'metricType', message: v.metricType ? `“${v.metricType}” is not a COUNTER Release 5 metric type (such as Total_Item_Requests)` : 'is empty' });
        const yop = text('yop');
        if (yop && !/^\d{4}$/.test(yop)) issues.push({ field: at('yop'), message: `“${yop}” is not a year` });
        const counts: number[] = [];
        for (const { index } of monthCols) {
          const cell = cells[index] ?? '';
          const n = parseCount(cell);
          // the month's own column names the problem: it is not a mapped field
          if (n === null) issues.push({ field: context.columns[index] ?? null, message: `“${cell.trim()}” is not a whole number of uses` });
          counts.push(n ?? 0);
        }
        const totalText = text('total');
        if (totalText) {
          const total = parseCount(totalText);
          const sum = counts.reduce((a, b) => a + b, 0);
          if (total === null) issues.push({ field: at('total'), message: `“${totalText}” is not a whole number of uses` });
          else if (total !== sum) issues.push({ field: at('total'), message: `is ${total}, but the month columns add up to ${sum}` });
        }
        if (issues.length || !metricType) return { ok: false, issues };
        const platform = text('platform') || (platformReport ? title : '');
        const ids = { proprietaryId: opt('proprietaryId'), doi: opt('doi'), isbn: opt('isbn'), onlineIssn: opt('onlineIssn'), printIssn: opt('printIssn') };
        const parts = {
          title_key: codeKey(title), platform_key: codeKey(platform),
          // two items may share a title on one platform (a book and its second edition): the first identifier tells them apart
          item_key: codeKey(ids.proprietaryId ?? ids.doi ?? ids.isbn ?? ids.onlineIssn ?? ids.printIssn ?? ''),
          data_type: text('dataType'), access_type: text('accessType'), access_method: text('accessMethod'), yop, metric_type: metricType,
        };
        return {
          ok: true,
          value: {
            title, titleKey: parts.title_key, platform, platformKey: parts.platform_key, publisher: opt('publisher'), ...ids, itemKey: parts.item_key,
            dataType: parts.data_type, accessType: parts.access_type, accessMethod: parts.access_method, yop, metricType, counts, lineKey: counterLineKey(parts),
          },
        };
      },
      key: (r) => r.lineKey,
      async write(trx: Executor, lines, job, now) {
        const params: unknown[] = [];
        let n = 0;
        const flush = async () => {
          if (n) await trx.executeQuery(CompiledQuery.raw(upsertSql(trx, n), params.splice(0)));
          n = 0;
        };
        for (const r of lines) {
          for (let i = 0; i < months.length; i++) {
            params.push(job.institution_id, reportId, r.lineKey, r.platform, r.platformKey, r.title, r.titleKey, r.itemKey, r.publisher, r.doi, r.proprietaryId, r.isbn,
              r.printIssn, r.onlineIssn, r.dataType, r.accessType, r.accessMethod, r.yop, r.metricType, months[i], r.counts[i] ?? 0, job.id, now);
            if (++n === CHUNK) await flush();
          }
        }
        await flush();
        return lines.length;
      },
      /**
       * A report is the platform's whole count for its months: a title it no longer lists (COUNTER leaves
       * out lines with no use) must not keep an earlier import's figure. So for each platform and metric
       * type this import wrote, the same report's other rows in these months go.
       */
      async finish(trx: Executor, job) {
        await trx.deleteFrom('counter_usage')
          .where('institution_id', '=', job.institution_id)
          .where('report_id', '=', reportId)
          .where('month', 'in', months)
          .where((eb) => eb.or([eb('import_job_id', 'is', null), eb('import_job_id', '!=', job.id)]))
          .where((eb) => eb.exists(eb.selectFrom('counter_usage as n').select('n.month')
            .where('n.import_job_id', '=', job.id)
            .whereRef('n.report_id', '=', 'counter_usage.report_id')
            .whereRef('n.platform_key', '=', 'counter_usage.platform_key')
            .whereRef('n.metric_type', '=', 'counter_usage.metric_type')))
          .execute();
      },
    });
  },
};
