import { Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueries } from '@tanstack/react-query';
import { useId } from 'react';
import type { Page } from '../../../shared/contracts/common.ts';
import type { EngagementDto } from '../../../shared/contracts/engagements.ts';
import { activeStages, type OpportunityDto } from '../../../shared/contracts/opportunities.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { get } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { opportunityKeys, useOpportunities, useOpportunityMutations } from './api.ts';
import { StageBadge } from './Badges.tsx';

const PAGE = { page: 1, pageSize: 50 };

/** The open opportunities (spotted to piloting) of each of these departments and the units below them, by priority. */
function useOpenOpportunities(orgUnitIds: string[], enabled: boolean) {
  return useQueries({
    queries: orgUnitIds.map((orgUnitId) => {
      const f = { orgUnitId, stage: activeStages.join(','), ...PAGE };
      return { queryKey: opportunityKeys.list(f), queryFn: () => get<Page<OpportunityDto>>('/api/v1/opportunities', { ...f }), enabled };
    }),
    combine: (results) => {
      const seen = new Map<string, OpportunityDto>();
      for (const r of results) for (const o of r.data?.items ?? []) seen.set(o.id, o);
      return { items: [...seen.values()].sort((a, b) => b.priority.score - a.priority.score), pending: results.some((r) => r.isPending) };
    },
  });
}

/**
 * On an engagement's page: the opportunities it moved on, and for editors a way to link it to an open
 * opportunity of its departments (which counts as that opportunity's activity and warms it up).
 */
export function EngagementOpportunities({ e, editable }: { e: EngagementDto; editable: boolean }) {
  const titleId = useId();
  const linked = useOpportunities({ engagementId: e.id, ...PAGE });
  const open = useOpenOpportunities(e.orgUnits.map((u) => u.id), editable);
  const { link } = useOpportunityMutations();
  const mine = linked.data?.items ?? [];
  const options = open.items.filter((o) => !mine.some((m) => m.id === o.id)).map((o) => ({ value: o.id, label: o.title }));
  const add = (id: string | null) => {
    if (!id) return;
    link.mutate({ id, engagementId: e.id }, {
      onSuccess: (o) => notifications.show({ color: 'teal', message: `Linked to ${o.title}` }),
      onError: (err) => showApiError(err),
    });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" mb="sm" id={titleId}>Opportunities</Title>
      <Stack gap="sm">
        {mine.length ? (
          <Stack component="ul" gap={4} m={0} pl="1.2rem">
            {mine.map((o) => (
              <li key={o.id}>
                <Group gap="xs" wrap="wrap">
                  <AnchorLink to="/opportunities/$id" params={{ id: o.id }} size="sm">{o.title}</AnchorLink>
                  <StageBadge stage={o.stage} />
                </Group>
              </li>
            ))}
          </Stack>
        ) : <Text size="sm" c="gray.8">{linked.isPending ? 'Loading…' : 'Not linked to an opportunity.'}</Text>}
        {editable && e.orgUnits.length > 0 && (
          <Select
            label="Link to an open opportunity" description="Those of its departments, highest priority first" placeholder="Choose an opportunity"
            data={options} value={null} onChange={add} searchable disabled={link.isPending}
            nothingFoundMessage={open.pending ? 'Loading opportunities…' : 'No other open opportunity with its departments'}
          />
        )}
      </Stack>
    </Paper>
  );
}
