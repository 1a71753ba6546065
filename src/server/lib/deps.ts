import type { Config } from '../config.ts';
import type { Dialect } from '../db/dialect.ts';
import type { Db } from '../db/types.ts';
import type { Clock } from './clock.ts';

/** What services may depend on; each takes a `Pick<>` of it. */
export interface AppDeps {
  db: Db;
  dialect: Dialect;
  clock: Clock;
  config: Config;
}
