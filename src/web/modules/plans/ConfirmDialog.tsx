import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** "Are you sure?" before a delete or a revoke; Cancel has the focus, so Enter does no harm. */
export function ConfirmDialog({ title, children, confirm, onConfirm, onClose, pending }: {
  title: string;
  children: ReactNode;
  /** the confirming button's words: "Delete", "Revoke" */
  confirm: string;
  onConfirm: () => void;
  onClose: () => void;
  pending?: boolean;
}) {
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        <Text size="sm">{children}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>Cancel</Button>
          <Button color="red.9" onClick={onConfirm} loading={pending}>{confirm}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
