import { Group, Pagination, Text } from '@mantine/core';

/** Page controls with the count in words; hidden when everything fits on one page. */
export function Pager({ page, pageSize, total, onChange, noun = 'rows' }: { page: number; pageSize: number; total: number; onChange: (p: number) => void; noun?: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total ? (page - 1) * pageSize + 1 : 0;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="sm" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">{total ? `${from}–${to} of ${total.toLocaleString('en-GB')} ${noun}` : `No ${noun}`}</Text>
      {pages > 1 && <Pagination total={pages} value={page} onChange={onChange} size="sm" getControlProps={(c) => ({ 'aria-label': c === 'previous' ? 'Previous page' : c === 'next' ? 'Next page' : c })} getItemProps={(p) => ({ 'aria-label': `Page ${p}` })} />}
    </Group>
  );
}
