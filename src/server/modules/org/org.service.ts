import type { Page } from '../../../shared/contracts/common.ts';
import type {
  CreateOrgUnitBody, CreateTeamBody, CreateVocabBody, InstitutionDto, ListOrgUnitsQuery, OrgUnitDto,
  TeamDto, UpdateInstitutionBody, UpdateVocabBody, UpdateOrgUnitBody, UpdateTeamBody, VocabTermDto,
} from '../../../shared/contracts/org.ts';
import type { Executor, InstitutionTable, OrgUnitTable, TeamTable, VocabKind, VocabTermTable } from '../../db/types.ts';
import { assertRole, type Actor } from '../../http/actor.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { isoNow, localDate } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { rebuildSummaries } from '../relationships/summaries.ts';
import { indexDocument, removeDocument } from '../search/search.index.ts';
import * as repo from './org.repository.ts';
import { toInstitutionDto, toOrgUnitDto, toTeamDto, toVocabDto } from './org.mapper.ts';

const conflict = (field: string, message: string) => new AppError('CONFLICT', `${field}: ${message}`, [{ field, message }]);

/** An org unit's search document: title, its parent as subtitle, code and description to find it by. */
export async function indexOrgUnit(db: Executor, u: OrgUnitTable, parentName: string | null) {
  await indexDocument(db, { type: 'org_unit', id: u.id, institutionId: u.institution_id, title: u.name, subtitle: parentName, body: [u.code, u.description, parentName] });
}

