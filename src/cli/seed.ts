import { parseArgs } from 'node:util';
import { DEMO_ACCOUNTS, DEMO_SIGN_IN, demoExists, DemoExistsError, seedDemo } from '../server/seed/demo.ts';
import { withDatabase } from './context.ts';
import { CliError, say, UsageError, type Io } from './io.ts';
import { formatRate, progressReporter } from './progress.ts';

function parseSeed(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n > 0xffffffff) throw new UsageError('--seed must be a whole number from 0 to 4294967295');
  return n;
}

function parseScale(raw: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError('--scale must be a positive number, e.g. 0.01, 1 or 3');
  return n;
}

export async function seedCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { demo: { type: 'boolean' }, scale: { type: 'string' }, seed: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (Boolean(values.demo) === (values.scale !== undefined)) throw new UsageError('seed needs exactly one of --demo or --scale N');
  const seed = parseSeed(values.seed);
  return values.scale !== undefined ? seedAtScale(parseScale(values.scale), seed, io) : loadDemo(seed, io);
}

async function loadDemo(seed: number | undefined, io: Io): Promise<number> {
  return withDatabase(io, async (handle) => {
    if (await demoExists(handle.db)) throw new CliError(new DemoExistsError().message);
    say(io.err, `Loading the demo university into ${handle.describe}`);
    const progress = progressReporter(io.err);
    try {
      const r = await seedDemo(handle.db, { seed, onProgress: (done, total, what) => progress.update(done, total, what) });
      const { seconds, rate } = progress.stop();
      say(io.out, `Demo university loaded: ${r.orgUnits} org units, ${r.users} library staff, ${r.people} people, ${r.engagements} engagements in ${seconds.toFixed(1)} s (${formatRate(rate)} rows/s).`);
      say(io.out, `Sign in as ${DEMO_SIGN_IN.email} / ${DEMO_SIGN_IN.password} (also ${DEMO_ACCOUNTS.manager} and ${DEMO_ACCOUNTS.admin}, same password).`);
      return 0;
    } catch (err) {
      progress.stop();
      if (err instanceof DemoExistsError) throw new CliError(err.message);
      throw err;
    }
  });
}

async function seedAtScale(scale: number, seed: number | undefined, io: Io): Promise<number> {
  // Loaded only when asked for: the scale generator is the CLI's largest module.
  const { seedScale } = await import('../server/seed/scale.ts');
  return withDatabase(io, async (handle) => {
    say(io.err, `Seeding at scale ${scale} into ${handle.describe}`);
    const progress = progressReporter(io.err);
    try {
      const r = await seedScale(handle.db, { scale, seed, onProgress: (done, total, what) => progress.update(done, total, what) });
      const { seconds } = progress.stop();
      say(io.out, `Seeded ${r.orgUnits.toLocaleString('en-GB')} org units, ${r.people.toLocaleString('en-GB')} people, ${r.engagements.toLocaleString('en-GB')} engagements in ${seconds.toFixed(1)} s.`);
      say(io.out, `Rate: ${formatRate(r.engagements / Math.max(0.001, seconds))} engagements/s.`);
      return 0;
    } catch (err) {
      progress.stop();
      throw err;
    }
  });
}
