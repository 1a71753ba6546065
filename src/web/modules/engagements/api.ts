import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common.ts';
import type { UserDto } from '../../../shared/contracts/identity.ts';
import type { CreateEngagementBody, EngagementDto, EngagementWriteDto, InitiatedBy, UpdateEngagementBody } from '../../../shared/contracts/engagements.ts';
import { del, get, patch, post } from '../../lib/api.ts';

export interface EngagementFilter {
  from?: string;
  to?: string;
  typeId?: string;
  themeId?: string;
  orgUnitId?: string;
  personId?: string;
  staffId?: string;
  initiatedBy?: InitiatedBy;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const engagementKeys = {
  list: (f: EngagementFilter) => ['engagements', f] as const,
  one: (id: string) => ['engagement', id] as const,
};

export const useEngagements = (f: EngagementFilter, enabled = true) =>
  useQuery({ queryKey: engagementKeys.list(f), queryFn: () => get<Page<EngagementDto>>('/api/v1/engagements', { ...f }), placeholderData: keepPreviousData, enabled });

export const useEngagement = (id: string) =>
  useQuery({ queryKey: engagementKeys.one(id), queryFn: () => get<EngagementDto>(`/api/v1/engagements/${id}`) });

/** Library staff, for the staff filter: every account, active first by the API's order. */
export const useStaff = () =>
  useQuery({ queryKey: ['users', 'all'], queryFn: () => get<Page<UserDto>>('/api/v1/users', { pageSize: 200 }), staleTime: 5 * 60_000 });

/** Writes, refreshing everything an engagement shows up in (lists, the record, departments' and people's signals, the nudges, the overview). */
export function useEngagementMutations() {
  const qc = useQueryClient();
  const refresh = () => Promise.all(['engagements', 'engagement', 'org-units', 'org-unit', 'person', 'nudges', 'relationships'].map((k) => qc.invalidateQueries({ queryKey: [k] })));
  return {
    create: useMutation({ mutationFn: (b: CreateEngagementBody) => post<EngagementWriteDto>('/api/v1/engagements', b), onSuccess: refresh }),
    update: useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateEngagementBody }) => patch<EngagementWriteDto>(`/api/v1/engagements/${id}`, body), onSuccess: refresh }),
    remove: useMutation({
      mutationFn: (id: string) => del(`/api/v1/engagements/${id}`),
      onSuccess: (_v, id) => {
        qc.removeQueries({ queryKey: engagementKeys.one(id) });
        return Promise.all(['engagements', 'org-units', 'org-unit', 'person', 'nudges', 'relationships'].map((k) => qc.invalidateQueries({ queryKey: [k] })));
      },
    }),
  };
}
