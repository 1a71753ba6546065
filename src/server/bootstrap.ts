import type { Config } from './config.ts';
import type { Db } from './db/types.ts';
import { systemClock } from './lib/clock.ts';
import { createUserWithInstitution } from './seed/users.ts';
import { DEMO_SIGN_IN, seedDemo } from './seed/demo.ts';

/**
 * First-start work: the admin from RAPPORT_ADMIN_EMAIL/PASSWORD (for automated
 * deployments), then the demo university when the database is empty and demo data is on.
 * Returns how to sign in, for the start-up banner.
 */
export async function bootstrap(db: Db, config: Config, log: (msg: string) => void): Promise<string | null> {
  let signIn: string | null = null;
  const admin = config.bootstrapAdmin;
  if (admin) {
    const existing = await db.selectFrom('users').select('id').where('email', '=', admin.email.toLowerCase()).executeTakeFirst();
    if (!existing) {
      await createUserWithInstitution(db, systemClock, { institution: admin.institution, email: admin.email, password: admin.password, name: 'Administrator', role: 'admin' });
      log(`created admin ${admin.email}`);
    }
    signIn = `${admin.email} (the password in RAPPORT_ADMIN_PASSWORD)`;
  }
  const anyInstitution = await db.selectFrom('institutions').select('id').limit(1).executeTakeFirst();
  if (config.demo && !anyInstitution) {
    let last = '';
    const started = Date.now();
    log('loading the demo university (first start)…');
    await seedDemo(db, {
      // one line per phase, not per batch
      onProgress: (_done, _total, what) => {
        if (what !== last) log(`demo data: ${(last = what)}`);
      },
    });
    log(`demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const demoThere = await db.selectFrom('users').select('id').where('email', '=', DEMO_SIGN_IN.email).executeTakeFirst();
  if (demoThere) signIn = `${DEMO_SIGN_IN.email} / ${DEMO_SIGN_IN.password}` + (signIn ? ` or ${signIn}` : '');
  return signIn;
}
