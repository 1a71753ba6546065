import type { EvidenceDto } from '../../../shared/contracts/evidence.ts';
import type { GoalRefDto } from '../../../shared/contracts/goals.ts';
import type { EvidenceTable } from '../../db/types.ts';
import type { LinkSets } from './evidence.repository.ts';

type Named = { id: string; name: string };

/** Each linked record as the DTO names it, by id; ids no longer found (deleted meanwhile) drop out. */
export interface Targets {
  orgUnits: Map<string, Named>;
  themes: Map<string, { id: string; label: string; sort_order: number }>;
  goals: Map<string, GoalRefDto>;
  engagements: Map<string, { id: string; occurred_on: string; summary: string }>;
  opportunities: Map<string, { id: string; title: string }>;
  actions: Map<string, { id: string; title: string; plan_id: string }>;
  campaigns: Map<string, Named>;
  people: Map<string, Named>;
  users: Map<string, Named>;
}

const pick = <T>(ids: string[], from: Map<string, T>): T[] => ids.flatMap((id) => from.get(id) ?? []);
const by = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
const byName = by<Named>((n) => `${n.name}\u0000${n.id}`);
/** Goals by whose strategy (library first), then goal before its objectives, then title. */
const byGoal = by<GoalRefDto>((g) => [g.owner === 'library' ? '0' : '1', g.parent?.title ?? g.title, g.parent ? '1' : '0', g.title, g.id].join('\u0000'));

export function toEvidenceDto(e: EvidenceTable, links: LinkSets, t: Targets): EvidenceDto {
  const person = e.source_person_id ? t.people.get(e.source_person_id) ?? null : null;
  const creator = e.created_by ? t.users.get(e.created_by) ?? null : null;
  return {
    id: e.id,
    kind: e.kind,
    text: e.text,
    source: { person: person && { id: person.id, name: person.name }, text: e.source_text },
    occurredOn: e.occurred_on,
    attribution: e.attribution,
    consentRecorded: e.consent_recorded === 1,
    orgUnits: pick(links.orgUnitIds, t.orgUnits).map((u) => ({ id: u.id, name: u.name })).sort(byName),
    themes: pick(links.themeIds, t.themes).sort(by((x) => `${String(x.sort_order).padStart(8, '0')}\u0000${x.label}`)).map((x) => ({ id: x.id, label: x.label })),
    goals: pick(links.goalIds, t.goals).sort(byGoal),
    engagements: pick(links.engagementIds, t.engagements).sort(by((x) => `${x.occurred_on}\u0000${x.id}`)).reverse()
      .map((x) => ({ id: x.id, occurredOn: x.occurred_on, summary: x.summary })),
    opportunities: pick(links.opportunityIds, t.opportunities).sort(by((x) => `${x.title}\u0000${x.id}`)).map((x) => ({ id: x.id, title: x.title })),
    actions: pick(links.actionIds, t.actions).sort(by((x) => `${x.title}\u0000${x.id}`)).map((x) => ({ id: x.id, title: x.title, planId: x.plan_id })),
    campaigns: pick(links.campaignIds, t.campaigns).map((c) => ({ id: c.id, name: c.name })).sort(byName),
    createdBy: creator && { id: creator.id, name: creator.name },
    createdAt: e.created_at,
    updatedAt: e.updated_at,
  };
}

const snake: Record<keyof LinkSets, string> = {
  orgUnitIds: 'org_unit_ids', themeIds: 'theme_ids', goalIds: 'goal_ids', engagementIds: 'engagement_ids',
  opportunityIds: 'opportunity_ids', actionIds: 'action_ids', campaignIds: 'campaign_ids',
};

/** What the audit trail records: the row plus its lists, sorted so before and after compare by content. */
export function auditable({ created_at: _c, updated_at: _u, ...row }: EvidenceTable, links: LinkSets): Record<string, unknown> {
  const lists = Object.fromEntries((Object.keys(snake) as (keyof LinkSets)[]).map((k) => [snake[k], [...links[k]].sort()]));
  return { ...row, consent_recorded: row.consent_recorded === 1, ...lists };
}
