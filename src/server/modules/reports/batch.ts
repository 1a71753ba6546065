import type { Actor } from '../../http/actor.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { pdfFileName, reportPdf } from './pdf-reply.ts';
import { reportData } from './report-data.ts';

export interface BatchItem { done: number; total: number; orgUnitId: string; name: string; fileName: string; pdf: Buffer }

/**
 * Every active department's report for a year as PDFs, one at a time: memory holds one report's data
 * and one PDF whatever the number of departments, and the caller shows progress as each arrives.
 */
export async function* reportBatch(deps: Pick<AppDeps, 'db' | 'clock' | 'dialect'>, actor: Actor, year: number): AsyncGenerator<BatchItem> {
  const data = reportData(deps);
  const units = await deps.db.selectFrom('org_units').select(['id', 'name'])
    .where('institution_id', '=', actor.institutionId).where('type', '=', 'department').where('status', '=', 'active')
    .orderBy('name').orderBy('id').execute();
  let done = 0;
  const used = new Set<string>();
  for (const u of units) {
    const report = await data.compute(actor, u.id, year);
    const pdf = await reportPdf(report);
    done++;
    // two departments with one code or name must not overwrite each other's file
    let fileName = pdfFileName(report);
    for (let k = 2; used.has(fileName); k++) fileName = pdfFileName(report).replace(/\.pdf$/, `-${k}.pdf`);
    used.add(fileName);
    yield { done, total: units.length, orgUnitId: u.id, name: u.name, fileName, pdf };
  }
}
