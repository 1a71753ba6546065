import { loadConfig } from '../server/config.ts';
import { systemClock } from '../server/lib/clock.ts';
import { sendDigests } from '../server/modules/nudges/digest.ts';
import { withDatabase } from './context.ts';
import { CliError, say, UsageError, type Io } from './io.ts';

/** `rapport digest`: emails every active user their nudges now; schedule it weekly. */
export async function digestCommand(args: string[], io: Io): Promise<number> {
  if (args.length) throw new UsageError(`digest takes no arguments (got "${args[0]}")`);
  const config = loadConfig(io.env);
  // off: say so before the database is opened (and migrated)
  if (!config.mail.smtpUrl) throw new CliError('The digest is off: set RAPPORT_SMTP_URL to an smtp:// address');
  return withDatabase(io, async (handle) => {
    const r = await sendDigests({ db: handle.db, dialect: handle.dialect, clock: systemClock }, config.mail, (done, total) => {
      if (done === total || done % 50 === 0) say(io.err, `digest: ${done}/${total} users`);
    });
    say(io.out, `Sent ${r.sent} digest${r.sent === 1 ? '' : 's'}; ${r.quiet} user${r.quiet === 1 ? '' : 's'} had nothing needing attention`);
    if (r.failed.length) say(io.err, `rapport: the mail server did not take the digest for ${r.failed.join(', ')}`);
    return r.failed.length ? 1 : 0;
  });
}
