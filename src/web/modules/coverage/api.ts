import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common.ts';
import type { CoverageDto, CoverageMatrixDto, CreateCoverageBody, LibrariansDto } from '../../../shared/contracts/coverage.ts';
import type { UserDto } from '../../../shared/contracts/identity.ts';
import type { CreateTeamBody, TeamDto, UpdateTeamBody } from '../../../shared/contracts/org.ts';
import { del, get, patch, post } from '../../lib/api.ts';
import { orgKeys } from '../org/api.ts';

/** Current coverage for a page of units at once, grouped by unit id. */
export function useCoverageFor(orgUnitIds: string[]) {
  return useQuery({
    queryKey: ['coverage', 'for', orgUnitIds],
    enabled: orgUnitIds.length > 0,
    queryFn: async () => {
      const page = await get<Page<CoverageDto>>('/api/v1/coverage', { orgUnitId: orgUnitIds, current: 'true', pageSize: 200 });
      const byUnit = new Map<string, CoverageDto[]>();
      for (const c of page.items) byUnit.set(c.orgUnit.id, [...(byUnit.get(c.orgUnit.id) ?? []), c]);
      return byUnit;
    },
  });
}

export const useLibrarians = (orgUnitId: string) =>
  useQuery({ queryKey: ['librarians', orgUnitId], queryFn: () => get<LibrariansDto>(`/api/v1/org-units/${orgUnitId}/librarians`) });

export interface CoverageListFilter {
  orgUnitId?: string;
  userId?: string;
  functionId?: string;
  current?: 'true' | 'false';
  page?: number;
}

export const useCoverageList = (f: CoverageListFilter, enabled = true) =>
  useQuery({ queryKey: ['coverage', 'list', f], queryFn: () => get<Page<CoverageDto>>('/api/v1/coverage', { ...f, pageSize: 100 }), placeholderData: keepPreviousData, enabled });

export const useCoverageMatrix = (f: { withinId?: string; page: number }) =>
  useQuery({ queryKey: ['coverage', 'matrix', f], queryFn: () => get<CoverageMatrixDto>('/api/v1/coverage/matrix', { ...f, pageSize: 50 }), placeholderData: keepPreviousData });

/** Library staff, a page at a time (under the same ['users'] key the admin pages refresh). */
export const useStaff = (f: { page?: number; q?: string; teamId?: string; pageSize?: number }) =>
  useQuery({ queryKey: ['users', 'staff', f], queryFn: () => get<Page<UserDto>>('/api/v1/users', { pageSize: 50, ...f }), placeholderData: keepPreviousData });

export function useCoverageMutations() {
  const qc = useQueryClient();
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['coverage'] }), qc.invalidateQueries({ queryKey: ['librarians'] })]);
  return {
    create: useMutation({ mutationFn: (b: CreateCoverageBody) => post<CoverageDto>('/api/v1/coverage', b), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (id: string) => del(`/api/v1/coverage/${id}`), onSuccess: refresh }),
  };
}

export function useTeamMutations() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: orgKeys.teams });
  return {
    create: useMutation({ mutationFn: (b: CreateTeamBody) => post<TeamDto>('/api/v1/teams', b), onSuccess: refresh }),
    update: useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateTeamBody }) => patch<TeamDto>(`/api/v1/teams/${id}`, body), onSuccess: refresh }),
  };
}
