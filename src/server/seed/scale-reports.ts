import type { Insertable } from 'kysely';
import type { Database, Db, Executor, MaturityLevel } from '../db/types.ts';
import type { ActionStatus, PlanStatus } from '../db/planning-types.ts';
import type { EvidenceKind, ImpactStatus } from '../db/evidence-types.ts';
import { newId } from '../lib/ids.ts';
import { fold } from '../lib/text.ts';
import { insertBatched } from './batch.ts';
import { Rng } from './demo-random.ts';

/*
 * What an annual report reads beyond engagements, for every department of the scale dataset, at
 * the volume a library that has used Rapport for ten years would hold: headline metrics for every
 * year (with gaps), a monthly usage series, evidence, impact evaluations, maturity assessments, an
 * action plan a year with its actions (some carried forward), and the annual reports already
 * written with their discussion themes. Without these the report bench would time empty sections.
 */

const FIRST_YEAR = 2016;
const LAST_YEAR = 2025;
const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
const NOW = '2026-08-01T00:00:00.000Z';

const METRICS: { name: string; unit: string; source: string; base: number; spread: number; lowerBetter?: boolean }[] = [
  { name: 'NSS learning resources (% agree)', unit: '%', source: 'NSS', base: 82, spread: 10 },
  { name: 'Loans per student', unit: 'loans', source: 'Library management system', base: 14, spread: 8 },
  { name: 'Reading lists published on time', unit: '%', source: 'Reading list system', base: 70, spread: 25 },
  { name: 'E-resource downloads per FTE', unit: 'downloads', source: 'COUNTER', base: 120, spread: 80 },
  { name: 'Interlibrary loan requests', unit: 'requests', source: 'ILL system', base: 40, spread: 30, lowerBetter: true },
  { name: 'Research outputs deposited (%)', unit: '%', source: 'Repository', base: 75, spread: 20 },
];
const KINDS: EvidenceKind[] = ['quote', 'feedback', 'observation', 'external_examiner', 'student_comment', 'survey_result', 'figure'];
const EVIDENCE_TEXT = [
  'The session on systematic searching changed how our final-year students approach their dissertations.',
  'Students said the embedded referencing workshop was the most useful part of the module.',
  'The external examiner praised the range of sources in this year’s projects.',
  'Attendance at the drop-in doubled after the library champion mentioned it in lectures.',
  'Reading lists were all live before teaching started for the first time.',
  'Researchers now ask us about data management plans before they submit a bid.',
  'Module evaluation: 92% found the library session useful.',
];
const IMPACT = ['Embedded information literacy in year one', 'Reading list review with module convenors', 'Research data management training', 'Open access advocacy', 'Library champion network'];
const ACTIONS = [
  'Embed a literature-searching session in the core research methods module', 'Review reading lists with module convenors before term',
  'Run a research data management workshop for doctoral students', 'Present at the department’s teaching away day', 'Recruit a library champion',
  'Agree an open access briefing for the research committee', 'Co-design an assessed referencing task', 'Share NSS learning resources results with the director of teaching',
];
const THEMES = ['Reading lists', 'Research data management', 'AI literacy', 'Open access', 'Archive skills', 'Digitised collections', 'Placement access to resources', 'Academic integrity', 'Space for group study', 'Textbook costs'];
const PLAN_STATUS: PlanStatus[] = ['reviewed', 'reviewed', 'reviewed', 'agreed'];
const LEVELS: MaturityLevel[] = ['none', 'provider', 'provider', 'partner', 'partner', 'pioneer'];

type Rows = { [T in keyof Database]?: Insertable<Database[T]>[] };
const push = <T extends keyof Database>(rows: Rows, table: T, row: Insertable<Database[T]>) => ((rows[table] ??= [] as never) as Insertable<Database[T]>[]).push(row);
/** foreign-key order */
const ORDER: (keyof Database)[] = [
  'metric_definitions', 'metric_values', 'evidence', 'evidence_org_units', 'evidence_themes', 'impact_evaluations', 'impact_evaluation_org_units',
  'maturity_assessments', 'action_plans', 'plan_actions', 'annual_reports', 'report_themes', 'report_proposed_actions',
];

