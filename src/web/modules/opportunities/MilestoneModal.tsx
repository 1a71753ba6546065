import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import { milestoneBody, type MilestoneBody, type OpportunityDto } from '../../../shared/contracts/opportunities.ts';
import { today } from '../../lib/dates.ts';
import { showApiError } from '../../lib/forms.ts';
import { DateField } from '../engagements/EngagementFormDate.tsx';
import { useOpportunityMutations } from './api.ts';

const say = (m: string | undefined) => (m ? m.charAt(0).toUpperCase() + m.slice(1) : undefined);

/** "Mathematics", "Mathematics and Physics", "Mathematics, Physics and Music". */
export const inWords = (names: string[]) => new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(names);

/** Reaching embedded: record it as a milestone on the journey of each of its departments, or not now. */
export function MilestoneModal({ opportunity: o, onClose }: { opportunity: OpportunityDto; onClose: () => void }) {
  const { milestone } = useOpportunityMutations();
  const form = useForm<MilestoneBody>({
    resolver: zodResolver(milestoneBody),
    defaultValues: { title: `Embedded: ${o.title}`.slice(0, 200), on: today() },
  });
  const submit = form.handleSubmit((body) =>
    milestone.mutate({ id: o.id, body }, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: `Milestone recorded on the journey of ${inWords(o.orgUnits.map((u) => u.name))}` });
        onClose();
      },
      onError: (e) => showApiError(e, form.setError, ['title', 'on']),
    }));
  const e = form.formState.errors;
  return (
    <Modal opened onClose={onClose} title="Record a milestone on the journey?" closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={(ev) => void submit(ev)} noValidate aria-label="Record a milestone on the journey">
        <Stack>
          <Text size="sm">
            {o.title} is embedded. A milestone marks it on the journey of {inWords(o.orgUnits.map((u) => u.name))}.
          </Text>
          <TextInput label="Milestone" required data-autofocus {...form.register('title')} error={say(e.title?.message)} />
          <Controller control={form.control} name="on" render={({ field }) => (
            <DateField label="Date" required value={field.value} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} error={say(e.on?.message)} w={220} />
          )} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Not now</Button>
            <Button type="submit" loading={milestone.isPending}>Record milestone</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
