import { Alert, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { shareCommentBody } from '../../../shared/contracts/plans.ts';
import { named } from '../plans/words.ts';
import { useSharedPlanMutations } from './api.ts';

/** A failure in words, in place: this page has no notifications and no one to ask but the librarian. */
function Failed({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="red" title="That did not work" role="alert">
      <Text size="sm">{error instanceof Error ? error.message : 'Unexpected error'}. Please try again, or tell your librarian.</Text>
    </Alert>
  );
}

const agreeSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(120, 'must be 120 characters or fewer'),
  role: z.string().trim().max(78, 'must be 78 characters or fewer'),
  comment: z.string().trim().max(5000, 'must be 5,000 characters or fewer'),
});
type AgreeInput = z.infer<typeof agreeSchema>;

/** The partner agrees the plan: their name and role (recorded together as who agreed it), and an optional comment. */
export function AgreeForm({ token, orgUnitName }: { token: string; orgUnitName: string }) {
  const { agree } = useSharedPlanMutations(token);
  const [agreedBy, setAgreedBy] = useState<string | null>(null);
  const form = useForm<AgreeInput>({ resolver: zodResolver(agreeSchema), defaultValues: { name: '', role: '', comment: '' } });
  const e = form.formState.errors;
  const submit = form.handleSubmit(({ name, role, comment }) => {
    const who = role ? `${name}, ${role}` : name;
    agree.mutate({ name: who, ...(comment ? { comment } : {}) }, { onSuccess: () => setAgreedBy(who) });
  });

  if (agreedBy) {
    return <Alert variant="outline" color="teal.9" title="Thank you" role="status"><Text size="sm">Thank you — the plan is recorded as agreed by {agreedBy}.</Text></Alert>;
  }
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate aria-label="Agree this plan">
      <Stack>
        <Text size="sm">If this is the plan {orgUnitName} and the library have agreed, record your agreement here. The library will see your name, your role and today's date.</Text>
        <Group grow align="start" wrap="wrap">
          <TextInput label="Your name" required autoComplete="name" {...form.register('name')} error={named('Your name', e.name?.message)} />
          <TextInput label="Your role" description="e.g. Head of School" autoComplete="organization-title" {...form.register('role')} error={named('Your role', e.role?.message)} />
        </Group>
        <Textarea label="Comment" description="Optional" rows={3} resize="vertical" {...form.register('comment')} error={named('Comment', e.comment?.message)} />
        <Failed error={agree.error} />
        <Group><Button type="submit" loading={agree.isPending}>Agree this plan</Button></Group>
      </Stack>
    </form>
  );
}

type CommentInput = z.input<typeof shareCommentBody>;

/** A comment from the department: the name to show beside it, and what they want to say. */
export function SharedCommentForm({ token }: { token: string }) {
  const { comment } = useSharedPlanMutations(token);
  const [thanked, setThanked] = useState(false);
  const form = useForm<CommentInput>({ resolver: zodResolver(shareCommentBody), defaultValues: { name: '', body: '' } });
  const e = form.formState.errors;
  const submit = form.handleSubmit((body) => {
    setThanked(false);
    comment.mutate(body, {
      onSuccess: () => {
        form.reset({ name: body.name, body: '' });
        setThanked(true);
      },
    });
  });
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate aria-label="Add a comment">
      <Stack>
        <TextInput label="Your name" required autoComplete="name" {...form.register('name')} error={named('Your name', e.name?.message)} />
        <Textarea label="Comment" required rows={4} resize="vertical" {...form.register('body')} error={named('Comment', e.body?.message)} />
        <Failed error={comment.error} />
        <div role="status">{thanked && <Text size="sm" c="teal.9">Thank you — your comment is added above.</Text>}</div>
        <Group><Button type="submit" loading={comment.isPending}>Add comment</Button></Group>
      </Stack>
    </form>
  );
}
