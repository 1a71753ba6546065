import { evidenceKindLabels } from '../../../shared/contracts/evidence.ts';
import { maturityLabels, maturityLevels } from '../../../shared/contracts/relationships.ts';
import type { LibraryYearDto } from '../../../shared/contracts/reports.ts';
import { TRAINING_TYPE_KEYS } from '../../../shared/contracts/sconul.ts';
import type { Executor } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import * as sconul from '../evidence/sconul.repository.ts';
import { distributionAt } from '../relationships/maturity.repository.ts';
import type { ReportData } from './report-data.ts';

const HIGHLIGHTS = 8;
const num = (v: unknown) => Number(v ?? 0);

/** Active departments, and how many of them had an engagement in the window (one pass over the unit index). */
async function coverage(db: Executor, institutionId: string, from: string, to: string) {
  const row = await db.selectFrom('org_units as o')
    .select((eb) => [
      eb.fn.countAll().as('all'),
      eb.fn.sum(eb.case().when(eb.exists(eb.selectFrom('engagement_org_units as u').select('u.engagement_id')
        .whereRef('u.org_unit_id', '=', 'o.id').where('u.occurred_on', '>=', from).where('u.occurred_on', '<=', to))).then(1).else(0).end()).as('engaged'),
    ])
    .where('o.institution_id', '=', institutionId).where('o.type', '=', 'department').where('o.status', '=', 'active')
    .executeTakeFirstOrThrow();
  return { departments: num(row.all), engaged: num(row.engaged) };
}

/** The library's year across every department: the input to the library's own planning. */
export async function libraryYear(db: Executor, data: ReportData, actor: Actor, year: number | undefined): Promise<LibraryYearDto> {
  const inst = actor.institutionId;
  const { y } = await data.yearOf(actor, year);
  const types = await sconul.typesByKeys(db, inst, TRAINING_TYPE_KEYS);
  const [cov, dist, engagements, teaching, evidence, highlights, themeRows, discussed] = await Promise.all([
    coverage(db, inst, y.start, y.end),
    distributionAt(db, inst, y.end),
    db.selectFrom('engagements').select((eb) => eb.fn.countAll().as('n')).where('institution_id', '=', inst).where('occurred_on', '>=', y.start).where('occurred_on', '<=', y.end).executeTakeFirstOrThrow(),
    types.length ? sconul.totals(db, inst, { typeIds: types.map((t) => t.id), from: y.start, to: y.end }) : Promise.resolve({ sessions: 0, attendees: 0, minutes: 0, missing: 0 }),
    db.selectFrom('evidence').select((eb) => eb.fn.countAll().as('n')).where('institution_id', '=', inst).where('occurred_on', '>=', y.start).where('occurred_on', '<=', y.end).executeTakeFirstOrThrow(),
    db.selectFrom('evidence as e').leftJoin('people as p', 'p.id', 'e.source_person_id')
      .select(['e.id', 'e.kind', 'e.text', 'e.attribution', 'e.source_text', 'e.occurred_on', 'p.name as person_name'])
      .where('e.institution_id', '=', inst).where('e.occurred_on', '>=', y.start).where('e.occurred_on', '<=', y.end)
      .where('e.kind', 'in', ['quote', 'feedback', 'external_examiner', 'student_comment'])
      .orderBy('e.occurred_on', 'desc').orderBy('e.id', 'desc').limit(HIGHLIGHTS).execute(),
    db.selectFrom('report_themes as t').innerJoin('annual_reports as r', 'r.id', 't.report_id').innerJoin('org_units as o', 'o.id', 'r.org_unit_id')
      .select(['t.theme', 't.theme_key', 'o.id', 'o.name'])
      .where('t.institution_id', '=', inst).where('r.year', '=', y.year).execute(),
    db.selectFrom('annual_reports').select((eb) => eb.fn.countAll().as('n')).where('institution_id', '=', inst).where('year', '=', y.year).where('discussed_on', 'is not', null).executeTakeFirstOrThrow(),
  ]);
  const units = highlights.length
    ? await db.selectFrom('evidence_org_units as l').innerJoin('org_units as o', 'o.id', 'l.org_unit_id').select(['l.evidence_id', 'o.name'])
      .where('l.evidence_id', 'in', highlights.map((h) => h.id)).orderBy('o.name').execute()
    : [];

  // ranked by how many departments raised the theme; the first spelling seen names it
  const themes = new Map<string, { theme: string; departments: { id: string; name: string }[] }>();
  for (const r of themeRows) {
    const t = themes.get(r.theme_key) ?? { theme: r.theme, departments: [] };
    t.departments.push({ id: r.id, name: r.name });
    themes.set(r.theme_key, t);
  }
  const ranked = [...themes.values()]
    .map((t) => ({ ...t, departments: t.departments.sort((a, b) => a.name.localeCompare(b.name, 'en-GB')) }))
    .sort((a, b) => b.departments.length - a.departments.length || a.theme.localeCompare(b.theme, 'en-GB'));

  return {
    year: { key: String(y.year), label: y.label, start: y.start, end: y.end },
    departments: cov.departments,
    departmentsEngaged: cov.engaged,
    maturity: [...[...maturityLevels].reverse().map((level) => ({ level, label: maturityLabels[level], departments: dist.get(level) ?? 0 })),
      { level: 'unassessed' as const, label: 'Not assessed', departments: dist.get(null) ?? 0 }],
    engagements: num(engagements.n),
    teaching: { sessions: teaching.sessions, attendees: Math.round(teaching.attendees), userHours: Math.round((teaching.minutes / 60) * 10) / 10 },
    evidenceCaptured: num(evidence.n),
    highlights: highlights.map((h) => ({
      id: h.id, kindLabel: evidenceKindLabels[h.kind], text: h.text, occurredOn: h.occurred_on,
      source: h.attribution === 'anonymous' ? (h.source_text ?? null) : (h.person_name ?? h.source_text ?? null),
      orgUnits: units.filter((u) => u.evidence_id === h.id).map((u) => u.name),
    })),
    themes: ranked,
    reportsDiscussed: num(discussed.n),
  };
}
