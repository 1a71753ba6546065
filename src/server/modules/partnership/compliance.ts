import type { AcademicYear } from '../../../shared/academic-year.ts';
import type { ComplianceDto } from '../../../shared/contracts/partnership.ts';
import type { Executor, InstitutionTable } from '../../db/types.ts';
import { fold } from '../../lib/text.ts';
import { assessActivity, monthBounds, periodsOf, searchSpan, summarize, type ComplianceSummary, type Hit, type PeriodDef } from './cadence.ts';
import { applicableUnits, firstInSpans, positionTitles, type Span } from './compliance.repository.ts';
import { byTemplate, toActivityDto } from './partnership.mapper.ts';
import { activityRows, templateRows, type ActivityRow } from './partnership.repository.ts';

export interface UnitCompliance {
  summary: ComplianceSummary;
  items: ComplianceDto['items'];
}

const hitOf = (first: string): Hit => ({ occurredOn: first.slice(0, 10), engagementId: first.slice(11) });

/**
 * Asks the database, in one statement per position condition (templates hold few), for the first
 * qualifying engagement of every period that has begun, for every unit; periods that several
 * activities share are asked once. Answers the first hit of one unit, activity and period.
 */
async function gatherHits(db: Executor, institutionId: string, unitIds: string[], activities: ActivityRow[], year: AcademicYear, asOf: string, bounds: string[]) {
  const groupOf = (a: ActivityRow) => (a.position_title ? `title:${fold(a.position_title)}` : 'any');
  const keyOf = (a: ActivityRow, span: { from: string; to: string }) => `${a.type_id}|${span.from}|${span.to}`;
  const groups = new Map<string, { title: string | null; spans: Span[]; index: Map<string, number> }>();
  for (const a of activities) {
    const g = groups.get(groupOf(a)) ?? { title: a.position_title, spans: [], index: new Map<string, number>() };
    groups.set(groupOf(a), g);
    for (const p of periodsOf(a.cadence, a.per_year, year, bounds)) {
      const span = searchSpan(p, asOf);
      if (span && !g.index.has(keyOf(a, span))) g.index.set(keyOf(a, span), g.spans.push({ typeId: a.type_id, ...span }) - 1);
    }
  }
  // foldedLike()'s test, run once per distinct title in JS rather than once per position row in SQL
  const allTitles = [...groups.values()].some((g) => g.title) ? await positionTitles(db, institutionId) : [];
  const answers = new Map<string, Map<string, (string | null)[]>>();
  for (const [key, g] of groups) {
    const wanted = g.title === null ? null : fold(g.title);
    const titles = wanted === null ? null : allTitles.filter((t) => fold(t).includes(wanted));
    answers.set(key, await firstInSpans(db, institutionId, unitIds, g.spans, titles));
  }
  return (unitId: string, a: ActivityRow) => (p: PeriodDef): Hit | null => {
    const span = searchSpan(p, asOf);
    const i = span ? groups.get(groupOf(a))?.index.get(keyOf(a, span)) : undefined;
    const first = i === undefined ? null : answers.get(groupOf(a))?.get(unitId)?.[i];
    return first ? hitOf(first) : null;
  };
}

/**
 * Partnership compliance of org units for one academic year, as on `asOf`: for every active
 * template that applies to a unit, each key activity's periods (done, due, overdue, upcoming) and
 * a summary. Only units with at least one applicable template appear; `unitIds` limits the units
 * considered (undefined: all). The work is a fixed handful of statements, whatever the number of
 * units or engagements, so the overview can ask for every department at once.
 */
export async function complianceByUnit(
  db: Executor,
  institution: InstitutionTable,
  year: AcademicYear,
  asOf: string,
  unitIds?: string[],
): Promise<Map<string, UnitCompliance>> {
  const out = new Map<string, UnitCompliance>();
  if (unitIds && !unitIds.length) return out;
  const templates = await templateRows(db, institution.id, { activeOnly: true });
  if (!templates.length) return out;
  const applicable = await applicableUnits(db, institution.id, templates, unitIds ? [...new Set(unitIds)] : undefined);
  if (!applicable.size) return out;
  const activities = await activityRows(db, institution.id, templates.map((t) => t.id));
  const perTemplate = byTemplate(activities);
  const bounds = monthBounds(year);
  const hitsOf = await gatherHits(db, institution.id, [...applicable.keys()], activities, year, asOf, bounds);

  for (const [unitId, templateIds] of applicable) {
    const items: ComplianceDto['items'] = [];
    // templates arrive ordered by name, activities by their position in the template
    for (const t of templates) {
      if (!templateIds.has(t.id)) continue;
      for (const a of perTemplate.get(t.id) ?? []) {
        const periods = assessActivity({ cadence: a.cadence, perYear: a.per_year }, year, asOf, hitsOf(unitId, a), bounds);
        items.push({ template: { id: t.id, name: t.name }, activity: toActivityDto(a), periods });
      }
    }
    out.set(unitId, { items, summary: summarize(items.flatMap((i) => i.periods)) });
  }
  return out;
}
