import type { MergeResultDto } from '../../../shared/contracts/people-merge.ts';
import { sql } from 'kysely';
import type { Executor, PersonTable } from '../../db/types.ts';
import { comparableName } from './duplicates.ts';

/** Fields a merged record may fill when the kept one has them empty; differing values are conflicts. */
export const fillable = ['email', 'external_id', 'phone', 'motivations', 'needs', 'challenges', 'preferred_channel', 'influence', 'interest',
  'stay_in_touch_days', 'contact_cap', 'contact_cap_days', 'notes'] as const satisfies readonly (keyof PersonTable)[];
const camel = (f: string) => f.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const text = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? null : String(v));

/** The tables whose rows point at a person by a plain column: every such row moves to the kept person. */
export const plainRefs = [
  { table: 'evidence', column: 'source_person_id', kind: 'evidence' },
  { table: 'plan_actions', column: 'partner_person_id', kind: 'planActions' },
  { table: 'maturity_assessments', column: 'person_id', kind: 'maturityAssessments' },
] as const;
/** Link tables keyed by (owner, person): a link both records have becomes one. */
export const linkRefs = [
  { table: 'engagement_people', owner: 'engagement_id', kind: 'engagements' },
  { table: 'opportunity_people', owner: 'opportunity_id', kind: 'opportunities' },
  { table: 'capture_item_people', owner: 'item_id', kind: 'captureItems' },
] as const;

export interface MergePlan extends Omit<MergeResultDto, 'dryRun'> {
  /** the kept person's columns after the merge (fills, champion, tags) */
  patch: Partial<PersonTable>;
}

/** What merging `merged` into `keep` would do, read without writing: the dry run, and the real run's script. */
export async function planMerge(ex: Executor, keep: PersonTable, merged: PersonTable[]): Promise<MergePlan> {
  const inst = keep.institution_id;
  const mergeIds = merged.map((p) => p.id);
  const moves = { engagements: 0, opportunities: 0, positions: 0, captureItems: 0, evidence: 0, planActions: 0, maturityAssessments: 0 };
  const shared = { engagements: 0, opportunities: 0, positions: 0, captureItems: 0 };
  for (const l of linkRefs) {
    const rows = await ex.selectFrom(l.table).select([sql<string>`${sql.ref(l.owner)}`.as('owner'), 'person_id'])
      .where('institution_id', '=', inst).where('person_id', 'in', [keep.id, ...mergeIds]).execute();
    const kept = new Set(rows.filter((r) => r.person_id === keep.id).map((r) => r.owner));
    const fromMerged = new Set(rows.filter((r) => r.person_id !== keep.id).map((r) => r.owner));
    const newcomers = [...fromMerged].filter((o) => !kept.has(o));
    moves[l.kind] = newcomers.length;
    // each link beyond the one the kept person ends up with is folded into it
    shared[l.kind] = rows.filter((r) => r.person_id !== keep.id).length - newcomers.length;
  }
  for (const r of plainRefs) {
    const row = await ex.selectFrom(r.table).select((eb) => eb.fn.countAll<number>().as('n'))
      .where('institution_id', '=', inst).where(r.column, 'in', mergeIds).executeTakeFirstOrThrow();
    moves[r.kind] = Number(row.n);
  }
  const positions = await ex.selectFrom('positions').select(['person_id', 'org_unit_id', 'title']).where('institution_id', '=', inst).where('person_id', 'in', [keep.id, ...mergeIds]).execute();
  const seen = new Set(positions.filter((p) => p.person_id === keep.id).map((p) => `${p.org_unit_id}|${comparableName(p.title)}`));
  for (const p of positions.filter((x) => x.person_id !== keep.id)) {
    const k = `${p.org_unit_id}|${comparableName(p.title)}`;
    moves.positions++;
    if (seen.has(k)) shared.positions++;
    seen.add(k);
  }

  const conflicts: MergeResultDto['conflicts'] = [];
  const filled: MergeResultDto['filled'] = [];
  const patch: Partial<PersonTable> = {};
  for (const field of ['name', ...fillable] as const) {
    const kv = text(keep[field]);
    const others = merged.map((p) => ({ personId: p.id, value: text(p[field]) })).filter((o): o is { personId: string; value: string } => o.value !== null);
    if (kv === null) {
      const from = others[0];
      if (from) {
        (patch as Record<string, unknown>)[field] = merged.find((p) => p.id === from.personId)?.[field];
        filled.push({ field: camel(field === 'external_id' ? 'staff_id' : field), value: from.value, fromId: from.personId });
      }
    } else {
      const differ = others.filter((o) => o.value !== kv);
      if (differ.length) conflicts.push({ field: camel(field === 'external_id' ? 'staff_id' : field), kept: kv, merged: differ });
    }
  }
  // a champion in any record is a champion, since the earliest date; tags are pooled
  const all = [keep, ...merged];
  if (keep.is_champion !== 1 && merged.some((p) => p.is_champion === 1)) patch.is_champion = 1;
  const since = all.map((p) => p.champion_since).filter((d): d is string => !!d).sort()[0] ?? null;
  if (since !== keep.champion_since && (keep.is_champion === 1 || patch.is_champion === 1)) patch.champion_since = since;
  const tags = [...new Set(all.flatMap((p) => JSON.parse(p.tags) as string[]))];
  if (tags.length !== (JSON.parse(keep.tags) as string[]).length) patch.tags = JSON.stringify(tags);
  return { keepId: keep.id, mergeIds, moves, shared, conflicts, filled, patch };
}
