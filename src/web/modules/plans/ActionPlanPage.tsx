import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import type { ActionPlanDto } from '../../../shared/contracts/plans.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ApiError } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { canEdit, useMe } from '../identity/api.ts';
import { usePlan, usePlanMutations, yearLabel } from './api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { PlanComments } from './PlanComments.tsx';
import { PlanObjectives } from './PlanObjectives.tsx';
import { PlanStatusPanel } from './PlanStatusPanel.tsx';
import { ShareLinksPanel } from './ShareLinksPanel.tsx';
import { overdueWords, progressWords } from './words.ts';

export function ActionPlanPage() {
  const { id } = useParams({ from: '/app/plans/$id' });
  return <ActionPlanView key={id} id={id} />;
}

/**
 * One department's action plan for one academic year: where it stands and who agreed it, its objectives
 * and actions, the year-end review, the conversation with the department, and the links that share it.
 */
export function ActionPlanView({ id }: { id: string }) {
  const plan = usePlan(id);
  const { data: me } = useMe();
  const title = plan.data ? `${plan.data.orgUnit.name}: action plan ${plan.data.yearLabel}` : undefined;
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
  if (plan.error instanceof ApiError && plan.error.status === 404) {
    return (
      <Stack>
        <Title order={1}>Action plan not found</Title>
        <Text>There is no action plan at this address. It may have been deleted, or the link may be mistyped.</Text>
        <Text><AnchorLink to="/plans">Back to all action plans</AnchorLink></Text>
      </Stack>
    );
  }
  const editable = canEdit(me);
  return (
    <QueryState query={plan} label="Loading the action plan">
      {(p) => (
        <Stack gap="lg">
          <PlanHeader plan={p} manager={canEdit(me, 'manager')} />
          <PlanStatusPanel plan={p} editable={editable} />
          <PlanObjectives plan={p} editable={editable} />
          {p.status === 'reviewed' && p.reviewNotes && (
            <Stack component="section" aria-labelledby="review-heading" gap="xs">
              <Title order={2} id="review-heading">Year-end review</Title>
              <Paper withBorder p="md"><Text size="sm" style={{ whiteSpace: 'pre-line' }}>{p.reviewNotes}</Text></Paper>
            </Stack>
          )}
          <PlanComments planId={p.id} comments={p.comments} editable={editable} />
          {editable && <ShareLinksPanel shared={{ base: `/api/v1/action-plans/${p.id}`, noun: 'plan', lets: 'read this plan, agree it and comment' }} orgUnitName={p.orgUnit.name} />}
        </Stack>
      )}
    </QueryState>
  );
}

function PlanHeader({ plan: p, manager }: { plan: ActionPlanDto; manager: boolean }) {
  const done = p.actions.filter((a) => a.status === 'done').length;
  const overdue = p.actions.filter((a) => a.overdue).length;
  const [deleting, setDeleting] = useState(false);
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap" align="start">
        <Title order={1}>{p.orgUnit.name}: action plan {p.yearLabel}</Title>
        {manager && <Button variant="default" color="red.9" onClick={() => setDeleting(true)}>Delete plan</Button>}
      </Group>
      <Text size="sm">
        <AnchorLink to="/departments/$id" params={{ id: p.orgUnit.id }} size="sm">{p.orgUnit.name}</AnchorLink>
        {' · '}Actions: {progressWords({ total: p.actions.length, done })}, {overdueWords(overdue).toLowerCase()}
      </Text>
      {(p.previous || p.next) && (
        <Group component="nav" aria-label="Other years" gap="md">
          {p.previous && <AnchorLink to="/plans/$id" params={{ id: p.previous.id }} size="sm">Previous year: {yearLabel(p.previous.year)}</AnchorLink>}
          {p.next && <AnchorLink to="/plans/$id" params={{ id: p.next.id }} size="sm">Next year: {yearLabel(p.next.year)}</AnchorLink>}
        </Group>
      )}
      {deleting && <ConfirmDeletePlan plan={p} onClose={() => setDeleting(false)} />}
    </Stack>
  );
}

function ConfirmDeletePlan({ plan: p, onClose }: { plan: ActionPlanDto; onClose: () => void }) {
  const navigate = useNavigate();
  const { remove } = usePlanMutations(p.id);
  const confirm = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ message: 'Action plan deleted' });
        onClose();
        void navigate({ to: '/plans' });
      },
      onError: (e) => showApiError(e),
    });
  return (
    <ConfirmDialog title="Delete this action plan?" confirm="Delete" onConfirm={confirm} onClose={onClose} pending={remove.isPending}>
      {p.orgUnit.name}'s plan for {p.yearLabel}, with its {p.objectives.length} objectives, {p.actions.length} actions, comments and share links, will be deleted.
    </ConfirmDialog>
  );
}
