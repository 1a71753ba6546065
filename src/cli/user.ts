import { parseArgs } from 'node:util';
import { z } from 'zod';
import { roleSchema } from '../shared/contracts/common.ts';
import { passwordSchema } from '../shared/contracts/identity.ts';
import type { Db } from '../server/db/types.ts';
import { systemClock } from '../server/lib/clock.ts';
import { createUserWithInstitution } from '../server/seed/users.ts';
import { withDatabase } from './context.ts';
import { CliError, say, UsageError, type Io } from './io.ts';

const PASSWORD_ENV = 'RAPPORT_USER_PASSWORD';

/** The same rules as the API's, so a CLI-made account is one the app would accept. */
function check<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new UsageError(`${flag} ${r.error.issues[0]?.message ?? 'is invalid'}`);
  return r.data;
}

export async function userCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create') throw new UsageError(sub ? `unknown user command "${sub}"` : 'user needs a command: create');
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      'institution-id': { type: 'string' },
      'institution-name': { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const email = check(z.email(), values.email?.trim().toLowerCase(), '--email');
  const name = check(z.string().trim().min(1, 'is required').max(200), values.name ?? '', '--name');
  const role = check(roleSchema, values.role, '--role');
  const raw = values.password ?? io.env[PASSWORD_ENV];
  if (raw === undefined) throw new UsageError(`give the password in ${PASSWORD_ENV} or with --password`);
  const password = check(passwordSchema, raw, 'the password');
  const institutionId = values['institution-id'];
  const institutionName = values['institution-name']?.trim();
  if (institutionId !== undefined && institutionName !== undefined) throw new UsageError('give --institution-id or --institution-name, not both');
  if (institutionName === '') throw new UsageError('--institution-name must not be empty');

  return withDatabase(io, async ({ db }) => {
    if (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) {
      throw new CliError(`a user with the email ${email} already exists`);
    }
    const target = await resolveInstitution(db, institutionId, institutionName);
    const created = await createUserWithInstitution(db, systemClock, {
      email, name, role, password, ...(target.id ? { institutionId: target.id } : { institution: target.name }),
    });
    say(io.out, `Created ${role} ${email} (${name}) in ${target.id ? '' : 'the new institution '}"${target.name}" (institution id ${created.institutionId}).`);
    return 0;
  });
}

/** An existing institution ({ id, name }) or the name of one to create ({ name }). */
async function resolveInstitution(db: Db, id: string | undefined, name: string | undefined): Promise<{ id?: string; name: string }> {
  if (id !== undefined) {
    const inst = await db.selectFrom('institutions').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
    if (!inst) throw new CliError(`no institution has the id ${id}`);
    return inst;
  }
  if (name !== undefined) {
    const found = await db.selectFrom('institutions').select(['id', 'name']).where('name', '=', name).execute();
    if (found.length > 1) throw new CliError(`${found.length} institutions are called "${name}": choose one with --institution-id (${found.map((f) => f.id).join(', ')})`);
    return found[0] ?? { name };
  }
  const all = await db.selectFrom('institutions').select(['id', 'name']).limit(2).execute();
  if (all.length === 1 && all[0]) return all[0];
  throw new UsageError(all.length ? 'there are several institutions: choose one with --institution-id or --institution-name' : 'there is no institution yet: name it with --institution-name');
}
