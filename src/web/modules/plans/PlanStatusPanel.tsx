import { Button, Group, Modal, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { isoDate } from '../../../shared/contracts/common.ts';
import { planStatusLabels, type ActionPlanDto, type PlanStatus, type UpdatePlanBody } from '../../../shared/contracts/plans.ts';
import { today } from '../../lib/dates.ts';
import { showApiError } from '../../lib/forms.ts';
import { DateField } from '../engagements/EngagementFormDate.tsx';
import { usePlanMutations } from './api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { agreementWords, named, nextStatus, previousStatus } from './words.ts';

const stepWords: Partial<Record<PlanStatus, string>> = { agreed: 'Record agreement', in_progress: 'Mark in progress', reviewed: 'Review the year' };

/**
 * Where the plan stands (draft → agreed → in progress → reviewed), who on the department's side agreed
 * it, and, for editors, the next step as a button plus a quieter way one step back.
 */
export function PlanStatusPanel({ plan, editable }: { plan: ActionPlanDto; editable: boolean }) {
  const { update } = usePlanMutations(plan.id);
  const [dialog, setDialog] = useState<'agree' | 'review' | null>(null);
  const next = nextStatus(plan.status);
  const back = previousStatus(plan.status);
  const move = (status: PlanStatus, then?: () => void) =>
    update.mutate({ status }, {
      onSuccess: () => {
        notifications.show({ message: `The plan is now ${planStatusLabels[status].toLowerCase()}` });
        then?.();
      },
      onError: (e) => showApiError(e),
    });
  const [confirmBack, setConfirmBack] = useState(false);
  const goBack = () => (back === 'draft' ? setConfirmBack(true) : back && move(back));
  const step = () => {
    if (next === 'agreed') setDialog('agree');
    else if (next === 'reviewed') setDialog('review');
    else if (next) move(next);
  };

  return (
    <Stack component="section" aria-labelledby="plan-status-heading" gap="xs">
      <Title order={2} id="plan-status-heading">Status</Title>
      <Group gap="sm" wrap="wrap">
        <Text fw={700}>{planStatusLabels[plan.status]}</Text>
        {editable && next && <Button size="sm" onClick={step} loading={update.isPending && update.variables?.status === next}>{stepWords[next]}</Button>}
        {editable && back && (
          <Button size="sm" variant="subtle" onClick={goBack} loading={update.isPending && update.variables?.status === back}>
            Move back to {planStatusLabels[back].toLowerCase()}
          </Button>
        )}
      </Group>
      <Text size="sm">{agreementWords(plan)}</Text>
      {confirmBack && (
        <ConfirmDialog title="Move the plan back to draft?" confirm="Move back" onClose={() => setConfirmBack(false)} pending={update.isPending}
          onConfirm={() => move('draft', () => setConfirmBack(false))}>
          The record of who agreed it, and when, will be cleared. Record the agreement again once the department has agreed the changes.
        </ConfirmDialog>
      )}
      <Modal opened={dialog === 'agree'} onClose={() => setDialog(null)} title="Record agreement">
        {dialog === 'agree' && <AgreementForm planId={plan.id} onDone={() => setDialog(null)} />}
      </Modal>
      <Modal opened={dialog === 'review'} onClose={() => setDialog(null)} title="Review the year" size="lg">
        {dialog === 'review' && <ReviewForm planId={plan.id} onDone={() => setDialog(null)} />}
      </Modal>
    </Stack>
  );
}

const agreementSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(120, 'must be 120 characters or fewer'),
  title: z.string().trim().max(78, 'must be 78 characters or fewer'),
  agreedOn: isoDate,
});
type AgreementInput = z.infer<typeof agreementSchema>;

/** Who on the department's side agreed the plan (name, then role) and when: draft → agreed. */
function AgreementForm({ planId, onDone }: { planId: string; onDone: () => void }) {
  const { update } = usePlanMutations(planId);
  const form = useForm<AgreementInput>({
    resolver: zodResolver(agreementSchema, { error: (iss) => (iss.code === 'invalid_format' ? 'must be a date' : undefined) }),
    defaultValues: { name: '', title: '', agreedOn: today() },
  });
  const e = form.formState.errors;
  const submit = form.handleSubmit(({ name, title, agreedOn }) => {
    const body: UpdatePlanBody = { status: 'agreed', agreedBy: title ? `${name}, ${title}` : name, agreedOn };
    update.mutate(body, {
      onSuccess: () => {
        notifications.show({ message: 'Agreement recorded' });
        onDone();
      },
      onError: (err) => showApiError(err, form.setError, ['agreedOn']),
    });
  });
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate aria-label="Record agreement">
      <Stack>
        <TextInput label="Who agreed it" description="Their name, e.g. Dr Ada Lovelace" required data-autofocus {...form.register('name')} error={named('Who agreed it', e.name?.message)} />
        <TextInput label="Their role" description="Optional, e.g. Head of School" {...form.register('title')} error={named('Their role', e.title?.message)} />
        <Controller control={form.control} name="agreedOn" render={({ field }) => (
          <DateField label="Agreed on" required value={field.value} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} error={named('Agreed on', e.agreedOn?.message)} />
        )} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={update.isPending}>Record agreement</Button>
        </Group>
      </Stack>
    </form>
  );
}

const reviewSchema = z.object({ reviewNotes: z.string().trim().min(1, 'are required').max(10_000, 'must be 10,000 characters or fewer') });

/** The year-end review: what was achieved, what was not and why; in progress → reviewed. */
function ReviewForm({ planId, onDone }: { planId: string; onDone: () => void }) {
  const { update } = usePlanMutations(planId);
  const form = useForm<z.infer<typeof reviewSchema>>({ resolver: zodResolver(reviewSchema), defaultValues: { reviewNotes: '' } });
  const submit = form.handleSubmit(({ reviewNotes }) =>
    update.mutate({ status: 'reviewed', reviewNotes }, {
      onSuccess: () => {
        notifications.show({ message: 'The year is reviewed' });
        onDone();
      },
      onError: (err) => showApiError(err, form.setError, ['reviewNotes']),
    }),
  );
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate aria-label="Review the year">
      <Stack>
        <Textarea
          label="Year-end review notes" description="What was achieved, what was not and why, and what to carry into next year"
          required rows={6} resize="vertical" data-autofocus {...form.register('reviewNotes')}
          error={named('Year-end review notes', form.formState.errors.reviewNotes?.message)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={update.isPending}>Mark as reviewed</Button>
        </Group>
      </Stack>
    </form>
  );
}
