import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common.ts';
import type { EngagementDto, InitiatedBy } from '../../../shared/contracts/engagements.ts';
import type { InstitutionDto, OrgUnitDto, TeamDto, VocabTermDto } from '../../../shared/contracts/org.ts';
import { get } from '../../lib/api.ts';

export interface OrgUnitFilter {
  q?: string;
  type?: string;
  /** direct children of this unit */
  parentId?: string;
  withinId?: string;
  coveredBy?: string;
  notEngagedSince?: string;
  status?: 'active' | 'archived';
  page?: number;
  pageSize?: number;
  sort?: 'name' | 'code' | 'type' | 'lastEngagementOn';
  order?: 'asc' | 'desc';
}

export const orgKeys = {
  units: (f: OrgUnitFilter) => ['org-units', f] as const,
  unit: (id: string) => ['org-unit', id] as const,
  vocab: (kind: string) => ['vocab', kind] as const,
  institution: ['institution'] as const,
  teams: ['teams'] as const,
};

export const useOrgUnits = (f: OrgUnitFilter, enabled = true) =>
  useQuery({ queryKey: orgKeys.units(f), queryFn: () => get<Page<OrgUnitDto>>('/api/v1/org-units', { ...f }), placeholderData: keepPreviousData, enabled });

export const useOrgUnit = (id: string) => useQuery({ queryKey: orgKeys.unit(id), queryFn: () => get<OrgUnitDto>(`/api/v1/org-units/${id}`) });

export const useVocab = (kind: 'engagement_type' | 'theme' | 'function') =>
  useQuery({ queryKey: orgKeys.vocab(kind), queryFn: () => get<VocabTermDto[]>('/api/v1/vocab', { kind }), staleTime: 5 * 60_000 });

export const useInstitution = () => useQuery({ queryKey: orgKeys.institution, queryFn: () => get<InstitutionDto>('/api/v1/institution'), staleTime: 5 * 60_000 });

export const useTeams = () => useQuery({ queryKey: orgKeys.teams, queryFn: () => get<TeamDto[]>('/api/v1/teams') });

export const useFaculties = () => useOrgUnits({ type: 'faculty', pageSize: 200, status: 'active' });

/** Filters for an engagement timeline (GET /api/v1/engagements); newest first unless `order: 'asc'`. */
export interface TimelineFilter {
  orgUnitId?: string;
  includeDescendants?: 'true' | 'false';
  personId?: string;
  staffId?: string;
  typeId?: string;
  themeId?: string;
  initiatedBy?: InitiatedBy;
  from?: string;
  to?: string;
  q?: string;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

/**
 * A page of engagements for a department's or a person's timeline. The key starts with 'engagements'
 * so that logging or editing an engagement (which invalidates ['engagements']) refreshes it.
 */
export const useTimeline = (f: TimelineFilter, enabled = true) =>
  useQuery({
    queryKey: ['engagements', 'timeline', f],
    queryFn: () => get<Page<EngagementDto>>('/api/v1/engagements', { ...f }),
    placeholderData: keepPreviousData,
    enabled,
  });
