import { Button, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type * as z4 from 'zod/v4/core';
import { createCampaignBody, type CampaignDto, type CreateCampaignBody } from '../../../shared/contracts/campaigns.ts';
import { showApiError } from '../../lib/forms.ts';
import { DateField } from '../engagements/EngagementFormDate.tsx';
import { DepartmentsField } from '../engagements/EngagementFormDepartments.tsx';
import { GoalsField } from '../goals/GoalField.tsx';
import { friendlyErrors } from '../people/PersonForm.tsx';
import { useCampaignMutations } from './api.ts';

type CampaignInput = z.input<typeof createCampaignBody>;

const messages: z4.ParseContext<z4.$ZodIssue> = {
  error: (iss) => {
    if (iss.code === 'invalid_format' && iss.format === 'date') return iss.input === '' ? 'is required' : 'must be a date';
    return friendlyErrors.error?.(iss);
  },
};
const resolver = zodResolver(createCampaignBody, messages);
const apiFields = ['name', 'purpose', 'message', 'startsOn', 'endsOn', 'targetOrgUnitIds', 'goalIds'];

const defaults = (c?: CampaignDto): CampaignInput => ({
  name: c?.name ?? '',
  purpose: c?.purpose ?? '',
  message: c?.message ?? '',
  startsOn: c?.startsOn ?? '',
  endsOn: c?.endsOn ?? '',
  targetOrgUnitIds: c?.targets.map((t) => t.id) ?? [],
  goalIds: c?.goals.map((g) => g.id) ?? [],
});

/**
 * A new campaign (POST) or an edit (PATCH with the whole campaign: its lists replace the old ones),
 * checked with the API's own schema.
 */
export function CampaignForm({ campaign, onSaved, onCancel }: { campaign?: CampaignDto; onSaved: (c: CampaignDto) => void; onCancel: () => void }) {
  const { create, update } = useCampaignMutations();
  const form = useForm<CampaignInput, unknown, CreateCampaignBody>({ resolver, defaultValues: defaults(campaign) });
  const e = form.formState.errors;

  const submit = form.handleSubmit((body) => {
    const onSuccess = (saved: CampaignDto) => {
      notifications.show({ message: campaign ? `Saved “${saved.name}”` : `Added “${saved.name}”` });
      onSaved(saved);
    };
    const onError = (err: unknown) => showApiError(err, form.setError, apiFields);
    if (campaign) update.mutate({ id: campaign.id, body }, { onSuccess, onError });
    else create.mutate(body, { onSuccess, onError });
  });

  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate aria-label={campaign ? `Edit ${campaign.name}` : 'New campaign'}>
      <Stack>
        <TextInput label="Name" required data-autofocus {...form.register('name')} error={e.name?.message} />
        <Textarea label="Purpose" description="What the campaign is for" autosize minRows={2} maxRows={6} {...form.register('purpose')} error={e.purpose?.message} />
        <Textarea label="Message" description="What departments should hear" autosize minRows={2} maxRows={6} {...form.register('message')} error={e.message?.message} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller control={form.control} name="startsOn" render={({ field }) => (
            <DateField label="Starts on" required description={null} value={field.value} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} error={e.startsOn?.message} />
          )} />
          <Controller control={form.control} name="endsOn" render={({ field }) => (
            <DateField label="Ends on" required description={null} value={field.value} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} error={e.endsOn?.message} />
          )} />
        </SimpleGrid>
        <Controller control={form.control} name="targetOrgUnitIds" render={({ field }) => (
          <DepartmentsField label="Target departments" value={field.value ?? []} onChange={field.onChange} known={campaign?.targets} error={e.targetOrgUnitIds?.message} />
        )} />
        <Controller control={form.control} name="goalIds" render={({ field }) => (
          <GoalsField value={field.value ?? []} onChange={field.onChange} description="The strategy this campaign serves" error={e.goalIds?.message} />
        )} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={create.isPending || update.isPending}>{campaign ? 'Save campaign' : 'Add campaign'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
