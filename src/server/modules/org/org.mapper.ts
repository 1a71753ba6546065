import type { InstitutionDto, OrgUnitDto, TeamDto, VocabTermDto } from '../../../shared/contracts/org.ts';
import type { InstitutionTable, TeamTable, VocabTermTable } from '../../db/types.ts';
import type { OrgUnitRow } from './org.repository.ts';

export const parseStringList = (json: string): string[] => {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
};

export const toInstitutionDto = (r: InstitutionTable): InstitutionDto => ({
  id: r.id,
  name: r.name,
  academicYearStartMonth: r.academic_year_start_month,
  academicYearStartDay: r.academic_year_start_day,
  timeZone: r.time_zone,
  publicDirectory: r.public_directory === 1,
  contactCap: r.contact_cap,
  contactCapDays: r.contact_cap_days,
  keyTitles: parseStringList(r.key_titles),
  opportunityColdDays: r.opportunity_cold_days,
});

export const toOrgUnitDto = (r: OrgUnitRow): OrgUnitDto => ({
  id: r.id,
  parentId: r.parent_id,
  parentName: r.parent_name,
  type: r.type,
  name: r.name,
  code: r.code,
  status: r.status,
  description: r.description,
  lastEngagementOn: r.last_engagement_on,
});

export const toTeamDto = (r: TeamTable & { member_count: number | string }): TeamDto => ({
  id: r.id,
  name: r.name,
  description: r.description,
  memberCount: Number(r.member_count),
});

export const toVocabDto = (r: VocabTermTable): VocabTermDto => ({
  id: r.id,
  kind: r.kind,
  key: r.key,
  label: r.label,
  sortOrder: r.sort_order,
  active: r.active === 1,
  weight: r.weight,
});
