import { Button, Group, MultiSelect, Radio, Stack, Textarea } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type * as z4 from 'zod/v4/core';
import { createMaturityBody, maturityLabels, maturityLevels, type CreateMaturityBody, type MaturityLevel } from '../../../shared/contracts/relationships.ts';
import { formatDate, today } from '../../lib/dates.ts';
import { showApiError } from '../../lib/forms.ts';
import { DateField } from '../engagements/EngagementFormDate.tsx';
import { useTimeline } from '../org/api.ts';
import { useMaturityMutations, type Subject } from './api.ts';

type MaturityInput = z.input<typeof createMaturityBody>;

/** One line on what each level looks like, so two librarians judging the same department agree. */
export const levelHints: Record<MaturityLevel, string> = {
  none: 'No engagement yet, or contact has lapsed.',
  provider: 'The library delivers what the department asks for, reliably and on time.',
  partner: 'The department brings the library in early: curriculum, research and planning.',
  pioneer: 'Library and department try new things together, and others learn from them.',
};

/** Predicates that follow the field's name: "Level is required: …", "Rationale is required". */
const messages: z4.ParseContext<z4.$ZodIssue> = {
  error: (iss) => {
    if (iss.code === 'invalid_value') return 'is required: choose one of the four levels';
    if (iss.code === 'invalid_format') return 'must be a date';
    if (iss.code === 'too_big' && iss.origin === 'string') return `must be ${String(iss.maximum)} characters or fewer`;
    return undefined;
  },
};
const resolver = zodResolver(createMaturityBody, messages);
const named = (label: string, message: string | undefined) => (message ? `${label} ${message}` : undefined);

const apiFields = ['level', 'assessedOn', 'rationale', 'engagementIds'];
const RECENT = 50;
const shorten = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * A new maturity assessment (POST /api/v1/maturity-assessments): the level, when, why, and the
 * engagements behind it, chosen from the most recent ones. Validated with the API's own schema.
 */
export function MaturityForm({ subject, onDone }: { subject: Subject; onDone: () => void }) {
  const { create } = useMaturityMutations(subject);
  const recent = useTimeline(
    subject.type === 'org-unit' ? { orgUnitId: subject.id, includeDescendants: 'true', pageSize: RECENT } : { personId: subject.id, pageSize: RECENT },
  );
  const form = useForm<MaturityInput, unknown, CreateMaturityBody>({
    resolver,
    defaultValues: {
      ...(subject.type === 'org-unit' ? { orgUnitId: subject.id } : { personId: subject.id }),
      assessedOn: today(),
      rationale: '',
      engagementIds: [],
    },
  });
  const e = form.formState.errors;
  const choices = (recent.data?.items ?? []).map((x) => ({
    value: x.id,
    label: `${formatDate(x.occurredOn)} · ${x.type.label}: ${shorten(x.summary)}`,
  }));

  const submit = form.handleSubmit((body) =>
    create.mutate(body, {
      onSuccess: (a) => {
        notifications.show({ color: 'teal', message: `Maturity assessed: ${maturityLabels[a.level]}` });
        onDone();
      },
      onError: (err) => showApiError(err, form.setError, apiFields),
    }),
  );

  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate aria-label="Assess maturity">
      <Stack>
        <Controller control={form.control} name="level" render={({ field }) => (
          <Radio.Group label="Level" required value={field.value ?? null} onChange={field.onChange} error={named('Level', e.level?.message)}>
            <Stack gap="sm" mt="xs">
              {maturityLevels.map((level, i) => (
                <Radio key={level} value={level} label={maturityLabels[level]} description={levelHints[level]} onBlur={field.onBlur} data-autofocus={i === 0 || undefined} />
              ))}
            </Stack>
          </Radio.Group>
        )} />
        <Controller control={form.control} name="assessedOn" render={({ field }) => (
          <DateField label="Date" required value={field.value} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} error={named('Date', e.assessedOn?.message)} />
        )} />
        <Textarea
          label="Rationale" description="What you saw that puts the relationship at this level" required rows={4} resize="vertical"
          {...form.register('rationale')} error={named('Rationale', e.rationale?.message)}
        />
        <Controller control={form.control} name="engagementIds" render={({ field }) => (
          <MultiSelect
            label="Engagements behind this" description={`Optional: cite any of the ${RECENT} most recent engagements`}
            data={choices} value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur}
            searchable hidePickedOptions nothingFoundMessage={recent.isPending ? 'Loading engagements…' : 'No such engagement'}
            error={named('Engagements', e.engagementIds?.message)}
          />
        )} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={create.isPending}>Save assessment</Button>
        </Group>
      </Stack>
    </form>
  );
}
