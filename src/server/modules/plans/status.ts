import { planStatuses, type PlanStatus, type UpdatePlanBody } from '../../../shared/contracts/plans.ts';
import type { FieldError } from '../../../shared/errors.ts';
import type { ActionPlanTable } from '../../db/types.ts';
import { AppError, invalid } from '../../http/errors.ts';

type Plan = Pick<ActionPlanTable, 'status' | 'agreed_by' | 'agreed_on' | 'agreed_via' | 'review_notes'>;
type Patch = Partial<Pick<ActionPlanTable, 'status' | 'agreed_by' | 'agreed_on' | 'agreed_via' | 'review_notes'>>;

const rank = (s: PlanStatus) => planStatuses.indexOf(s);

/** One step forward or one step back: a plan is agreed before it is worked on, and worked on before it is reviewed. */
export function allowedMoves(from: PlanStatus): PlanStatus[] {
  return planStatuses.filter((s) => Math.abs(rank(s) - rank(from)) === 1);
}

function fail(errors: FieldError[]) {
  if (errors.length) throw new AppError('VALIDATION', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

/**
 * The columns a staff edit of a plan sets, or a 400 naming the field:
 * - moves are one step either way; skipping a step names the allowed moves;
 * - from agreed on, the plan needs who agreed it and when (given now or already recorded), and
 *   staff giving either records the agreement as 'recorded'; going back to draft clears it;
 * - a reviewed plan needs its year-end review notes;
 * - an agreement cannot be dated after today.
 */
export function planPatch(before: Plan, body: UpdatePlanBody, today: string): Patch {
  const to = body.status ?? before.status;
  // a move that is not allowed is the whole answer: what the target would need does not matter yet
  if (to !== before.status && !allowedMoves(before.status).includes(to)) {
    const moves = allowedMoves(before.status).map((s) => `'${s}'`).join(' or ');
    throw invalid('status', `a plan at '${before.status}' can move to ${moves}`);
  }
  const errors: FieldError[] = [];
  if (body.agreedOn && body.agreedOn > today) errors.push({ field: 'agreedOn', message: 'must not be after today' });

  const patch: Patch = {};
  if (body.agreedBy !== undefined) patch.agreed_by = body.agreedBy;
  if (body.agreedOn !== undefined) patch.agreed_on = body.agreedOn;
  if (body.agreedBy !== undefined || body.agreedOn !== undefined) patch.agreed_via = 'recorded';
  if (body.reviewNotes !== undefined) patch.review_notes = body.reviewNotes;
  if (to !== before.status) patch.status = to;
  if (to === 'draft' && before.status !== 'draft') Object.assign(patch, { agreed_by: null, agreed_on: null, agreed_via: null });

  const after = { ...before, ...patch };
  if (!after.agreed_by && !after.agreed_on && after.agreed_via !== null) after.agreed_via = patch.agreed_via = null;
  if (rank(to) >= rank('agreed')) {
    if (!after.agreed_by) errors.push({ field: 'agreedBy', message: 'say who on the department’s side agreed the plan' });
    if (!after.agreed_on) errors.push({ field: 'agreedOn', message: 'say when the plan was agreed' });
  }
  if (to === 'reviewed' && !after.review_notes) errors.push({ field: 'reviewNotes', message: 'write the year-end review before marking the plan reviewed' });
  fail(errors);
  return patch;
}
