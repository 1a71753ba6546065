import type { GoalDto, ObjectiveDto } from '../../../shared/contracts/goals.ts';
import type { GoalTable } from '../../db/types.ts';

export const toObjectiveDto = (o: GoalTable): ObjectiveDto => ({
  id: o.id, title: o.title, description: o.description, active: o.active === 1, sortOrder: o.sort_order,
});

/**
 * Nests objectives under their goals, keeping the rows' order (owner, sort order, title). An objective
 * whose goal is not among the rows (its goal retired, the objective not) is left out with it.
 */
export function toGoalDtos(rows: GoalTable[]): GoalDto[] {
  const goals = rows.filter((r) => r.parent_id === null);
  return goals.map((g) => ({
    id: g.id,
    owner: g.owner,
    title: g.title,
    description: g.description,
    active: g.active === 1,
    sortOrder: g.sort_order,
    objectives: rows.filter((r) => r.parent_id === g.id).map(toObjectiveDto),
  }));
}

/** What the audit trail records for a goal or objective (timestamps change on every save). */
export const auditable = ({ created_at: _c, updated_at: _u, ...rest }: GoalTable) => rest;
