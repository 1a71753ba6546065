import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common.ts';
import type { ImportJobDto, ImportSourceDto, ImportSourceKey, MappingBody, PreviewDto } from '../../../shared/contracts/imports.ts';
import { del, get, post, put, upload } from '../../lib/api.ts';
import type { CodeMapDto, CodeMapKindKey, PutCodeMapBody } from '../../../shared/contracts/code-maps.ts';

export const importKeys = {
  all: ['imports'] as const,
  sources: ['imports', 'sources'] as const,
  list: (page: number) => ['imports', 'list', page] as const,
  job: (id: string) => ['imports', 'job', id] as const,
};

const RUNNING = new Set(['queued', 'running']);

export const useImportSources = () =>
  useQuery({ queryKey: importKeys.sources, queryFn: () => get<{ items: ImportSourceDto[] }>('/api/v1/imports/sources'), staleTime: Infinity });

export const useImports = (page: number) =>
  useQuery({ queryKey: importKeys.list(page), queryFn: () => get<Page<ImportJobDto>>('/api/v1/imports', { page, pageSize: 20 }), placeholderData: keepPreviousData });

/** The job, polled twice a second while it is queued or running so its progress bar moves. */
export const useImportJob = (id: string) =>
  useQuery({
    queryKey: importKeys.job(id),
    queryFn: () => get<ImportJobDto>(`/api/v1/imports/${id}`),
    refetchInterval: (q) => (q.state.data && RUNNING.has(q.state.data.status) ? 500 : false),
  });

export const useCodeMaps = (q: { kind?: CodeMapKindKey; q?: string; page: number }) =>
  useQuery({ queryKey: [...importKeys.all, 'code-maps', q], queryFn: () => get<Page<CodeMapDto>>('/api/v1/code-maps', { ...q, pageSize: 20 }), placeholderData: keepPreviousData });

export function useCodeMapMutations() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: [...importKeys.all, 'code-maps'] });
  return {
    put: useMutation({ mutationFn: (body: PutCodeMapBody) => put<CodeMapDto>('/api/v1/code-maps', body), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (m: { kind: CodeMapKindKey; code: string }) => del(`/api/v1/code-maps?${new URLSearchParams(m).toString()}`), onSuccess: refresh }),
  };
}

export function useImportMutations() {
  const qc = useQueryClient();
  const refresh = (job: ImportJobDto) => {
    qc.setQueryData(importKeys.job(job.id), job);
    return qc.invalidateQueries({ queryKey: [...importKeys.all, 'list'] });
  };
  return {
    upload: useMutation({ mutationFn: ({ source, file }: { source: ImportSourceKey; file: File }) => upload<ImportJobDto>(`/api/v1/imports?source=${source}`, file), onSuccess: refresh }),
    preview: useMutation({ mutationFn: ({ id, body }: { id: string; body: MappingBody }) => post<PreviewDto>(`/api/v1/imports/${id}/preview`, body) }),
    start: useMutation({ mutationFn: ({ id, body }: { id: string; body: MappingBody }) => post<ImportJobDto>(`/api/v1/imports/${id}/start`, body), onSuccess: refresh }),
    cancel: useMutation({ mutationFn: (id: string) => post<ImportJobDto>(`/api/v1/imports/${id}/cancel`), onSuccess: refresh }),
  };
}