const date = (r: Rng, year: number) => {
  const d = new Date(Date.UTC(year, 7, 1) + r.int(0, 363) * 86_400_000);
  return d.toISOString().slice(0, 10);
};

/** True when the institution already holds report inputs (a dataset seeded after this existed). */
export async function hasReportInputs(db: Executor, institutionId: string): Promise<boolean> {
  return (await db.selectFrom('metric_definitions').select('id').where('institution_id', '=', institutionId).executeTakeFirst()) !== undefined;
}

/** Adds the report inputs to the scale institution, a department per transaction-sized chunk; returns rows written. */
export async function seedReportInputs(db: Db, institutionId: string, opts: { seed?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<number> {
  const r = new Rng(opts.seed ?? 7);
  const units = await db.selectFrom('org_units').select(['id', 'name']).where('institution_id', '=', institutionId).where('type', '=', 'department').orderBy('code').execute();
  const staff = (await db.selectFrom('users').select('id').where('institution_id', '=', institutionId).where('role', '=', 'librarian').orderBy('email').execute()).map((u) => u.id);
  const themes = (await db.selectFrom('vocab_terms').select('id').where('institution_id', '=', institutionId).where('kind', '=', 'theme').orderBy('sort_order').execute()).map((t) => t.id);
  const base = { institution_id: institutionId, created_at: NOW, updated_at: NOW };

  const head: Rows = {};
  const metricIds = METRICS.map((m) => {
    const id = newId();
    push(head, 'metric_definitions', { id, ...base, name: m.name, unit: m.unit, direction: m.lowerBetter ? 'lower_better' : 'higher_better', source: m.source, period_kind: 'academic_year', description: null });
    return id;
  });
  const monthly = newId();
  push(head, 'metric_definitions', { id: monthly, ...base, name: 'E-resource downloads (monthly)', unit: 'downloads', direction: 'higher_better', source: 'COUNTER', period_kind: 'month', description: null });
  let written = await write(db, head);

  const CHUNK = 10;
  for (let start = 0; start < units.length; start += CHUNK) {
    const rows: Rows = {};
    for (const u of units.slice(start, start + CHUNK)) {
      const people = (await db.selectFrom('positions').select('person_id').where('institution_id', '=', institutionId).where('org_unit_id', '=', u.id).orderBy('person_id').limit(40).execute()).map((p) => p.person_id);
      const owner = () => (staff.length ? r.pick(staff) : null);
      METRICS.forEach((m, k) => {
        for (const y of YEARS) {
          if (r.chance(0.08)) continue; // a year nobody sent the figure
          push(rows, 'metric_values', { metric_id: metricIds[k] as string, org_unit_id: u.id, period: String(y), institution_id: institutionId, value: Math.round((m.base + (r.next() - 0.5) * m.spread) * 10) / 10, import_job_id: null, updated_at: NOW });
        }
      });
      for (const y of YEARS) for (let mo = 0; mo < 12; mo++) {
        const period = `${mo < 5 ? y : y + 1}-${String(((mo + 7) % 12) + 1).padStart(2, '0')}`;
        push(rows, 'metric_values', { metric_id: monthly, org_unit_id: u.id, period, institution_id: institutionId, value: 500 + r.int(0, 4000), import_job_id: null, updated_at: NOW });
      }
      for (const y of YEARS) {
        for (let k = r.int(2, 7); k > 0; k--) {
          const id = newId();
          const named = people.length > 0 && r.chance(0.6);
          push(rows, 'evidence', {
            id, ...base, kind: r.pick(KINDS), text: r.pick(EVIDENCE_TEXT), source_person_id: named ? r.pick(people) : null, source_text: named ? null : 'Module evaluation',
            occurred_on: date(r, y), attribution: named && r.chance(0.8) ? 'named' : 'anonymous', consent_recorded: r.chance(0.7) ? 1 : 0, created_by: owner(),
          });
          push(rows, 'evidence_org_units', { evidence_id: id, org_unit_id: u.id, institution_id: institutionId });
          if (themes.length) push(rows, 'evidence_themes', { evidence_id: id, theme_id: r.pick(themes), institution_id: institutionId });
        }
        for (let k = 0; k < 2; k++) {
          push(rows, 'maturity_assessments', {
            id: newId(), ...base, org_unit_id: u.id, person_id: null, level: LEVELS[Math.min(LEVELS.length - 1, Math.floor((y - FIRST_YEAR) / 2) + r.int(0, 1))] as MaturityLevel,
            assessed_on: date(r, y), rationale: 'Judged at the termly review from the year’s engagements.', assessed_by: owner(),
          });
        }
      }
      for (let k = 0; k < 3; k++) {
        const id = newId();
        const status: ImpactStatus = (['complete', 'in_progress'] as const)[k] ?? r.pick(['planned', 'in_progress', 'complete']);
        push(rows, 'impact_evaluations', {
          id, ...base, initiative: r.pick(IMPACT), aims: 'Students find and use the sources their discipline values.', success_criteria: null, impact_indicators: null, what_we_did: null,
          what_we_learned: null, how_we_acted: null, how_we_measured: null, short_term_outcomes: status === 'planned' ? null : 'More confident searching in the final-year project.', long_term_outcomes: null, status, created_by: owner(),
        });
        push(rows, 'impact_evaluation_org_units', { evaluation_id: id, org_unit_id: u.id, institution_id: institutionId });
      }
      let open: string[] = [];
      for (const y of YEARS) {
        const plan = newId();
        const current = y === LAST_YEAR;
        push(rows, 'action_plans', {
          id: plan, ...base, org_unit_id: u.id, year: y, status: current ? 'agreed' : r.pick(PLAN_STATUS), agreed_by: 'Head of Department', agreed_on: `${y}-09-${String(r.int(10, 28))}`,
          agreed_via: 'recorded', review_notes: current ? null : 'Reviewed with the head of department.', created_by: owner(),
        });
        const carried = open;
        open = [];
        const titles = [...carried.map(() => r.pick(ACTIONS)), ...Array.from({ length: r.int(4, 8) }, () => r.pick(ACTIONS))];
        titles.forEach((title, i) => {
          const id = newId();
          const status: ActionStatus = current ? r.pick(['not_started', 'in_progress', 'done']) : r.pick(['done', 'done', 'done', 'in_progress', 'dropped']);
          if (!current && status === 'in_progress') open.push(id);
          push(rows, 'plan_actions', {
            id, ...base, plan_id: plan, objective_id: null, title, owner_id: owner(), partner_person_id: people.length ? r.pick(people) : null, due_on: `${y + 1}-0${r.int(1, 7)}-15`,
            status, notes: null, carried_from_id: carried[i] ?? null, sort_order: i,
          });
        });
        if (current) continue;
        const report = newId();
        push(rows, 'annual_reports', {
          id: report, ...base, org_unit_id: u.id, year: y, introduction: null, conclusion: null, discussed_on: `${y + 1}-07-${String(r.int(10, 28))}`,
          discussion_notes: 'Met the head of department to go through the year and agree next year’s priorities.', created_by: owner(),
        });
        const chosen = new Set(Array.from({ length: r.int(1, 4) }, () => r.pick(THEMES)));
        for (const t of chosen) push(rows, 'report_themes', { report_id: report, institution_id: institutionId, theme: t, theme_key: fold(t) });
        for (let k = r.int(0, 3); k > 0; k--) push(rows, 'report_proposed_actions', { id: newId(), report_id: report, institution_id: institutionId, title: r.pick(ACTIONS), notes: null, sort_order: k });
      }
    }
    written += await write(db, rows);
    opts.onProgress?.(Math.min(units.length, start + CHUNK), units.length);
  }
  return written;
}

function write(db: Db, rows: Rows): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let n = 0;
    for (const table of ORDER) n += await insertBatched(trx, table, (rows[table] ?? []) as never);
    return n;
  });
}
