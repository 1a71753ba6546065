import { Button, Fieldset, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { actionBody, actionStatusLabels, actionStatuses, type ActionBody, type ActionPlanDto, type PlanActionDto } from '../../../shared/contracts/plans.ts';
import { formatDate } from '../../lib/dates.ts';
import { showApiError } from '../../lib/forms.ts';
import { StaffField } from '../coverage/StaffField.tsx';
import { DateField } from '../engagements/EngagementFormDate.tsx';
import { PeopleField } from '../engagements/EngagementFormPeople.tsx';
import { useTimeline } from '../org/api.ts';
import { usePlanMutations } from './api.ts';
import { named } from './words.ts';

type ActionInput = z.input<typeof actionBody>;
const statusData = actionStatuses.map((s) => ({ value: s, label: actionStatusLabels[s] }));
const apiFields = ['title', 'objectiveId', 'ownerId', 'partnerPersonId', 'dueOn', 'status', 'notes', 'engagementIds'];
const RECENT = 50;
// Select treats an empty value as no choice at all: "no objective" needs a value of its own
const NO_OBJECTIVE = 'none';
const shorten = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Adds an action to the plan or edits one: what, under which objective, the library's owner, the
 * department's partner, when, how far along, notes, and the engagements that delivered it (chosen from
 * the department's most recent ones).
 */
export function ActionForm({ plan, action, objectiveId, onDone }: {
  plan: ActionPlanDto;
  action?: PlanActionDto;
  /** the objective a new action starts under */
  objectiveId?: string | null;
  onDone: () => void;
}) {
  const { addAction, updateAction } = usePlanMutations(plan.id);
  const recent = useTimeline({ orgUnitId: plan.orgUnit.id, includeDescendants: 'true', pageSize: RECENT });
  const form = useForm<ActionInput, unknown, ActionBody>({
    resolver: zodResolver(actionBody),
    defaultValues: {
      title: action?.title ?? '',
      objectiveId: action ? action.objectiveId : (objectiveId ?? null),
      ownerId: action?.owner?.id ?? null,
      partnerPersonId: action?.partner?.id ?? null,
      dueOn: action?.dueOn ?? null,
      status: action?.status ?? 'not_started',
      notes: action?.notes ?? '',
      engagementIds: action?.engagements.map((x) => x.id) ?? [],
    },
  });
  const e = form.formState.errors;
  const pending = addAction.isPending || updateAction.isPending;

  // the engagements already linked stay choosable even when they are older than the recent ones
  const linked = action?.engagements ?? [];
  const found = recent.data?.items ?? [];
  const engagementData = [
    ...linked.filter((x) => !found.some((f) => f.id === x.id)).map((x) => ({ value: x.id, label: `${formatDate(x.occurredOn)}: ${shorten(x.summary)}` })),
    ...found.map((x) => ({ value: x.id, label: `${formatDate(x.occurredOn)} · ${x.type.label}: ${shorten(x.summary)}` })),
  ];
  const objectiveData = [{ value: NO_OBJECTIVE, label: 'None (other actions)' }, ...plan.objectives.map((o) => ({ value: o.id, label: o.title }))];

  const handlers = {
    onSuccess: () => {
      notifications.show({ message: action ? 'Action saved' : 'Action added' });
      onDone();
    },
    onError: (err: unknown) => showApiError(err, form.setError, apiFields),
  };
  const submit = form.handleSubmit((body) => (action ? updateAction.mutate({ id: action.id, body }, handlers) : addAction.mutate(body, handlers)));

  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate aria-label={action ? 'Edit action' : 'Add an action'}>
      <Stack>
        <TextInput label="Action" required data-autofocus {...form.register('title')} error={named('Action', e.title?.message)} />
        <Controller control={form.control} name="objectiveId" render={({ field }) => (
          <Select label="Objective" data={objectiveData} value={field.value ?? NO_OBJECTIVE} onChange={(v) => field.onChange(v && v !== NO_OBJECTIVE ? v : null)} allowDeselect={false}
            error={named('Objective', e.objectiveId?.message)} />
        )} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller control={form.control} name="ownerId" render={({ field }) => (
            <StaffField label="Owner" description="Who in the library leads it" value={field.value ?? null} onChange={field.onChange} known={action?.owner} error={named('Owner', e.ownerId?.message)} />
          )} />
          <Controller control={form.control} name="partnerPersonId" render={({ field }) => (
            // PeopleField's own label is "People": the legend says whose they are. One partner: a second choice replaces the first.
            <Fieldset legend="Partner in the department" variant="unstyled">
              <PeopleField
                value={field.value ? [field.value] : []} onChange={(ids) => field.onChange(ids.at(-1) ?? null)}
                known={action?.partner ? [action.partner] : []} orgUnitId={plan.orgUnit.id} orgUnitName={plan.orgUnit.name}
                error={named('Partner', e.partnerPersonId?.message)}
              />
            </Fieldset>
          )} />
          <Controller control={form.control} name="dueOn" render={({ field }) => (
            <DateField label="Due" description={null} clearable value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} error={named('Due', e.dueOn?.message)} />
          )} />
          <Controller control={form.control} name="status" render={({ field }) => (
            <Select label="Status" data={statusData} value={field.value ?? 'not_started'} onChange={(v) => v && field.onChange(v)} allowDeselect={false} error={named('Status', e.status?.message)} />
          )} />
        </SimpleGrid>
        <Textarea label="Notes" rows={3} resize="vertical" {...form.register('notes')} error={named('Notes', e.notes?.message)} />
        <Controller control={form.control} name="engagementIds" render={({ field }) => (
          <MultiSelect
            label="Linked engagements" description={`Optional: any of ${plan.orgUnit.name}'s ${RECENT} most recent engagements`}
            data={engagementData} value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur}
            searchable hidePickedOptions nothingFoundMessage={recent.isPending ? 'Loading engagements…' : 'No such engagement'}
            error={named('Linked engagements', e.engagementIds?.message)}
          />
        )} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={pending}>{action ? 'Save action' : 'Add action'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
