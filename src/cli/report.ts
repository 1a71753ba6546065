import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../server/lib/clock.ts';
import { reportBatch } from '../server/modules/reports/batch.ts';
import { withDatabase } from './context.ts';
import { actorFor } from './import.ts';
import { CliError, say, UsageError, type Io } from './io.ts';
import { progressReporter } from './progress.ts';

/** `rapport report --year YYYY --out DIR`: every department's annual report as a PDF, with a progress bar. */
export async function reportCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { year: { type: 'string' }, out: { type: 'string' }, as: { type: 'string' }, 'institution-id': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`);
  const year = Number(values.year);
  if (!values.year || !Number.isInteger(year) || year < 1990 || year > 2100) throw new UsageError('report needs --year YYYY, the calendar year the academic year starts in (2025 for 2025–26)');
  if (!values.out) throw new UsageError('report needs --out DIR, the folder the PDFs are written to');
  const out = resolve(values.out);
  await mkdir(out, { recursive: true }).catch((e: Error) => { throw new CliError(`cannot write to ${out}: ${e.message}`); });

  return withDatabase(io, async ({ db, dialect }) => {
    const actor = await actorFor(db, values.as, values['institution-id']);
    const progress = progressReporter(io.err);
    let written = 0;
    for await (const item of reportBatch({ db, dialect, clock: systemClock }, actor, year)) {
      await writeFile(join(out, item.fileName), item.pdf);
      written = item.done;
      progress.update(item.done, item.total, 'reports');
    }
    const { seconds } = progress.stop();
    say(io.out, `Wrote ${written.toLocaleString('en-GB')} ${written === 1 ? 'report' : 'reports'} to ${out} in ${seconds.toFixed(1)} s.`);
    return 0;
  });
}
