import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateGoalBody, GoalDetailDto, GoalDto, UpdateGoalBody } from '../../../shared/contracts/goals.ts';
import { del, get, patch, post } from '../../lib/api.ts';

export const goalKeys = {
  all: ['goals'] as const,
  list: (all: boolean) => ['goals', 'list', all] as const,
  detail: (id: string) => ['goals', 'detail', id] as const,
};

/** The strategic goals with their objectives (in use only, unless `all`). */
export const useGoals = (all = false) =>
  useQuery({ queryKey: goalKeys.list(all), queryFn: () => get<GoalDto[]>('/api/v1/goals', all ? { all: 'true' } : undefined), staleTime: 5 * 60_000 });

/** A goal or objective with everything aligned to it. */
export const useGoal = (id: string) =>
  useQuery({ queryKey: goalKeys.detail(id), queryFn: () => get<GoalDetailDto>(`/api/v1/goals/${id}`) });

/** Every write answers with the goal (an objective's: its goal); the lists, pickers and pages all refresh. */
export function useGoalMutations() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: goalKeys.all });
  return {
    create: useMutation({ mutationFn: (b: CreateGoalBody) => post<GoalDto>('/api/v1/goals', b), onSuccess: refresh }),
    update: useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateGoalBody }) => patch<GoalDto>(`/api/v1/goals/${id}`, body), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (id: string) => del(`/api/v1/goals/${id}`), onSuccess: refresh }),
  };
}
