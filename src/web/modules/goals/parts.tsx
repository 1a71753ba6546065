import { Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { stageLabels, type OpportunityStage } from '../../../shared/contracts/opportunities.ts';
import { formatDate } from '../../lib/dates.ts';

/* Small pieces the goal and campaign pages share. */

export const stageLabel = (stage: string) => stageLabels[stage as OpportunityStage] ?? stage;

/** "10 Mar 2025 – 21 Mar 2025" */
export const period = (startsOn: string, endsOn: string) => `${formatDate(startsOn)} – ${formatDate(endsOn)}`;

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** A labelled region with its h2, and a sentence in place of an empty list. */
export function Section({ title, empty, children }: { title: string; empty?: string | false; children?: ReactNode }) {
  const id = useId();
  return (
    <Stack component="section" aria-labelledby={id} gap="xs">
      <Title order={2} id={id} size="h3">{title}</Title>
      {empty ? <Text size="sm" c="gray.8">{empty}</Text> : children}
    </Stack>
  );
}

/** The page for an address that names nothing (deleted, another institution's, or mistyped). */
export function NotFound({ title, children, back }: { title: string; children: ReactNode; back: ReactNode }) {
  return (
    <Stack>
      <Title order={1}>{title}</Title>
      <Text>{children} It may have been deleted, or the link may be mistyped.</Text>
      <Text>{back}</Text>
    </Stack>
  );
}

/** A plain list without bullets, for lists of links with a line of detail each. */
export function LinkList({ label, children }: { label: string; children: ReactNode }) {
  return <Stack component="ul" aria-label={label} gap={6} m={0} p={0} style={{ listStyle: 'none' }}>{children}</Stack>;
}
