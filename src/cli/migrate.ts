import { withDatabase } from './context.ts';
import { say, UsageError, type Io } from './io.ts';

export async function migrateCommand(args: string[], io: Io): Promise<number> {
  if (args.length) throw new UsageError(`migrate takes no arguments (got "${args[0]}")`);
  return withDatabase(io, (handle, applied) => {
    say(io.out, applied.length ? `Migrated ${handle.describe}: applied ${applied.join(', ')}` : `${handle.describe} is up to date`);
    return Promise.resolve(0);
  });
}
