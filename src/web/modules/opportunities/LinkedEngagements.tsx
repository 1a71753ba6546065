import { Button, Group, Select, Stack, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueries } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common.ts';
import type { EngagementDto } from '../../../shared/contracts/engagements.ts';
import type { OpportunityDetailDto } from '../../../shared/contracts/opportunities.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { useAppActions } from '../../components/actions.ts';
import { get } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { showApiError } from '../../lib/forms.ts';
import { useOpportunityMutations } from './api.ts';
import { Section } from './Section.tsx';

/** How many of each department's most recent engagements the picker offers. */
const RECENT = 50;
const shorten = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const listStyle = { margin: 0, paddingLeft: '1.2rem' } as const;

/**
 * Each of its departments' recent engagements (and those of units below them), newest first; with no
 * department, everyone's. The same queries as a department's timeline, so a newly logged one shows at once.
 */
function useCandidates(o: OpportunityDetailDto, enabled: boolean) {
  const filters = o.orgUnits.length
    ? o.orgUnits.map((u) => ({ orgUnitId: u.id, includeDescendants: 'true' as const, pageSize: RECENT }))
    : [{ pageSize: RECENT }];
  return useQueries({
    queries: filters.map((f) => ({
      queryKey: ['engagements', 'timeline', f],
      queryFn: () => get<Page<EngagementDto>>('/api/v1/engagements', { ...f }),
      enabled,
    })),
    combine: (results) => {
      const seen = new Map<string, EngagementDto>();
      for (const r of results) for (const e of r.data?.items ?? []) seen.set(e.id, e);
      const items = [...seen.values()].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.id.localeCompare(a.id));
      return { items, pending: results.some((r) => r.isPending) };
    },
  });
}

/**
 * The engagements that moved it on. Editors link another (logging one first if need be: a recent
 * engagement linked here is what clears "going cold") and unlink any but the one it was spotted in.
 */
export function LinkedEngagements({ o, editable }: { o: OpportunityDetailDto; editable: boolean }) {
  const { link, unlink } = useOpportunityMutations();
  const actions = useAppActions();
  const candidates = useCandidates(o, editable);
  const linked = new Set(o.engagements.map((e) => e.id));
  const options = candidates.items.filter((e) => !linked.has(e.id))
    .map((e) => ({ value: e.id, label: `${formatDate(e.occurredOn)} · ${e.type.label}: ${shorten(e.summary)}` }));
  const spottedIn = o.trigger.engagement?.id;

  const add = (engagementId: string | null) => {
    if (!engagementId) return;
    link.mutate({ id: o.id, engagementId }, {
      onSuccess: () => notifications.show({ color: 'teal', message: 'Engagement linked' }),
      onError: (err) => showApiError(err),
    });
  };
  const remove = (engagementId: string) =>
    unlink.mutate({ id: o.id, engagementId }, { onSuccess: () => notifications.show({ message: 'Engagement unlinked' }), onError: (err) => showApiError(err) });

  return (
    <Section title="Linked engagements">
      <Stack gap="sm">
        {o.engagements.length ? (
          <Stack component="ul" gap={4} style={listStyle}>
            {o.engagements.map((e) => (
              <li key={e.id}>
                <Group gap="xs" wrap="wrap">
                  <AnchorLink to="/engagements/$id" params={{ id: e.id }} size="sm">{formatDate(e.occurredOn)}: {e.summary}</AnchorLink>
                  {e.id === spottedIn && <Text span size="sm" c="gray.8">(where it was spotted)</Text>}
                  {editable && e.id !== spottedIn && (
                    <Button size="compact-xs" variant="default" onClick={() => remove(e.id)} loading={unlink.isPending && unlink.variables.engagementId === e.id}>
                      Unlink<VisuallyHidden> {formatDate(e.occurredOn)}: {e.summary}</VisuallyHidden>
                    </Button>
                  )}
                </Group>
              </li>
            ))}
          </Stack>
        ) : <Text span size="sm" c="gray.8" fs="italic">No engagements linked yet</Text>}
        {editable && (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label="Link an engagement"
              description={o.orgUnits.length ? `Any of the ${RECENT} most recent with its departments` : `Any of the ${RECENT} most recent`}
              placeholder="Choose an engagement" data={options} value={null} onChange={add} searchable clearable={false}
              nothingFoundMessage={candidates.pending ? 'Loading engagements…' : 'No other engagement to link'}
              disabled={link.isPending} style={{ flex: '1 1 18rem' }}
            />
            <Button variant="default" onClick={() => actions.openQuickLog({ orgUnitId: o.orgUnits[0]?.id })}>Log an engagement</Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}
