import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import dayjs from 'dayjs';
import { useState } from 'react';
import { nudgeActionBody, type NudgeActionBody, type NudgeDto } from '../../../shared/contracts/nudges.ts';

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The two actions that need words: snooze until a chosen date (reason optional) and dismiss (reason
 * required). Checked with the API's own schema before anything is sent.
 */
export function NudgeDialog({ nudge, action, busy, onSubmit, onClose }: {
  nudge: NudgeDto;
  action: 'snooze' | 'dismiss';
  busy: boolean;
  onSubmit: (body: NudgeActionBody) => void;
  onClose: () => void;
}) {
  const tomorrow = dayjs().add(1, 'day').format('YYYY-MM-DD');
  const [until, setUntil] = useState(dayjs().add(2, 'week').format('YYYY-MM-DD'));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'until' | 'reason', string>>>({});

  const submit = () => {
    const draft = action === 'snooze' ? { action, key: nudge.key, until, reason: reason.trim() || undefined } : { action, key: nudge.key, reason };
    const checked = nudgeActionBody.safeParse(draft);
    if (checked.success && action === 'snooze' && until < tomorrow) return setErrors({ until: 'Choose a day after today' });
    if (checked.success) return onSubmit(checked.data);
    setErrors(Object.fromEntries(checked.error.issues.map((i) => [String(i.path[0]), i.path[0] === 'until' ? 'Choose a date' : sentence(i.message)])));
  };

  return (
    <Modal opened onClose={onClose} title={action === 'snooze' ? 'Snooze until a date' : 'Dismiss this nudge'}>
      <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
        <Stack>
          <Text size="sm" fw={600}>{nudge.title}</Text>
          {action === 'snooze' && (
            <TextInput type="date" label="Snooze until" required min={tomorrow} value={until} onChange={(e) => setUntil(e.currentTarget.value)} error={errors.until} data-autofocus />
          )}
          <TextInput
            label={action === 'snooze' ? 'Reason (optional)' : 'Reason'}
            required={action === 'dismiss'}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            data-autofocus={action === 'dismiss' || undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={busy}>{action === 'snooze' ? 'Snooze' : 'Dismiss'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
