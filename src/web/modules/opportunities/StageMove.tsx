import { Button, Group, Modal, Radio, Stack, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import {
  closedStages, stageChangeBody, stageLabels, type OpportunityDto, type OpportunityStage, type StageChangeBody,
} from '../../../shared/contracts/opportunities.ts';
import { showApiError } from '../../lib/forms.ts';
import { useOpportunityMutations } from './api.ts';
import { MilestoneModal } from './MilestoneModal.tsx';

/** A stage, or the board's "Declined or lapsed" column, where the dialog asks which. */
export type StageTarget = OpportunityStage | 'closed';

export const isClosedStage = (s: StageTarget): s is 'closed' | (typeof closedStages)[number] => s === 'closed' || (closedStages as readonly string[]).includes(s);

/**
 * One way to move an opportunity from anywhere (board, list, triage, its page): declined or lapsed
 * first asks why; reaching embedded then offers to record a milestone on its departments' journeys.
 * Render `dialogs` once where the moves happen.
 */
export function useStageMove() {
  const { stage } = useOpportunityMutations();
  const [asking, setAsking] = useState<{ o: OpportunityDto; to: StageTarget } | null>(null);
  const [offer, setOffer] = useState<OpportunityDto | null>(null);
  const [said, setSaid] = useState('');

  const send = (o: OpportunityDto, body: StageChangeBody, handlers: { done?: () => void; failed?: (e: unknown) => void } = {}) =>
    stage.mutate({ id: o.id, body }, {
      onSuccess: () => {
        const message = `Moved ${o.title} to ${stageLabels[body.stage]}`;
        setSaid(message);
        notifications.show({ message });
        handlers.done?.();
        if (body.stage === 'embedded' && !o.milestone && o.orgUnits.length > 0) setOffer(o);
      },
      onError: (e) => (handlers.failed ? handlers.failed(e) : showApiError(e)),
    });

  const move = (o: OpportunityDto, to: StageTarget) => {
    if (to === o.stage) return;
    if (isClosedStage(to)) setAsking({ o, to });
    else send(o, { stage: to });
  };

  const dialogs: ReactNode = (
    <>
      <VisuallyHidden aria-live="polite">{said}</VisuallyHidden>
      {asking && (
        <ReasonModal
          title={asking.o.title}
          initial={asking.to === 'closed' ? 'declined' : asking.to}
          choose={asking.to === 'closed'}
          saving={stage.isPending}
          onClose={() => setAsking(null)}
          onSubmit={(body, failed) => send(asking.o, body, { done: () => setAsking(null), failed })}
        />
      )}
      {offer && <MilestoneModal opportunity={offer} onClose={() => setOffer(null)} />}
    </>
  );
  return { move, dialogs, moving: stage.isPending, dialogOpen: !!asking || !!offer };
}

type ReasonValues = z.input<typeof stageChangeBody>;

/** Declined or lapsed: the reason is required, so the record says why it stopped. */
function ReasonModal({ title, initial, choose, saving, onClose, onSubmit }: {
  title: string;
  initial: OpportunityStage;
  /** offer both declined and lapsed (a drop on the board's combined column) */
  choose: boolean;
  saving: boolean;
  onClose: () => void;
  onSubmit: (body: StageChangeBody, failed: (e: unknown) => void) => void;
}) {
  const form = useForm<ReasonValues, unknown, StageChangeBody>({ resolver: zodResolver(stageChangeBody), defaultValues: { stage: initial, reason: '' } });
  const submit = form.handleSubmit((body) => onSubmit(body, (e) => showApiError(e, form.setError, ['reason', 'stage'])));
  const stageNow = useWatch({ control: form.control, name: 'stage' });
  const heading = choose ? `Close ${title}?` : `Mark ${title} as ${stageLabels[initial].toLowerCase()}?`;
  const error = form.formState.errors.reason?.message;
  return (
    <Modal opened onClose={onClose} title={heading} closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={heading}>
        <Stack>
          {choose && (
            <Controller control={form.control} name="stage" render={({ field }) => (
              <Radio.Group label="What happened" value={field.value} onChange={field.onChange}>
                <Stack gap={6} mt={4}>
                  <Radio value="declined" label="Declined: they said no, or we chose not to go ahead" />
                  <Radio value="lapsed" label="Lapsed: the moment passed" />
                </Stack>
              </Radio.Group>
            )} />
          )}
          <Textarea
            label={stageNow === 'lapsed' ? 'Why did it lapse?' : 'Why was it declined?'}
            description="Kept with its history, so the next person knows"
            required rows={3} resize="vertical" data-autofocus {...form.register('reason')}
            error={error ? error.charAt(0).toUpperCase() + error.slice(1) : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={saving}>{stageNow === 'lapsed' ? 'Mark as lapsed' : 'Mark as declined'}</Button>
          </Group>
          <Text size="xs" c="gray.8">It can be moved back to any stage later.</Text>
        </Stack>
      </form>
    </Modal>
  );
}
