import { MultiSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { CampaignDto } from '../../../shared/contracts/campaigns.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import { get } from '../../lib/api.ts';
import type { Named } from './EngagementFormDepartments.tsx';

/**
 * The service-wide campaigns an engagement can be part of: those running now, plus any it already
 * names (a past campaign stays on an engagement logged during it).
 */
export function CampaignsField({ value, onChange, known = [], error }: { value: string[]; onChange: (ids: string[]) => void; known?: Named[]; error?: string }) {
  const current = useQuery({
    queryKey: ['campaigns', 'list', { status: 'current', pageSize: 200 }],
    queryFn: () => get<Page<CampaignDto>>('/api/v1/campaigns', { status: 'current', pageSize: 200 }),
    staleTime: 5 * 60_000,
  });
  const data = (current.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  for (const k of known) if (!data.some((d) => d.value === k.id)) data.push({ value: k.id, label: k.name });
  return (
    <MultiSelect
      label="Campaigns" description="Part of a service-wide campaign running now" data={data} value={value} onChange={onChange}
      searchable hidePickedOptions nothingFoundMessage={current.isLoading ? 'Loading…' : 'No campaign is running'} error={error}
    />
  );
}
