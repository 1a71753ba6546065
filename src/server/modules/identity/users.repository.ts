import type { Executor, UserTable } from '../../db/types.ts';
import type { ListUsersQuery } from '../../../shared/contracts/identity.ts';
import { foldedLike } from '../../lib/text.ts';

export const findUserByEmail = (db: Executor, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();

export const findUser = (db: Executor, institutionId: string, id: string) =>
  db.selectFrom('users').selectAll().where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();

export const insertUser = (db: Executor, row: UserTable) => db.insertInto('users').values(row).execute();

export const updateUser = (db: Executor, institutionId: string, id: string, patch: Partial<UserTable>) =>
  db.updateTable('users').set(patch).where('institution_id', '=', institutionId).where('id', '=', id).execute();

export async function listUsers(db: Executor, institutionId: string, q: ListUsersQuery) {
  let query = db.selectFrom('users').where('institution_id', '=', institutionId);
  if (q.q) query = query.where((eb) => eb.or([foldedLike('name', q.q ?? ''), foldedLike('email', q.q ?? '')]));
  if (q.role) query = query.where('role', '=', q.role);
  if (q.teamId) query = query.where('team_id', '=', q.teamId);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('name').orderBy('id').offset((q.page - 1) * q.pageSize).limit(q.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
