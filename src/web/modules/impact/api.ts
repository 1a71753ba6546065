import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common.ts';
import type { EvidenceKind } from '../../../shared/contracts/evidence.ts';
import type {
  CreateImpactBody, ImpactEvaluationDto, ImpactExportFormat, ImpactStatus, ImpactSummaryDto, UpdateImpactBody,
} from '../../../shared/contracts/impact.ts';
import { del, get, patch, post, withQuery } from '../../lib/api.ts';

export interface ImpactFilter {
  status?: ImpactStatus;
  orgUnitId?: string;
  goalId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const impactKeys = {
  all: ['impact'] as const,
  list: (f: ImpactFilter) => ['impact', 'list', f] as const,
  detail: (id: string) => ['impact', 'detail', id] as const,
};

export const useImpactEvaluations = (f: ImpactFilter) =>
  useQuery({ queryKey: impactKeys.list(f), queryFn: () => get<Page<ImpactSummaryDto>>('/api/v1/impact-evaluations', { ...f }), placeholderData: keepPreviousData });

export const useImpactEvaluation = (id: string) =>
  useQuery({ queryKey: impactKeys.detail(id), queryFn: () => get<ImpactEvaluationDto>(`/api/v1/impact-evaluations/${id}`) });

export function useImpactMutations() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: impactKeys.all });
  return {
    create: useMutation({ mutationFn: (b: CreateImpactBody) => post<ImpactEvaluationDto>('/api/v1/impact-evaluations', b), onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: UpdateImpactBody }) => patch<ImpactEvaluationDto>(`/api/v1/impact-evaluations/${id}`, body), onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => del(`/api/v1/impact-evaluations/${id}`), onSuccess: refresh }),
  };
}

/** The download address of the narrative; the session cookie goes with a plain link. */
export const exportHref = (id: string, format: ImpactExportFormat) => withQuery(`/api/v1/impact-evaluations/${id}/export`, { format });

/*
 * The pickers' own reads of the evidence and metrics lists (their modules are written alongside this one):
 * only the fields a picker shows are relied on.
 */
export interface EvidenceOption { id: string; kind: EvidenceKind; text: string; occurredOn: string }
export interface MetricOption { id: string; name: string; unit: string }

/** Evidence found by words, 20 at a time; with nothing typed, the newest. */
export const useEvidenceSearch = (q: string) =>
  useQuery({
    queryKey: ['evidence', 'list', { q: q || undefined, pageSize: 20 }, 'impact-picker'],
    queryFn: () => get<{ items: EvidenceOption[] }>('/api/v1/evidence', { q: q || undefined, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });

/** The institution's metric definitions. */
export const useMetricOptions = () =>
  useQuery({ queryKey: ['metrics', 'definitions', 'impact-picker'], queryFn: () => get<{ items: MetricOption[] }>('/api/v1/metrics'), staleTime: 5 * 60_000 });
