import type { Executor, PartnershipActivityTable, PartnershipTemplateTable, PartnershipTemplateUnitTable } from '../../db/types.ts';

/** The org units among `ids` that belong to the institution. */
export async function existingOrgUnitIds(db: Executor, institutionId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('org_units').select('id').where('institution_id', '=', institutionId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** The engagement types among `ids` that belong to the institution, with whether each is still in use. */
export async function engagementTypes(db: Executor, institutionId: string, ids: string[]): Promise<Map<string, { active: boolean }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('vocab_terms')
    .select(['id', 'active'])
    .where('institution_id', '=', institutionId)
    .where('kind', '=', 'engagement_type')
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { active: r.active === 1 }]));
}

export const findTemplate = (db: Executor, institutionId: string, id: string) =>
  db.selectFrom('partnership_templates').selectAll().where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();

export const findTemplateByName = (db: Executor, institutionId: string, name: string) =>
  db.selectFrom('partnership_templates').select('id').where('institution_id', '=', institutionId).where('name', '=', name).executeTakeFirst();

/** Templates by name; `activeOnly` for compliance, which counts active templates alone. */
export function templateRows(db: Executor, institutionId: string, opts: { ids?: string[]; activeOnly?: boolean } = {}) {
  let q = db.selectFrom('partnership_templates').selectAll().where('institution_id', '=', institutionId);
  if (opts.ids) q = q.where('id', 'in', opts.ids.length ? opts.ids : ['']);
  if (opts.activeOnly) q = q.where('active', '=', 1);
  return q.orderBy('name').orderBy('id').execute();
}

export type ActivityRow = PartnershipActivityTable & { type_label: string };

/** Key activities of the given templates, in their order, with their engagement type's label. */
export function activityRows(db: Executor, institutionId: string, templateIds: string[]): Promise<ActivityRow[]> {
  if (!templateIds.length) return Promise.resolve([]);
  return db
    .selectFrom('partnership_activities as a')
    .innerJoin('vocab_terms as v', 'v.id', 'a.type_id')
    .selectAll('a')
    .select('v.label as type_label')
    .where('a.institution_id', '=', institutionId)
    .where('a.template_id', 'in', templateIds)
    .orderBy('a.sort_order')
    .orderBy('a.id')
    .execute();
}

export type TemplateUnitRow = PartnershipTemplateUnitTable & { name: string };

/** The units named by the given templates, by name. */
export function templateUnitRows(db: Executor, institutionId: string, templateIds: string[]): Promise<TemplateUnitRow[]> {
  if (!templateIds.length) return Promise.resolve([]);
  return db
    .selectFrom('partnership_template_units as tu')
    .innerJoin('org_units as o', 'o.id', 'tu.org_unit_id')
    .selectAll('tu')
    .select('o.name')
    .where('tu.institution_id', '=', institutionId)
    .where('tu.template_id', 'in', templateIds)
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();
}

export const insertTemplate = (db: Executor, row: PartnershipTemplateTable) => db.insertInto('partnership_templates').values(row).execute();

export const updateTemplate = (db: Executor, institutionId: string, id: string, patch: Partial<PartnershipTemplateTable>) =>
  db.updateTable('partnership_templates').set(patch).where('institution_id', '=', institutionId).where('id', '=', id).execute();

/** Children first: the cascade is declared, but deleting explicitly does not depend on it. */
export async function deleteTemplate(db: Executor, institutionId: string, id: string) {
  await db.deleteFrom('partnership_template_units').where('institution_id', '=', institutionId).where('template_id', '=', id).execute();
  await db.deleteFrom('partnership_activities').where('institution_id', '=', institutionId).where('template_id', '=', id).execute();
  await db.deleteFrom('partnership_templates').where('institution_id', '=', institutionId).where('id', '=', id).execute();
}

export async function insertActivities(db: Executor, rows: PartnershipActivityTable[]) {
  if (rows.length) await db.insertInto('partnership_activities').values(rows).execute();
}

export const updateActivity = (db: Executor, institutionId: string, id: string, patch: Partial<PartnershipActivityTable>) =>
  db.updateTable('partnership_activities').set(patch).where('institution_id', '=', institutionId).where('id', '=', id).execute();

export async function deleteActivities(db: Executor, institutionId: string, ids: string[]) {
  if (ids.length) await db.deleteFrom('partnership_activities').where('institution_id', '=', institutionId).where('id', 'in', ids).execute();
}

/** Replaces the template's list of units. */
export async function replaceUnits(db: Executor, institutionId: string, templateId: string, rows: PartnershipTemplateUnitTable[]) {
  await db.deleteFrom('partnership_template_units').where('institution_id', '=', institutionId).where('template_id', '=', templateId).execute();
  if (rows.length) await db.insertInto('partnership_template_units').values(rows).execute();
}
