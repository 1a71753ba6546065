import type { Page } from '../../../shared/contracts/common.ts';
import type { DuplicateGroupDto, DuplicateReasonDto, DuplicatesQuery } from '../../../shared/contracts/people-merge.ts';
import type { Executor } from '../../db/types.ts';
import { fold } from '../../lib/text.ts';
import { isCurrent } from './people.mapper.ts';
import { positionsOf } from './people.repository.ts';

/** A name as compared: diacritics, case, punctuation and spacing do not count ("Zoë  Ångström" = "zoe angstrom"). */
export const comparableName = (name: string) => fold(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** "j smith" for both "J. Smith" and "John Smith"; null for a one-word name. */
function initialKey(words: string[]): string | null {
  const [first, ...rest] = words;
  return first && rest.length ? `${first[0] ?? ''} ${rest.join(' ')}` : null;
}

interface Candidate { id: string; name: string; email: string | null }

/**
 * Groups of people that look like one: the same comparable name, the same email ignoring case, or
 * an initial ("J. Smith") beside a full first name with the same surname ("John Smith"). Two full
 * first names sharing an initial are not matched on that alone. Pure, for the unit test and the service.
 */
export function groupDuplicates(people: Candidate[]): { ids: string[]; reasons: DuplicateReasonDto[] }[] {
  const parent = new Map(people.map((p) => [p.id, p.id]));
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(id, r);
    return r;
  };
  const reasons: { anchor: string; reason: DuplicateReasonDto }[] = [];
  const link = (ids: string[], reason: DuplicateReasonDto) => {
    const [first, ...others] = ids;
    if (!first || !others.length) return;
    for (const o of others) parent.set(root(o), root(first));
    reasons.push({ anchor: first, reason });
  };
  const bucket = (key: (p: Candidate) => string | null) => {
    const m = new Map<string, Candidate[]>();
    for (const p of people) {
      const k = key(p);
      if (k) m.set(k, [...(m.get(k) ?? []), p]);
    }
    return m;
  };
  for (const list of bucket((p) => comparableName(p.name) || null).values()) link(list.map((p) => p.id), { kind: 'name', value: list[0]?.name ?? '' });
  for (const [email, list] of bucket((p) => p.email?.trim().toLowerCase() || null)) link(list.map((p) => p.id), { kind: 'email', value: email });
  for (const list of bucket((p) => initialKey(comparableName(p.name).split(' '))).values()) {
    // only an initial joins a group here: "John Smith" and "Jane Smith" stay apart unless a "J. Smith" sits between them
    const initials = list.filter((p) => (comparableName(p.name).split(' ')[0] ?? '').length === 1);
    const names = new Set(list.map((p) => comparableName(p.name)));
    if (initials.length && names.size > 1) link(list.map((p) => p.id), { kind: 'initials', value: [...new Set(list.map((p) => p.name))].join(' / ') });
  }
  const groups = new Map<string, { ids: string[]; reasons: DuplicateReasonDto[] }>();
  for (const p of people) {
    const r = root(p.id);
    const g = groups.get(r) ?? { ids: [], reasons: [] };
    g.ids.push(p.id);
    groups.set(r, g);
  }
  for (const { anchor, reason } of reasons) groups.get(root(anchor))?.reasons.push(reason);
  return [...groups.values()].filter((g) => g.ids.length > 1);
}

/** One page of the institution's duplicate groups, in name order, each person with what helps choose the record to keep. */
export async function listDuplicates(ex: Executor, institutionId: string, q: DuplicatesQuery, today: string): Promise<Page<DuplicateGroupDto>> {
  const people = await ex.selectFrom('people').select(['id', 'name', 'email', 'updated_at']).where('institution_id', '=', institutionId).execute();
  const byId = new Map(people.map((p) => [p.id, p]));
  const groups = groupDuplicates(people)
    .map((g) => ({ ...g, sortKey: comparableName(byId.get(g.ids[0] as string)?.name ?? '') }))
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  const page = groups.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const ids = page.flatMap((g) => g.ids);
  const counts = new Map<string, number>();
  if (ids.length) {
    const rows = await ex.selectFrom('engagement_people').select((eb) => ['person_id', eb.fn.countAll<number>().as('n')])
      .where('institution_id', '=', institutionId).where('person_id', 'in', ids).groupBy('person_id').execute();
    for (const r of rows) counts.set(r.person_id, Number(r.n));
  }
  const positions = new Map<string, string[]>();
  for (const p of await positionsOf(ex, institutionId, ids, today)) {
    if (isCurrent(p.end_date, today)) positions.set(p.person_id, [...(positions.get(p.person_id) ?? []), `${p.title}, ${p.org_unit_name}`]);
  }
  const items = page.map((g) => {
    const members = g.ids.map((id) => {
      const p = byId.get(id) as (typeof people)[number];
      return { id, name: p.name, email: p.email, currentPositions: positions.get(id) ?? [], engagements: counts.get(id) ?? 0, updatedAt: p.updated_at };
    }).sort((a, b) => b.engagements - a.engagements || (a.updatedAt < b.updatedAt ? 1 : -1));
    return { key: [...g.ids].sort()[0] as string, reasons: g.reasons, people: members };
  });
  return { items, page: q.page, pageSize: q.pageSize, total: groups.length };
}
