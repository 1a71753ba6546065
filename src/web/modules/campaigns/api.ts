import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CampaignDetailDto, CampaignDto, CampaignStatus, CreateCampaignBody, UpdateCampaignBody } from '../../../shared/contracts/campaigns.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import { del, get, patch, post } from '../../lib/api.ts';
import { goalKeys } from '../goals/api.ts';

export interface CampaignFilter {
  status?: CampaignStatus;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (f: CampaignFilter) => ['campaigns', 'list', f] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
};

export const useCampaigns = (f: CampaignFilter) =>
  useQuery({ queryKey: campaignKeys.list(f), queryFn: () => get<Page<CampaignDto>>('/api/v1/campaigns', { ...f }), placeholderData: keepPreviousData });

/** The campaign with its reach per target and what came of it. */
export const useCampaign = (id: string) =>
  useQuery({ queryKey: campaignKeys.detail(id), queryFn: () => get<CampaignDetailDto>(`/api/v1/campaigns/${id}`) });

export function useCampaignMutations() {
  const qc = useQueryClient();
  // a campaign names goals, and a goal's page lists its campaigns
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: campaignKeys.all }), qc.invalidateQueries({ queryKey: [...goalKeys.all, 'detail'] })]);
  return {
    create: useMutation({ mutationFn: (b: CreateCampaignBody) => post<CampaignDto>('/api/v1/campaigns', b), onSuccess: refresh }),
    update: useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateCampaignBody }) => patch<CampaignDto>(`/api/v1/campaigns/${id}`, body), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (id: string) => del(`/api/v1/campaigns/${id}`), onSuccess: refresh }),
  };
}
