import { actionStatuses, isUnfinished } from '../../../shared/contracts/plans.ts';
import type { Executor } from '../../db/types.ts';

export interface OverdueAction {
  id: string;
  title: string;
  dueOn: string;
  planId: string;
  orgUnitId: string;
  orgUnitName: string;
  ownerId: string | null;
}

/** Unfinished actions past their due date as of `today` (the institution's), oldest due first; `ownerId` narrows to one owner's. */
export async function overdueActions(db: Executor, institutionId: string, today: string, ownerId?: string): Promise<OverdueAction[]> {
  let q = db
    .selectFrom('plan_actions as a')
    .innerJoin('action_plans as p', 'p.id', 'a.plan_id')
    .innerJoin('org_units as o', 'o.id', 'p.org_unit_id')
    .select(['a.id', 'a.title', 'a.due_on', 'a.plan_id', 'p.org_unit_id', 'o.name as org_unit_name', 'a.owner_id'])
    .where('a.institution_id', '=', institutionId)
    .where('a.status', 'in', actionStatuses.filter(isUnfinished))
    .where('a.due_on', 'is not', null)
    .where('a.due_on', '<', today);
  if (ownerId !== undefined) q = q.where('a.owner_id', '=', ownerId);
  const rows = await q.orderBy('a.due_on').orderBy('a.id').execute();
  return rows.map((r) => ({ id: r.id, title: r.title, dueOn: r.due_on ?? '', planId: r.plan_id, orgUnitId: r.org_unit_id, orgUnitName: r.org_unit_name, ownerId: r.owner_id }));
}
