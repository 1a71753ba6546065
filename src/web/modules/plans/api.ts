import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { academicYearOf, academicYearStarting } from '../../../shared/academic-year.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import type {
  ActionBody, ActionPlanDto, ActionPlanSummaryDto, CreatedShareLinkDto, CreatePlanBody, ObjectiveBody, PlanStatus, ShareLinkDto,
  UpdateActionBody, UpdateObjectiveBody, UpdatePlanBody,
} from '../../../shared/contracts/plans.ts';
import { del, get, patch, post } from '../../lib/api.ts';
import { today } from '../../lib/dates.ts';
import { useInstitution } from '../org/api.ts';

export interface PlanFilter {
  year?: number;
  orgUnitId?: string;
  status?: PlanStatus;
  page?: number;
  pageSize?: number;
}

export const planKeys = {
  all: ['action-plans'] as const,
  lists: ['action-plans', 'list'] as const,
  list: (f: PlanFilter) => ['action-plans', 'list', f] as const,
  detail: (id: string) => ['action-plans', 'detail', id] as const,
};

const plan = (id: string) => `/api/v1/action-plans/${id}`;

export const usePlans = (f: PlanFilter, enabled = true) =>
  useQuery({ queryKey: planKeys.list(f), queryFn: () => get<Page<ActionPlanSummaryDto>>('/api/v1/action-plans', { ...f }), placeholderData: keepPreviousData, enabled });

export const usePlan = (id: string) => useQuery({ queryKey: planKeys.detail(id), queryFn: () => get<ActionPlanDto>(plan(id)) });

/** "2026–27" for the academic year that starts in 2026 (the server's yearLabel, for years it has not sent). */
export const yearLabel = (year: number) => academicYearStarting(year).label;

/** The institution's current academic year (the calendar year it starts in), once the institution has loaded. */
export function useCurrentYear(): number | undefined {
  const inst = useInstitution();
  if (!inst.data) return undefined;
  return academicYearOf(today(), inst.data.academicYearStartMonth, inst.data.academicYearStartDay).year;
}

export function useCreatePlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: CreatePlanBody) => post<ActionPlanDto>('/api/v1/action-plans', b),
    onSuccess: (p) => {
      qc.setQueryData(planKeys.detail(p.id), p);
      return qc.invalidateQueries({ queryKey: planKeys.lists });
    },
  });
}

/**
 * Every write to a plan's parts answers with the whole plan: put it in the cache as it is, and refresh
 * the lists (their progress figures) and the nudges (overdue actions become nudges).
 */
export function usePlanMutations(planId: string) {
  const qc = useQueryClient();
  const settle = (p: ActionPlanDto) => {
    qc.setQueryData(planKeys.detail(planId), p);
    return Promise.all([qc.invalidateQueries({ queryKey: planKeys.lists }), qc.invalidateQueries({ queryKey: ['nudges'] })]);
  };
  // deletes answer 204: fetch the plan again instead
  const refetch = () =>
    Promise.all([qc.invalidateQueries({ queryKey: planKeys.detail(planId) }), qc.invalidateQueries({ queryKey: planKeys.lists }), qc.invalidateQueries({ queryKey: ['nudges'] })]);
  return {
    update: useMutation({ mutationFn: (b: UpdatePlanBody) => patch<ActionPlanDto>(plan(planId), b), onSuccess: settle }),
    remove: useMutation({
      mutationFn: () => del(plan(planId)),
      onSuccess: () => {
        qc.removeQueries({ queryKey: planKeys.detail(planId) });
        return qc.invalidateQueries({ queryKey: planKeys.lists });
      },
    }),
    addObjective: useMutation({ mutationFn: (b: ObjectiveBody) => post<ActionPlanDto>(`${plan(planId)}/objectives`, b), onSuccess: settle }),
    updateObjective: useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateObjectiveBody }) => patch<ActionPlanDto>(`/api/v1/plan-objectives/${id}`, body), onSuccess: settle }),
    removeObjective: useMutation({ mutationFn: (id: string) => del(`/api/v1/plan-objectives/${id}`), onSuccess: refetch }),
    addAction: useMutation({ mutationFn: (b: ActionBody) => post<ActionPlanDto>(`${plan(planId)}/actions`, b), onSuccess: settle }),
    updateAction: useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateActionBody }) => patch<ActionPlanDto>(`/api/v1/plan-actions/${id}`, body), onSuccess: settle }),
    removeAction: useMutation({ mutationFn: (id: string) => del(`/api/v1/plan-actions/${id}`), onSuccess: refetch }),
    comment: useMutation({ mutationFn: (body: string) => post<ActionPlanDto>(`${plan(planId)}/comments`, { body }), onSuccess: settle }),
  };
}

/** `base`: the API address of what is shared (an action plan, a report); its links live under `${base}/share-links`. */
export const useShareLinks = (base: string, enabled = true) =>
  useQuery({ queryKey: ['share-links', base], queryFn: () => get<ShareLinkDto[]>(`${base}/share-links`), enabled });

export function useShareLinkMutations(base: string) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ['share-links', base] });
  return {
    create: useMutation({
      mutationFn: (b: { label?: string | null; expiresInDays: number }) => post<CreatedShareLinkDto>(`${base}/share-links`, b),
      onSuccess: refresh,
    }),
    revoke: useMutation({ mutationFn: (id: string) => del(`/api/v1/share-links/${id}`), onSuccess: refresh }),
  };
}
