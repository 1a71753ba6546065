import { Badge, Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { useId, useRef, useState } from 'react';
import { nudgeKindLabels, type NudgeActionBody, type NudgeDto } from '../../../shared/contracts/nudges.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDate } from '../../lib/dates.ts';
import { showApiError } from '../../lib/forms.ts';
import { useNudgeAction, useNudges, type NudgeScope } from './api.ts';
import { NudgeDialog } from './NudgeDialogs.tsx';

/** Where a nudge's link goes, in words, from its app path. */
function destination(href: string) {
  if (href.startsWith('/departments/')) return 'Go to the department';
  if (href.startsWith('/people/')) return 'Go to the person';
  if (href.startsWith('/coverage')) return 'Go to Staff and coverage';
  return 'Go to the page';
}

const snoozeFor = (amount: number, unit: 'week' | 'month') => dayjs().add(amount, unit).format('YYYY-MM-DD');

/**
 * "Needs attention" on My week: what Rapport noticed (a key activity overdue, a contact gone quiet…),
 * each with a link to where to act, and snooze or dismiss. Managers can switch to the whole team's.
 * In the initial bundle, so it stays light.
 */
export function NudgeFeed({ manager }: { manager: boolean }) {
  const [scope, setScope] = useState<NudgeScope>('mine');
  const nudges = useNudges(scope);
  const act = useNudgeAction();
  const [dialog, setDialog] = useState<{ nudge: NudgeDto; action: 'snooze' | 'dismiss' } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const send = (body: NudgeActionBody) => act.mutate(body, {
    onSuccess: () => {
      notifications.show({ message: body.action === 'snooze' ? `Snoozed until ${formatDate(body.until)}` : 'Dismissed' });
      setDialog(null);
      // the item is gone: keep keyboard focus in the section rather than losing it to the page
      heading.current?.focus();
    },
    onError: (e) => showApiError(e),
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="needs-attention">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h3" id="needs-attention" ref={heading} tabIndex={-1}>Needs attention</Title>
        {manager && (
          // two toggle buttons rather than a segmented control: the same for screen readers, lighter for the first page load
          <Group gap={0} role="group" aria-label="Whose nudges">
            {(['mine', 'team'] as const).map((s) => (
              <Button key={s} size="compact-sm" variant={scope === s ? 'filled' : 'default'} aria-pressed={scope === s} onClick={() => setScope(s)}>
                {s === 'mine' ? 'Mine' : 'Team'}
              </Button>
            ))}
          </Group>
        )}
      </Group>
      <QueryState query={nudges} label="Loading what needs attention">
        {(data) => (
          <Stack gap="sm">
            {data.items.length === 0 ? <Text c="dimmed">{scope === 'team' ? 'Nothing needs the team’s attention.' : 'Nothing needs your attention.'}</Text> : (
              <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
                {data.items.map((n) => (
                  <NudgeItem key={n.key} n={n} onSnooze={(until) => send({ action: 'snooze', key: n.key, until })} onDialog={(action) => setDialog({ nudge: n, action })} />
                ))}
              </Stack>
            )}
            {data.hidden > 0 && <Text size="sm" c="dimmed">{data.hidden} snoozed or dismissed</Text>}
          </Stack>
        )}
      </QueryState>
      {dialog && <NudgeDialog {...dialog} busy={act.isPending} onSubmit={send} onClose={() => setDialog(null)} />}
    </Paper>
  );
}

function NudgeItem({ n, onSnooze, onDialog }: { n: NudgeDto; onSnooze: (until: string) => void; onDialog: (action: 'snooze' | 'dismiss') => void }) {
  const titleId = useId();
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={4} style={{ flex: '1 1 18rem' }}>
          <Badge variant="default" tt="none" radius="sm">{nudgeKindLabels[n.kind]}</Badge>
          <Text fw={600} id={titleId}>{n.title}</Text>
          <Text size="sm">{n.detail}</Text>
          {/* the server sends a resolved app path; the router matches it like any typed-in address */}
          <AnchorLink to={n.href} size="sm">{destination(n.href)}</AnchorLink>
        </Stack>
        {/* anyone may snooze or dismiss: it hides the nudge from their own feed only */}
        <Group gap="xs">
          <Menu position="bottom-end">
            <Menu.Target>
              <Button size="compact-sm" variant="default" aria-describedby={titleId}>Snooze</Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => onSnooze(snoozeFor(1, 'week'))}>For a week</Menu.Item>
              <Menu.Item onClick={() => onSnooze(snoozeFor(1, 'month'))}>For a month</Menu.Item>
              <Menu.Item onClick={() => onDialog('snooze')}>Until a date…</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Button size="compact-sm" variant="default" aria-describedby={titleId} onClick={() => onDialog('dismiss')}>Dismiss</Button>
        </Group>
      </Group>
    </Paper>
  );
}
