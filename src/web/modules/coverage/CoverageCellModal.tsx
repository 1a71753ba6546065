import { Alert, Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { CoverageDto } from '../../../shared/contracts/coverage.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDate, today } from '../../lib/dates.ts';
import { showApiError } from '../../lib/forms.ts';
import { useCoverageList, useCoverageMutations } from './api.ts';
import { CoverageAddForm } from './CoverageAddForm.tsx';

export interface CellTarget {
  unit: { id: string; name: string };
  fn: { id: string; label: string };
  /** the parent unit whose cover fills this cell today, if any */
  inheritedFrom: { id: string; name: string } | null;
}

const span = (c: CoverageDto) =>
  c.startDate || c.endDate ? ` (${c.startDate ? `from ${formatDate(c.startDate)}` : 'until'}${c.endDate ? `${c.startDate ? ' to' : ''} ${formatDate(c.endDate)}` : ''})` : '';

/** One unit × function: its own assignments (removable) and a form to add cover. Managers only. */
export function CoverageCellModal({ target, onClose }: { target: CellTarget; onClose: () => void }) {
  const { unit, fn, inheritedFrom } = target;
  const list = useCoverageList({ orgUnitId: unit.id, functionId: fn.id });
  const { remove } = useCoverageMutations();
  const [confirming, setConfirming] = useState<string | null>(null);
  const day = today();
  const live = (items: CoverageDto[]) => items.filter((c) => !c.endDate || c.endDate >= day);

  const doRemove = (c: CoverageDto) => remove.mutate(c.id, {
    onSuccess: () => { setConfirming(null); notifications.show({ message: `${c.user.name} no longer covers ${fn.label} for ${unit.name}` }); },
    onError: (e) => showApiError(e),
  });

  return (
    <Modal opened onClose={onClose} title={`${fn.label}: ${unit.name}`} size="lg">
      <Stack>
        <Title order={3} size="h5">Assigned here</Title>
        <QueryState query={list} label="Loading assignments">
          {(page) => {
            const items = live(page.items);
            if (!items.length) {
              return (
                <Text size="sm" c="dimmed">
                  {inheritedFrom ? `Nobody is assigned to this department itself; cover comes via ${inheritedFrom.name}.` : 'Nobody covers this yet.'}
                </Text>
              );
            }
            return (
              <List spacing="xs" listStyleType="none" ml={0} pl={0}>
                {items.map((c) => (
                  <List.Item key={c.id}>
                    {confirming === c.id ? (
                      <Alert color="red" variant="light" title={`Remove ${c.user.name}?`}>
                        <Text size="sm">{c.user.name} will no longer cover {fn.label} for {unit.name}. The record is deleted, not ended.</Text>
                        <Group mt="xs" gap="xs">
                          <Button size="xs" color="red.8" loading={remove.isPending} onClick={() => doRemove(c)}>Yes, remove</Button>
                          <Button size="xs" variant="default" autoFocus onClick={() => setConfirming(null)}>Keep</Button>
                        </Group>
                      </Alert>
                    ) : (
                      <Group justify="space-between" wrap="nowrap">
                        <Text size="sm">
                          <strong>{c.user.name}</strong>{c.user.jobTitle ? `, ${c.user.jobTitle}` : ''}{span(c)}
                        </Text>
                        <Button size="compact-sm" variant="subtle" color="red.8" onClick={() => setConfirming(c.id)} aria-label={`Remove ${c.user.name}`}>
                          Remove
                        </Button>
                      </Group>
                    )}
                  </List.Item>
                ))}
              </List>
            );
          }}
        </QueryState>
        <Title order={3} size="h5">Add cover</Title>
        <CoverageAddForm orgUnitId={unit.id} functionId={fn.id} onDone={onClose} />
      </Stack>
    </Modal>
  );
}
