import { sql } from 'kysely';
import type { Page } from '../../../shared/contracts/common.ts';
import type { DuplicateGroupDto, DuplicatesQuery, MergePeopleBody, MergeResultDto } from '../../../shared/contracts/people-merge.ts';
import type { Executor, PersonTable, PositionTable } from '../../db/types.ts';
import { assertRole, type Actor } from '../../http/actor.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { isoNow } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { institutionRow } from '../org/org.repository.ts';
import { refreshSummaries } from '../relationships/summaries.ts';
import { removeDocument } from '../search/search.index.ts';
import { comparableName, listDuplicates } from './duplicates.ts';
import { linkRefs, planMerge, plainRefs, type MergePlan } from './merge.plan.ts';
import { parseTags } from './people.mapper.ts';
import { findPerson } from './people.repository.ts';
import { reindexPerson } from './people.search.ts';

const auditable = (p: PersonTable) => ({ ...p, tags: parseTags(p.tags) });

/** Positions the kept person now holds twice (same department, same title) become one, keeping the widest dates. */
async function foldPositions(trx: Executor, institutionId: string, keepId: string, now: string): Promise<void> {
  const held = await trx.selectFrom('positions').selectAll().where('institution_id', '=', institutionId).where('person_id', '=', keepId).orderBy('created_at').orderBy('id').execute();
  const first = new Map<string, PositionTable>();
  for (const p of held) {
    const k = `${p.org_unit_id}|${comparableName(p.title)}`;
    const into = first.get(k);
    if (!into) {
      first.set(k, p);
      continue;
    }
    const start = [into.start_date, p.start_date].filter((d): d is string => !!d).sort()[0] ?? null;
    // open-ended wins: either record saying "still in post" keeps the post open
    const end = into.end_date === null || p.end_date === null ? null : [into.end_date, p.end_date].sort()[1] ?? null;
    await trx.deleteFrom('positions').where('id', '=', p.id).execute();
    if (start !== into.start_date || end !== into.end_date) {
      await trx.updateTable('positions').set({ start_date: start, end_date: end, updated_at: now }).where('id', '=', into.id).execute();
      first.set(k, { ...into, start_date: start, end_date: end });
    }
  }
}

/** Moves every reference from the merged people to the kept one, then removes them; inside the caller's transaction. */
async function applyMerge(trx: Executor, actor: Actor, keep: PersonTable, merged: PersonTable[], plan: MergePlan, now: string): Promise<void> {
  const inst = actor.institutionId;
  const mergeIds = merged.map((p) => p.id);
  // units and dates of every engagement a merged record was on (moved or shared), read before the links
  // move: the kept person's summaries are recomputed over them, the merged records' are removed
  const units = await trx.selectFrom('engagement_org_units as u').innerJoin('engagement_people as p', 'p.engagement_id', 'u.engagement_id')
    .select(['u.org_unit_id', 'u.occurred_on']).distinct().where('p.institution_id', '=', inst).where('p.person_id', 'in', mergeIds).execute();
  for (const m of mergeIds) {
    for (const l of linkRefs) {
      // one merged record at a time, so two of them on the same engagement cannot clash on the key
      const keptOwners = trx.selectFrom(l.table).select(sql<string>`${sql.ref(l.owner)}`.as('owner')).where('person_id', '=', keep.id);
      await trx.deleteFrom(l.table).where('person_id', '=', m).where(sql.ref(l.owner), 'in', keptOwners).execute();
      await trx.updateTable(l.table).set({ person_id: keep.id }).where('person_id', '=', m).execute();
    }
  }
  for (const r of plainRefs) {
    await trx.updateTable(r.table).set({ [r.column]: keep.id }).where('institution_id', '=', inst).where(r.column, 'in', mergeIds).execute();
  }
  await trx.updateTable('positions').set({ person_id: keep.id, updated_at: now }).where('institution_id', '=', inst).where('person_id', 'in', mergeIds).execute();
  await foldPositions(trx, inst, keep.id, now);

  // the merged rows go first: the kept person may take over their email or staff id, which are unique
  await trx.deleteFrom('people').where('institution_id', '=', inst).where('id', 'in', mergeIds).execute();
  for (const p of merged) {
    await removeDocument(trx, 'person', p.id);
    await recordAudit(trx, actor, { action: 'delete', entityType: 'person', entityId: p.id, before: auditable(p), after: { mergedInto: keep.id } }, now);
  }
  const after: PersonTable = { ...keep, ...plan.patch, updated_at: now };
  await trx.updateTable('people').set({ ...plan.patch, updated_at: now }).where('id', '=', keep.id).execute();
  await recordAudit(trx, actor, {
    action: 'update', entityType: 'person', entityId: keep.id,
    before: { ...auditable(keep), mergedFrom: [] }, after: { ...auditable(after), mergedFrom: mergeIds, moved: plan.moves },
  }, now);

  // the summaries have no foreign key to people: the merged records' rows go by hand
  await trx.deleteFrom('unit_person_years').where('institution_id', '=', inst).where('person_id', 'in', mergeIds).execute();
  if (units.length) {
    await refreshSummaries(trx, await institutionRow(trx, inst), {
      unitIds: [...new Set(units.map((u) => u.org_unit_id))], personIds: [keep.id], themeIds: [], dates: [...new Set(units.map((u) => u.occurred_on))],
    });
  }
  await reindexPerson(trx, inst, keep.id, now.slice(0, 10));
}

export function mergeService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  const today = () => clock.now().toISOString().slice(0, 10);

  return {
    duplicates(actor: Actor, q: DuplicatesQuery): Promise<Page<DuplicateGroupDto>> {
      assertRole(actor, 'manager');
      return listDuplicates(db, actor.institutionId, q, today());
    },

    /** The dry run reads and reports; the real run does the same work in one transaction and reports what it did. */
    async merge(actor: Actor, body: MergePeopleBody): Promise<MergeResultDto> {
      assertRole(actor, 'manager');
      if (body.mergeIds.includes(body.keepId)) throw invalid('mergeIds', 'must not include the person kept (keepId)');
      if (new Set(body.mergeIds).size !== body.mergeIds.length) throw invalid('mergeIds', 'names a person more than once');
      const run = async (ex: Executor) => {
        const keep = await findPerson(ex, actor.institutionId, body.keepId);
        if (!keep) throw notFound('Person');
        const merged = await ex.selectFrom('people').selectAll().where('institution_id', '=', actor.institutionId).where('id', 'in', body.mergeIds).execute();
        const missing = body.mergeIds.filter((id) => !merged.some((p) => p.id === id));
        if (missing.length) throw invalid('mergeIds', `no such person: ${missing.join(', ')}`);
        merged.sort((a, b) => body.mergeIds.indexOf(a.id) - body.mergeIds.indexOf(b.id));
        const plan = await planMerge(ex, keep, merged);
        if (!body.dryRun) await applyMerge(ex, actor, keep, merged, plan, isoNow(clock));
        const { patch: _patch, ...result } = plan;
        return { dryRun: body.dryRun, ...result };
      };
      return body.dryRun ? run(db) : db.transaction().execute(run);
    },
  };
}
export type MergeService = ReturnType<typeof mergeService>;
