import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportDataDto, ReportListDto, SaveReportBody } from '../../../shared/contracts/reports.ts';
import { get, put } from '../../lib/api.ts';
import { useCurrentYear, yearLabel } from '../plans/api.ts';

export const reportKeys = {
  all: ['reports'] as const,
  list: (q: { year?: number; q?: string; page: number }) => ['reports', 'list', q] as const,
  one: (orgUnitId: string, year: number) => ['reports', 'one', orgUnitId, year] as const,
};

/** Waits for the year (the institution's, once loaded) rather than asking twice. */
export const useReportList = (q: { year?: number; q?: string; page: number }) =>
  useQuery({ queryKey: reportKeys.list(q), queryFn: () => get<ReportListDto>('/api/v1/reports', { ...q, pageSize: 50 }), placeholderData: keepPreviousData, enabled: q.year !== undefined });

export const useReport = (orgUnitId: string, year: number) =>
  useQuery({ queryKey: reportKeys.one(orgUnitId, year), queryFn: () => get<ReportDataDto>(`/api/v1/reports/${orgUnitId}/${year}`) });

export function useSaveReport(orgUnitId: string, year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveReportBody) => put<ReportDataDto>(`/api/v1/reports/${orgUnitId}/${year}`, body),
    onSuccess: (data) => {
      qc.setQueryData(reportKeys.one(orgUnitId, year), data);
      return qc.invalidateQueries({ queryKey: [...reportKeys.all, 'list'] });
    },
  });
}

/** The years a report can be read for: the institution's current academic year (by its own start date) and the four before; empty until the institution has loaded. */
export function useReportYears(): { value: string; label: string }[] {
  const now = useCurrentYear();
  return now === undefined ? [] : Array.from({ length: 5 }, (_, i) => now - i).map((y) => ({ value: String(y), label: yearLabel(y) }));
}
