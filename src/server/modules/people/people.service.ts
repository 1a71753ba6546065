import type { Page } from '../../../shared/contracts/common.ts';
import type {
  CreatePersonBody, ListPeopleQuery, PersonDto, PersonSummaryDto, PositionBody, PositionDto, UpdatePersonBody, UpdatePositionBody,
} from '../../../shared/contracts/people.ts';
import type { Executor, PersonTable, PositionTable } from '../../db/types.ts';
import { assertRole, type Actor } from '../../http/actor.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { isoNow } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { descendantIds } from '../org/org.repository.ts';
import { removeDocument } from '../search/search.index.ts';
import { championPatch, parseTags, sortPositions, toPersonDto, toPersonPatch, toPersonSummaryDto, toPositionDto } from './people.mapper.ts';
import * as repo from './people.repository.ts';
import { reindexPerson } from './people.search.ts';

const conflict = (field: string, message: string) => new AppError('CONFLICT', `${field}: ${message}`, [{ field, message }]);

/** The audit trail shows tags as a list rather than their stored JSON text. */
const auditable = (p: PersonTable) => ({ ...p, tags: parseTags(p.tags) });

function checkDates(startDate: string | null, endDate: string | null, field: string) {
  if (startDate && endDate && endDate < startDate) throw invalid(field, 'must be on or after startDate');
}

