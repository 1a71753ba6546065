import { Alert, Badge, Blockquote, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { EvidenceDto } from '../../../shared/contracts/evidence.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { showApiError } from '../../lib/forms.ts';
import { canEdit, useMe } from '../identity/api.ts';
import { useEvidenceMutations } from './api.ts';
import { kindColors, kindLabels } from './labels.ts';

const CaptureEvidence = lazy(() => import('./CaptureEvidence.tsx').then((m) => ({ default: m.CaptureEvidence })));
const SpotFromEvidence = lazy(() => import('../opportunities/SpotFromEvidence.tsx').then((m) => ({ default: m.SpotFromEvidence })));

const shorten = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Evidence items, newest first as the API gives them, each with "Spotted an opportunity", edit and delete for those who may. */
export function EvidenceList({ items }: { items: EvidenceDto[] }) {
  const { data: me } = useMe();
  const [editing, setEditing] = useState<EvidenceDto | null>(null);
  const [deleting, setDeleting] = useState<EvidenceDto | null>(null);
  const [spotting, setSpotting] = useState<EvidenceDto | null>(null);
  const mayDelete = (e: EvidenceDto) => canEdit(me, 'manager') || (canEdit(me) && e.createdBy?.id === me?.user.id);
  return (
    <>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((e) => (
          <Paper key={e.id} component="li" withBorder p="md">
            <EvidenceItem e={e} actions={canEdit(me) && (
              <Group gap="xs">
                <Button size="compact-sm" variant="light" onClick={() => setSpotting(e)} aria-label={`Spotted an opportunity in the evidence of ${formatDate(e.occurredOn)}: ${shorten(e.text, 40)}`}>
                  Spotted an opportunity
                </Button>
                <Button size="compact-sm" variant="default" onClick={() => setEditing(e)} aria-label={`Edit evidence of ${formatDate(e.occurredOn)}: ${shorten(e.text, 40)}`}>Edit</Button>
                {mayDelete(e) && (
                  <Button size="compact-sm" variant="outline" color="red.9" onClick={() => setDeleting(e)} aria-label={`Delete evidence of ${formatDate(e.occurredOn)}: ${shorten(e.text, 40)}`}>Delete</Button>
                )}
              </Group>
            )} />
          </Paper>
        ))}
      </Stack>
      <Suspense fallback={null}>
        {editing && <CaptureEvidence evidence={editing} onClose={() => setEditing(null)} />}
        {spotting && <SpotFromEvidence evidence={spotting} onClose={() => setSpotting(null)} />}
      </Suspense>
      {deleting && <ConfirmDelete e={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}

/** Who it came from, in words: anonymity is said, not implied by a missing name. */
function Source({ e }: { e: EvidenceDto }) {
  const { person, text } = e.source;
  if (e.attribution === 'anonymous') return <Text span size="sm">Anonymous{text ? `: ${text}` : ''}</Text>;
  return (
    <Text span size="sm">
      {person && <AnchorLink to="/people/$id" params={{ id: person.id }} size="sm">{person.name}</AnchorLink>}
      {person && text ? ', ' : ''}{text}
      {!person && !text && 'Source not recorded'}
    </Text>
  );
}

function EvidenceItem({ e, actions }: { e: EvidenceDto; actions: ReactNode }) {
  const quoted = e.kind === 'quote' || e.kind === 'student_comment' || e.kind === 'external_examiner' || e.kind === 'feedback';
  const links: { key: string; label: string; node: ReactNode }[] = [
    ...e.engagements.map((x) => ({ key: x.id, label: 'Engagement', node: <AnchorLink to="/engagements/$id" params={{ id: x.id }} size="sm">{formatDate(x.occurredOn)}: {shorten(x.summary, 60)}</AnchorLink> })),
    ...e.opportunities.map((x) => ({ key: x.id, label: 'Opportunity', node: <AnchorLink to="/opportunities/$id" params={{ id: x.id }} size="sm">{x.title}</AnchorLink> })),
    ...e.actions.map((x) => ({ key: x.id, label: 'Action', node: <AnchorLink to="/plans/$id" params={{ id: x.planId }} size="sm">{x.title}</AnchorLink> })),
    ...e.campaigns.map((x) => ({ key: x.id, label: 'Campaign', node: <AnchorLink to="/campaigns/$id" params={{ id: x.id }} size="sm">{x.name}</AnchorLink> })),
    ...e.goals.map((x) => ({ key: x.id, label: 'Goal', node: <AnchorLink to="/goals/$id" params={{ id: x.id }} size="sm">{x.parent ? `${x.parent.title} › ${x.title}` : x.title}</AnchorLink> })),
  ];
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="wrap">
          <Badge variant="outline" color={kindColors[e.kind]} tt="none">{kindLabels[e.kind]}</Badge>
          <Text size="sm" c="gray.8">{formatDate(e.occurredOn)}</Text>
          {e.themes.map((t) => <Badge key={t.id} variant="outline" color="gray.8" tt="none">{t.label}</Badge>)}
        </Group>
        {actions}
      </Group>
      {quoted
        ? <Blockquote color="indigo" p="sm" m={0} style={{ whiteSpace: 'pre-line' }}>{e.text}</Blockquote>
        : <Text style={{ whiteSpace: 'pre-line' }}>{e.text}</Text>}
      <Group gap="xs" wrap="wrap">
        <Text span size="sm" fw={700}>Source:</Text>
        <Source e={e} />
        {e.consentRecorded && <Text span size="sm" c="gray.8">· Consent recorded</Text>}
      </Group>
      {e.orgUnits.length > 0 && (
        <Group gap="xs" wrap="wrap">
          <Text span size="sm" fw={700}>Departments:</Text>
          {e.orgUnits.map((u, i) => (
            <Text span size="sm" key={u.id}>
              <AnchorLink to="/departments/$id" params={{ id: u.id }} size="sm">{u.name}</AnchorLink>{i < e.orgUnits.length - 1 ? ',' : ''}
            </Text>
          ))}
        </Group>
      )}
      {links.length > 0 && (
        <Stack gap={2}>
          {links.map((l) => <Text key={`${l.label}-${l.key}`} size="sm"><Text span fw={700} inherit>{l.label}:</Text> {l.node}</Text>)}
        </Stack>
      )}
    </Stack>
  );
}

function ConfirmDelete({ e, onClose }: { e: EvidenceDto; onClose: () => void }) {
  const { remove } = useEvidenceMutations();
  const [refused, setRefused] = useState<string | null>(null);
  const confirm = () =>
    remove.mutate(e.id, {
      onSuccess: () => {
        notifications.show({ message: 'Evidence deleted' });
        onClose();
      },
      onError: (err) => (err instanceof ApiError && err.status === 403 ? setRefused(err.message) : showApiError(err)),
    });
  return (
    <Modal opened onClose={onClose} title="Delete this evidence?" closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack>
        <Text size="sm">The {kindLabels[e.kind].toLowerCase()} of {formatDate(e.occurredOn)}, “{shorten(e.text)}”, will be removed for good.</Text>
        {refused && <Alert color="red" title="You can't delete this" role="alert"><Text size="sm">{refused}</Text></Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>Cancel</Button>
          <Button color="red.9" onClick={confirm} loading={remove.isPending} disabled={!!refused}>Delete</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
