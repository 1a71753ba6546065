import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Textarea, TextInput, type TextareaProps } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import type * as z4 from 'zod/v4/core';
import {
  createImpactBody, impactSectionTitle, impactStatuses, impactStatusLabels, type CreateImpactBody, type ImpactEvaluationDto,
} from '../../../shared/contracts/impact.ts';
import { formatDate } from '../../lib/dates.ts';
import { showApiError } from '../../lib/forms.ts';
import { DepartmentsField } from '../engagements/EngagementFormDepartments.tsx';
import { GoalsField } from '../goals/GoalField.tsx';
import { friendlyErrors } from '../people/PersonForm.tsx';
import { useImpactMutations } from './api.ts';
import { CommunicationsField, ObjectivesField, say } from './ImpactFormLists.tsx';
import { EngagementsPicker, evidenceLabel, EvidencePicker, MetricsPicker, shorten } from './ImpactFormPickers.tsx';

type ImpactInput = z.input<typeof createImpactBody>;

const messages: z4.ParseContext<z4.$ZodIssue> = {
  error: (iss) => {
    if (iss.code === 'invalid_format' && iss.format === 'date') return 'must be a date';
    return friendlyErrors.error?.(iss);
  },
};
const resolver = zodResolver(createImpactBody, messages);
const apiFields = [
  'initiative', 'aims', 'objectives', 'successCriteria', 'impactIndicators', 'whatWeDid', 'engagementIds', 'whatWeLearned', 'howWeActed', 'howWeMeasured',
  'metricIds', 'evidenceIds', 'communications', 'shortTermOutcomes', 'longTermOutcomes', 'status', 'orgUnitIds', 'goalIds',
];
const statusData = impactStatuses.map((s) => ({ value: s, label: impactStatusLabels[s] }));

const defaults = (e?: ImpactEvaluationDto): ImpactInput => ({
  initiative: e?.initiative ?? '',
  aims: e?.aims ?? '',
  objectives: e?.objectives ?? [],
  successCriteria: e?.successCriteria ?? '',
  impactIndicators: e?.impactIndicators ?? '',
  whatWeDid: e?.whatWeDid ?? '',
  engagementIds: e?.engagements.map((x) => x.id) ?? [],
  whatWeLearned: e?.whatWeLearned ?? '',
  howWeActed: e?.howWeActed ?? '',
  howWeMeasured: e?.howWeMeasured ?? '',
  metricIds: e?.metrics.map((x) => x.id) ?? [],
  evidenceIds: e?.evidence.map((x) => x.id) ?? [],
  communications: e?.communications.map((c) => ({ audience: c.audience, on: c.on, how: c.how })) ?? [],
  shortTermOutcomes: e?.shortTermOutcomes ?? '',
  longTermOutcomes: e?.longTermOutcomes ?? '',
  status: e?.status ?? 'planned',
  orgUnitIds: e?.orgUnits.map((u) => u.id) ?? [],
  goalIds: e?.goals.map((g) => g.id) ?? [],
});

const area: Partial<TextareaProps> = { autosize: true, minRows: 2, maxRows: 10 };

/**
 * A new impact evaluation (POST) or an edit (PATCH with the whole evaluation: its lists replace the old
 * ones), in the template's order and checked with the API's own schema, the completeness rule included.
 */
