import { say, UsageError, type Io } from './io.ts';
import { USAGE } from './usage.ts';

type Command = (args: string[], io: Io) => Promise<number>;

// Loaded on demand so that help and usage errors answer without opening drivers or hashing libraries.
const commands: Record<string, () => Promise<Command>> = {
  digest: async () => (await import('./digest.ts')).digestCommand,
  import: async () => (await import('./import.ts')).importCommand,
  migrate: async () => (await import('./migrate.ts')).migrateCommand,
  report: async () => (await import('./report.ts')).reportCommand,
  seed: async () => (await import('./seed.ts')).seedCommand,
  user: async () => (await import('./user.ts')).userCommand,
};

/** parseArgs reports bad options as TypeErrors with an ERR_PARSE_ARGS_* code. */
const isParseArgsError = (err: unknown): err is Error =>
  err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS');

/** Runs one command and returns the exit code: 0 done, 1 failed, 2 bad usage. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h' || rest.includes('--help') || rest.includes('-h')) {
    io.out.write(USAGE);
    return 0;
  }
  try {
    const load = command && Object.hasOwn(commands, command) ? commands[command] : undefined;
    if (!load) throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    return await (await load())(rest, io);
  } catch (err) {
    if (err instanceof UsageError || isParseArgsError(err)) {
      say(io.err, `rapport: ${err.message}\n`);
      io.err.write(USAGE);
      return 2;
    }
    // CliError and any other failure alike: the message, no stack, exit code 1
    say(io.err, `rapport: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
