import { Anchor, Button, Collapse, Group, Kbd, Modal, Stack, Text } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type * as z4 from 'zod/v4/core';
import { createEvidenceBody, type CreateEvidenceBody, type EvidenceDto } from '../../../shared/contracts/evidence.ts';
import type { EvidencePrefill } from '../../components/actions.ts';
import { showApiError } from '../../lib/forms.ts';
import { formKeys } from '../engagements/EngagementFormFields.tsx';
import { friendlyErrors } from '../people/PersonForm.tsx';
import { useEvidenceMutations } from './api.ts';
import { CaptureEvidenceFields, evidenceDefaults, evidenceFieldNames, linkFieldNames, type EvidenceFormValues } from './CaptureEvidenceFields.tsx';
import { CaptureEvidenceLinks } from './CaptureEvidenceLinks.tsx';

const messages: z4.ParseContext<z4.$ZodIssue> = {
  error: (iss) => {
    if (iss.code === 'invalid_format' && iss.format === 'date') return iss.input === '' ? 'is required' : 'must be a date';
    return friendlyErrors.error?.(iss);
  },
};
const resolver = zodResolver(createEvidenceBody, messages);

/**
 * Capture evidence: a snapshot in seconds, like quick log. Focus starts in the text; Tab walks the
 * fields in order; Ctrl/Cmd+Enter saves from anywhere; Escape closes. With `evidence`, edits it.
 */
export function CaptureEvidence({ prefill = {}, evidence, onClose }: { prefill?: EvidencePrefill; evidence?: EvidenceDto; onClose: () => void }) {
  const phone = useMediaQuery('(max-width: 36em)');
  const navigate = useNavigate();
  const moreId = useId();
  const { create, update } = useEvidenceMutations();
  const form = useForm<EvidenceFormValues, unknown, CreateEvidenceBody>({ resolver, defaultValues: evidenceDefaults(prefill, evidence) });
  const orgUnitIds = useWatch({ control: form.control, name: 'orgUnitIds' }) ?? [];
  const links = useWatch({ control: form.control, name: [...linkFieldNames] });
  const linked = links.reduce((n, ids) => n + (ids?.length ?? 0), 0);
  const [more, setMore] = useState(linked > 0);
  const linkError = linkFieldNames.some((f) => form.formState.errors[f]);
  const title = evidence ? 'Edit evidence' : 'Capture evidence';

  const saved = (item: EvidenceDto) => {
    const id = `evidence-saved-${item.id}`;
    notifications.show({
      id,
      color: 'teal',
      title: evidence ? 'Evidence saved' : 'Evidence captured',
      message: (
        <Anchor href="/evidence" size="sm" onClick={(e) => {
          e.preventDefault();
          notifications.hide(id);
          void navigate({ to: '/evidence' });
        }}>
          Open the evidence list
        </Anchor>
      ),
    });
    onClose();
  };
  const failed = (err: unknown) => {
    showApiError(err, form.setError, evidenceFieldNames);
    setMore((m) => m || linkFieldNames.some((f) => form.getFieldState(f).error));
  };
  const submit = form.handleSubmit(
    (body) => (evidence ? update.mutate({ id: evidence.id, body }, { onSuccess: saved, onError: failed }) : create.mutate(body, { onSuccess: saved, onError: failed })),
    (errors) => setMore((m) => m || linkFieldNames.some((f) => errors[f])),
  );

  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': 'Close' }} size="44rem" fullScreen={!!phone}>
      <form onSubmit={(e) => void submit(e)} onKeyDown={formKeys(() => void submit())} noValidate aria-label={title}>
        <Stack gap="sm">
          <CaptureEvidenceFields control={form.control} setValue={form.setValue} prefill={prefill} current={evidence} />
          <div>
            <Button variant="subtle" px={0} aria-expanded={more} aria-controls={moreId} onClick={() => setMore((m) => !m)} color={linkError ? 'red.9' : undefined}>
              {more ? 'Fewer' : 'More'}: goals, campaigns and links{linked ? ` (${linked} chosen)` : ''}
            </Button>
            <Collapse expanded={more} id={moreId}>
              {/* mounted only when open: its pickers query the API */}
              {more && <CaptureEvidenceLinks control={form.control} orgUnitId={orgUnitIds[0]} prefill={prefill} current={evidence} />}
            </Collapse>
          </div>
        </Stack>
        <Group justify="space-between" mt="lg" wrap="wrap">
          <Text size="sm" c="gray.8"><Kbd>Ctrl</Kbd> or <Kbd>⌘</Kbd> + <Kbd>Enter</Kbd> saves from any field</Text>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={create.isPending || update.isPending} aria-keyshortcuts="Control+Enter Meta+Enter">
              {evidence ? 'Save evidence' : 'Capture evidence'}
            </Button>
          </Group>
        </Group>
      </form>
    </Modal>
  );
}