export function ImpactForm({ evaluation, onSaved, onCancel }: { evaluation?: ImpactEvaluationDto; onSaved: (e: ImpactEvaluationDto) => void; onCancel: () => void }) {
  const { create, update } = useImpactMutations();
  const form = useForm<ImpactInput, unknown, CreateImpactBody>({ resolver, defaultValues: defaults(evaluation) });
  const e = form.formState.errors;
  const orgUnitIds = useWatch({ control: form.control, name: 'orgUnitIds' });
  const text = (name: 'aims' | 'successCriteria' | 'impactIndicators' | 'whatWeDid' | 'whatWeLearned' | 'howWeActed' | 'howWeMeasured' | 'shortTermOutcomes' | 'longTermOutcomes') => ({
    ...area, ...form.register(name), error: say(e[name]?.message),
  });

  const submit = form.handleSubmit((body) => {
    const onSuccess = (saved: ImpactEvaluationDto) => {
      notifications.show({ message: evaluation ? `Saved “${saved.initiative}”` : `Added “${saved.initiative}”` });
      onSaved(saved);
    };
    const onError = (err: unknown) => showApiError(err, form.setError, apiFields);
    if (evaluation) update.mutate({ id: evaluation.id, body }, { onSuccess, onError });
    else create.mutate(body, { onSuccess, onError });
  });

  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate aria-label={evaluation ? `Edit ${evaluation.initiative}` : 'New impact evaluation'}>
      <Stack>
        <TextInput label="Initiative" description="The project or service being evaluated" required data-autofocus {...form.register('initiative')} error={say(e.initiative?.message)} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller control={form.control} name="orgUnitIds" render={({ field }) => (
            <DepartmentsField value={field.value ?? []} onChange={field.onChange} known={evaluation?.orgUnits} error={say(e.orgUnitIds?.message)} />
          )} />
          <Controller control={form.control} name="goalIds" render={({ field }) => (
            <GoalsField value={field.value ?? []} onChange={field.onChange} description="The strategy it shows impact against" error={say(e.goalIds?.message)} />
          )} />
        </SimpleGrid>

        <Fieldset legend={impactSectionTitle('aims')}>
          <Stack gap="sm">
            <Textarea label="Aims" description="What the initiative is for" {...text('aims')} />
            <Controller control={form.control} name="objectives" render={({ field }) => (
              <ObjectivesField value={field.value ?? []} onChange={field.onChange} errors={e.objectives} />
            )} />
          </Stack>
        </Fieldset>
        <Textarea label={impactSectionTitle('successCriteria')} description="How you will know it worked" {...text('successCriteria')} />
        <Textarea label={impactSectionTitle('impactIndicators')} description="What you will look at: comments, behaviour, figures" {...text('impactIndicators')} />

        <Fieldset legend={impactSectionTitle('whatWeDid')}>
          <Stack gap="sm">
            <Textarea label="What we did" {...text('whatWeDid')} />
            <Controller control={form.control} name="engagementIds" render={({ field }) => (
              <EngagementsPicker value={field.value ?? []} onChange={field.onChange} orgUnitId={orgUnitIds?.[0]} error={say(e.engagementIds?.message)}
                known={(evaluation?.engagements ?? []).map((x) => ({ value: x.id, label: `${formatDate(x.occurredOn)}: ${shorten(x.summary)}` }))} />
            )} />
          </Stack>
        </Fieldset>
        <Textarea label={impactSectionTitle('whatWeLearned')} {...text('whatWeLearned')} />
        <Textarea label={impactSectionTitle('howWeActed')} description="What changed because of what we learned" {...text('howWeActed')} />

        <Fieldset legend={impactSectionTitle('howWeMeasured')}>
          <Stack gap="sm">
            <Textarea label="How we measured impact" description="Needed before the evaluation is complete" {...text('howWeMeasured')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Controller control={form.control} name="metricIds" render={({ field }) => (
                <MetricsPicker value={field.value ?? []} onChange={field.onChange} error={say(e.metricIds?.message)}
                  known={(evaluation?.metrics ?? []).map((m) => ({ value: m.id, label: `${m.name} (${m.unit})` }))} />
              )} />
              <Controller control={form.control} name="evidenceIds" render={({ field }) => (
                <EvidencePicker value={field.value ?? []} onChange={field.onChange} error={say(e.evidenceIds?.message)}
                  known={(evaluation?.evidence ?? []).map((x) => ({ value: x.id, label: evidenceLabel(x) }))} />
              )} />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={impactSectionTitle('communications')}>
          <Controller control={form.control} name="communications" render={({ field }) => (
            <CommunicationsField value={field.value ?? []} onChange={field.onChange} errors={e.communications} />
          )} />
        </Fieldset>

        <Fieldset legend={impactSectionTitle('outcomes')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea label="Short-term outcomes" {...text('shortTermOutcomes')} />
            <Textarea label="Long-term outcomes" {...text('longTermOutcomes')} />
          </SimpleGrid>
        </Fieldset>
        <Controller control={form.control} name="status" render={({ field }) => (
          <Select label="Status" description="Complete needs how impact was measured and at least one outcome" data={statusData} value={field.value ?? 'planned'}
            onChange={(v) => v && field.onChange(v)} allowDeselect={false} error={say(e.status?.message)} w={320} />
        )} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={create.isPending || update.isPending}>{evaluation ? 'Save evaluation' : 'Add evaluation'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
