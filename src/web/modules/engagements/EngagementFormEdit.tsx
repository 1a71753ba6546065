import { Button, Group, Kbd, Modal, Text } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { updateEngagementBody, type EngagementDto, type UpdateEngagementBody } from '../../../shared/contracts/engagements.ts';
import { showApiError } from '../../lib/forms.ts';
import { useEngagementMutations } from './api.ts';
import { EngagementFormFields, engagementDefaults, engagementFieldNames, formKeys, useAfterSave, useEngagementTypes, type EngagementFormValues } from './EngagementFormFields.tsx';

/** The form always holds a type, a date and a summary; PATCH takes the rest as the update body defines it. */
const editSchema = updateEngagementBody.required({ typeId: true, occurredOn: true, summary: true });

/** Edit an engagement with the same fields as quick log; sends only what changed (PATCH). */
export function EngagementFormEdit({ engagement, onClose }: { engagement: EngagementDto; onClose: () => void }) {
  const phone = useMediaQuery('(max-width: 36em)');
  const { update } = useEngagementMutations();
  const afterSave = useAfterSave();
  const { isTeaching } = useEngagementTypes();
  const [initial] = useState(() => engagementDefaults({}, engagement));
  const form = useForm<EngagementFormValues, unknown, UpdateEngagementBody>({ resolver: zodResolver(editSchema), defaultValues: initial });

  const submit = form.handleSubmit((values) => {
    const raw = form.getValues();
    const changed = (Object.keys(initial) as (keyof EngagementFormValues)[]).filter((k) => JSON.stringify(raw[k]) !== JSON.stringify(initial[k]));
    const body: UpdateEngagementBody = Object.fromEntries(Object.entries(values).filter(([k]) => changed.includes(k as keyof EngagementFormValues)));
    if ('typeId' in body && !isTeaching(values.typeId)) body.attendance = null;
    if (Object.keys(body).length === 0) return onClose();
    update.mutate({ id: engagement.id, body }, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: 'Engagement saved' });
        afterSave(saved);
        onClose();
      },
      onError: (err) => showApiError(err, form.setError, engagementFieldNames),
    });
  });

  return (
    <Modal opened onClose={onClose} title="Edit engagement" closeButtonProps={{ 'aria-label': 'Close' }} size="44rem" fullScreen={!!phone}>
      <form onSubmit={(e) => void submit(e)} onKeyDown={formKeys(() => void submit())} noValidate aria-label="Edit engagement">
        <EngagementFormFields control={form.control} current={engagement} autoFocus />
        <Group justify="space-between" mt="lg" wrap="wrap">
          <Text size="sm" c="dimmed"><Kbd>Ctrl</Kbd> or <Kbd>⌘</Kbd> + <Kbd>Enter</Kbd> saves from any field</Text>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={update.isPending}>Save changes</Button>
          </Group>
        </Group>
      </form>
    </Modal>
  );
}
