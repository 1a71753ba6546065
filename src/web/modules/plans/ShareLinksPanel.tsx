import { Button, CopyButton, Group, Modal, NumberInput, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { MAX_SHARE_DAYS, type CreatedShareLinkDto, type ShareLinkDto } from '../../../shared/contracts/plans.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDate } from '../../lib/dates.ts';
import { showApiError } from '../../lib/forms.ts';
import { useShareLinkMutations, useShareLinks } from './api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

export const linkStatus = (l: ShareLinkDto) => (l.revokedAt ? 'Revoked' : l.active ? 'Active' : 'Expired');
const forWhom = (l: ShareLinkDto) => l.label ?? 'Unnamed link';

/** What a share link lets its holder do, in the panel's words. */
export interface Shared { base: string; noun: 'plan' | 'report'; lets: string }

/**
 * Links that let the department see what is shared without an account (an action plan, to read, agree
 * and comment; a report, to read and download): make one (its address is shown once only, since only
 * its hash is kept), see each one's state and last use, revoke.
 */
export function ShareLinksPanel({ shared, orgUnitName }: { shared: Shared; orgUnitName: string }) {
  const links = useShareLinks(shared.base);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ShareLinkDto | null>(null);
  return (
    <Stack component="section" aria-labelledby="share-heading" gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} id="share-heading">Share links</Title>
        <Button variant="light" onClick={() => setCreating(true)}>Share with the department</Button>
      </Group>
      <Text size="sm">
        A share link lets someone in {orgUnitName} {shared.lets}, without an account. It expires, and you can revoke it at any time.
      </Text>
      <QueryState query={links} label="Loading share links" isEmpty={(d) => d.length === 0} empty="Not shared yet.">
        {(list) => (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" withTableBorder>
              <Table.Caption>Share links for this {shared.noun}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">For</Table.Th>
                  <Table.Th scope="col">Made</Table.Th>
                  <Table.Th scope="col">Expires</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Last used</Table.Th>
                  <Table.Th scope="col"><VisuallyHidden>Revoke</VisuallyHidden></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>{forWhom(l)}</Table.Td>
                    <Table.Td>{formatDate(l.createdAt)}{l.createdBy && ` by ${l.createdBy.name}`}</Table.Td>
                    <Table.Td>{formatDate(l.expiresAt)}</Table.Td>
                    <Table.Td>{linkStatus(l)}</Table.Td>
                    <Table.Td>{l.lastUsedAt ? formatDate(l.lastUsedAt) : 'Never'}</Table.Td>
                    <Table.Td>
                      {l.active && (
                        <Button size="compact-sm" variant="default" onClick={() => setRevoking(l)}>Revoke<VisuallyHidden> the link for {forWhom(l)}</VisuallyHidden></Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <Modal opened={creating} onClose={() => setCreating(false)} title="Share with the department">
        {creating && <CreateShareLink base={shared.base} onDone={() => setCreating(false)} />}
      </Modal>
      {revoking && <ConfirmRevoke base={shared.base} link={revoking} onClose={() => setRevoking(null)} />}
    </Stack>
  );
}

function CreateShareLink({ base, onDone }: { base: string; onDone: () => void }) {
  const { create } = useShareLinkMutations(base);
  const [label, setLabel] = useState('');
  const [days, setDays] = useState<number | string>(30);
  const [error, setError] = useState<string | undefined>();
  const [made, setMade] = useState<CreatedShareLinkDto | null>(null);

  if (made) return <ShownOnce created={made} onDone={onDone} />;
  const submit = () => {
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > MAX_SHARE_DAYS) {
      setError(`Days until it expires must be a whole number from 1 to ${MAX_SHARE_DAYS}`);
      return;
    }
    setError(undefined);
    create.mutate({ label: label.trim() || null, expiresInDays: n }, { onSuccess: setMade, onError: (e) => showApiError(e) });
  };
  return (
    <form onSubmit={(ev) => { ev.preventDefault(); submit(); }} noValidate aria-label="Make a share link">
      <Stack>
        <TextInput label="Who it is for" description="Optional, e.g. Dr Ada Lovelace, Head of School" value={label} onChange={(e) => setLabel(e.currentTarget.value)} maxLength={200} data-autofocus />
        <NumberInput label="Days until it expires" description={`1 to ${MAX_SHARE_DAYS}`} min={1} max={MAX_SHARE_DAYS} allowDecimal={false} allowNegative={false}
          value={days} onChange={setDays} error={error} required w={200} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={create.isPending}>Make the link</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The link's full address, once: the server keeps only its hash. */
function ShownOnce({ created, onDone }: { created: CreatedShareLinkDto; onDone: () => void }) {
  const url = `${window.location.origin}${created.path}`;
  return (
    <Stack>
      <Text size="sm" role="status">
        The link is ready. It is shown only now: copy it and send it to {created.link.label ?? 'the department'}. It expires on {formatDate(created.link.expiresAt)}.
      </Text>
      <Group align="end" wrap="nowrap" gap="xs">
        <TextInput label="Share link" value={url} readOnly onFocus={(e) => e.currentTarget.select()} style={{ flex: 1 }} data-autofocus />
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'filled' : 'light'} onClick={() => {
              copy();
              notifications.show({ message: 'Link copied' });
            }}>{copied ? 'Copied' : 'Copy link'}</Button>
          )}
        </CopyButton>
      </Group>
      <Group justify="flex-end"><Button onClick={onDone}>Done</Button></Group>
    </Stack>
  );
}

function ConfirmRevoke({ base, link, onClose }: { base: string; link: ShareLinkDto; onClose: () => void }) {
  const { revoke } = useShareLinkMutations(base);
  const confirm = () =>
    revoke.mutate(link.id, {
      onSuccess: () => {
        notifications.show({ message: 'Link revoked' });
        onClose();
      },
      onError: (e) => showApiError(e),
    });
  return (
    <ConfirmDialog title="Revoke this link?" confirm="Revoke" onConfirm={confirm} onClose={onClose} pending={revoke.isPending}>
      The link for {forWhom(link)} will stop working at once. Anyone who opens it will be asked to get a new one from their librarian.
    </ConfirmDialog>
  );
}
