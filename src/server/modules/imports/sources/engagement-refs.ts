import { createHash } from 'node:crypto';
import type { Executor } from '../../../db/types.ts';
import { fold } from '../../../lib/text.ts';

/**
 * Which engagement an imported row became (migration 0010), so a re-import updates it. The table's
 * type lives here, added to the executor's type with withTables (types only: the queries are the
 * same), because the shared Database type is not this source's to edit.
 */
export interface EngagementImportRefTable {
  institution_id: string;
  ref_key: string;
  source_ref: string | null;
  engagement_id: string;
  import_job_id: string | null;
  created_at: string;
  updated_at: string;
}

const withRefs = (ex: Executor) => ex.withTables<{ engagement_import_refs: EngagementImportRefTable }>();

/** The longest reference kept; booking ids are short, and the key is a primary-key column. */
export const MAX_REFERENCE = 200;

/**
 * The key of a row with the booking system's reference: matched within the named system, case and
 * spaces folded, so LibCal's booking 10234 and LibInsight's record 10234 stay two engagements.
 */
export const referenceKey = (system: string, reference: string) => `ref:${fold(system.trim().replace(/\s+/g, ' '))}:${fold(reference.trim())}`;

/**
 * The key of a row without one: its date (and time of day, when the file gives it, so a morning and
 * an afternoon session stay apart), type, summary (folded) and departments. Hashed: a summary may
 * run to 5,000 characters, more than a primary-key index takes.
 */
export function naturalKey(r: { occurredOn: string; time: string | null; typeId: string; summary: string; orgUnitIds: string[] }): string {
  const parts = [r.occurredOn, r.time ?? '', r.typeId, fold(r.summary.replace(/\s+/g, ' ').trim()), [...r.orgUnitIds].sort().join(',')];
  return `row:${createHash('sha256').update(parts.join('\u0000')).digest('hex')}`;
}

const CHUNK = 500;

/** ref key → engagement id, for the keys already imported. */
export async function knownRefs(ex: Executor, institutionId: string, keys: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await withRefs(ex).selectFrom('engagement_import_refs').select(['ref_key', 'engagement_id'])
      .where('institution_id', '=', institutionId).where('ref_key', 'in', keys.slice(i, i + CHUNK)).execute();
    for (const r of rows) out.set(r.ref_key, r.engagement_id);
  }
  return out;
}

/** Rows per INSERT: seven columns a row, under both databases' bound-parameter limits. */
const INSERT_CHUNK = 100;

/** Records (or moves) each key to its engagement, marked with the job that wrote it. */
export async function saveRefs(ex: Executor, rows: { refKey: string; sourceRef: string | null; engagementId: string }[], institutionId: string, jobId: string, now: string): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const values = rows.slice(i, i + INSERT_CHUNK).map((r) => ({
      institution_id: institutionId, ref_key: r.refKey, source_ref: r.sourceRef, engagement_id: r.engagementId, import_job_id: jobId, created_at: now, updated_at: now,
    }));
    await withRefs(ex).insertInto('engagement_import_refs').values(values)
      .onConflict((oc) => oc.columns(['institution_id', 'ref_key']).doUpdateSet((eb) => ({
        engagement_id: eb.ref('excluded.engagement_id'), source_ref: eb.ref('excluded.source_ref'), import_job_id: eb.ref('excluded.import_job_id'), updated_at: eb.ref('excluded.updated_at'),
      })))
      .execute();
  }
}
