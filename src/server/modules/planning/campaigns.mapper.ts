import type { CampaignDto, CampaignStatus } from '../../../shared/contracts/campaigns.ts';
import type { GoalRefDto } from '../../../shared/contracts/goals.ts';
import type { CampaignTable } from '../../db/types.ts';

export type Named = { id: string; name: string };

/** Upcoming until it starts, current through its last day, past after. */
export const statusOn = (c: Pick<CampaignTable, 'starts_on' | 'ends_on'>, today: string): CampaignStatus =>
  today < c.starts_on ? 'upcoming' : today > c.ends_on ? 'past' : 'current';

/** Goals by whose strategy (library first), then goal before its objectives, then title. */
const goalKey = (g: GoalRefDto) => [g.owner === 'library' ? '0' : '1', g.parent?.title ?? g.title, g.parent ? '1' : '0', g.title, g.id].join('\u0000');
const goalOrder = (a: GoalRefDto, b: GoalRefDto) => (goalKey(a) < goalKey(b) ? -1 : goalKey(a) > goalKey(b) ? 1 : 0);

export function toCampaignDto(c: CampaignTable, today: string, targets: Named[], goals: GoalRefDto[], engaged: Set<string>): CampaignDto {
  return {
    id: c.id,
    name: c.name,
    purpose: c.purpose,
    message: c.message,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    status: statusOn(c, today),
    targets,
    goals: [...goals].sort(goalOrder),
    reach: { targeted: targets.length, engaged: targets.filter((t) => engaged.has(t.id)).length },
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

/** What the audit trail records: the row plus its lists, sorted so before and after compare by content. */
export const auditable = ({ created_at: _c, updated_at: _u, ...row }: CampaignTable, targetIds: string[], goalIds: string[]) => ({
  ...row, target_org_unit_ids: [...targetIds].sort(), goal_ids: [...goalIds].sort(),
});
