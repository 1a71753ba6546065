import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PlanCommentDto } from '../../../shared/contracts/plans.ts';

/* Presentational pieces shared by the plan's page and the page a partner opens from a share link: no API calls here. */

export const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

/** "Owner: Ann Archer", inline. */
export function Part({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text span size="sm">
      <Text span size="sm" fw={600}>{label}: </Text>{children}
    </Text>
  );
}

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** Comments oldest first: who, whether library staff or the department through the share link, and when. */
export function CommentList({ comments }: { comments: PlanCommentDto[] }) {
  if (!comments.length) return <Text size="sm" c="dimmed">No comments yet.</Text>;
  return (
    <Stack component="ol" gap="sm" style={listStyle} aria-label="Comments, oldest first">
      {comments.map((c) => (
        <Paper component="li" key={c.id} withBorder p="sm">
          <Text size="sm" fw={600}>
            {c.authorName}
            <Text span size="sm" fw={400} c="dimmed">
              {' '}· {c.via === 'share_link' ? 'through the share link' : 'library staff'} · <time dateTime={c.createdAt}>{when(c.createdAt)}</time>
            </Text>
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{c.body}</Text>
        </Paper>
      ))}
    </Stack>
  );
}

