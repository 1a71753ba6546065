import type { CaptureUploadDto } from '../../../shared/contracts/capture.ts';
import type { CaptureItemOrgUnitTable, CaptureItemPersonTable, CaptureItemTable, CaptureSource, Db } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { isoNow, localDate, type Clock } from '../../lib/clock.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { institutionRow } from '../org/org.repository.ts';
import * as repo from './capture.repository.ts';
import type { Captured } from './text.ts';

/** The audit trail's view of an item: its columns plus the people and departments it suggests. */
export const auditSnapshot = (row: CaptureItemTable, personIds: string[], orgUnitIds: string[]) => ({ ...row, person_ids: personIds, org_unit_ids: orgUnitIds });

/**
 * Writes what a reader found for its owner, all or nothing: each new item matched to people by
 * address (suggested) or queued for review (unmatched), with the departments those people were at
 * on its date. Items captured before, by anyone in the institution, are counted and left alone.
 */
export async function ingest(
  deps: { db: Db; clock: Clock }, owner: Actor, source: CaptureSource, found: { items: Captured[]; skipped: number },
): Promise<CaptureUploadDto> {
  const { db, clock } = deps;
  const inst = await institutionRow(db, owner.institutionId);
  const now = isoNow(clock);
  const people = await repo.peopleByAddress(db, owner.institutionId, [...new Set(found.items.flatMap((i) => i.addresses))]);
  const positions = await repo.positionsOf(db, owner.institutionId, [...people.values()].map((p) => p.id));

  return db.transaction().execute(async (trx) => {
    const byKind = new Map<string, Captured[]>();
    for (const i of found.items) byKind.set(i.kind, [...(byKind.get(i.kind) ?? []), i]);
    const fresh: Captured[] = [];
    let alreadyKnown = 0;
    for (const [kind, list] of byKind) {
      const known = await repo.knownUids(trx, owner.institutionId, kind as Captured['kind'], list.map((i) => i.externalUid));
      for (const i of list) {
        // a file that repeats a UID counts the repeat as known, too
        if (known.has(i.externalUid)) alreadyKnown++;
        else {
          fresh.push(i);
          known.add(i.externalUid);
        }
      }
    }

    const planned = fresh.map((c) => {
      const matched = c.addresses.flatMap((a) => {
        const p = people.get(a);
        return p ? [{ ...p, address: a }] : [];
      });
      const personIds = [...new Set(matched.map((m) => m.id))];
      const occurredOn = localDate(c.startsAt ?? clock.now(), inst.time_zone);
      const row: CaptureItemTable = {
        id: newId(), institution_id: owner.institutionId, kind: c.kind, status: personIds.length ? 'suggested' : 'unmatched', owner_id: owner.userId, source,
        external_uid: c.externalUid, subject: c.subject, starts_at: c.startsAt?.toISOString() ?? null, occurred_on: occurredOn,
        duration_minutes: c.durationMinutes, excerpt: c.excerpt, from_address: c.fromAddress, to_addresses: JSON.stringify(c.addresses),
        // a partner who organised the meeting or wrote the message started it: the reciprocity signal counts it
        initiated_by: c.fromAddress && people.has(c.fromAddress) ? 'partner' : 'library',
        engagement_id: null, decided_by: null, decided_at: null, created_at: now, updated_at: now,
      };
      return { row, matched, personIds, orgUnitIds: repo.unitsOn(positions, personIds, occurredOn) };
    });

    const written = await repo.insertItems(trx, planned.map((p) => p.row));
    const kept = planned.filter((p) => written.has(p.row.id));
    alreadyKnown += planned.length - kept.length;
    const links: CaptureItemPersonTable[] = [];
    const units: CaptureItemOrgUnitTable[] = [];
    for (const p of kept) {
      // one link per person, with the first address they were found by
      const first = new Map(p.matched.toReversed().map((m) => [m.id, m.address]));
      for (const [personId, address] of first) links.push({ item_id: p.row.id, person_id: personId, institution_id: owner.institutionId, matched_by: 'address', address });
      for (const u of p.orgUnitIds) units.push({ item_id: p.row.id, org_unit_id: u, institution_id: owner.institutionId });
    }
    await repo.insertPeople(trx, links);
    await repo.insertUnits(trx, units);
    for (const p of kept) {
      await recordAudit(trx, owner, { action: 'create', entityType: 'capture_item', entityId: p.row.id, after: auditSnapshot(p.row, p.personIds, p.orgUnitIds) }, now);
    }
    return {
      suggested: kept.filter((p) => p.row.status === 'suggested').length,
      unmatched: kept.filter((p) => p.row.status === 'unmatched').length,
      skipped: found.skipped,
      alreadyKnown,
      itemIds: kept.map((p) => p.row.id),
    };
  });
}
