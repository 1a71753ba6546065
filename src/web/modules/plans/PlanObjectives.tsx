import { Button, Group, Modal, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useState } from 'react';
import type { ActionPlanDto, PlanActionDto, PlanObjectiveDto } from '../../../shared/contracts/plans.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { showApiError } from '../../lib/forms.ts';
import { ActionForm } from './ActionForm.tsx';
import { usePlanMutations } from './api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ObjectiveForm } from './ObjectiveForm.tsx';
import { listStyle } from './PlanParts.tsx';
import { PlanActionItem } from './PlanActionItem.tsx';

type Editing =
  | { kind: 'objective'; objective?: PlanObjectiveDto }
  | { kind: 'action'; action?: PlanActionDto; objectiveId?: string | null };
type Removing = { kind: 'objective'; item: PlanObjectiveDto } | { kind: 'action'; item: PlanActionDto };
/** An action's edit and delete handlers, for editors only. */
type ActionProps = (a: PlanActionDto) => { onEdit?: () => void; onRemove?: () => void };

/** The plan's objectives, each with the goal it serves and its actions; actions under no objective come last. */
export function PlanObjectives({ plan, editable }: { plan: ActionPlanDto; editable: boolean }) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const [removing, setRemoving] = useState<Removing | null>(null);
  const others = plan.actions.filter((a) => !a.objectiveId || !plan.objectives.some((o) => o.id === a.objectiveId));
  const actionsOf = (objectiveId: string) => plan.actions.filter((a) => a.objectiveId === objectiveId);
  const actionProps: ActionProps = (a) =>
    editable ? { onEdit: () => setEditing({ kind: 'action', action: a }), onRemove: () => setRemoving({ kind: 'action', item: a }) } : {};

  return (
    <Stack component="section" aria-labelledby="objectives-heading" gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} id="objectives-heading">Objectives and actions</Title>
        {editable && (
          <Group gap="xs">
            <Button variant="light" onClick={() => setEditing({ kind: 'objective' })}>Add objective</Button>
            <Button variant="light" onClick={() => setEditing({ kind: 'action' })}>Add action</Button>
          </Group>
        )}
      </Group>
      {plan.objectives.length === 0 && plan.actions.length === 0 && <Text c="dimmed">No objectives or actions yet.</Text>}
      {plan.objectives.map((o) => (
        <ObjectiveBlock key={o.id} objective={o} actions={actionsOf(o.id)} editable={editable} actionProps={actionProps}
          onAddAction={() => setEditing({ kind: 'action', objectiveId: o.id })}
          onEdit={() => setEditing({ kind: 'objective', objective: o })}
          onRemove={() => setRemoving({ kind: 'objective', item: o })} />
      ))}
      {others.length > 0 && <OtherActions actions={others} actionProps={actionProps} />}
      <Modal opened={!!editing} onClose={() => setEditing(null)} size="lg"
        title={editing?.kind === 'objective' ? (editing.objective ? 'Edit objective' : 'Add an objective') : editing?.action ? 'Edit action' : 'Add an action'}>
        {editing?.kind === 'objective' && <ObjectiveForm planId={plan.id} objective={editing.objective} onDone={() => setEditing(null)} />}
        {editing?.kind === 'action' && <ActionForm plan={plan} action={editing.action} objectiveId={editing.objectiveId} onDone={() => setEditing(null)} />}
      </Modal>
      {removing && <ConfirmRemove planId={plan.id} removing={removing} onClose={() => setRemoving(null)} />}
    </Stack>
  );
}

function ObjectiveBlock({ objective: o, actions, editable, actionProps, onAddAction, onEdit, onRemove }: {
  objective: PlanObjectiveDto;
  actions: PlanActionDto[];
  editable: boolean;
  actionProps: ActionProps;
  onAddAction: () => void;
  onEdit: () => void;
  onRemove: () => void;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`objective-${o.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" align="flex-start">
          <Title order={3} size="h4" id={`objective-${o.id}`}>{o.title}</Title>
          {editable && (
            <Group gap="xs">
              <Button size="compact-sm" variant="default" onClick={onAddAction}>Add action<VisuallyHidden> to {o.title}</VisuallyHidden></Button>
              <Button size="compact-sm" variant="default" onClick={onEdit}>Edit<VisuallyHidden> objective: {o.title}</VisuallyHidden></Button>
              <Button size="compact-sm" variant="default" onClick={onRemove}>Delete<VisuallyHidden> objective: {o.title}</VisuallyHidden></Button>
            </Group>
          )}
        </Group>
        <Text size="sm">
          <Text span size="sm" fw={600}>Strategic goal: </Text>
          {o.goal ? (
            <AnchorLink to="/goals/$id" params={{ id: o.goal.id }} size="sm">{o.goal.parent ? `${o.goal.parent.title} › ${o.goal.title}` : o.goal.title}</AnchorLink>
          ) : 'None'}
        </Text>
        <ActionList actions={actions} label={`Actions for ${o.title}`} actionProps={actionProps} />
      </Stack>
    </Paper>
  );
}

function OtherActions({ actions, actionProps }: { actions: PlanActionDto[]; actionProps: ActionProps }) {
  const headingId = useId();
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Title order={3} size="h4" id={headingId}>Other actions</Title>
      <ActionList actions={actions} label="Other actions" actionProps={actionProps} />
    </Stack>
  );
}

function ActionList({ actions, label, actionProps }: { actions: PlanActionDto[]; label: string; actionProps: ActionProps }) {
  if (!actions.length) return <Text size="sm" c="dimmed">No actions yet.</Text>;
  return (
    <Stack component="ul" gap="sm" style={listStyle} aria-label={label}>
      {actions.map((a) => <PlanActionItem key={a.id} action={a} {...actionProps(a)} />)}
    </Stack>
  );
}

function ConfirmRemove({ planId, removing, onClose }: { planId: string; removing: Removing; onClose: () => void }) {
  const { removeObjective, removeAction } = usePlanMutations(planId);
  const m = removing.kind === 'objective' ? removeObjective : removeAction;
  const confirm = () =>
    m.mutate(removing.item.id, {
      onSuccess: () => {
        notifications.show({ message: removing.kind === 'objective' ? 'Objective deleted' : 'Action deleted' });
        onClose();
      },
      onError: (e) => showApiError(e),
    });
  return (
    <ConfirmDialog title={`Delete this ${removing.kind}?`} confirm="Delete" onConfirm={confirm} onClose={onClose} pending={m.isPending}>
      {removing.kind === 'objective'
        ? `“${removing.item.title}” will be removed from the plan. Its actions stay, under “Other actions”.`
        : `“${removing.item.title}” will be removed from the plan.`}
    </ConfirmDialog>
  );
}
