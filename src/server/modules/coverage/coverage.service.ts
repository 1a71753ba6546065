import type { Page } from '../../../shared/contracts/common.ts';
import type {
  CoverageDto, CoverageMatrixDto, CoverageMatrixQuery, CreateCoverageBody, LibrariansDto, ListCoverageQuery,
  PublicDepartmentDto, PublicLibrariansDto, UpdateCoverageBody,
} from '../../../shared/contracts/coverage.ts';
import type { FieldError } from '../../../shared/errors.ts';
import type { CoverageTable, Executor, OrgUnitType } from '../../db/types.ts';
import { assertRole, type Actor } from '../../http/actor.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { isoNow, localDate } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { descendantIds } from '../org/org.repository.ts';
import * as repo from './coverage.repository.ts';
import {
  chainOf, indexCover, resolveUnit, toCoverageDto, toLibrariansDto, toMatrixRow, toPublicDepartmentDto,
  toPublicLibrariansDto,
} from './coverage.mapper.ts';

const DEFAULT_MATRIX_TYPES: OrgUnitType[] = ['department'];

/** Every way a public page can miss (no such institution, directory off, no such unit) answers alike. */
const notInDirectory = () => notFound('Directory entry');

function checkDates(s: repo.Span) {
  if (s.startDate && s.endDate && s.endDate < s.startDate) throw invalid('endDate', 'must be on or after startDate');
}

