import { Stack, Text, VisuallyHidden } from '@mantine/core';
import { formatDate } from '../lib/dates.ts';
import { AnchorLink } from './AnchorLink.tsx';

/** A list without bullets or indent, for lists that are laid out as rows. */
export const bareList = { listStyle: 'none', margin: 0, padding: 0 } as const;

/**
 * Engagements named by another record (an assessment's evidence, an action's work), each as its date
 * linking to the engagement and then its summary. Only the date is the link: a summary naming a
 * person would otherwise read as a second link "to" them.
 */
export function EngagementRefList({ items }: { items: { id: string; occurredOn: string; summary: string }[] }) {
  return (
    <Stack component="ul" gap={2} style={bareList}>
      {items.map((x) => (
        <li key={x.id}>
          <AnchorLink to="/engagements/$id" params={{ id: x.id }} size="sm">
            <VisuallyHidden>Engagement on </VisuallyHidden>{formatDate(x.occurredOn)}
          </AnchorLink>
          <Text span size="sm">: {x.summary}</Text>
        </li>
      ))}
    </Stack>
  );
}
