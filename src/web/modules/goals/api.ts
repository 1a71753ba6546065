import { useQuery } from '@tanstack/react-query';
import type { GoalDto } from '../../../shared/contracts/goals.ts';
import { get } from '../../lib/api.ts';

export const goalKeys = {
  all: ['goals'] as const,
  list: (all: boolean) => ['goals', 'list', all] as const,
  detail: (id: string) => ['goals', 'detail', id] as const,
};

/** The strategic goals with their objectives (in use only, unless `all`). */
export const useGoals = (all = false) =>
  useQuery({ queryKey: goalKeys.list(all), queryFn: () => get<GoalDto[]>('/api/v1/goals', all ? { all: 'true' } : undefined), staleTime: 5 * 60_000 });
