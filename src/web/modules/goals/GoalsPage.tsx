import { Badge, Button, Group, Modal, Paper, Stack, Switch, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { goalOwnerLabels, goalOwners, type GoalDto, type GoalOwner, type ObjectiveDto } from '../../../shared/contracts/goals.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { showApiError } from '../../lib/forms.ts';
import { canEdit, useMe } from '../identity/api.ts';
import { useGoalMutations, useGoals } from './api.ts';
import { GoalForm, goalFormTitle, type GoalFormMode } from './GoalForm.tsx';

const intro: Record<GoalOwner, string> = {
  library: 'The library’s own strategy: the themes its liaison work serves.',
  institution: 'The university’s strategy, which the library’s work also supports.',
};

/**
 * The library's and the institution's strategy, goal → objective. Engagements, opportunities,
 * action-plan objectives and campaigns align to these; each links to its page of what aligns to it.
 */
export function GoalsPage() {
  const { data: me } = useMe();
  const manager = canEdit(me, 'manager');
  const [showRetired, setShowRetired] = useState(false);
  const [form, setForm] = useState<GoalFormMode | null>(null);
  const goals = useGoals(showRetired);

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>Strategic goals</Title>
        {manager && <Button onClick={() => setForm({ kind: 'goal', owner: 'library' })}>Add a goal</Button>}
      </Group>
      <Switch label="Show retired goals and objectives" checked={showRetired} onChange={(ev) => setShowRetired(ev.currentTarget.checked)} />
      <QueryState query={goals} label="Loading goals">
        {(list) => goalOwners.map((owner) => (
          <OwnerSection key={owner} owner={owner} goals={list.filter((g) => g.owner === owner)} manager={manager} onForm={setForm} />
        ))}
      </QueryState>
      <Modal opened={!!form} onClose={() => setForm(null)} title={form ? goalFormTitle(form) : ''} size="lg">
        {form && <GoalForm mode={form} onDone={() => setForm(null)} />}
      </Modal>
    </Stack>
  );
}

function OwnerSection({ owner, goals, manager, onForm }: { owner: GoalOwner; goals: GoalDto[]; manager: boolean; onForm: (m: GoalFormMode) => void }) {
  const id = `goals-${owner}`;
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} id={id}>{goalOwnerLabels[owner]}</Title>
      <Text size="sm" c="gray.8">{intro[owner]}</Text>
      {goals.length ? goals.map((g) => <GoalCard key={g.id} goal={g} manager={manager} onForm={onForm} />) : (
        <Text size="sm" c="gray.8">No goals yet.{manager ? ' Add the first with “Add a goal”.' : ''}</Text>
      )}
    </Stack>
  );
}

/** Retired goals and objectives are greyed and say so in words. */
function Retired({ active }: { active: boolean }) {
  return active ? null : <Badge color="gray.8" variant="outline" tt="none">Retired</Badge>;
}

function GoalCard({ goal, manager, onForm }: { goal: GoalDto; manager: boolean; onForm: (m: GoalFormMode) => void }) {
  const headingId = `goal-${goal.id}`;
  return (
    <Paper component="article" aria-labelledby={headingId} withBorder p="md" bg={goal.active ? undefined : 'gray.0'}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" align="start">
          <Group gap="xs">
            <Title order={3} size="h4" id={headingId}>
              <AnchorLink to="/goals/$id" params={{ id: goal.id }} c={goal.active ? undefined : 'gray.7'}>{goal.title}</AnchorLink>
            </Title>
            <Retired active={goal.active} />
          </Group>
          {manager && (
            <Group gap="xs">
              {goal.active && (
                <Button size="compact-sm" variant="light" onClick={() => onForm({ kind: 'objective', goal })}>
                  Add an objective<VisuallyHidden> to {goal.title}</VisuallyHidden>
                </Button>
              )}
              <ItemActions id={goal.id} title={goal.title} description={goal.description} owner={goal.owner} active={goal.active} onForm={onForm} isGoal />
            </Group>
          )}
        </Group>
        {goal.description && <Text size="sm" c={goal.active ? undefined : 'gray.7'} style={{ whiteSpace: 'pre-line' }}>{goal.description}</Text>}
        {goal.objectives.length > 0 && (
          <Stack component="ul" gap={6} m={0} pl="md" aria-label={`Objectives of ${goal.title}`}>
            {goal.objectives.map((o) => <ObjectiveItem key={o.id} objective={o} owner={goal.owner} goalActive={goal.active} manager={manager} onForm={onForm} />)}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function ObjectiveItem({ objective: o, owner, goalActive, manager, onForm }: {
  objective: ObjectiveDto; owner: GoalOwner; goalActive: boolean; manager: boolean; onForm: (m: GoalFormMode) => void;
}) {
  return (
    <li>
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Group gap="xs">
          <AnchorLink to="/goals/$id" params={{ id: o.id }} size="sm" c={o.active ? undefined : 'gray.7'}>{o.title}</AnchorLink>
          <Retired active={o.active} />
        </Group>
        {manager && (
          // an objective comes back only once its goal is in use again
          <ItemActions id={o.id} title={o.title} description={o.description} owner={owner} active={o.active} canRestore={goalActive} onForm={onForm} />
        )}
      </Group>
      {o.description && <Text size="xs" c="gray.8">{o.description}</Text>}
    </li>
  );
}

/** Edit, and retire or restore: retiring keeps what already aligns, and takes it out of the pickers. */
function ItemActions({ id, title, description, owner, active, canRestore = true, isGoal = false, onForm }: {
  id: string; title: string; description: string | null; owner: GoalOwner; active: boolean; canRestore?: boolean; isGoal?: boolean; onForm: (m: GoalFormMode) => void;
}) {
  const { update } = useGoalMutations();
  const toggle = () =>
    update.mutate({ id, body: { active: !active } }, {
      onSuccess: () => notifications.show({ message: active ? `Retired “${title}”${isGoal ? ' and its objectives' : ''}` : `Restored “${title}”` }),
      onError: (err) => showApiError(err),
    });
  return (
    <Group gap="xs">
      <Button size="compact-sm" variant="default" onClick={() => onForm({ kind: 'edit', id, title, description, owner })}>
        Edit<VisuallyHidden> {title}</VisuallyHidden>
      </Button>
      {(active || canRestore) && (
        <Button size="compact-sm" variant="default" onClick={toggle} loading={update.isPending}>
          {active ? 'Retire' : 'Restore'}<VisuallyHidden> {title}</VisuallyHidden>
        </Button>
      )}
    </Group>
  );
}
