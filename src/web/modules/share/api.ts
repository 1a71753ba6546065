import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SharedPlanDto } from '../../../shared/contracts/plans.ts';
import { get, post } from '../../lib/api.ts';

/*
 * The share-link page's only API: /api/v1/shared/:token. No session and no CSRF token (the public
 * writes take JSON only); nothing else is called, so the link reaches the one plan and nothing more.
 */
export const sharedKey = (token: string) => ['action-plans', 'shared', token] as const;
const base = (token: string) => `/api/v1/shared/${encodeURIComponent(token)}`;

export const useSharedPlan = (token: string) => useQuery({ queryKey: sharedKey(token), queryFn: () => get<SharedPlanDto>(base(token)), retry: false });

export function useSharedPlanMutations(token: string) {
  const qc = useQueryClient();
  const settle = (d: SharedPlanDto) => qc.setQueryData(sharedKey(token), d);
  return {
    agree: useMutation({ mutationFn: (b: { name: string; comment?: string | null }) => post<SharedPlanDto>(`${base(token)}/agreement`, b), onSuccess: settle }),
    comment: useMutation({ mutationFn: (b: { name: string; body: string }) => post<SharedPlanDto>(`${base(token)}/comments`, b), onSuccess: settle }),
  };
}
