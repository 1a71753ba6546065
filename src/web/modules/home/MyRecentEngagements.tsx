import { Paper, Title } from '@mantine/core';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { EngagementTimeline } from '../../components/EngagementTimeline.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useEngagements } from '../engagements/api.ts';

/** The last ten engagements I took part in, newest first. */
export function MyRecentEngagements({ userId }: { userId: string }) {
  const engagements = useEngagements({ staffId: userId, pageSize: 10 });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="my-recent-engagements">
      <Title order={2} size="h3" id="my-recent-engagements" mb="sm">My recent engagements</Title>
      <QueryState
        query={engagements}
        label="Loading your engagements"
        isEmpty={(d) => d.items.length === 0}
        empty="Nothing logged yet. Press “Log engagement” (or Ctrl+Shift+L on any page) after your next meeting, email or session: it takes seconds, and your departments' history starts there."
      >
        {(data) => (
          <>
            <EngagementTimeline items={data.items} headingOrder={3} label="My recent engagements, newest first" />
            {data.total > data.items.length && (
              <AnchorLink to="/engagements" search={{ staffId: userId }} size="sm" mt="sm" display="inline-block">
                All {data.total} of my engagements
              </AnchorLink>
            )}
          </>
        )}
      </QueryState>
    </Paper>
  );
}
