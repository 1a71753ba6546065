import { academicYearOf, academicYearStart, academicYearStarting } from '../../shared/academic-year.ts';
import type { Executor, MetricDefinitionTable, MetricDirection, MetricPeriodKind, MetricValueTable } from '../db/types.ts';
import { newId } from '../lib/ids.ts';
import { insertBatched } from './batch.ts';
import { departments } from './demo-data.ts';
import { DEFAULT_SEED } from './demo-plan.ts';
import { Rng } from './demo-random.ts';

/*
 * The demo's metrics (issue 6): five figures the library gathers per department (NSS, loans, teaching,
 * reading lists, enquiries) over the last four academic years (and their months, for enquiries). Most
 * departments hold steady around their faculty's level; the ones the library worked with improve after
 * it did: the School of Computing from the year its embedded teaching began, Marketing with
 * the AI literacy pilot and Law with the reading-list review this year. Psychology's NSS dips this year
 * (the opportunity the demo shows), and the quiet departments see fewer sessions.
 */

export type DemoMetricKey = 'nss' | 'loans' | 'sessions' | 'readingLists' | 'enquiries';

interface MetricSpec { name: string; unit: string; direction: MetricDirection; source: string; kind: MetricPeriodKind; description: string }

export const demoMetricSpecs: Record<DemoMetricKey, MetricSpec> = {
  nss: {
    name: 'NSS: learning resources (% agree)', unit: '%', direction: 'higher_better', source: 'NSS', kind: 'academic_year',
    description: 'Final-year students agreeing that library resources support their learning well (National Student Survey).',
  },
  loans: { name: 'Loans per student', unit: 'loans', direction: 'higher_better', source: 'Alma Analytics', kind: 'academic_year', description: 'Print and e-book loans in the year, per registered student.' },
  sessions: {
    name: 'Teaching sessions delivered', unit: 'sessions', direction: 'higher_better', source: 'Library teaching log', kind: 'academic_year',
    description: 'Library and skills sessions taught within the department’s modules.',
  },
  readingLists: { name: 'Reading list coverage (%)', unit: '%', direction: 'higher_better', source: 'Leganto', kind: 'academic_year', description: 'Modules running this year with a published, reviewed reading list.' },
  enquiries: { name: 'Enquiries', unit: 'enquiries', direction: 'higher_better', source: 'LibAnswers', kind: 'month', description: 'Questions from the department’s staff and students to the library, by month.' },
};

/** Where each faculty's departments sit before anything the library does. */
const science: Record<DemoMetricKey, number> = { nss: 80, loans: 11, sessions: 5, readingLists: 62, enquiries: 10 };
const facultyLevel: Record<string, Record<DemoMetricKey, number>> = {
  FASS: { nss: 83, loans: 24, sessions: 6, readingLists: 72, enquiries: 14 },
  FSE: science,
  FHM: { nss: 79, loans: 16, sessions: 8, readingLists: 68, enquiries: 16 },
  NBS: { nss: 81, loans: 13, sessions: 5, readingLists: 70, enquiries: 12 },
};

/** Enquiries by calendar month (index 0 = January): busy in October–November and March–April, quiet in summer. */
const season = [1.0, 1.1, 1.3, 1.2, 1.0, 0.6, 0.3, 0.3, 0.9, 1.4, 1.3, 0.7];

export interface DemoMetricValue { metric: DemoMetricKey; unit: string; period: string; value: number }

