import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common.ts';
import type {
  BoardDto, CreateOpportunityBody, MilestoneBody, OpportunityDetailDto, OpportunityDto, OpportunityFilters, PrioritiesDto, StageChangeBody,
  UpdateOpportunityBody,
} from '../../../shared/contracts/opportunities.ts';
import { del, get, patch, post } from '../../lib/api.ts';

/** The filters as the URL and the query string carry them: `stage` is a comma-separated list. */
export interface OpportunityQuery {
  stage?: string;
  ownerId?: string;
  orgUnitId?: string;
  goalId?: string;
  /** linked to this engagement */
  engagementId?: string;
  q?: string;
  sort?: OpportunityFilters['sort'];
}

export type OpportunitySort = OpportunityFilters['sort'];

/** Every key starts with ['opportunities'], so one invalidation after a write refreshes every view. */
export const opportunityKeys = {
  all: ['opportunities'] as const,
  list: (f: OpportunityQuery & { page: number; pageSize: number }) => ['opportunities', 'list', f] as const,
  board: (f: OpportunityQuery) => ['opportunities', 'board', f] as const,
  triage: (page: number) => ['opportunities', 'triage', page] as const,
  priorities: ['opportunities', 'priorities'] as const,
  one: (id: string) => ['opportunities', 'detail', id] as const,
};

const base = '/api/v1/opportunities';

export const useOpportunities = (f: OpportunityQuery & { page: number; pageSize: number }, enabled = true) =>
  useQuery({ queryKey: opportunityKeys.list(f), queryFn: () => get<Page<OpportunityDto>>(base, { ...f }), placeholderData: keepPreviousData, enabled });

export const useBoard = (f: OpportunityQuery, enabled = true) =>
  useQuery({ queryKey: opportunityKeys.board(f), queryFn: () => get<BoardDto>(`${base}/board`, { ...f }), placeholderData: keepPreviousData, enabled });

/** Incoming requests waiting to be looked at, by priority. */
export const useTriage = (page: number, pageSize: number, enabled = true) =>
  useQuery({ queryKey: opportunityKeys.triage(page), queryFn: () => get<Page<OpportunityDto>>(`${base}/triage`, { page, pageSize }), placeholderData: keepPreviousData, enabled });

export const usePriorities = (enabled = true) =>
  useQuery({ queryKey: opportunityKeys.priorities, queryFn: () => get<PrioritiesDto>(`${base}/priorities`), enabled });

export const useOpportunity = (id: string) =>
  useQuery({ queryKey: opportunityKeys.one(id), queryFn: () => get<OpportunityDetailDto>(`${base}/${id}`) });

export function useOpportunityMutations() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: opportunityKeys.all });
  return {
    create: useMutation({ mutationFn: (b: CreateOpportunityBody) => post<OpportunityDetailDto>(base, b), onSuccess: refresh }),
    update: useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateOpportunityBody }) => patch<OpportunityDetailDto>(`${base}/${id}`, body), onSuccess: refresh }),
    // linking an engagement can clear "going cold", which the nudges feed shows
    link: useMutation({
      mutationFn: ({ id, engagementId }: { id: string; engagementId: string }) => post<OpportunityDetailDto>(`${base}/${id}/engagements`, { engagementId }),
      onSuccess: () => Promise.all([refresh(), qc.invalidateQueries({ queryKey: ['nudges'] })]),
    }),
    unlink: useMutation({
      mutationFn: ({ id, engagementId }: { id: string; engagementId: string }) => del(`${base}/${id}/engagements/${engagementId}`),
      onSuccess: () => Promise.all([refresh(), qc.invalidateQueries({ queryKey: ['nudges'] })]),
    }),
    stage: useMutation({ mutationFn: ({ id, body }: { id: string; body: StageChangeBody }) => post<OpportunityDetailDto>(`${base}/${id}/stage`, body), onSuccess: refresh }),
    // the milestone lands on each department's journey, which lives under ['org-unit', id, 'journey']
    milestone: useMutation({
      mutationFn: ({ id, body }: { id: string; body: MilestoneBody }) => post<OpportunityDetailDto>(`${base}/${id}/milestone`, body),
      onSuccess: () => Promise.all([refresh(), qc.invalidateQueries({ queryKey: ['org-unit'] })]),
    }),
    remove: useMutation({
      mutationFn: (id: string) => del(`${base}/${id}`),
      onSuccess: (_v, id) => {
        qc.removeQueries({ queryKey: opportunityKeys.one(id) });
        return refresh();
      },
    }),
  };
}