export function coverageService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  async function today(institutionId: string): Promise<string> {
    const inst = await repo.findInstitution(db, institutionId);
    if (!inst) throw notFound('Institution');
    return localDate(clock.now(), inst.time_zone);
  }

  /** Loads, in a fixed number of queries, what resolving cover for any number of units needs. */
  async function resolver(institutionId: string, unitIds: string[], day: string) {
    const tree = await repo.unitsWithAncestors(db, institutionId, unitIds);
    const functions = await repo.activeFunctions(db, institutionId);
    const index = indexCover(await repo.currentCover(db, institutionId, tree.map((u) => u.id), day));
    const byId = new Map(tree.map((u) => [u.id, u]));
    return { functions, resolve: (unitId: string) => resolveUnit(chainOf(unitId, byId), functions, index) };
  }

  /** 400 naming each id (given in `ids`) that is not a usable staff member, org unit or function of this institution. */
  async function checkRefs(trx: Executor, actor: Actor, ids: Partial<Pick<repo.Span, 'userId' | 'orgUnitId' | 'functionId'>>) {
    const errors: FieldError[] = [];
    if (ids.userId !== undefined) {
      const user = await repo.findUser(trx, actor.institutionId, ids.userId);
      if (!user) errors.push({ field: 'userId', message: 'unknown staff member' });
      else if (user.active !== 1) errors.push({ field: 'userId', message: 'is a deactivated user' });
    }
    if (ids.orgUnitId !== undefined) {
      const unit = await repo.findOrgUnit(trx, actor.institutionId, ids.orgUnitId);
      if (!unit) errors.push({ field: 'orgUnitId', message: 'unknown org unit' });
      else if (unit.status !== 'active') errors.push({ field: 'orgUnitId', message: 'is an archived org unit' });
    }
    if (ids.functionId !== undefined) {
      const fn = await repo.findFunction(trx, actor.institutionId, ids.functionId);
      if (!fn) errors.push({ field: 'functionId', message: 'unknown function' });
      else if (fn.active !== 1) errors.push({ field: 'functionId', message: 'is a retired function' });
    }
    if (errors.length) throw new AppError('VALIDATION', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }

  async function refuseOverlap(trx: Executor, actor: Actor, span: repo.Span, exceptId?: string) {
    await repo.lockUser(trx, actor.institutionId, span.userId);
    const clash = await repo.findOverlap(trx, actor.institutionId, span, exceptId);
    if (clash) {
      const message = `this person already covers this unit in this function from ${clash.start_date ?? 'the start'} to ${clash.end_date ?? 'no end date'}`;
      throw new AppError('CONFLICT', `startDate: ${message}`, [{ field: 'startDate', message }]);
    }
  }

  async function get(actor: Actor, id: string): Promise<CoverageDto> {
    const row = await repo.getCoverageRow(db, actor.institutionId, id);
    if (!row) throw notFound('Coverage');
    return toCoverageDto(row, await today(actor.institutionId));
  }

  return {
    get,

    async list(actor: Actor, q: ListCoverageQuery): Promise<Page<CoverageDto>> {
      const day = await today(actor.institutionId);
      const { rows, total } = await repo.listCoverage(db, actor.institutionId, q, day);
      return { items: rows.map((r) => toCoverageDto(r, day)), page: q.page, pageSize: q.pageSize, total };
    },

    async create(actor: Actor, body: CreateCoverageBody): Promise<CoverageDto> {
      assertRole(actor, 'manager');
      const id = await db.transaction().execute(async (trx) => {
        await checkRefs(trx, actor, body);
        const span: repo.Span = { ...body, startDate: body.startDate ?? null, endDate: body.endDate ?? null };
        checkDates(span);
        await refuseOverlap(trx, actor, span);
        const now = isoNow(clock);
        const row: CoverageTable = {
          id: newId(), institution_id: actor.institutionId, user_id: span.userId, org_unit_id: span.orgUnitId, function_id: span.functionId,
          start_date: span.startDate, end_date: span.endDate, created_at: now, updated_at: now,
        };
        await repo.insertCoverage(trx, row);
        await recordAudit(trx, actor, { action: 'create', entityType: 'coverage', entityId: row.id, after: { ...row } }, now);
        return row.id;
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, body: UpdateCoverageBody): Promise<CoverageDto> {
      assertRole(actor, 'manager');
      await db.transaction().execute(async (trx) => {
        const before = await repo.findCoverage(trx, actor.institutionId, id);
        if (!before) throw notFound('Coverage');
        // only a changed reference is checked, so an assignment whose function was since retired can still be ended
        await checkRefs(trx, actor, {
          userId: body.userId !== undefined && body.userId !== before.user_id ? body.userId : undefined,
          orgUnitId: body.orgUnitId !== undefined && body.orgUnitId !== before.org_unit_id ? body.orgUnitId : undefined,
          functionId: body.functionId !== undefined && body.functionId !== before.function_id ? body.functionId : undefined,
        });
        const span: repo.Span = {
          userId: body.userId ?? before.user_id,
          orgUnitId: body.orgUnitId ?? before.org_unit_id,
          functionId: body.functionId ?? before.function_id,
          startDate: body.startDate !== undefined ? body.startDate : before.start_date,
          endDate: body.endDate !== undefined ? body.endDate : before.end_date,
        };
        checkDates(span);
        await refuseOverlap(trx, actor, span, id);
        const now = isoNow(clock);
        const patch: Partial<CoverageTable> = {
          user_id: span.userId, org_unit_id: span.orgUnitId, function_id: span.functionId, start_date: span.startDate, end_date: span.endDate, updated_at: now,
        };
        await repo.updateCoverage(trx, actor.institutionId, id, patch);
        await recordAudit(trx, actor, { action: 'update', entityType: 'coverage', entityId: id, before: { ...before }, after: { ...before, ...patch } }, now);
      });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      assertRole(actor, 'manager');
      await db.transaction().execute(async (trx) => {
        const before = await repo.findCoverage(trx, actor.institutionId, id);
        if (!before) throw notFound('Coverage');
        await repo.deleteCoverage(trx, actor.institutionId, id);
        await recordAudit(trx, actor, { action: 'delete', entityType: 'coverage', entityId: id, before: { ...before } }, isoNow(clock));
      });
    },

    /** "Who is my librarian?" for one unit: every function, its current staff, inherited cover and gaps. */
    async librarians(actor: Actor, unitId: string): Promise<LibrariansDto> {
      const unit = await repo.findOrgUnit(db, actor.institutionId, unitId);
      if (!unit) throw notFound('Org unit');
      const { resolve } = await resolver(actor.institutionId, [unit.id], await today(actor.institutionId));
      return toLibrariansDto(unit, resolve(unit.id));
    },

    /** Units × functions for one page of units, in a fixed number of queries whatever the page size. */
    async matrix(actor: Actor, q: CoverageMatrixQuery): Promise<CoverageMatrixDto> {
      const within = q.withinId ? await descendantIds(db, actor.institutionId, q.withinId) : null;
      const types = q.type?.length ? q.type : DEFAULT_MATRIX_TYPES;
      const { rows, total } = await repo.matrixUnits(db, actor.institutionId, q, types, within);
      const { functions, resolve } = await resolver(actor.institutionId, rows.map((r) => r.id), await today(actor.institutionId));
      return { functions, rows: rows.map((u) => toMatrixRow(u, resolve(u.id))), page: q.page, pageSize: q.pageSize, total };
    },

    /** Each unit's functions with nobody covering them (directly or through a parent), for the nudges feed. */
    async gaps(institutionId: string, unitIds: string[], day: string): Promise<Map<string, { id: string; label: string }[]>> {
      if (!unitIds.length) return new Map();
      const { resolve } = await resolver(institutionId, unitIds, day);
      return new Map(unitIds.map((id) => [id, resolve(id).filter((r) => !r.staff.length).map((r) => ({ id: r.function.id, label: r.function.label }))]));
    },

    /** The public directory's departments; only when the institution has opted in. */
    async publicDepartments(institutionId: string, page: number, pageSize: number): Promise<Page<PublicDepartmentDto>> {
      const inst = await repo.findInstitution(db, institutionId);
      if (!inst || inst.public_directory !== 1) throw notInDirectory();
      const { rows, total } = await repo.activeDepartments(db, inst.id, page, pageSize);
      return { items: rows.map(toPublicDepartmentDto), page, pageSize, total };
    },

    async publicLibrarians(institutionId: string, unitId: string): Promise<PublicLibrariansDto> {
      const inst = await repo.findInstitution(db, institutionId);
      if (!inst || inst.public_directory !== 1) throw notInDirectory();
      const unit = await repo.findOrgUnit(db, inst.id, unitId);
      if (!unit || unit.status !== 'active') throw notInDirectory();
      const { resolve } = await resolver(inst.id, [unit.id], localDate(clock.now(), inst.time_zone));
      return toPublicLibrariansDto(unit, resolve(unit.id));
    },
  };
}
export type CoverageService = ReturnType<typeof coverageService>;
