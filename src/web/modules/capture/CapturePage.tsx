import { Alert, Button, FileInput, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CaptureUploadDto } from '../../../shared/contracts/capture.ts';
import { ApiError } from '../../lib/api.ts';
import { canEdit, useMe } from '../identity/api.ts';
import { CaptureQueue } from './CaptureItems.tsx';
import { useCaptureMutations } from './api.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 suggestions, 1 to review, 2 skipped, 4 captured before." */
export function uploadSummary(r: CaptureUploadDto): string {
  const parts = [plural(r.suggested, 'suggestion'), `${r.unmatched} to review`];
  if (r.skipped) parts.push(`${r.skipped} skipped (cancelled, all-day, declined or outside the last year)`);
  if (r.alreadyKnown) parts.push(`${r.alreadyKnown} captured before`);
  return `${parts.join(', ')}.`;
}

function UploadForm({ kind }: { kind: 'ics' | 'eml' }) {
  const { upload } = useCaptureMutations();
  const [file, setFile] = useState<File | null>(null);
  const [tried, setTried] = useState(false);
  const [result, setResult] = useState<CaptureUploadDto | null>(null);
  const err = upload.error instanceof ApiError ? upload.error : null;
  const label = kind === 'ics' ? 'Calendar file (.ics)' : 'Email (.eml)';
  const fileError = (tried && !file ? `Choose ${kind === 'ics' ? 'an .ics calendar file' : 'an .eml file'}` : null) ?? (err ? err.details.find((d) => d.field === 'file')?.message ?? err.message : null);
  return (
    <Stack component="form" gap="sm" onSubmit={(e) => {
      e.preventDefault();
      setTried(true);
      setResult(null);
      if (file) upload.mutate({ kind, file }, { onSuccess: (r) => { setResult(r); setFile(null); setTried(false); } });
    }}>
      <FileInput
        label={label}
        description={kind === 'ics'
          ? 'Export your calendar from Outlook or Google. Meetings from the last 12 months to a month ahead are read.'
          : 'Save a message as .eml (drag it out of Outlook, or “Download message” in Gmail).'}
        accept={kind === 'ics' ? '.ics,text/calendar' : '.eml,message/rfc822'}
        value={file} onChange={(f) => { setFile(f); upload.reset(); }} clearable error={fileError} withAsterisk
      />
      <Group><Button type="submit" loading={upload.isPending}>{kind === 'ics' ? 'Read calendar' : 'Read email'}</Button></Group>
      {result && <Alert color="teal" role="status" title={kind === 'ics' ? 'Calendar read' : 'Email read'}>{uploadSummary(result)}</Alert>}
    </Stack>
  );
}

/**
 * Capture: engagements from what already happened. Upload a calendar or an email; meetings and
 * messages with known people become suggestions logged in one click, the rest wait for review.
 */
export function CapturePage() {
  const { data: me } = useMe();
  const canAct = canEdit(me);
  return (
    <Stack>
      <Title order={1}>Capture</Title>
      <Text maw={720}>Log engagements from your calendar and your email. Meetings and messages with people Rapport knows become suggestions you can log in one click; the others wait below until you say who they were with.</Text>
      {canAct && (
        <section aria-labelledby="capture-upload-heading">
          <Title order={2} size="h3" id="capture-upload-heading" mb="sm">Upload</Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" maw={960}>
            <UploadForm kind="ics" />
            <UploadForm kind="eml" />
          </SimpleGrid>
        </section>
      )}
      <CaptureQueue status="suggested" title="Suggestions" empty="No suggestions waiting." canAct={canAct} />
      <CaptureQueue status="unmatched" title="To review" empty="Nothing waiting for review." canAct={canAct} />
    </Stack>
  );
}
