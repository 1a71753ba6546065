import type { Db, Executor } from '../db/types.ts';
import { isoNow, systemClock, type Clock } from '../lib/clock.ts';
import { hashPassword } from '../modules/identity/passwords.ts';
import { insertInstitution } from '../modules/org/org.repository.ts';
import { rebuildSummaries } from '../modules/relationships/summaries.ts';
import { insertBatched } from './batch.ts';
import { DEMO_DOMAIN, DEMO_INSTITUTION } from './demo-data.ts';
import { buildDemoPlan, DEFAULT_SEED } from './demo-plan.ts';
import { localDate } from '../lib/clock.ts';
import { seedDemoEvidence } from './demo-evidence.ts';
import { seedDemoImpact } from './demo-impact.ts';
import { seedDemoReports } from './demo-reports.ts';
import { seedDemoMetrics } from './demo-metrics.ts';
import { seedDemoPlanning } from './demo-planning.ts';
import { demoRows, type DemoRows } from './demo-rows.ts';

/** The liaison librarian for the Faculty of Science and Engineering (School of Computing included). */
export const DEMO_SIGN_IN = { email: 'librarian@northmoor.example', password: 'rapport-demo-2026' } as const;

/** Every documented demo sign-in; they share DEMO_SIGN_IN.password. */
export const DEMO_ACCOUNTS = {
  librarian: DEMO_SIGN_IN.email,
  manager: `manager@${DEMO_DOMAIN}`,
  admin: `admin@${DEMO_DOMAIN}`,
} as const;

export interface SeedProgress {
  onProgress?: (done: number, total: number, what: string) => void;
}

export interface SeedDemoOptions extends SeedProgress {
  /** "today" comes from here: the three academic years end with the one containing it */
  clock?: Clock;
  /** the same seed and the same today give the same university */
  seed?: number;
}

export interface SeedDemoResult {
  institutionId: string;
  users: number;
  orgUnits: number;
  people: number;
  engagements: number;
}

export class DemoExistsError extends Error {
  constructor() {
    super(`The demo university (${DEMO_INSTITUTION}, ${DEMO_SIGN_IN.email}) already exists; nothing was changed`);
    this.name = 'DemoExistsError';
  }
}

/** Whether the demo is already there: by its institution's name or by any of its sign-ins (emails are unique). */
export async function demoExists(db: Executor): Promise<boolean> {
  const user = await db.selectFrom('users').select('id').where('email', 'in', Object.values(DEMO_ACCOUNTS)).executeTakeFirst();
  if (user) return true;
  const inst = await db.selectFrom('institutions').select('id').where('name', '=', DEMO_INSTITUTION).executeTakeFirst();
  return inst !== undefined;
}

/** Insertion order: parents before the rows that refer to them. */
const order: { table: keyof DemoRows; what: string }[] = [
  { table: 'teams', what: 'teams' },
  { table: 'users', what: 'library staff' },
  { table: 'org_units', what: 'org units' },
  { table: 'people', what: 'people' },
  { table: 'positions', what: 'positions' },
  { table: 'coverage', what: 'coverage' },
  { table: 'engagements', what: 'engagements' },
  { table: 'engagement_people', what: 'engagement people' },
  { table: 'engagement_staff', what: 'engagement staff' },
  { table: 'engagement_org_units', what: 'engagement org units' },
  { table: 'engagement_themes', what: 'engagement themes' },
  { table: 'maturity_assessments', what: 'maturity assessments' },
  { table: 'maturity_engagements', what: 'maturity evidence' },
  { table: 'search_documents', what: 'search index' },
];

/**
 * Loads the fictional University of Northmoor in one transaction: all or nothing.
 * Refuses (DemoExistsError) when it is already there.
 */
export async function seedDemo(db: Db, opts: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const clock = opts.clock ?? systemClock;
  if (await demoExists(db)) throw new DemoExistsError();
  // one hash for every demo account: argon2 is slow on purpose
  const passwordHash = await hashPassword(DEMO_SIGN_IN.password);
  return db.transaction().execute(async (trx) => {
    if (await demoExists(trx)) throw new DemoExistsError();
    const now = isoNow(clock);
    const institutionId = await insertInstitution(trx, DEMO_INSTITUTION, now);
    // the demo shows the public "who is my librarian" pages, so its directory is published
    await trx.updateTable('institutions').set({ public_directory: 1 }).where('id', '=', institutionId).execute();
    const inst = await trx
      .selectFrom('institutions')
      .select(['academic_year_start_month', 'academic_year_start_day', 'time_zone'])
      .where('id', '=', institutionId)
      .executeTakeFirstOrThrow();
    const plan = buildDemoPlan({
      seed: opts.seed ?? DEFAULT_SEED,
      today: localDate(clock.now(), inst.time_zone),
      yearStartMonth: inst.academic_year_start_month,
      yearStartDay: inst.academic_year_start_day,
    });
    const vocab = await trx.selectFrom('vocab_terms').select(['id', 'kind', 'key', 'label']).where('institution_id', '=', institutionId).execute();
    const rows = demoRows(plan, { institutionId, now, passwordHash, vocab });

    const total = order.reduce((n, o) => n + rows[o.table].length, 0);
    let done = 0;
    for (const { table, what } of order) {
      const before = done;
      opts.onProgress?.(done, total, what);
      await insertBatched(trx, table, rows[table], undefined, (n) => {
        done = before + n;
        opts.onProgress?.(done, total, what);
      });
    }
    await rebuildSummaries(trx, { id: institutionId, ...inst });
    opts.onProgress?.(total, total, 'goals, opportunities, action plans, a campaign, evidence, metrics and impact evaluations');
    await seedDemoPlanning({
      trx, institutionId, today: plan.today, now, yearStartMonth: inst.academic_year_start_month, yearStartDay: inst.academic_year_start_day,
    });
    // after the engagements and the campaign they link to; impact evaluations last, as they link evidence and metrics
    await seedDemoEvidence({ trx, institutionId, today: plan.today, now });
    await seedDemoMetrics({
      trx, institutionId, today: plan.today, now, yearStartMonth: inst.academic_year_start_month, yearStartDay: inst.academic_year_start_day, seed: opts.seed ?? DEFAULT_SEED,
    });
    await seedDemoImpact({ trx, institutionId, today: plan.today, now });
    await seedDemoReports({ trx, institutionId, today: plan.today, now, yearStartMonth: inst.academic_year_start_month, yearStartDay: inst.academic_year_start_day });
    return { institutionId, users: rows.users.length, orgUnits: rows.org_units.length, people: rows.people.length, engagements: rows.engagements.length };
  });
}
