import type { CodeMapKind, Executor } from '../../../db/types.ts';
import { codeKey, codeMapKinds, loadUnitCodes } from '../code-maps.ts';
import { optionText } from '../mapping.ts';
import type { ImportSource, RowIssue } from './types.ts';

interface CodeMapRow { code: string; key: string; orgUnitId: string }

/**
 * The institution's translation of outside codes into departments: NSS subject codes, the library
 * system's user groups, COUNTER titles. One file holds one kind; a code mapped again moves.
 */
export const codeMapsSource: ImportSource<CodeMapRow> = {
  key: 'codeMaps',
  label: 'Code mappings',
  description: 'Which department an outside code belongs to: NSS subject (CAH) codes, the library system’s user groups, or journal and book titles in COUNTER reports. NSS, loans and title-level usage are split by department through these.',
  minRole: 'manager',
  fields: [
    { key: 'code', label: 'Code', required: true, help: 'The code or name as the outside system writes it (CAH11-01-01, UG-COMP-PGT, Journal of Computing).', hints: ['cah code', 'user group', 'title', 'code'] },
    { key: 'orgUnitCode', label: 'Department code', required: true, help: 'The code the department carries in Rapport (e.g. COMP).', hints: ['department code', 'dept code', 'unit code', 'department'] },
  ],
  options: [
    { key: 'kind', label: 'Kind of code', kind: 'select', required: true, help: 'What the codes in this file are.', choices: codeMapKinds },
  ],

  async prepare(ex, institutionId, _mapping, options) {
    const kind = optionText(options, 'kind') as CodeMapKind;
    const units = await loadUnitCodes(ex, institutionId);
    return {
      check(v) {
        const issues: RowIssue[] = [];
        const code = (v.code ?? '').replace(/\s+/g, ' ');
        if (!code) issues.push({ field: 'code', message: 'is empty' });
        else if (code.length > 300) issues.push({ field: 'code', message: 'is longer than 300 characters' });
        const orgUnitId = units.get(codeKey(v.orgUnitCode ?? ''));
        if (!orgUnitId) issues.push({ field: 'orgUnitCode', message: v.orgUnitCode ? `no department has the code “${v.orgUnitCode}”` : 'is empty' });
        if (issues.length || !orgUnitId) return { ok: false, issues };
        return { ok: true, value: { code, key: codeKey(code), orgUnitId } };
      },
      key: (r) => r.key,
      async write(trx: Executor, rows, job, now) {
        for (const r of rows) {
          await trx.insertInto('code_maps')
            .values({ institution_id: job.institution_id, kind, code: r.code, code_key: r.key, org_unit_id: r.orgUnitId, import_job_id: job.id, created_at: now, updated_at: now })
            .onConflict((oc) => oc.columns(['institution_id', 'kind', 'code_key']).doUpdateSet({ code: r.code, org_unit_id: r.orgUnitId, import_job_id: job.id, updated_at: now }))
            .execute();
        }
        return rows.length;
      },
    };
  },
};
