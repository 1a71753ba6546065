import { Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useAppActions } from '../../components/actions.ts';
import { canEdit, useMe } from '../identity/api.ts';
import { NudgeFeed } from '../nudges/NudgeFeed.tsx';
import { MyDepartments } from './MyDepartments.tsx';
import { MyRecentEngagements } from './MyRecentEngagements.tsx';

/**
 * Home: what needs my attention, the departments I look after (quietest first) and what I logged
 * lately, with logging one keypress away. In the initial bundle, so it imports only light modules.
 */
export function MyWeekPage() {
  const { data: me } = useMe();
  const actions = useAppActions();
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap" align="center">
        <div>
          <Title order={1}>My week</Title>
          {me && <Text c="dimmed" size="sm">{me.user.name} · {me.institution.name}</Text>}
        </div>
        {canEdit(me) && (
          <Button size="md" onClick={() => actions.openQuickLog()} aria-keyshortcuts="Control+Shift+L" title="Log an engagement (Ctrl+Shift+L)">
            Log engagement
          </Button>
        )}
      </Group>
      {me && <NudgeFeed manager={canEdit(me, 'manager')} />}
      {me && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <MyDepartments userId={me.user.id} editor={canEdit(me)} />
          <MyRecentEngagements userId={me.user.id} />
        </SimpleGrid>
      )}
    </Stack>
  );
}
