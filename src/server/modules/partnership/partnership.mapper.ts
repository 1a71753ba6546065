import type { PartnershipActivityDto, PartnershipTemplateDto } from '../../../shared/contracts/partnership.ts';
import type { PartnershipTemplateTable } from '../../db/types.ts';
import type { ActivityRow, TemplateUnitRow } from './partnership.repository.ts';

export const toActivityDto = (a: ActivityRow): PartnershipActivityDto => ({
  id: a.id,
  name: a.name,
  type: { id: a.type_id, label: a.type_label },
  positionTitle: a.position_title,
  cadence: a.cadence,
  perYear: a.per_year,
});

export const toTemplateDto = (t: PartnershipTemplateTable, activities: ActivityRow[], units: TemplateUnitRow[]): PartnershipTemplateDto => ({
  id: t.id,
  name: t.name,
  description: t.description,
  appliesTo: t.applies_to,
  units: units.map((u) => ({ id: u.org_unit_id, name: u.name, includeDescendants: u.include_descendants === 1 })),
  active: t.active === 1,
  activities: activities.map(toActivityDto),
  updatedAt: t.updated_at,
});

/** Groups child rows by their template, keeping their order. */
export function byTemplate<T extends { template_id: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.template_id);
    if (list) list.push(r);
    else out.set(r.template_id, [r]);
  }
  return out;
}

/**
 * What the audit trail records for a template: its row plus its key activities and units as
 * lists, so one entry shows a whole edit (timestamps left out: they change on every save).
 */
export const auditable = (t: PartnershipTemplateTable, activities: ActivityRow[], units: TemplateUnitRow[]) => ({
  ...t,
  activities: activities.map((a) => ({ id: a.id, name: a.name, type_id: a.type_id, position_title: a.position_title, cadence: a.cadence, per_year: a.per_year })),
  units: units.map((u) => ({ org_unit_id: u.org_unit_id, include_descendants: u.include_descendants })),
});
