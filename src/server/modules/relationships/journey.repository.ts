import type { JourneyItemDto, StakeholderDto } from '../../../shared/contracts/relationships.ts';
import { maturityLabels } from '../../../shared/contracts/relationships.ts';
import type { Executor } from '../../db/types.ts';
import { addDays } from '../../../shared/academic-year.ts';

/** The department's short history: maturity changes, milestones (marked on engagements or on embedded opportunities) and champions gained, oldest first. */
export async function journey(db: Executor, institutionId: string, unitId: string): Promise<JourneyItemDto[]> {
  const assessed = await db
    .selectFrom('maturity_assessments')
    .select(['id', 'level', 'assessed_on', 'rationale'])
    .where('institution_id', '=', institutionId)
    .where('org_unit_id', '=', unitId)
    .execute();
  // driven from the milestones' partial index (few rows), each checked against the unit's links
  const milestones = await db
    .selectFrom('engagements as e')
    .select(['e.id', 'e.occurred_on', 'e.milestone', 'e.summary'])
    .where('e.institution_id', '=', institutionId)
    .where('e.milestone', 'is not', null)
    .where((eb) => eb.exists(eb.selectFrom('engagement_org_units as u').select('u.engagement_id').whereRef('u.engagement_id', '=', 'e.id').where('u.org_unit_id', '=', unitId)))
    .execute();
  // opportunities embedded and recorded as milestones ("Reaching embedded offers to record a milestone")
  const embedded = await db
    .selectFrom('opportunities as o')
    .select(['o.id', 'o.milestone', 'o.milestone_on', 'o.title'])
    .where('o.institution_id', '=', institutionId)
    .where('o.milestone', 'is not', null)
    .where('o.milestone_on', 'is not', null)
    .where((eb) => eb.exists(eb.selectFrom('opportunity_org_units as u').select('u.opportunity_id').whereRef('u.opportunity_id', '=', 'o.id').where('u.org_unit_id', '=', unitId)))
    .execute();
  const champions = await db
    .selectFrom('people as p')
    .select(['p.id', 'p.name', 'p.champion_since'])
    .where('p.institution_id', '=', institutionId)
    .where('p.is_champion', '=', 1)
    .where('p.champion_since', 'is not', null)
    .where('p.id', 'in', (eb) => eb.selectFrom('positions').select('person_id').where('org_unit_id', '=', unitId))
    .execute();
  const items: JourneyItemDto[] = [
    ...assessed.map((a): JourneyItemDto => ({
      kind: 'maturity', date: a.assessed_on, title: maturityLabels[a.level], detail: a.rationale, level: a.level, ref: { type: 'assessment', id: a.id },
    })),
    ...milestones.map((m): JourneyItemDto => ({
      kind: 'milestone', date: m.occurred_on, title: m.milestone ?? '', detail: m.summary, level: null, ref: { type: 'engagement', id: m.id },
    })),
    ...embedded.map((o): JourneyItemDto => ({
      kind: 'milestone', date: o.milestone_on ?? '', title: o.milestone ?? '', detail: `Opportunity embedded: ${o.title}`, level: null, ref: { type: 'opportunity', id: o.id },
    })),
    ...champions.map((c): JourneyItemDto => ({
      kind: 'champion', date: c.champion_since ?? '', title: `${c.name} became a library champion`, detail: null, level: null, ref: { type: 'person', id: c.id },
    })),
  ];
  const order = { maturity: 2, milestone: 1, champion: 0 } as const;
  return items.sort((a, b) => a.date.localeCompare(b.date) || order[a.kind] - order[b.kind]);
}

/** People with a current position at the unit, with who in the library engaged them most over the last 365 days. */
export async function stakeholders(db: Executor, institutionId: string, unitId: string, today: string): Promise<StakeholderDto[]> {
  const rows = await db
    .selectFrom('positions as pos')
    .innerJoin('people as p', 'p.id', 'pos.person_id')
    .select(['p.id', 'p.name', 'p.influence', 'p.interest', 'p.is_champion', 'pos.title'])
    .where('pos.institution_id', '=', institutionId)
    .where('pos.org_unit_id', '=', unitId)
    .where((e) => e.or([e('pos.end_date', 'is', null), e('pos.end_date', '>=', today)]))
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
  const people = new Map<string, StakeholderDto>();
  for (const r of rows) {
    const p = people.get(r.id) ?? { id: r.id, name: r.name, titles: [], influence: r.influence, interest: r.interest, isChampion: r.is_champion === 1, holders: [] };
    p.titles.push(r.title);
    people.set(r.id, p);
  }
  if (!people.size) return [];
  const held = await db
    .selectFrom('engagement_people as ep')
    .innerJoin('engagements as e', 'e.id', 'ep.engagement_id')
    .innerJoin('engagement_staff as es', 'es.engagement_id', 'e.id')
    .innerJoin('users as u', 'u.id', 'es.user_id')
    .select((eb) => ['ep.person_id', 'u.id', 'u.name', eb.fn.countAll().as('n')])
    .where('ep.person_id', 'in', [...people.keys()])
    .where('ep.occurred_on', '>=', addDays(today, -364))
    .where('ep.occurred_on', '<=', today)
    .groupBy(['ep.person_id', 'u.id', 'u.name'])
    .execute();
  held.sort((a, b) => Number(b.n) - Number(a.n) || a.name.localeCompare(b.name));
  for (const h of held) {
    const p = people.get(h.person_id);
    if (p && p.holders.length < 3) p.holders.push({ id: h.id, name: h.name, engagements: Number(h.n) });
  }
  return [...people.values()];
}
