import type { InstitutionDto, OrgUnitDto, TeamDto, VocabTermDto } from '../../../shared/contracts/org.ts';
import type { InstitutionTable, TeamTable, VocabTermTable } from '../../db/types.ts';
import type { OrgUnitRow } from './org.repository.ts';

export const toInstitutionDto = (r: InstitutionTable): InstitutionDto => ({
  id: r.id,
  name: r.name,
  academicYearStartMonth: r.academic_year_start_month,
  academicYearStartDay: r.academic_year_start_day,
  timeZone: r.time_zone,
  publicDirectory: r.public_directory === 1,
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
});
