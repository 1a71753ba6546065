import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CounterReportId, UsageDto } from '../../../shared/contracts/usage.ts';
import { get } from '../../lib/api.ts';

export const usageKeys = {
  all: ['usage'] as const,
  months: (report: CounterReportId | undefined) => ['usage', 'months', report ?? 'default'] as const,
};

/** The institution's COUNTER usage by month and metric type for one report (the first with figures when undefined). */
export const useUsage = (report: CounterReportId | undefined) =>
  useQuery({ queryKey: usageKeys.months(report), queryFn: () => get<UsageDto>('/api/v1/usage', { report }), placeholderData: keepPreviousData });
