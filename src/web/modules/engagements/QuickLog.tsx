import { Anchor, Button, Grid, Group, Kbd, Modal, Text } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { createEngagementBody, type CreateEngagementBody } from '../../../shared/contracts/engagements.ts';
import type { QuickLogPrefill } from '../../components/actions.ts';
import { showApiError } from '../../lib/forms.ts';
import { useEngagementMutations } from './api.ts';
import { EngagementFormFields, engagementDefaults, engagementFieldNames, formKeys, useAfterSave, useEngagementTypes, type EngagementFormValues } from './EngagementFormFields.tsx';
import { QuickLogPersonPanel } from './QuickLogPersonPanel.tsx';

/**
 * Quick log: one screen, built so a keyboard user logs a typical meeting in seconds. Focus starts on
 * the type; Tab walks the fields in order; Ctrl/Cmd+Enter saves from anywhere; Escape closes.
 */
export function QuickLog({ prefill, onClose }: { prefill: QuickLogPrefill; onClose: () => void }) {
  const phone = useMediaQuery('(max-width: 36em)');
  const navigate = useNavigate();
  const { create } = useEngagementMutations();
  const afterSave = useAfterSave();
  const { defaultId, isTeaching } = useEngagementTypes();
  const form = useForm<EngagementFormValues, unknown, CreateEngagementBody>({
    resolver: zodResolver(createEngagementBody),
    defaultValues: engagementDefaults(prefill),
  });
  const personIds = useWatch({ control: form.control, name: 'personIds' }) ?? [];

  // "Meeting" once the vocabulary has loaded (it is usually cached), unless a type was already chosen
  useEffect(() => {
    if (defaultId && !form.getValues('typeId')) form.setValue('typeId', defaultId);
  }, [defaultId, form]);

  const submit = form.handleSubmit((body) =>
    create.mutate(
      { ...body, attendance: isTeaching(body.typeId) ? body.attendance : null },
      {
        onSuccess: (saved) => {
          const id = `engagement-logged-${saved.id}`;
          notifications.show({
            id,
            color: 'teal',
            title: 'Engagement logged',
            message: (
              <Anchor
                href={`/engagements/${saved.id}`}
                size="sm"
                onClick={(e) => {
                  e.preventDefault();
                  notifications.hide(id);
                  void navigate({ to: '/engagements/$id', params: { id: saved.id } });
                }}
              >
                Open the engagement
              </Anchor>
            ),
          });
          afterSave(saved);
          onClose();
        },
        onError: (err) => showApiError(err, form.setError, engagementFieldNames),
      },
    ),
  );

  return (
    <Modal opened onClose={onClose} title="Log an engagement" closeButtonProps={{ 'aria-label': 'Close' }} size="60rem" fullScreen={!!phone}>
      <form onSubmit={(e) => void submit(e)} onKeyDown={formKeys(() => void submit())} noValidate aria-label="Log an engagement">
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <EngagementFormFields control={form.control} autoFocus />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <QuickLogPersonPanel personIds={personIds} />
          </Grid.Col>
        </Grid>
        <Group justify="space-between" mt="lg" wrap="wrap">
          <Text size="sm" c="dimmed"><Kbd>Ctrl</Kbd> or <Kbd>⌘</Kbd> + <Kbd>Enter</Kbd> saves from any field</Text>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={create.isPending} aria-keyshortcuts="Control+Enter Meta+Enter">Log engagement</Button>
          </Group>
        </Group>
      </form>
    </Modal>
  );
}