export interface DemoMetricOptions {
  /** 'YYYY-MM-DD', the institution's today */
  today: string;
  yearStartMonth: number;
  yearStartDay: number;
  /** the first academic year of the School of Computing's embedded teaching */
  computingFrom: number;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
const oneDecimal = (n: number) => Math.round(n * 10) / 10;
/** Years of library engagement by `year`: 0 before `from`, 1 in its first year, 2 in the next… */
const engagedYears = (year: number, from: number) => Math.max(0, year - from + 1);

/** Every department's figures as plain data: a pure function of the seed and the options, so two runs agree. */
export function buildDemoMetricValues(rng: Rng, o: DemoMetricOptions): DemoMetricValue[] {
  const current = Number(academicYearStart(o.today, o.yearStartMonth, o.yearStartDay).slice(0, 4));
  const years = [current - 3, current - 2, current - 1, current];
  const out: DemoMetricValue[] = [];
  for (const d of departments) {
    const r = rng.fork(d.code);
    const level = facultyLevel[d.parent ?? ''] ?? science;
    // each department's own level around its faculty's
    const own = {
      nss: level.nss + (r.next() - 0.5) * 8 - (d.code === 'COMP' ? 8 : 0),
      loans: level.loans * (0.8 + r.next() * 0.4),
      sessions: d.code === 'COMP' ? 1 : Math.max(1, level.sessions + r.int(-2, 2)),
      readingLists: level.readingLists + (r.next() - 0.5) * 16,
      enquiries: level.enquiries * (0.7 + r.next() * 0.6),
    };
    for (const year of years) {
      const comp = d.code === 'COMP' ? engagedYears(year, o.computingFrom) : 0;
      const thisYear = year === current;
      const quiet = (d.code === 'ENTS' || d.code === 'SPRT') ? engagedYears(year, current - 1) : 0;
      const nss = own.nss + (r.next() - 0.5) * 3 + comp * 5.5 + (thisYear && d.code === 'MKTG' ? 3 : 0) - (thisYear && d.code === 'PSYC' ? 7 : 0);
      const loans = own.loans * (1 + (r.next() - 0.5) * 0.08 + comp * 0.15);
      const sessions = own.sessions + r.int(-1, 1) + comp * 5 + (thisYear && d.code === 'MKTG' ? 3 : 0) - quiet * 2;
      const lists = own.readingLists + (r.next() - 0.5) * 4 + comp * 10 + (thisYear && d.code === 'LAW' ? 9 : 0);
      const unit = d.code;
      const period = String(year);
      out.push(
        { metric: 'nss', unit, period, value: oneDecimal(clamp(nss, 40, 99)) },
        { metric: 'loans', unit, period, value: oneDecimal(Math.max(0, loans)) },
        { metric: 'sessions', unit, period, value: Math.max(0, Math.round(sessions)) },
        { metric: 'readingLists', unit, period, value: oneDecimal(clamp(lists, 20, 100)) },
      );
    }
    // enquiries for each month from the first of the four years to the last whole month before today
    const first = academicYearStarting(current - 3, o.yearStartMonth, o.yearStartDay).start.slice(0, 7);
    for (let m = first; m < o.today.slice(0, 7); m = nextMonth(m)) {
      const year = Number(academicYearStart(`${m}-28`, o.yearStartMonth, o.yearStartDay).slice(0, 4));
      const lift = d.code === 'COMP' ? 1 + engagedYears(year, o.computingFrom) * 0.35 : 1;
      const n = own.enquiries * (season[Number(m.slice(5)) - 1] ?? 1) * lift * (0.8 + r.next() * 0.4);
      out.push({ metric: 'enquiries', unit: d.code, period: m, value: Math.round(n) });
    }
  }
  return out;
}

function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5));
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

export interface DemoMetricsContext {
  trx: Executor;
  institutionId: string;
  today: string;
  now: string;
  yearStartMonth: number;
  yearStartDay: number;
  seed?: number;
}

/** Writes the five metric definitions and every department's values; returns how many values. */
export async function seedDemoMetrics(c: DemoMetricsContext): Promise<number> {
  const { trx, institutionId: inst } = c;
  // the story's first embedded session dates Computing's improvement (the engagements are seeded before the metrics)
  const first = await trx.selectFrom('engagements').select('occurred_on').where('institution_id', '=', inst)
    .where('milestone', '=', 'First embedded teaching session').executeTakeFirst();
  const current = academicYearOf(c.today, c.yearStartMonth, c.yearStartDay).year;
  const computingFrom = first ? academicYearOf(first.occurred_on, c.yearStartMonth, c.yearStartDay).year : current - 1;

  const ids = {} as Record<DemoMetricKey, string>;
  const definitions: MetricDefinitionTable[] = (Object.entries(demoMetricSpecs) as [DemoMetricKey, MetricSpec][]).map(([key, s]) => {
    ids[key] = newId();
    return {
      id: ids[key], institution_id: inst, name: s.name, unit: s.unit, direction: s.direction, source: s.source, period_kind: s.kind, description: s.description,
      created_at: c.now, updated_at: c.now,
    };
  });
  await trx.insertInto('metric_definitions').values(definitions).execute();

  const units = await trx.selectFrom('org_units').select(['id', 'code']).where('institution_id', '=', inst).where('code', 'in', departments.map((d) => d.code)).execute();
  const unitIds = new Map(units.map((u) => [u.code ?? '', u.id]));
  const built = buildDemoMetricValues(new Rng(c.seed ?? DEFAULT_SEED).fork('metrics'), { ...c, computingFrom });
  const rows: MetricValueTable[] = built.flatMap((v) => {
    const unitId = unitIds.get(v.unit);
    return unitId ? [{ metric_id: ids[v.metric], org_unit_id: unitId, period: v.period, institution_id: inst, value: v.value, import_job_id: null, updated_at: c.now }] : [];
  });
  return insertBatched(trx, 'metric_values', rows);
}
