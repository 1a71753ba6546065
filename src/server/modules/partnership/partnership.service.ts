import { academicYearOf, academicYearStarting } from '../../../shared/academic-year.ts';
import type { ComplianceDto, CreateTemplateBody, PartnershipTemplateDto, UpdateTemplateBody } from '../../../shared/contracts/partnership.ts';
import type { FieldError } from '../../../shared/errors.ts';
import type { Executor, PartnershipActivityTable, PartnershipTemplateTable, PartnershipTemplateUnitTable } from '../../db/types.ts';
import { assertRole, type Actor } from '../../http/actor.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { isoNow, localDate } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findOrgUnit, institutionRow } from '../org/org.repository.ts';
import { complianceByUnit } from './compliance.ts';
import { auditable, byTemplate, toTemplateDto } from './partnership.mapper.ts';
import * as repo from './partnership.repository.ts';

type ActivityBody = CreateTemplateBody['activities'][number];
type UnitBody = CreateTemplateBody['units'][number];

const nameTaken = () => new AppError('CONFLICT', 'name: another partnership template has this name', [{ field: 'name', message: 'another partnership template has this name' }]);

function fail(errors: FieldError[]) {
  if (errors.length) throw new AppError('VALIDATION', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

/** The columns an activity body sets; perYear only means something for per_meeting. */
const activityColumns = (a: ActivityBody, index: number) => ({
  name: a.name,
  type_id: a.typeId,
  position_title: a.positionTitle ?? null,
  cadence: a.cadence,
  per_year: a.cadence === 'per_meeting' ? (a.perYear ?? null) : null,
  sort_order: index * 10,
});

export function partnershipService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  async function load(ex: Executor, institutionId: string, id: string) {
    const t = await repo.findTemplate(ex, institutionId, id);
    if (!t) return null;
    const [activities, units] = await Promise.all([repo.activityRows(ex, institutionId, [id]), repo.templateUnitRows(ex, institutionId, [id])]);
    return { t, activities, units };
  }

  /**
   * 400 naming each bad reference: engagement types and org units of another institution (or none),
   * a retired type on a new or changed activity, a unit named twice, and activity ids that are not
   * this template's (`existing`: the template's current activities, by id with their type).
   */
  async function checkRefs(trx: Executor, actor: Actor, activities: ActivityBody[] | undefined, units: UnitBody[] | undefined, existing = new Map<string, string>()) {
    const errors: FieldError[] = [];
    if (activities) {
      const types = await repo.engagementTypes(trx, actor.institutionId, [...new Set(activities.map((a) => a.typeId))]);
      const seen = new Set<string>();
      activities.forEach((a, i) => {
        if (a.id !== undefined) {
          if (!existing.has(a.id)) errors.push({ field: `activities.${i}.id`, message: 'is not a key activity of this template' });
          else if (seen.has(a.id)) errors.push({ field: `activities.${i}.id`, message: 'is listed twice' });
          seen.add(a.id);
        }
        const type = types.get(a.typeId);
        if (!type) errors.push({ field: `activities.${i}.typeId`, message: 'unknown engagement type' });
        // an activity keeps a type retired since it was set; only a new choice must be in use
        else if (!type.active && (a.id === undefined || existing.get(a.id) !== a.typeId)) errors.push({ field: `activities.${i}.typeId`, message: 'is a retired engagement type' });
      });
    }
    if (units) {
      const found = await repo.existingOrgUnitIds(trx, actor.institutionId, [...new Set(units.map((u) => u.orgUnitId))]);
      const seen = new Set<string>();
      units.forEach((u, i) => {
        if (!found.has(u.orgUnitId)) errors.push({ field: `units.${i}.orgUnitId`, message: 'unknown org unit' });
        else if (seen.has(u.orgUnitId)) errors.push({ field: `units.${i}.orgUnitId`, message: 'is listed twice' });
        seen.add(u.orgUnitId);
      });
    }
    fail(errors);
  }

  async function refuseTakenName(trx: Executor, actor: Actor, name: string, selfId?: string) {
    const holder = await repo.findTemplateByName(trx, actor.institutionId, name);
    if (holder && holder.id !== selfId) throw nameTaken();
  }

  /** A template naming all departments keeps no unit list, so the list never says something the template ignores. */
  const unitRows = (actor: Actor, templateId: string, appliesTo: PartnershipTemplateTable['applies_to'], units: UnitBody[]): PartnershipTemplateUnitTable[] =>
    appliesTo === 'all_departments' ? [] : units.map((u) => ({ template_id: templateId, org_unit_id: u.orgUnitId, institution_id: actor.institutionId, include_descendants: u.includeDescendants ? 1 : 0 }));

  async function get(actor: Actor, id: string): Promise<PartnershipTemplateDto> {
    const found = await load(db, actor.institutionId, id);
    if (!found) throw notFound('Partnership template');
    return toTemplateDto(found.t, found.activities, found.units);
  }

  return {
    get,

    async list(actor: Actor): Promise<PartnershipTemplateDto[]> {
      const templates = await repo.templateRows(db, actor.institutionId);
      const ids = templates.map((t) => t.id);
      const [activities, units] = await Promise.all([repo.activityRows(db, actor.institutionId, ids), repo.templateUnitRows(db, actor.institutionId, ids)]);
      const [acts, us] = [byTemplate(activities), byTemplate(units)];
      return templates.map((t) => toTemplateDto(t, acts.get(t.id) ?? [], us.get(t.id) ?? []));
    },

    async create(actor: Actor, body: CreateTemplateBody): Promise<PartnershipTemplateDto> {
      assertRole(actor, 'manager');
      const id = await db.transaction().execute(async (trx) => {
        await checkRefs(trx, actor, body.activities, body.units);
        await refuseTakenName(trx, actor, body.name);
        const now = isoNow(clock);
        const row: PartnershipTemplateTable = {
          id: newId(), institution_id: actor.institutionId, name: body.name, description: body.description ?? null, applies_to: body.appliesTo,
          active: body.active ? 1 : 0, created_at: now, updated_at: now,
        };
        await repo.insertTemplate(trx, row);
        await repo.insertActivities(trx, body.activities.map((a, i): PartnershipActivityTable => ({
          id: newId(), institution_id: actor.institutionId, template_id: row.id, ...activityColumns(a, i), created_at: now, updated_at: now,
        })));
        await repo.replaceUnits(trx, actor.institutionId, row.id, unitRows(actor, row.id, row.applies_to, body.units));
        const after = await load(trx, actor.institutionId, row.id);
        await recordAudit(trx, actor, { action: 'create', entityType: 'partnership_template', entityId: row.id, after: after && auditable(after.t, after.activities, after.units) }, now);
        return row.id;
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, body: UpdateTemplateBody): Promise<PartnershipTemplateDto> {
      assertRole(actor, 'manager');
      await db.transaction().execute(async (trx) => {
        const before = await load(trx, actor.institutionId, id);
        if (!before) throw notFound('Partnership template');
        await checkRefs(trx, actor, body.activities, body.units, new Map(before.activities.map((a) => [a.id, a.type_id])));
        if (body.name !== undefined && body.name !== before.t.name) await refuseTakenName(trx, actor, body.name, id);
        const appliesTo = body.appliesTo ?? before.t.applies_to;
        const units = body.units ?? before.units.map((u) => ({ orgUnitId: u.org_unit_id, includeDescendants: u.include_descendants === 1 }));
        if (appliesTo === 'units' && !units.length) throw invalid('units', 'name at least one org unit');

        const now = isoNow(clock);
        const patch: Partial<PartnershipTemplateTable> = { updated_at: now };
        if (body.name !== undefined) patch.name = body.name;
        if (body.description !== undefined) patch.description = body.description;
        if (body.appliesTo !== undefined) patch.applies_to = body.appliesTo;
        if (body.active !== undefined) patch.active = body.active ? 1 : 0;
        await repo.updateTemplate(trx, actor.institutionId, id, patch);
        if (body.activities) {
          // the list is the whole list: kept ids are updated in place (their history stays theirs), new ones added, the rest removed
          const kept = new Set(body.activities.flatMap((a) => (a.id ? [a.id] : [])));
          await repo.deleteActivities(trx, actor.institutionId, before.activities.filter((a) => !kept.has(a.id)).map((a) => a.id));
          const added: PartnershipActivityTable[] = [];
          for (const [i, a] of body.activities.entries()) {
            if (a.id) await repo.updateActivity(trx, actor.institutionId, a.id, { ...activityColumns(a, i), updated_at: now });
            else added.push({ id: newId(), institution_id: actor.institutionId, template_id: id, ...activityColumns(a, i), created_at: now, updated_at: now });
          }
          await repo.insertActivities(trx, added);
        }
        if (body.units !== undefined || body.appliesTo !== undefined) await repo.replaceUnits(trx, actor.institutionId, id, unitRows(actor, id, appliesTo, units));
        const after = await load(trx, actor.institutionId, id);
        await recordAudit(trx, actor, {
          action: 'update', entityType: 'partnership_template', entityId: id,
          before: auditable(before.t, before.activities, before.units), after: after && auditable(after.t, after.activities, after.units),
        }, now);
      });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      assertRole(actor, 'manager');
      await db.transaction().execute(async (trx) => {
        const before = await load(trx, actor.institutionId, id);
        if (!before) throw notFound('Partnership template');
        await repo.deleteTemplate(trx, actor.institutionId, id);
        await recordAudit(trx, actor, { action: 'delete', entityType: 'partnership_template', entityId: id, before: auditable(before.t, before.activities, before.units) }, isoNow(clock));
      });
    },

    /** One unit's compliance for the academic year starting in `year` (default: the one containing the institution's today). */
    async cadence(actor: Actor, unitId: string, year?: number): Promise<ComplianceDto> {
      const inst = await institutionRow(db, actor.institutionId);
      const unit = await findOrgUnit(db, actor.institutionId, unitId);
      if (!unit) throw notFound('Org unit');
      const today = localDate(clock.now(), inst.time_zone);
      const [month, day] = [inst.academic_year_start_month, inst.academic_year_start_day];
      const ay = year !== undefined ? academicYearStarting(year, month, day) : academicYearOf(today, month, day);
      // judged today: a past year's periods are all closed, so its last ones were missed rather than still
      // due, and each period counts only the engagements inside it, so judging later adds none
      const asOf = today;
      const mine = (await complianceByUnit(db, inst, ay, asOf, [unit.id])).get(unit.id);
      return {
        year: { start: ay.start, end: ay.end, label: ay.label },
        asOf,
        items: mine?.items ?? [],
        summary: mine?.summary ?? { done: 0, due: 0, overdue: 0 },
      };
    },
  };
}

export type PartnershipService = ReturnType<typeof partnershipService>;
