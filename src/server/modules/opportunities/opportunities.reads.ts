import type { Page } from '../../../shared/contracts/common.ts';
import {
  BOARD_COLUMN_LIMIT, opportunityStages, type BoardDto, type ListOpportunitiesQuery, type OpportunityDetailDto, type OpportunityDto, type OpportunityFilters, type PrioritiesDto,
} from '../../../shared/contracts/opportunities.ts';
import { assertRole, type Actor } from '../../http/actor.ts';
import { notFound } from '../../http/errors.ts';
import { localDate } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { descendantIds, institutionRow } from '../org/org.repository.ts';
import { toDetailDto } from './opportunities.mapper.ts';
import * as repo from './opportunities.repository.ts';
import { prioritiesOf, triageFilters } from './priorities.ts';
import { dtosOf, ranked, type Ranked } from './ranking.ts';

type Paging = { page: number; pageSize: number };

/** Lists, the board, the triage queue, the managers' priorities and one opportunity in full. Viewers read. */
export function opportunityReads({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  async function institution(actor: Actor) {
    const inst = await institutionRow(db, actor.institutionId);
    return { inst, today: localDate(clock.now(), inst.time_zone) };
  }

  /** The org unit filter means the unit and every unit below it. */
  async function resolve(actor: Actor, f: Partial<OpportunityFilters>): Promise<repo.ListFilters> {
    const { stage, orgUnitId, ownerId, goalId, triggerKind, engagementId, q } = f;
    const out: repo.ListFilters = { stages: stage, ownerId, goalId, triggerKind, engagementId, q };
    if (!orgUnitId) return out;
    const below = await descendantIds(db, actor.institutionId, orgUnitId);
    // an unknown or foreign unit has no descendants here; filtering by its id alone then matches nothing
    return { ...out, orgUnitIds: below.length ? below : [orgUnitId] };
  }

  async function page(actor: Actor, list: Ranked[], p: Paging): Promise<Page<OpportunityDto>> {
    const shown = list.slice((p.page - 1) * p.pageSize, p.page * p.pageSize);
    return { items: await dtosOf(db, actor.institutionId, shown), page: p.page, pageSize: p.pageSize, total: list.length };
  }

  return {
    async get(actor: Actor, id: string): Promise<OpportunityDetailDto> {
      const { inst, today } = await institution(actor);
      const [one] = await ranked(db, inst, today, { ids: [id] });
      if (!one) throw notFound('Opportunity');
      const [[dto], engagements, history] = await Promise.all([dtosOf(db, inst.id, [one]), repo.linkedEngagements(db, id), repo.stageHistory(db, id)]);
      if (!dto) throw notFound('Opportunity');
      return toDetailDto(dto, engagements, history);
    },

    async list(actor: Actor, q: ListOpportunitiesQuery): Promise<Page<OpportunityDto>> {
      const { inst, today } = await institution(actor);
      return page(actor, await ranked(db, inst, today, await resolve(actor, q), q.sort), q);
    },

    /** One column per stage asked for (all seven by default, in board order), each in the order asked for (priority by default). */
    async board(actor: Actor, f: OpportunityFilters): Promise<BoardDto> {
      const { inst, today } = await institution(actor);
      const list = await ranked(db, inst, today, await resolve(actor, f), f.sort);
      const stages = opportunityStages.filter((s) => !f.stage?.length || f.stage.includes(s));
      const columns = stages.map((stage) => {
        const all = list.filter((r) => r.stage === stage);
        return { stage, total: all.length, shown: all.slice(0, BOARD_COLUMN_LIMIT) };
      });
      const dtos = new Map((await dtosOf(db, inst.id, columns.flatMap((c) => c.shown))).map((d) => [d.id, d]));
      return { columns: columns.map((c) => ({ stage: c.stage, total: c.total, items: c.shown.flatMap((r) => dtos.get(r.id) ?? []) })) };
    },

    /** Incoming requests nobody has looked into yet, by priority. */
    async triage(actor: Actor, p: Paging): Promise<Page<OpportunityDto>> {
      const { inst, today } = await institution(actor);
      return page(actor, await ranked(db, inst, today, triageFilters), p);
    },

    async priorities(actor: Actor): Promise<PrioritiesDto> {
      assertRole(actor, 'manager');
      const { inst, today } = await institution(actor);
      return prioritiesOf(db, inst, today);
    },
  };
}
