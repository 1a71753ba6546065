import type { Page } from '../../../shared/contracts/common.ts';
import type { CreateUserBody, ListUsersQuery, LoginBody, MeDto, UpdateUserBody, UserDto } from '../../../shared/contracts/identity.ts';
import type { UserTable } from '../../db/types.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { assertRole, type Actor } from '../../http/actor.ts';
import { isoNow } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { assertTeamInInstitution } from '../org/org.repository.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';
import { createSession, deleteExpiredSessions, deleteSession, deleteUserSessions, type Lifetimes } from './sessions.ts';
import * as users from './users.repository.ts';
import { toUserDto } from './users.mapper.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'> & { lifetimes: Lifetimes };

export function identityService({ db, clock, lifetimes }: Deps) {
  async function me(actor: Actor, csrfToken: string): Promise<MeDto> {
    const user = await users.findUser(db, actor.institutionId, actor.userId);
    const inst = await db.selectFrom('institutions').select(['id', 'name']).where('id', '=', actor.institutionId).executeTakeFirst();
    if (!user || !inst) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    return { user: toUserDto(user), institution: inst, csrfToken };
  }

  return {
    me,

    /** Starts a session; a previous session on this browser is ended (a new id at every sign-in). */
    async login(body: LoginBody, requestId: string, previousSessionId: string | null) {
      const user = await users.findUserByEmail(db, body.email);
      const ok = user ? await verifyPassword(user.password_hash, body.password) : (await verifyPassword(await dummyHash, body.password), false);
      if (!user || !ok || user.active !== 1) throw new AppError('UNAUTHENTICATED', 'Email or password is incorrect');
      const session = await db.transaction().execute(async (trx) => {
        if (previousSessionId) await deleteSession(trx, previousSessionId);
        await deleteExpiredSessions(trx, clock, lifetimes);
        const s = await createSession(trx, clock, lifetimes, user.id, user.institution_id);
        await recordAudit(trx, { institutionId: user.institution_id, userId: user.id, requestId }, { action: 'login', entityType: 'user', entityId: user.id }, isoNow(clock));
        return s;
      });
      const actor: Actor = { userId: user.id, institutionId: user.institution_id, role: user.role, requestId };
      return { token: session.token, me: await me(actor, session.csrfToken) };
    },

    async logout(actor: Actor, sessionId: string) {
      await db.transaction().execute(async (trx) => {
        await deleteSession(trx, sessionId);
        await recordAudit(trx, actor, { action: 'logout', entityType: 'user', entityId: actor.userId }, isoNow(clock));
      });
    },

    async listUsers(actor: Actor, q: ListUsersQuery): Promise<Page<UserDto>> {
      const { rows, total } = await users.listUsers(db, actor.institutionId, q);
      return { items: rows.map(toUserDto), page: q.page, pageSize: q.pageSize, total };
    },

    async getUser(actor: Actor, id: string): Promise<UserDto> {
      const row = await users.findUser(db, actor.institutionId, id);
      if (!row) throw notFound('User');
      return toUserDto(row);
    },

    async createUser(actor: Actor, body: CreateUserBody): Promise<UserDto> {
      assertRole(actor, 'admin');
      return db.transaction().execute(async (trx) => {
        if (body.teamId) await assertTeamInInstitution(trx, actor.institutionId, body.teamId, 'teamId');
        if (await users.findUserByEmail(trx, body.email)) {
          throw new AppError('CONFLICT', 'email: a user with this email already exists', [{ field: 'email', message: 'is already in use' }]);
        }
        const now = isoNow(clock);
        const row: UserTable = {
          id: newId(),
          institution_id: actor.institutionId,
          email: body.email.toLowerCase(),
          name: body.name,
          password_hash: await hashPassword(body.password),
          role: body.role,
          job_title: body.jobTitle ?? null,
          team_id: body.teamId ?? null,
          active: 1,
          created_at: now,
          updated_at: now,
        };
        await users.insertUser(trx, row);
        await recordAudit(trx, actor, { action: 'create', entityType: 'user', entityId: row.id, after: { ...row } }, now);
        return toUserDto(row);
      });
    },

    async updateUser(actor: Actor, id: string, body: UpdateUserBody): Promise<UserDto> {
      assertRole(actor, 'admin');
      return db.transaction().execute(async (trx) => {
        const before = await users.findUser(trx, actor.institutionId, id);
        if (!before) throw notFound('User');
        if (body.teamId) await assertTeamInInstitution(trx, actor.institutionId, body.teamId, 'teamId');
        // an admin locking themself out would leave nobody to undo it
        if (id === actor.userId && body.role !== undefined && body.role !== 'admin') throw invalid('role', 'you cannot remove your own admin access');
        if (id === actor.userId && body.active === false) throw invalid('active', 'you cannot deactivate yourself');
        const now = isoNow(clock);
        const patch: Partial<UserTable> = { updated_at: now };
        if (body.name !== undefined) patch.name = body.name;
        if (body.role !== undefined) patch.role = body.role;
        if (body.jobTitle !== undefined) patch.job_title = body.jobTitle;
        if (body.teamId !== undefined) patch.team_id = body.teamId;
        if (body.active !== undefined) patch.active = body.active ? 1 : 0;
        if (body.password !== undefined) patch.password_hash = await hashPassword(body.password);
        await users.updateUser(trx, actor.institutionId, id, patch);
        // a changed password, role or deactivation ends that user's sessions
        if (body.password !== undefined || body.active === false || (body.role !== undefined && body.role !== before.role)) await deleteUserSessions(trx, id);
        const after = { ...before, ...patch };
        await recordAudit(trx, actor, { action: 'update', entityType: 'user', entityId: id, before: { ...before }, after: body.password !== undefined ? { ...after, password_changed: true } : after }, now);
        return toUserDto(after);
      });
    },
  };
}
export type IdentityService = ReturnType<typeof identityService>;
