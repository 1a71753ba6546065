import type { Executor, SearchEntityType } from '../../db/types.ts';
import { fold } from '../../lib/text.ts';

export interface SearchDoc {
  type: SearchEntityType;
  id: string;
  institutionId: string;
  title: string;
  subtitle?: string | null;
  /** further words to find it by; not shown */
  body?: (string | null | undefined)[];
}

export function searchRow(d: SearchDoc) {
  return {
    entity_type: d.type,
    entity_id: d.id,
    institution_id: d.institutionId,
    title: d.title,
    subtitle: d.subtitle ?? null,
    folded_title: fold(d.title),
    folded_body: fold((d.body ?? []).filter(Boolean).join(' ')),
  };
}

/** Inserts or replaces the document; call in the transaction that changed the entity. */
export async function indexDocument(db: Executor, d: SearchDoc): Promise<void> {
  const row = searchRow(d);
  await db
    .insertInto('search_documents')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['entity_type', 'entity_id']).doUpdateSet({ title: row.title, subtitle: row.subtitle, folded_title: row.folded_title, folded_body: row.folded_body }),
    )
    .execute();
}

export async function removeDocument(db: Executor, type: SearchEntityType, id: string): Promise<void> {
  await db.deleteFrom('search_documents').where('entity_type', '=', type).where('entity_id', '=', id).execute();
}
