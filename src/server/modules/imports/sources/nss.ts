import type { Executor, NssResultTable } from '../../../db/types.ts';
import { invalid } from '../../../http/errors.ts';
import { nssYear, questionKey, questionSelector, selects, weighted } from '../../figures/nss-rules.ts';
import { codeKey } from '../code-maps.ts';
import { optionText } from '../mapping.ts';
import { CHUNK, groupBy, metricIdOption, oneDecimal, parseCount, parsePercent, replaceMetricValues, startMonthOf, targetMetric, yearOption } from './derived-metrics.ts';
import type { ImportSource, RowIssue } from './types.ts';

type NssRow = Omit<NssResultTable, 'institution_id' | 'import_job_id' | 'updated_at'>;

/**
 * NSS results per subject (CAH code) and question. Every row is kept, placed or not; the chosen
 * metric gets each department's % agree, weighted by responses over the CAH codes mapped to it, from
 * published results only (the threshold is applied here, whatever the file says).
 */
export const nssSource: ImportSource<NssRow> = {
  key: 'nss',
  label: 'NSS results',
  description: 'National Student Survey results per subject (CAH code) and question: % agree, responses and response rate. Subjects are placed in departments through code mappings (NSS subject codes); each department’s % agree for the chosen question or theme goes to a metric, weighted by responses, leaving out results under the publication threshold (fewer than 10 responses or under 50% response rate). Importing a year again rewrites it.',
  minRole: 'manager',
  fields: [
    { key: 'cahCode', label: 'CAH code', required: true, help: 'The subject’s CAH code (CAH11-01-01), as the code mappings name it.', hints: ['cah code', 'cah', 'subject code'] },
    { key: 'subject', label: 'Subject', required: false, help: 'The subject’s name, shown beside its code.', hints: ['subject name', 'subject', 'cah name'] },
    { key: 'question', label: 'Question number', required: true, help: 'Q19, 19 or Q 19.', hints: ['question number', 'question no', 'question'] },
    { key: 'questionText', label: 'Question text', required: false, help: null, hints: ['question text', 'question wording'] },
    { key: 'theme', label: 'Theme', required: false, help: 'The question’s theme (Learning resources), when the file gives it: the metric may then take a whole theme.', hints: ['theme', 'scale'] },
    { key: 'agree', label: 'Agree %', required: true, help: '% agree (positivity): 85, 85% or 0.85. Blank, DP or N/A: not published.', hints: ['agree % (positivity)', 'positivity', 'agree %', '% agree', 'agree'] },
    { key: 'responses', label: 'Responses', required: true, help: 'How many students answered.', hints: ['responses', 'respondents', 'response count'] },
    { key: 'population', label: 'Population', required: false, help: 'How many students were surveyed: gives the response rate when the file has none.', hints: ['population', 'target population'] },
    { key: 'responseRate', label: 'Response rate', required: false, help: '67, 67% or 0.67.', hints: ['response rate'] },
    { key: 'year', label: 'Year', required: false, help: 'The NSS year (2025 is the survey of spring 2025, academic year 2024–25) or an academic year; otherwise choose the year below.', hints: ['survey year', 'nss year', 'year'] },
  ],
  options: [
    metricIdOption('A metric counted per academic year. Its figures for the years in this file are recomputed from every NSS result held.'),
    { key: 'question', label: 'The question or theme the metric takes', kind: 'text', required: true, help: 'A question number (Q19), several (Q19, Q20, Q21), or a theme’s name when the file has a Theme column.', choices: null },
    { key: 'year', label: 'NSS year', kind: 'text', required: false, help: 'When the file has no Year column: 2025 for the NSS of spring 2025 (academic year 2024–25).', choices: null },
  ],

  async prepare(ex, institutionId, mapping, options) {
    const metric = await targetMetric(ex, institutionId, options, 'academic_year');
    const selector = questionSelector(optionText(options, 'question') ?? '', Boolean(mapping.theme));
    if (!selector) throw invalid('options.question', mapping.theme ? 'is empty' : 'give a question number such as Q19 (or several: Q19, Q20), or map a Theme column to choose a theme');
    const startMonth = await startMonthOf(ex, institutionId);
    const fixedYear = yearOption(options, startMonth, (t) => nssYear(t, startMonth));
    if (!fixedYear && !mapping.year) throw invalid('options.year', 'choose the NSS year, or map a Year column');

    return {
      check(v) {
        const issues: RowIssue[] = [];
        const cah = (v.cahCode ?? '').replace(/\s+/g, ' ');
        if (!cah) issues.push({ field: 'cahCode', message: 'is empty' });
        else if (cah.length > 50) issues.push({ field: 'cahCode', message: 'is longer than 50 characters' });
        const question = questionKey(v.question ?? '');
        if (!question) issues.push({ field: 'question', message: 'is empty' });
        else if (question.length > 20) issues.push({ field: 'question', message: 'is not a question number such as Q19' });
        const year = v.year ? nssYear(v.year, startMonth) : fixedYear;
        if (!year) issues.push({ field: 'year', message: v.year ? `“${v.year}” is not an NSS year such as 2025 or an academic year such as 2024-25` : 'is empty' });
        const agree = parsePercent(v.agree ?? '');
        if (agree === undefined) issues.push({ field: 'agree', message: `“${v.agree}” is not a percentage from 0 to 100` });
        const responses = parseCount(v.responses ?? '');
        if (responses === undefined) issues.push({ field: 'responses', message: `“${v.responses}” is not a whole number` });
        const population = parseCount(v.population ?? '');
        if (population === undefined) issues.push({ field: 'population', message: `“${v.population}” is not a whole number` });
        const rate = parsePercent(v.responseRate ?? '');
        if (rate === undefined) issues.push({ field: 'responseRate', message: `“${v.responseRate}” is not a percentage from 0 to 100` });
        if (issues.length || !question || !year || agree === undefined || responses === undefined || population === undefined || rate === undefined) return { ok: false, issues };
        const derivedRate = rate ?? (population && responses !== null ? (responses / population) * 100 : null);
        return {
          ok: true,
          value: {
            year, cah_code: cah, cah_key: codeKey(cah), subject: v.subject?.slice(0, 300) || null, question, question_text: v.questionText?.slice(0, 1000) || null,
            theme: v.theme?.slice(0, 200) || null, agree_pct: agree, responses, population, response_rate: derivedRate,
          },
        };
      },
      key: (r) => `${r.year}\u0000${r.cah_key}\u0000${r.question}`,
      async write(trx: Executor, rows, job, now) {
        for (let i = 0; i < rows.length; i += CHUNK) {
          await trx.insertInto('nss_results')
            .values(rows.slice(i, i + CHUNK).map((r) => ({ ...r, institution_id: job.institution_id, import_job_id: job.id, updated_at: now })))
            .onConflict((oc) => oc.columns(['institution_id', 'year', 'cah_key', 'question']).doUpdateSet((eb) => ({
              cah_code: eb.ref('excluded.cah_code'), subject: eb.ref('excluded.subject'), question_text: eb.ref('excluded.question_text'), theme: eb.ref('excluded.theme'),
              agree_pct: eb.ref('excluded.agree_pct'), responses: eb.ref('excluded.responses'), population: eb.ref('excluded.population'),
              response_rate: eb.ref('excluded.response_rate'), import_job_id: eb.ref('excluded.import_job_id'), updated_at: eb.ref('excluded.updated_at'),
            })))
            .execute();
        }
        return rows.length;
      },

      /** Each department's figure for every year the file touched, from all results held for those years. */
      async finish(trx, job, now) {
        // asked of the table, not remembered in this run: a job resumed after a restart has a fresh run
        const years = (await trx.selectFrom('nss_results').select('year').distinct().where('institution_id', '=', job.institution_id).where('import_job_id', '=', job.id).execute()).map((r) => r.year);
        if (!years.length) return;
        const rows = await trx.selectFrom('nss_results as n')
          .innerJoin('code_maps as m', (j) => j.onRef('m.institution_id', '=', 'n.institution_id').on('m.kind', '=', 'cah').onRef('m.code_key', '=', 'n.cah_key'))
          .select(['m.org_unit_id', 'n.year', 'n.question', 'n.theme', 'n.agree_pct', 'n.responses', 'n.response_rate'])
          .where('n.institution_id', '=', job.institution_id).where('n.year', 'in', years)
          .execute();
        const chosen = rows.filter((r) => selects(selector, r));
        const values = [...groupBy(chosen, (r) => `${r.org_unit_id}\u0000${r.year}`).values()].flatMap((group) => {
          const w = weighted(group);
          const first = group[0];
          return w && first ? [{ orgUnitId: first.org_unit_id, period: first.year, value: oneDecimal(w.agreePct) }] : [];
        });
        await replaceMetricValues(trx, job, metric.id, years, values, now);
      },
    };
  },
};
