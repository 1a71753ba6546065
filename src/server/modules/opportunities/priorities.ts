import { activeStages, type PrioritiesDto } from '../../../shared/contracts/opportunities.ts';
import type { Executor, InstitutionTable } from '../../db/types.ts';
import * as repo from './opportunities.repository.ts';
import { dtosOf, ranked, type Ranked } from './ranking.ts';

/** Each list on the managers' page shows at most this many; `openTotal` says how many there are. */
export const PRIORITIES_LIMIT = 100;

/** Waiting in triage: an incoming request nobody has looked into yet (still spotted). */
export const triageFilters = { triggerKind: 'incoming_request', stages: ['spotted'] } as const satisfies repo.ListFilters;
/** The same test over rows already read. */
const inTriage = (r: Pick<Ranked, 'trigger_kind' | 'stage'>) => r.trigger_kind === 'incoming_request' && r.stage === 'spotted';

/**
 * For managers: everything incoming and open by priority, and each member of staff's open load
 * (opportunities still being worked, open plan actions, the overdue ones, windows closing soon),
 * so that a flood of requests can be weighed against who has room for them.
 */
export async function prioritiesOf(db: Executor, inst: InstitutionTable, today: string): Promise<PrioritiesDto> {
  const [active, actions, users] = await Promise.all([
    ranked(db, inst, today, { stages: activeStages }),
    repo.openActionsByOwner(db, inst.id, today),
    repo.activeUsers(db, inst.id),
  ]);
  const requests = active.filter(inTriage);
  const open = active.filter((r) => !inTriage(r));
  const shown = [...requests.slice(0, PRIORITIES_LIMIT), ...open.slice(0, PRIORITIES_LIMIT)];
  const dtos = await dtosOf(db, inst.id, shown);
  const cut = Math.min(requests.length, PRIORITIES_LIMIT);

  const byOwner = new Map<string, Ranked[]>();
  for (const r of active) {
    if (!r.owner_id) continue;
    const list = byOwner.get(r.owner_id);
    if (list) list.push(r);
    else byOwner.set(r.owner_id, [r]);
  }
  const load = users.flatMap((u) => {
    const owned = byOwner.get(u.id) ?? [];
    const a = actions.get(u.id) ?? { actions: 0, overdue: 0 };
    if (!owned.length && !a.actions) return [];
    return [{
      id: u.id, name: u.name,
      opportunities: owned.length,
      actions: a.actions,
      overdueActions: a.overdue,
      closingSoon: owned.filter((r) => r.coldness.closing).length,
    }];
  });
  return { requests: dtos.slice(0, cut), open: dtos.slice(cut), openTotal: open.length, load };
}
