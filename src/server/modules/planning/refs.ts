import type { Executor } from '../../db/types.ts';
import type { GoalRefDto } from '../../../shared/contracts/goals.ts';
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