export function peopleService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  /** Positions are current through their end date, judged by the injected clock (UTC). */
  const today = () => clock.now().toISOString().slice(0, 10);

  async function positionsOf(ex: Executor, institutionId: string, personId: string): Promise<PositionDto[]> {
    const t = today();
    return sortPositions((await repo.positionsOf(ex, institutionId, [personId])).map((r) => toPositionDto(r, t)));
  }

  /** Re-reads the person and their positions so the search document matches what was just written. */
  const reindex = (trx: Executor, institutionId: string, personId: string) => reindexPerson(trx, institutionId, personId, today());

  async function checkEmail(trx: Executor, actor: Actor, email: string | null | undefined, selfId?: string) {
    if (!email) return;
    const holder = await repo.findEmailHolder(trx, actor.institutionId, email);
    if (holder && holder.id !== selfId) throw conflict('email', 'another person has this email');
  }

  async function unitName(trx: Executor, actor: Actor, orgUnitId: string, field: string): Promise<string> {
    const name = (await repo.orgUnitNames(trx, actor.institutionId, [orgUnitId])).get(orgUnitId);
    if (name === undefined) throw invalid(field, 'unknown org unit');
    return name;
  }

  async function insertPosition(trx: Executor, actor: Actor, personId: string, body: PositionBody, now: string): Promise<PositionTable> {
    const row: PositionTable = {
      id: newId(), institution_id: actor.institutionId, person_id: personId, org_unit_id: body.orgUnitId, title: body.title,
      start_date: body.startDate ?? null, end_date: body.endDate ?? null, created_at: now, updated_at: now,
    };
    await trx.insertInto('positions').values(row).execute();
    await recordAudit(trx, actor, { action: 'create', entityType: 'position', entityId: row.id, after: { ...row } }, now);
    return row;
  }

  async function findPositionOr404(trx: Executor, actor: Actor, id: string) {
    const row = await repo.findPosition(trx, actor.institutionId, id);
    if (!row) throw notFound('Position');
    return row;
  }

  async function person(actor: Actor, id: string): Promise<PersonDto> {
    const row = await repo.findPerson(db, actor.institutionId, id);
    if (!row) throw notFound('Person');
    return toPersonDto(row, await positionsOf(db, actor.institutionId, id));
  }

  return {
    person,

    async list(actor: Actor, q: ListPeopleQuery): Promise<Page<PersonSummaryDto>> {
      const t = today();
      const withinIds = q.withinId ? await descendantIds(db, actor.institutionId, q.withinId) : undefined;
      const { rows, total } = await repo.listPeople(db, actor.institutionId, { ...q, withinIds, today: t });
      // one query for the current positions of the whole page
      const byPerson = new Map<string, PositionDto[]>();
      for (const r of await repo.positionsOf(db, actor.institutionId, rows.map((p) => p.id), t)) {
        byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), toPositionDto(r, t)]);
      }
      return { items: rows.map((r) => toPersonSummaryDto(r, byPerson.get(r.id) ?? [])), page: q.page, pageSize: q.pageSize, total };
    },

    async create(actor: Actor, body: CreatePersonBody): Promise<PersonDto> {
      assertRole(actor, 'librarian');
      const id = await db.transaction().execute(async (trx) => {
        await checkEmail(trx, actor, body.email);
        const wanted = body.positions ?? [];
        const units = await repo.orgUnitNames(trx, actor.institutionId, wanted.map((p) => p.orgUnitId));
        wanted.forEach((p, i) => {
          if (!units.has(p.orgUnitId)) throw invalid(`positions.${i}.orgUnitId`, 'unknown org unit');
        });
        const now = isoNow(clock);
        const row: PersonTable = {
          id: newId(), institution_id: actor.institutionId, name: '', email: null, phone: null, motivations: null, needs: null, challenges: null,
          preferred_channel: null, is_champion: 0, influence: null, interest: null, stay_in_touch_days: null, contact_cap: null,
          contact_cap_days: null, champion_since: null, tags: '[]', notes: null,
          ...toPersonPatch(body), ...championPatch(body, false, today()), created_at: now, updated_at: now,
        };
        await trx.insertInto('people').values(row).execute();
        await recordAudit(trx, actor, { action: 'create', entityType: 'person', entityId: row.id, after: auditable(row) }, now);
        for (const p of wanted) await insertPosition(trx, actor, row.id, p, now);
        await reindex(trx, actor.institutionId, row.id);
        return row.id;
      });
      return person(actor, id);
    },

    async update(actor: Actor, id: string, body: UpdatePersonBody): Promise<PersonDto> {
      assertRole(actor, 'librarian');
      await db.transaction().execute(async (trx) => {
        const before = await repo.findPerson(trx, actor.institutionId, id);
        if (!before) throw notFound('Person');
        if (body.email !== undefined && body.email !== before.email) await checkEmail(trx, actor, body.email, id);
        const now = isoNow(clock);
        const patch: Partial<PersonTable> = { ...toPersonPatch(body), ...championPatch(body, before.is_champion === 1, today()), updated_at: now };
        await trx.updateTable('people').set(patch).where('institution_id', '=', actor.institutionId).where('id', '=', id).execute();
        const after = { ...before, ...patch };
        await reindex(trx, actor.institutionId, id);
        await recordAudit(trx, actor, { action: 'update', entityType: 'person', entityId: id, before: auditable(before), after: auditable(after) }, now);
      });
      return person(actor, id);
    },

    /** A person who took part in engagements stays, so the engagement history keeps its people. */
    async remove(actor: Actor, id: string): Promise<void> {
      assertRole(actor, 'manager');
      await db.transaction().execute(async (trx) => {
        const before = await repo.findPerson(trx, actor.institutionId, id);
        if (!before) throw notFound('Person');
        if (await repo.isLinkedToEngagements(trx, actor.institutionId, id)) {
          throw new AppError('CONFLICT', 'This person is linked to engagements and cannot be deleted');
        }
        const now = isoNow(clock);
        const positions = await trx.selectFrom('positions').selectAll().where('institution_id', '=', actor.institutionId).where('person_id', '=', id).execute();
        await trx.deleteFrom('positions').where('institution_id', '=', actor.institutionId).where('person_id', '=', id).execute();
        for (const p of positions) await recordAudit(trx, actor, { action: 'delete', entityType: 'position', entityId: p.id, before: { ...p } }, now);
        await trx.deleteFrom('people').where('institution_id', '=', actor.institutionId).where('id', '=', id).execute();
        await removeDocument(trx, 'person', id);
        await recordAudit(trx, actor, { action: 'delete', entityType: 'person', entityId: id, before: auditable(before) }, now);
      });
    },

    async addPosition(actor: Actor, personId: string, body: PositionBody): Promise<PositionDto> {
      assertRole(actor, 'librarian');
      return db.transaction().execute(async (trx) => {
        if (!(await repo.findPerson(trx, actor.institutionId, personId))) throw notFound('Person');
        const orgUnitName = await unitName(trx, actor, body.orgUnitId, 'orgUnitId');
        checkDates(body.startDate ?? null, body.endDate ?? null, 'endDate');
        const row = await insertPosition(trx, actor, personId, body, isoNow(clock));
        await reindex(trx, actor.institutionId, personId);
        return toPositionDto({ ...row, org_unit_name: orgUnitName }, today());
      });
    },

    async updatePosition(actor: Actor, id: string, body: UpdatePositionBody): Promise<PositionDto> {
      assertRole(actor, 'librarian');
      return db.transaction().execute(async (trx) => {
        const before = await findPositionOr404(trx, actor, id);
        const orgUnitName = await unitName(trx, actor, body.orgUnitId ?? before.org_unit_id, 'orgUnitId');
        const now = isoNow(clock);
        const patch: Partial<PositionTable> = { updated_at: now };
        if (body.orgUnitId !== undefined) patch.org_unit_id = body.orgUnitId;
        if (body.title !== undefined) patch.title = body.title;
        if (body.startDate !== undefined) patch.start_date = body.startDate;
        if (body.endDate !== undefined) patch.end_date = body.endDate;
        const after = { ...before, ...patch };
        // the body alone may be consistent while the merged record is not
        checkDates(after.start_date, after.end_date, 'endDate');
        await trx.updateTable('positions').set(patch).where('institution_id', '=', actor.institutionId).where('id', '=', id).execute();
        await recordAudit(trx, actor, { action: 'update', entityType: 'position', entityId: id, before: { ...before }, after: { ...after } }, now);
        await reindex(trx, actor.institutionId, before.person_id);
        return toPositionDto({ ...after, org_unit_name: orgUnitName }, today());
      });
    },

    async removePosition(actor: Actor, id: string): Promise<void> {
      assertRole(actor, 'librarian');
      await db.transaction().execute(async (trx) => {
        const before = await findPositionOr404(trx, actor, id);
        await trx.deleteFrom('positions').where('institution_id', '=', actor.institutionId).where('id', '=', id).execute();
        await recordAudit(trx, actor, { action: 'delete', entityType: 'position', entityId: id, before: { ...before } }, isoNow(clock));
        await reindex(trx, actor.institutionId, before.person_id);
      });
    },
  };
}
export type PeopleService = ReturnType<typeof peopleService>;
