import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import type { CaptureItemDto, CaptureStatus } from '../../../shared/contracts/capture.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { showApiError } from '../../lib/forms.ts';
import { PeopleField } from '../engagements/EngagementFormPeople.tsx';
import { useCaptureItems, useCaptureMutations } from './api.ts';

const when = (i: CaptureItemDto) => {
  if (!i.startsAt) return new Date(`${i.occurredOn}T12:00:00Z`).toLocaleDateString('en-GB', { dateStyle: 'medium' });
  const at = new Date(i.startsAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return i.durationMinutes ? `${at}, ${i.durationMinutes} min` : at;
};

const names = (list: { name: string }[]) => list.map((x) => x.name).join(', ');

/** What the item is, in a few lines: its kind, when, who and where, and the start of what was said. */
function ItemSummary({ item, headingId }: { item: CaptureItemDto; headingId: string }) {
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Title order={3} size="h5" id={headingId}>{item.subject || (item.kind === 'meeting' ? 'Untitled meeting' : 'No subject')}</Title>
        <Badge variant="outline" color="gray.8" style={{ textTransform: 'none' }}>{item.kind === 'meeting' ? 'Meeting' : 'Email'}</Badge>
      </Group>
      <Text size="sm">{when(item)}</Text>
      {item.people.length > 0 && <Text size="sm"><Text span fw={600}>With:</Text> {names(item.people)}</Text>}
      {item.departments.length > 0 && <Text size="sm"><Text span fw={600}>Departments:</Text> {names(item.departments)}</Text>}
      {item.people.length === 0 && item.toAddresses.length > 0 && <Text size="sm"><Text span fw={600}>Addresses:</Text> {item.toAddresses.join(', ')}</Text>}
      {item.excerpt && <Text size="sm" c="gray.8" lineClamp={3} style={{ whiteSpace: 'pre-line' }}>{item.excerpt}</Text>}
    </Stack>
  );
}

/** The people picker of an unmatched item: attach who it was with, and it becomes a suggestion. */
function MatchForm({ item, headingId, onDone }: { item: CaptureItemDto; headingId: string; onDone: () => void }) {
  const { match } = useCaptureMutations();
  const [personIds, setPersonIds] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  return (
    <Stack gap="xs" component="form" aria-labelledby={headingId} onSubmit={(e) => {
      e.preventDefault();
      if (!personIds.length) return setError('Choose who it was with');
      match.mutate({ id: item.id, personIds }, { onSuccess: onDone, onError: (err) => showApiError(err) });
    }}>
      <PeopleField value={personIds} onChange={(ids) => { setPersonIds(ids); setError(undefined); }} error={error} />
      <Group><Button type="submit" variant="light" loading={match.isPending}>Match</Button></Group>
    </Stack>
  );
}

/**
 * One queue: suggestions ("Log this engagement" in one click, with the suggested type and people)
 * or items to review (pick the people, then log). Focus returns to the heading when an item leaves.
 */
export function CaptureQueue({ status, title, empty, canAct }: { status: Extract<CaptureStatus, 'suggested' | 'unmatched'>; title: string; empty: string; canAct: boolean }) {
  const [page, setPage] = useState(1);
  const items = useCaptureItems(status, page);
  const { confirm, dismiss } = useCaptureMutations();
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = `capture-${status}-heading`;
  const gone = () => heading.current?.focus();

  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} ref={heading} tabIndex={-1} mb="sm">{title}</Title>
      <QueryState query={items} label={`Loading ${title.toLowerCase()}`} isEmpty={(d) => d.items.length === 0} empty={empty}>
        {(d) => (
          <>
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {d.items.map((item) => {
                const itemHeading = `capture-item-${item.id}`;
                return (
                  <Paper component="li" key={item.id} withBorder p="md" aria-labelledby={itemHeading}>
                    <Stack gap="sm">
                      <ItemSummary item={item} headingId={itemHeading} />
                      {canAct && status === 'unmatched' && <MatchForm item={item} headingId={itemHeading} onDone={gone} />}
                      {canAct && (
                        <Group gap="xs">
                          {status === 'suggested' && (
                            <Button loading={confirm.isPending && confirm.variables.id === item.id} aria-describedby={itemHeading}
                              onClick={() => confirm.mutate({ id: item.id }, {
                                onSuccess: (done) => {
                                  notifications.show({ message: <>Logged as {done.suggestedType?.label.toLowerCase() ?? 'an engagement'}. {done.engagementId && <AnchorLink to="/engagements/$id" params={{ id: done.engagementId }}>Open it</AnchorLink>}</> });
                                  for (const w of done.warnings) notifications.show({ color: 'yellow', message: w });
                                  gone();
                                },
                                onError: (err) => showApiError(err),
                              })}>
                              Log this engagement
                            </Button>
                          )}
                          <Button variant="subtle" color="gray.8" aria-describedby={itemHeading} loading={dismiss.isPending && dismiss.variables === item.id}
                            onClick={() => dismiss.mutate(item.id, { onSuccess: gone, onError: (err) => showApiError(err) })}>
                            Dismiss
                          </Button>
                        </Group>
                      )}
                    </Stack>
                  </Paper>
                );
              })}
            </Stack>
            <Pager page={d.page} pageSize={d.pageSize} total={d.total} onChange={setPage} noun="items" />
          </>
        )}
      </QueryState>
    </section>
  );
}
