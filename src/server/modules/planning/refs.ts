import type { Executor } from '../../db/types.ts';
import type { GoalRefDto } from '../../../shared/contracts/goals.ts';
import type { EvidenceRefDto } from '../../../shared/contracts/plans.ts';
import type { EvidenceKind } from '../../db/types.ts';
import { invalid } from '../../http/errors.ts';
import { assertAllFound } from '../engagements/engagements.repository.ts';

/**
 * Reference checks the planning records share: every id must belong to the caller's institution,
 * and the 400 names the field. Goals must also be in use (a retired goal keeps what already aligns to it).
 */
export async function assertGoals(db: Executor, institutionId: string, ids: string[], field: string): Promise<void> {
  if (!ids.length) return;
  const found = await db.selectFrom('goals').select(['id', 'active']).where('institution_id', '=', institutionId).where('id', 'in', ids).execute();
  assertAllFound(found, ids, field, 'goal');
  const retired = found.filter((f) => f.active !== 1).map((f) => f.id);
  if (retired.length) throw invalid(field, `retired goal ${retired.join(', ')}: choose one in use`);
}

export async function assertCampaigns(db: Executor, institutionId: string, ids: string[], field: string): Promise<void> {
  if (!ids.length) return;
  const found = await db.selectFrom('campaigns').select('id').where('institution_id', '=', institutionId).where('id', 'in', ids).execute();
  assertAllFound(found, ids, field, 'campaign');
}

/** How each of these goals (or objectives) is named on other records, with an objective's goal. */
export async function goalRefs(db: Executor, institutionId: string, ids: string[]): Promise<Map<string, GoalRefDto>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('goals as g')
    .leftJoin('goals as p', 'p.id', 'g.parent_id')
    .select(['g.id', 'g.title', 'g.owner', 'g.parent_id', 'p.title as parent_title'])
    .where('g.institution_id', '=', institutionId)
    .where('g.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title, owner: r.owner, parent: r.parent_id ? { id: r.parent_id, title: r.parent_title ?? '' } : null }]));
}

/** The longest excerpt of an evidence item's text another record shows: enough to recognise it. */
export const EXCERPT_CHARS = 160;

/** The start of a text on one line, cut at a word when one ends late enough, with an ellipsis when cut. */
export function excerptOf(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Evidence as the planning records name it: kind, date and an excerpt, never the whole text or its source. */
export const toEvidenceRef = (r: { id: string; kind: EvidenceKind; text: string; occurred_on: string }): EvidenceRefDto =>
  ({ id: r.id, kind: r.kind, excerpt: excerptOf(r.text), occurredOn: r.occurred_on });
