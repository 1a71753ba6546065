import type { Executor, ShareLinkTable, ShareSubject } from '../../db/types.ts';

export type ShareLinkRow = ShareLinkTable & { created_by_name: string | null };

export const insertLink = (db: Executor, row: ShareLinkTable) => db.insertInto('share_links').values(row).execute();

const linkQuery = (db: Executor, institutionId: string) =>
  db.selectFrom('share_links as s').leftJoin('users as u', 'u.id', 's.created_by').selectAll('s').select('u.name as created_by_name').where('s.institution_id', '=', institutionId);

export const findLink = (db: Executor, institutionId: string, id: string): Promise<ShareLinkRow | undefined> =>
  linkQuery(db, institutionId).where('s.id', '=', id).executeTakeFirst();

/** A plan's or a report's links, newest first. */
export const subjectLinks = (db: Executor, institutionId: string, type: ShareSubject, subjectId: string): Promise<ShareLinkRow[]> =>
  linkQuery(db, institutionId).where('s.subject_type', '=', type).where('s.subject_id', '=', subjectId).orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').execute();

/** The link a token's hash names, in whichever institution: the token is all a partner brings. */
export const linkByHash = (db: Executor, tokenHash: string) => db.selectFrom('share_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();

export const updateLink = (db: Executor, institutionId: string, id: string, patch: Partial<ShareLinkTable>) =>
  db.updateTable('share_links').set(patch).where('institution_id', '=', institutionId).where('id', '=', id).execute();
