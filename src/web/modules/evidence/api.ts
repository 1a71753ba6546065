import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common.ts';
import type { CreateEvidenceBody, EvidenceDto, EvidenceKind, UpdateEvidenceBody } from '../../../shared/contracts/evidence.ts';
import { del, get, patch, post } from '../../lib/api.ts';

export interface EvidenceFilter {
  q?: string;
  kind?: EvidenceKind;
  /** the unit and every unit below it */
  orgUnitId?: string;
  themeId?: string;
  goalId?: string;
  engagementId?: string;
  opportunityId?: string;
  actionId?: string;
  campaignId?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export const evidenceKeys = {
  all: ['evidence'] as const,
  list: (f: EvidenceFilter) => ['evidence', 'list', f] as const,
  one: (id: string) => ['evidence', 'one', id] as const,
};

export const useEvidenceList = (f: EvidenceFilter, enabled = true) =>
  useQuery({ queryKey: evidenceKeys.list(f), queryFn: () => get<Page<EvidenceDto>>('/api/v1/evidence', { ...f }), placeholderData: keepPreviousData, enabled });

/** Every write refreshes every evidence list and item (a department's panel, the page, pickers). */
export function useEvidenceMutations() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: evidenceKeys.all });
  return {
    create: useMutation({ mutationFn: (b: CreateEvidenceBody) => post<EvidenceDto>('/api/v1/evidence', b), onSuccess: refresh }),
    update: useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateEvidenceBody }) => patch<EvidenceDto>(`/api/v1/evidence/${id}`, body), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (id: string) => del(`/api/v1/evidence/${id}`), onSuccess: refresh }),
  };
}
