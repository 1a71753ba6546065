import { Button, Group, Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { PlanCommentDto } from '../../../shared/contracts/plans.ts';
import { showApiError } from '../../lib/forms.ts';
import { usePlanMutations } from './api.ts';
import { CommentList } from './PlanParts.tsx';

/** The plan's conversation with the department, and a box for staff to add to it. */
export function PlanComments({ planId, comments, editable }: { planId: string; comments: PlanCommentDto[]; editable: boolean }) {
  const { comment } = usePlanMutations(planId);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = () => {
    if (!body.trim()) {
      setError('Comment is required');
      return;
    }
    setError(undefined);
    comment.mutate(body.trim(), { onSuccess: () => setBody(''), onError: (e) => showApiError(e) });
  };
  return (
    <Stack component="section" aria-labelledby="comments-heading" gap="sm">
      <Title order={2} id="comments-heading">Comments</Title>
      <CommentList comments={comments} />
      {editable && (
        <form onSubmit={(ev) => { ev.preventDefault(); submit(); }} noValidate aria-label="Add a comment">
          <Stack gap="xs">
            <Textarea label="Add a comment" rows={3} resize="vertical" value={body} onChange={(e) => setBody(e.currentTarget.value)} error={error} />
            <Group justify="flex-end"><Button type="submit" loading={comment.isPending}>Post comment</Button></Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
