/**
 * The annual-report batch at scale: every active department's report computed and rendered to PDF,
 * one after another as `rapport report` does it, with peak RSS sampled to show memory stays bounded
 * whatever the number of departments.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../src/server/db/dialect.ts';
import type { Database } from '../src/server/db/types.ts';
import { systemClock } from '../src/server/lib/clock.ts';
import { reportBatch } from '../src/server/modules/reports/batch.ts';
import { ms, percentile, table } from './stats.ts';

export async function benchReportBatch(db: Kysely<Database>, dialect: Dialect, institutionId: string, userId: string, year: number, print: (s: string) => void) {
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  const each: number[] = [];
  let bytes = 0;
  const started = performance.now();
  let last = started;
  let total = 0;
  try {
    for await (const item of reportBatch({ db, dialect, clock: systemClock }, { userId, institutionId, role: 'admin', requestId: 'bench-batch' }, year)) {
      const now = performance.now();
      each.push(now - last);
      last = now;
      bytes += item.pdf.length;
      total = item.total;
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  print(`\nannual-report batch, ${total} departments, year ${year}–${String((year + 1) % 100).padStart(2, '0')} (data + PDF, one at a time):`);
  print(table(['departments', 'seconds', 'per report p50 ms', 'per report p95 ms', 'PDF KB total', 'RSS before MB', 'peak RSS MB'], [[
    String(total), seconds.toFixed(1), ms(percentile(each, 50)), ms(percentile(each, 95)), String(Math.round(bytes / 1024)),
    String(Math.round(rssBefore / 1048576)), String(Math.round(peak / 1048576)),
  ]]));
}
