import { Stack, Text } from '@mantine/core';
import { evidenceKindLabels } from '../../../shared/contracts/evidence.ts';
import type { EvidenceRefDto } from '../../../shared/contracts/plans.ts';
import { bareList } from '../../components/EngagementRefList.tsx';
import { formatDate } from '../../lib/dates.ts';

/**
 * Evidence named by a planning record (an action, a campaign): its kind and date, then the start of its
 * words. Not links: evidence has no page of its own; the evidence list is where it is read in full.
 */
export function EvidenceRefList({ items, label }: { items: EvidenceRefDto[]; label?: string }) {
  return (
    <Stack component="ul" gap={2} style={bareList} aria-label={label}>
      {items.map((x) => (
        <li key={x.id}>
          <Text span size="sm" fw={600}>{evidenceKindLabels[x.kind]}, <time dateTime={x.occurredOn}>{formatDate(x.occurredOn)}</time></Text>
          <Text span size="sm">: “{x.excerpt}”</Text>
        </li>
      ))}
    </Stack>
  );
}
