import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaptureItemDto, CaptureStatus, CaptureUploadDto, ConfirmCaptureBody, ConfirmCaptureDto } from '../../../shared/contracts/capture.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import { get, post, upload } from '../../lib/api.ts';

const ENGAGEMENT_VIEWS = ['engagements', 'engagement', 'org-units', 'org-unit', 'person', 'nudges', 'relationships'];

export const captureKeys = {
  all: ['capture'] as const,
  list: (status: CaptureStatus, page: number) => ['capture', status, page] as const,
};

export const useCaptureItems = (status: CaptureStatus, page: number) =>
  useQuery({ queryKey: captureKeys.list(status, page), queryFn: () => get<Page<CaptureItemDto>>('/api/v1/capture', { status, page, pageSize: 20 }), placeholderData: keepPreviousData });

export function useCaptureMutations() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: captureKeys.all });
  return {
    upload: useMutation({ mutationFn: ({ kind, file }: { kind: 'ics' | 'eml'; file: File }) => upload<CaptureUploadDto>(`/api/v1/capture/${kind}`, file), onSuccess: refresh }),
    confirm: useMutation({
      mutationFn: ({ id, body = {} }: { id: string; body?: ConfirmCaptureBody }) => post<ConfirmCaptureDto>(`/api/v1/capture/${id}/confirm`, body),
      // the new engagement shows in the log, on the department's and the person's pages and in the signals
      onSuccess: () => Promise.all([refresh(), ...ENGAGEMENT_VIEWS.map((k) => qc.invalidateQueries({ queryKey: [k] }))]),
    }),
    dismiss: useMutation({ mutationFn: (id: string) => post<CaptureItemDto>(`/api/v1/capture/${id}/dismiss`), onSuccess: refresh }),
    match: useMutation({ mutationFn: ({ id, personIds }: { id: string; personIds: string[] }) => post<CaptureItemDto>(`/api/v1/capture/${id}/match`, { personIds }), onSuccess: refresh }),
  };
}
