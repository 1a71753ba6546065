import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { Dialect } from './dialect.ts';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_fold_function.ts';
import * as m0003 from './migrations/0003_unit_engagement_dates.ts';
import * as m0004 from './migrations/0004_relationships.ts';
import * as m0005 from './migrations/0005_signal_summaries.ts';
import * as m0006 from './migrations/0006_planning.ts';
import * as m0007 from './migrations/0007_evidence.ts';
import * as m0008 from './migrations/0008_code_maps.ts';
import * as m0009 from './migrations/0009_directory.ts';
import * as m0010 from './migrations/0010_engagement_imports.ts';
import * as m0011 from './migrations/0011_figures.ts';
import * as m0012 from './migrations/0012_counter.ts';
import * as m0013 from './migrations/0013_capture.ts';
import * as m0014 from './migrations/0014_reports.ts';
import * as m0015 from './migrations/0015_planning_evidence.ts';
import * as m0016 from './migrations/0016_counter_line_key.ts';
import type { Database } from './types.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run on an untyped Kysely */
type Step = { up(db: Kysely<any>, dialect: Dialect): Promise<void> };

/** In order; never edit a landed migration, add the next one. */
const steps: Record<string, Step> = {
  '0001_foundation': m0001,
  '0002_fold_function': m0002,
  '0003_unit_engagement_dates': m0003,
  '0004_relationships': m0004,
  '0005_signal_summaries': m0005,
  '0006_planning': m0006,
  '0007_evidence': m0007,
  '0008_code_maps': m0008,
  '0009_directory': m0009,
  '0010_engagement_imports': m0010,
  '0011_figures': m0011,
  '0012_counter': m0012,
  '0013_capture': m0013,
  '0014_reports': m0014,
  '0015_planning_evidence': m0015,
  '0016_counter_line_key': m0016,
};

/** Runs every migration not yet run, or (`until`, for tests of a migration's data step) up to and including that one. */
export async function migrate(db: Kysely<Database>, dialect: Dialect, until?: string): Promise<string[]> {
  const migrations: Record<string, Migration> = {};
  for (const [name, step] of Object.entries(steps)) migrations[name] = { up: (d) => step.up(d, dialect) };
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
  const result: MigrationResultSet = until ? await migrator.migrateTo(until) : await migrator.migrateToLatest();
  if (result.error) throw result.error instanceof Error ? result.error : new Error(JSON.stringify(result.error));
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
