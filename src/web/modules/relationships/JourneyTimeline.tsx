import { Anchor, Badge, Group, Stack, Text, Timeline, Title, VisuallyHidden } from '@mantine/core';
import type { JourneyItemDto } from '../../../shared/contracts/relationships.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDate } from '../../lib/dates.ts';
import { useJourney } from './api.ts';
import { assessmentAnchor } from './MaturityPanel.tsx';

const kindWords: Record<JourneyItemDto['kind'], string> = { maturity: 'Maturity', milestone: 'Milestone', champion: 'Champion' };

/**
 * Where the item lives: the assessment in the maturity panel on this page, the engagement, or the person.
 * The assessment link is a plain in-page fragment, so the browser moves the keyboard's starting point there too.
 */
function ItemLink({ item }: { item: JourneyItemDto }) {
  const context = <VisuallyHidden> ({item.title})</VisuallyHidden>;
  switch (item.ref.type) {
    case 'assessment':
      return <Anchor href={`#${assessmentAnchor(item.ref.id)}`} size="sm">See the assessment{context}</Anchor>;
    case 'engagement':
      return <AnchorLink to="/engagements/$id" params={{ id: item.ref.id }} size="sm">Open the engagement{context}</AnchorLink>;
    case 'person':
      return <AnchorLink to="/people/$id" params={{ id: item.ref.id }} size="sm">Open their page{context}</AnchorLink>;
    case 'opportunity':
      return <AnchorLink to="/opportunities/$id" params={{ id: item.ref.id }} size="sm">Open the opportunity{context}</AnchorLink>;
  }
}

/**
 * The department's story in its key moments, oldest first: maturity reached, milestones marked on
 * engagements, champions gained. Each says what kind of moment it is in words, not only by its bullet.
 */
export function JourneyTimeline({ orgUnitId }: { orgUnitId: string }) {
  const journey = useJourney(orgUnitId);
  return (
    <Stack component="section" aria-labelledby="journey-heading" gap="sm">
      <Title order={2} id="journey-heading">Journey</Title>
      <QueryState
        query={journey} label="Loading the journey" isEmpty={(d) => d.items.length === 0}
        empty="Nothing on the journey yet. Moments arrive here when you mark an engagement as a milestone, assess maturity, or mark a champion."
      >
        {(d) => (
          <Timeline active={d.items.length - 1} bulletSize={16} lineWidth={2} role="list" aria-label="Journey, oldest first">
            {d.items.map((item) => (
              <Timeline.Item
                key={`${item.kind}-${item.ref.type}-${item.ref.id}-${item.date}`}
                role="listitem"
                title={
                  <Group gap="xs" wrap="wrap">
                    <Badge variant="outline" color="gray.8" tt="none">{kindWords[item.kind]}</Badge>
                    <Title order={3} size="h5">{item.title}</Title>
                  </Group>
                }
              >
                <Text size="sm" c="dimmed"><time dateTime={item.date}>{formatDate(item.date)}</time></Text>
                {item.detail && <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{item.detail}</Text>}
                <ItemLink item={item} />
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </QueryState>
    </Stack>
  );
}
