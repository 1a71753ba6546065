import type { Role } from '../../shared/contracts/common.ts';
import type { Db } from '../db/types.ts';
import { isoNow, type Clock } from '../lib/clock.ts';
import { newId } from '../lib/ids.ts';
import { hashPassword } from '../modules/identity/passwords.ts';
import { insertInstitution } from '../modules/org/org.repository.ts';

export interface NewAccount {
  /** the institution's name; a new institution is created unless institutionId is given */
  institution?: string;
  institutionId?: string;
  email: string;
  password: string;
  name: string;
  role: Role;
  jobTitle?: string | null;
  teamId?: string | null;
}

/** Creates a user (and, without institutionId, its institution) outside any request: CLI, bootstrap, tests. */
export async function createUserWithInstitution(db: Db, clock: Clock, a: NewAccount): Promise<{ userId: string; institutionId: string }> {
  const passwordHash = await hashPassword(a.password);
  return db.transaction().execute(async (trx) => {
    const now = isoNow(clock);
    const institutionId = a.institutionId ?? (await insertInstitution(trx, a.institution ?? 'My University', now));
    const userId = newId();
    await trx
      .insertInto('users')
      .values({ id: userId, institution_id: institutionId, email: a.email.toLowerCase(), name: a.name, password_hash: passwordHash, role: a.role, job_title: a.jobTitle ?? null, team_id: a.teamId ?? null, active: 1, created_at: now, updated_at: now })
      .execute();
    await trx
      .insertInto('audit_log')
      .values({ id: newId(), institution_id: institutionId, user_id: null, action: 'create', entity_type: 'user', entity_id: userId, changes: JSON.stringify({ email: { before: null, after: a.email.toLowerCase() }, role: { before: null, after: a.role } }), request_id: null, at: now })
      .execute();
    return { userId, institutionId };
  });
}
