import { addDays } from '../../../shared/academic-year.ts';
import type { ContactCapDto } from '../../../shared/contracts/relationships.ts';
import type { Executor, InstitutionTable } from '../../db/types.ts';
import { libraryContacts } from './people.repository.ts';

type CapPerson = { id: string; contact_cap: number | null; contact_cap_days: number | null };

/**
 * Each person's cap (their own, else the institution's) and their library-initiated engagements in
 * the cap's rolling window ending on `day` (today for the person page; an engagement's own date
 * when judging that engagement).
 */
export async function contactCaps(db: Executor, inst: InstitutionTable, people: CapPerson[], day: string): Promise<Map<string, ContactCapDto>> {
  const out = new Map<string, ContactCapDto>();
  const byDays = new Map<number, CapPerson[]>();
  for (const p of people) {
    if ((p.contact_cap ?? inst.contact_cap) === null) continue;
    const days = p.contact_cap_days ?? inst.contact_cap_days;
    byDays.set(days, [...(byDays.get(days) ?? []), p]);
  }
  for (const [days, group] of byDays) {
    const counts = await libraryContacts(db, group.map((p) => p.id), addDays(day, -(days - 1)), day);
    for (const p of group) {
      const cap = (p.contact_cap ?? inst.contact_cap) as number;
      const count = counts.get(p.id) ?? 0;
      out.set(p.id, { cap, days, count, exceeded: count > cap, source: p.contact_cap !== null ? 'person' : 'institution' });
    }
  }
  return out;
}
