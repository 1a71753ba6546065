import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common.ts';
import type {
  CreateMetricBody, MetricDefinitionDto, MetricListDto, MetricValueDto, MetricValueKeyQuery, OrgUnitMetricsDto, PutMetricValueBody, UpdateMetricBody,
} from '../../../shared/contracts/metrics.ts';
import { api, del, get, patch, post, withQuery } from '../../lib/api.ts';

export interface ValueFilter {
  period?: string;
  orgUnitId?: string;
  page?: number;
  pageSize?: number;
}

export const metricKeys = {
  all: ['metrics'] as const,
  list: ['metrics', 'list'] as const,
  values: (id: string, f: ValueFilter) => ['metrics', 'values', id, f] as const,
  ofUnit: (orgUnitId: string) => ['metrics', 'org-unit', orgUnitId] as const,
};

/** Every definition, by name (not paginated: an institution defines tens, not thousands). */
export const useMetrics = () => useQuery({ queryKey: metricKeys.list, queryFn: () => get<MetricListDto>('/api/v1/metrics') });

export const useMetricValues = (id: string, f: ValueFilter) =>
  useQuery({ queryKey: metricKeys.values(id, f), queryFn: () => get<Page<MetricValueDto>>(`/api/v1/metrics/${id}/values`, { ...f }), placeholderData: keepPreviousData });

/** The unit's own figures per metric, beside the average of units of its type. */
export const useOrgUnitMetrics = (orgUnitId: string) =>
  useQuery({ queryKey: metricKeys.ofUnit(orgUnitId), queryFn: () => get<OrgUnitMetricsDto>(`/api/v1/org-units/${orgUnitId}/metrics`) });

export function useMetricMutations() {
  const qc = useQueryClient();
  // a value changes its metric's count and latest period, and every average it is part of
  const refresh = () => qc.invalidateQueries({ queryKey: metricKeys.all });
  return {
    create: useMutation({ mutationFn: (b: CreateMetricBody) => post<MetricDefinitionDto>('/api/v1/metrics', b), onSuccess: refresh }),
    update: useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateMetricBody }) => patch<MetricDefinitionDto>(`/api/v1/metrics/${id}`, body), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (id: string) => del(`/api/v1/metrics/${id}`), onSuccess: refresh }),
    putValue: useMutation({ mutationFn: ({ id, body }: { id: string; body: PutMetricValueBody }) => api<MetricValueDto>('PUT', `/api/v1/metrics/${id}/values`, body), onSuccess: refresh }),
    removeValue: useMutation({ mutationFn: ({ id, key }: { id: string; key: MetricValueKeyQuery }) => del(withQuery(`/api/v1/metrics/${id}/values`, { ...key })), onSuccess: refresh }),
  };
}