export function orgService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  async function orgUnit(actor: Actor, id: string): Promise<OrgUnitDto> {
    const row = await repo.getOrgUnitRow(db, actor.institutionId, id);
    if (!row) throw notFound('Org unit');
    return toOrgUnitDto(row);
  }

  async function checkCode(trx: Executor, actor: Actor, code: string | null | undefined, selfId?: string) {
    if (!code) return;
    const clash = await trx.selectFrom('org_units').select('id').where('institution_id', '=', actor.institutionId).where('code', '=', code).executeTakeFirst();
    if (clash && clash.id !== selfId) throw conflict('code', 'another org unit has this code');
  }

  async function checkParent(trx: Executor, actor: Actor, parentId: string | null | undefined, selfId?: string) {
    if (!parentId) return null;
    const parent = await repo.findOrgUnit(trx, actor.institutionId, parentId);
    if (!parent) throw invalid('parentId', 'unknown org unit');
    if (selfId && (await repo.descendantIds(trx, actor.institutionId, selfId)).includes(parentId)) {
      throw invalid('parentId', 'cannot be the unit itself or one of its descendants');
    }
    return parent;
  }

  return {
    async institution(actor: Actor): Promise<InstitutionDto> {
      const row = await db.selectFrom('institutions').selectAll().where('id', '=', actor.institutionId).executeTakeFirstOrThrow();
      return toInstitutionDto(row);
    },

    async updateInstitution(actor: Actor, body: UpdateInstitutionBody): Promise<InstitutionDto> {
      assertRole(actor, 'admin');
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('institutions').selectAll().where('id', '=', actor.institutionId).executeTakeFirstOrThrow();
        const now = isoNow(clock);
        const patch: Partial<InstitutionTable> = { updated_at: now };
        if (body.name !== undefined) patch.name = body.name;
        if (body.academicYearStartMonth !== undefined) patch.academic_year_start_month = body.academicYearStartMonth;
        if (body.academicYearStartDay !== undefined) patch.academic_year_start_day = body.academicYearStartDay;
        if (body.timeZone !== undefined) patch.time_zone = body.timeZone;
        if (body.publicDirectory !== undefined) patch.public_directory = body.publicDirectory ? 1 : 0;
        if (body.contactCap !== undefined) patch.contact_cap = body.contactCap;
        if (body.contactCapDays !== undefined) patch.contact_cap_days = body.contactCapDays;
        if (body.keyTitles !== undefined) patch.key_titles = JSON.stringify(body.keyTitles);
        if (body.opportunityColdDays !== undefined) patch.opportunity_cold_days = body.opportunityColdDays;
        await trx.updateTable('institutions').set(patch).where('id', '=', actor.institutionId).execute();
        const after = { ...before, ...patch };
        // the breadth summaries are kept per academic year: a new start date regroups them
        const yearMoved = after.academic_year_start_month !== before.academic_year_start_month || after.academic_year_start_day !== before.academic_year_start_day;
        if (yearMoved) await rebuildSummaries(trx, after);
        await recordAudit(trx, actor, { action: 'update', entityType: 'institution', entityId: before.id, before: { ...before }, after: { ...after } }, now);
        return toInstitutionDto(after);
      });
    },

    orgUnit,

    async listOrgUnits(actor: Actor, q: ListOrgUnitsQuery): Promise<Page<OrgUnitDto>> {
      const within = q.withinId ? await repo.descendantIds(db, actor.institutionId, q.withinId) : null;
      const inst = await db.selectFrom('institutions').select('time_zone').where('id', '=', actor.institutionId).executeTakeFirstOrThrow();
      const { rows, total } = await repo.listOrgUnits(db, actor.institutionId, q, within, localDate(clock.now(), inst.time_zone));
      return { items: rows.map(toOrgUnitDto), page: q.page, pageSize: q.pageSize, total };
    },

    async createOrgUnit(actor: Actor, body: CreateOrgUnitBody): Promise<OrgUnitDto> {
      assertRole(actor, 'manager');
      const id = await db.transaction().execute(async (trx) => {
        const parent = await checkParent(trx, actor, body.parentId);
        await checkCode(trx, actor, body.code);
        const now = isoNow(clock);
        const row: OrgUnitTable = {
          id: newId(), institution_id: actor.institutionId, parent_id: body.parentId ?? null, type: body.type, name: body.name,
          code: body.code ?? null, status: 'active', description: body.description ?? null, created_at: now, updated_at: now,
        };
        await trx.insertInto('org_units').values(row).execute();
        await indexOrgUnit(trx, row, parent?.name ?? null);
        await recordAudit(trx, actor, { action: 'create', entityType: 'org_unit', entityId: row.id, after: { ...row } }, now);
        return row.id;
      });
      return orgUnit(actor, id);
    },

    async updateOrgUnit(actor: Actor, id: string, body: UpdateOrgUnitBody): Promise<OrgUnitDto> {
      assertRole(actor, 'manager');
      await db.transaction().execute(async (trx) => {
        const before = await repo.findOrgUnit(trx, actor.institutionId, id);
        if (!before) throw notFound('Org unit');
        const parent = body.parentId !== undefined ? await checkParent(trx, actor, body.parentId, id) : before.parent_id ? await repo.findOrgUnit(trx, actor.institutionId, before.parent_id) : null;
        if (body.code !== undefined) await checkCode(trx, actor, body.code, id);
        const now = isoNow(clock);
        const patch: Partial<OrgUnitTable> = { updated_at: now };
        if (body.name !== undefined) patch.name = body.name;
        if (body.type !== undefined) patch.type = body.type;
        if (body.parentId !== undefined) patch.parent_id = body.parentId;
        if (body.code !== undefined) patch.code = body.code;
        if (body.description !== undefined) patch.description = body.description;
        if (body.status !== undefined) patch.status = body.status;
        await trx.updateTable('org_units').set(patch).where('institution_id', '=', actor.institutionId).where('id', '=', id).execute();
        const after = { ...before, ...patch };
        await indexOrgUnit(trx, after, parent?.name ?? null);
        await recordAudit(trx, actor, { action: 'update', entityType: 'org_unit', entityId: id, before: { ...before }, after: { ...after } }, now);
      });
      return orgUnit(actor, id);
    },

    /** Only a unit nothing refers to can be deleted; otherwise archive it. */
    async deleteOrgUnit(actor: Actor, id: string): Promise<void> {
      assertRole(actor, 'manager');
      await db.transaction().execute(async (trx) => {
        const before = await repo.findOrgUnit(trx, actor.institutionId, id);
        if (!before) throw notFound('Org unit');
        const uses = await Promise.all([
          trx.selectFrom('org_units').select('id').where('parent_id', '=', id).executeTakeFirst(),
          trx.selectFrom('positions').select('id').where('org_unit_id', '=', id).executeTakeFirst(),
          trx.selectFrom('coverage').select('id').where('org_unit_id', '=', id).executeTakeFirst(),
          trx.selectFrom('engagement_org_units').select('engagement_id').where('org_unit_id', '=', id).executeTakeFirst(),
          trx.selectFrom('maturity_assessments').select('id').where('org_unit_id', '=', id).executeTakeFirst(),
          trx.selectFrom('partnership_template_units').select('template_id').where('org_unit_id', '=', id).executeTakeFirst(),
        ]);
        if (uses.some(Boolean)) throw new AppError('CONFLICT', 'This org unit has units, positions, coverage, engagements, maturity assessments or a partnership template; archive it instead');
        await trx.deleteFrom('org_units').where('id', '=', id).execute();
        await removeDocument(trx, 'org_unit', id);
        await recordAudit(trx, actor, { action: 'delete', entityType: 'org_unit', entityId: id, before: { ...before } }, isoNow(clock));
      });
    },

    async teams(actor: Actor): Promise<TeamDto[]> {
      const rows = await db
        .selectFrom('teams as t')
        .selectAll('t')
        .select((eb) => eb.selectFrom('users as u').select(eb.fn.countAll<number>().as('n')).whereRef('u.team_id', '=', 't.id').where('u.active', '=', 1).as('member_count'))
        .where('t.institution_id', '=', actor.institutionId)
        .orderBy('t.name')
        .execute();
      return rows.map((r) => toTeamDto({ ...r, member_count: r.member_count ?? 0 }));
    },

    async createTeam(actor: Actor, body: CreateTeamBody): Promise<TeamDto> {
      assertRole(actor, 'manager');
      return db.transaction().execute(async (trx) => {
        const now = isoNow(clock);
        const dupe = await trx.selectFrom('teams').select('id').where('institution_id', '=', actor.institutionId).where('name', '=', body.name).executeTakeFirst();
        if (dupe) throw conflict('name', 'a team with this name exists');
        const row: TeamTable = { id: newId(), institution_id: actor.institutionId, name: body.name, description: body.description ?? null, created_at: now, updated_at: now };
        await trx.insertInto('teams').values(row).execute();
        await recordAudit(trx, actor, { action: 'create', entityType: 'team', entityId: row.id, after: { ...row } }, now);
        return toTeamDto({ ...row, member_count: 0 });
      });
    },

    async updateTeam(actor: Actor, id: string, body: UpdateTeamBody): Promise<TeamDto> {
      assertRole(actor, 'manager');
      await db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('teams').selectAll().where('institution_id', '=', actor.institutionId).where('id', '=', id).executeTakeFirst();
        if (!before) throw notFound('Team');
        if (body.name !== undefined && body.name !== before.name) {
          const dupe = await trx.selectFrom('teams').select('id').where('institution_id', '=', actor.institutionId).where('name', '=', body.name).executeTakeFirst();
          if (dupe) throw conflict('name', 'a team with this name exists');
        }
        const now = isoNow(clock);
        const patch: Partial<TeamTable> = { updated_at: now };
        if (body.name !== undefined) patch.name = body.name;
        if (body.description !== undefined) patch.description = body.description;
        await trx.updateTable('teams').set(patch).where('id', '=', id).execute();
        await recordAudit(trx, actor, { action: 'update', entityType: 'team', entityId: id, before: { ...before }, after: { ...before, ...patch } }, now);
      });
      return (await this.teams(actor)).find((t) => t.id === id) as TeamDto;
    },

    async vocab(actor: Actor, kind?: VocabKind, includeInactive = false): Promise<VocabTermDto[]> {
      let q = db.selectFrom('vocab_terms').selectAll().where('institution_id', '=', actor.institutionId);
      if (kind) q = q.where('kind', '=', kind);
      if (!includeInactive) q = q.where('active', '=', 1);
      return (await q.orderBy('kind').orderBy('sort_order').orderBy('label').execute()).map(toVocabDto);
    },

    async createVocab(actor: Actor, body: CreateVocabBody): Promise<VocabTermDto> {
      assertRole(actor, 'admin');
      return db.transaction().execute(async (trx) => {
        const dupe = await trx.selectFrom('vocab_terms').select('id').where('institution_id', '=', actor.institutionId).where('kind', '=', body.kind).where('key', '=', body.key).executeTakeFirst();
        if (dupe) throw conflict('key', 'this list already has that key');
        const now = isoNow(clock);
        const row: VocabTermTable = { id: newId(), institution_id: actor.institutionId, kind: body.kind, key: body.key, label: body.label, sort_order: body.sortOrder ?? 1000, active: 1, weight: body.weight ?? 1, created_at: now, updated_at: now };
        await trx.insertInto('vocab_terms').values(row).execute();
        await recordAudit(trx, actor, { action: 'create', entityType: 'vocab_term', entityId: row.id, after: { ...row } }, now);
        return toVocabDto(row);
      });
    },

    async updateVocab(actor: Actor, id: string, body: UpdateVocabBody): Promise<VocabTermDto> {
      assertRole(actor, 'admin');
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('vocab_terms').selectAll().where('institution_id', '=', actor.institutionId).where('id', '=', id).executeTakeFirst();
        if (!before) throw notFound('Term');
        const now = isoNow(clock);
        const patch: Partial<VocabTermTable> = { updated_at: now };
        if (body.label !== undefined) patch.label = body.label;
        if (body.sortOrder !== undefined) patch.sort_order = body.sortOrder;
        if (body.active !== undefined) patch.active = body.active ? 1 : 0;
        if (body.weight !== undefined) patch.weight = body.weight;
        await trx.updateTable('vocab_terms').set(patch).where('id', '=', id).execute();
        const after = { ...before, ...patch };
        await recordAudit(trx, actor, { action: 'update', entityType: 'vocab_term', entityId: id, before: { ...before }, after: { ...after } }, now);
        return toVocabDto(after);
      });
    },
  };
}
export type OrgService = ReturnType<typeof orgService>;
