import { activeStages, type OpportunityDto, type OpportunityFilters } from '../../../shared/contracts/opportunities.ts';
import type { Executor, InstitutionTable } from '../../db/types.ts';
import { goalRefs } from '../planning/refs.ts';
import { toOpportunityDto, type Standing } from './opportunities.mapper.ts';
import * as repo from './opportunities.repository.ts';
import { coldnessOf, priorityOf, type Coldness } from './rules.ts';

/*
 * Lists are ranked in JS, not SQL: the priority depends on today (the window's urgency) and on the
 * goals aligned, so it is computed per request over every opportunity the filters match, then paged.
 * That is fine at this scale: an institution has hundreds to a few thousand opportunities, and the
 * matching rows are read in one query of narrow columns (scoreRows); whole rows and their links are
 * then read only for the page shown, one query per link table.
 */

export type Ranked = repo.ScoreRow & Standing;
export type Sort = OpportunityFilters['sort'];

/** Its standing today, from the institution's going-cold setting. */
export function standingOf(r: repo.ScoreRow, inst: Pick<InstitutionTable, 'opportunity_cold_days'>, today: string): Ranked {
  const lastActivityOn = r.last_engagement_on && r.last_engagement_on > r.stage_changed_on ? r.last_engagement_on : r.stage_changed_on;
  return {
    ...r,
    lastActivityOn,
    priority: priorityOf({ value: r.value, effort: r.effort, windowClosesOn: r.window_closes_on, goalOwners: r.goalOwners, today }),
    coldness: coldnessOf({ stage: r.stage, lastActivityOn, windowClosesOn: r.window_closes_on, today, coldDays: inst.opportunity_cold_days }),
  };
}

/** A window that closes sooner first; no window last. */
const byWindow = (a: Ranked, b: Ranked) =>
  a.window_closes_on === b.window_closes_on ? 0 : a.window_closes_on === null ? 1 : b.window_closes_on === null ? -1 : a.window_closes_on.localeCompare(b.window_closes_on);
const byTitle = (a: Ranked, b: Ranked) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

export const comparators: Record<Sort, (a: Ranked, b: Ranked) => number> = {
  priority: (a, b) => b.priority.score - a.priority.score || byWindow(a, b) || byTitle(a, b),
  window: (a, b) => byWindow(a, b) || b.priority.score - a.priority.score || byTitle(a, b),
  updated: (a, b) => b.updated_at.localeCompare(a.updated_at) || b.id.localeCompare(a.id),
};

/** Every opportunity the filters match, with its standing, in the order asked for. */
export async function ranked(db: Executor, inst: InstitutionTable, today: string, f: repo.ListFilters, sort: Sort = 'priority'): Promise<Ranked[]> {
  const rows = await repo.scoreRows(db, inst.id, today, f);
  return rows.map((r) => standingOf(r, inst, today)).sort(comparators[sort]);
}

/** The DTOs of these ranked opportunities, in their order: a few queries whatever their number. */
export async function dtosOf(db: Executor, institutionId: string, list: Ranked[]): Promise<OpportunityDto[]> {
  const ids = list.map((r) => r.id);
  const [rows, links] = await Promise.all([repo.opportunityRows(db, institutionId, ids), repo.pageLinks(db, ids)]);
  const goals = await goalRefs(db, institutionId, [...links.goalIds.values()].flat());
  const byId = new Map(rows.map((r) => [r.id, r]));
  return list.flatMap((s) => {
    const row = byId.get(s.id);
    return row ? [toOpportunityDto(row, links, goals, s)] : [];
  });
}

export interface ColdOpportunity {
  id: string;
  title: string;
  ownerId: string | null;
  windowClosesOn: string | null;
  lastActivityOn: string;
  coldness: Coldness;
}

/** Opportunities still being worked (owned by `ownerId` when given) that are going quiet or whose window is closing: the nudges feed reads these. */
export async function coldOpportunities(db: Executor, inst: InstitutionTable, today: string, ownerId?: string): Promise<ColdOpportunity[]> {
  const list = await ranked(db, inst, today, { stages: activeStages, ...(ownerId ? { ownerId } : {}) });
  return list
    .filter((r) => r.coldness.quiet || r.coldness.closing)
    .map((r) => ({ id: r.id, title: r.title, ownerId: r.owner_id, windowClosesOn: r.window_closes_on, lastActivityOn: r.lastActivityOn, coldness: r.coldness }));
}
