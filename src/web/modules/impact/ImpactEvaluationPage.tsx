import { Button, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import type { ImpactEvaluationDto } from '../../../shared/contracts/impact.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { showApiError } from '../../lib/forms.ts';
import { NotFound } from '../goals/parts.tsx';
import { canEdit, useMe } from '../identity/api.ts';
import { exportHref, useImpactEvaluation, useImpactMutations } from './api.ts';
import { ImpactForm } from './ImpactForm.tsx';
import { Narrative } from './ImpactNarrative.tsx';
import { StatusBadge } from './labels.tsx';

export function ImpactEvaluationPage() {
  const { id } = useParams({ from: '/app/impact/$id' });
  const navigate = useNavigate();
  return <ImpactEvaluationView key={id} id={id} onDeleted={() => void navigate({ to: '/impact' })} />;
}

/** An impact evaluation read as a story, in the template's order, with its exports. */
export function ImpactEvaluationView({ id, onDeleted }: { id: string; onDeleted: () => void }) {
  const evaluation = useImpactEvaluation(id);
  if (evaluation.error instanceof ApiError && evaluation.error.status === 404) {
    return <NotFound title="Impact evaluation not found" back={<AnchorLink to="/impact">Back to impact evaluations</AnchorLink>}>There is no impact evaluation at this address.</NotFound>;
  }
  return (
    <QueryState query={evaluation} label="Loading impact evaluation">
      {(e) => (
        <Stack gap="lg">
          <Header evaluation={e} onDeleted={onDeleted} />
          <Narrative evaluation={e} />
        </Stack>
      )}
    </QueryState>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600}>{label}</Text>
      <Text component="dd" m={0}>{children}</Text>
    </div>
  );
}

function joined<T extends { id: string }>(items: T[], render: (x: T) => ReactNode, none: string) {
  if (!items.length) return none;
  return items.map((x, i) => <span key={x.id}>{i > 0 && ', '}{render(x)}</span>);
}

function Header({ evaluation: e, onDeleted }: { evaluation: ImpactEvaluationDto; onDeleted: () => void }) {
  const { data: me } = useMe();
  const { remove } = useImpactMutations();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // like evidence, an evaluation is deleted by whoever wrote it, or a manager
  const mayDelete = canEdit(me, 'manager') || (canEdit(me) && !!me && e.createdBy?.id === me.user.id);
  const confirmDelete = () =>
    remove.mutate(e.id, {
      onSuccess: () => {
        notifications.show({ message: `Deleted “${e.initiative}”` });
        setDeleting(false);
        onDeleted();
      },
      onError: (err) => showApiError(err),
    });
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" align="start">
        <Stack gap={4}>
          <Text size="sm" c="gray.8">Impact evaluation</Text>
          <Title order={1}>{e.initiative}</Title>
        </Stack>
        <Group gap="xs">
          {canEdit(me) && <Button variant="light" onClick={() => setEditing(true)}>Edit evaluation</Button>}
          {mayDelete && <Button variant="default" color="red" onClick={() => setDeleting(true)}>Delete evaluation</Button>}
        </Group>
      </Group>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
        <Detail label="Status"><StatusBadge status={e.status} /></Detail>
        <Detail label="Departments">
          {joined(e.orgUnits, (u) => <AnchorLink to="/departments/$id" params={{ id: u.id }}>{u.name}</AnchorLink>, 'None named')}
        </Detail>
        <Detail label="Strategic goals">
          {joined(e.goals, (g) => <AnchorLink to="/goals/$id" params={{ id: g.id }}>{g.parent ? `${g.parent.title} › ${g.title}` : g.title}</AnchorLink>, 'None aligned')}
        </Detail>
        <Detail label="Last updated">{formatDate(e.updatedAt)}{e.createdBy ? ` · written by ${e.createdBy.name}` : ''}</Detail>
      </SimpleGrid>
      <Group gap="xs" role="group" aria-label="Export the narrative">
        <Button component="a" variant="default" size="sm" href={exportHref(e.id, 'md')} download>Export as Markdown</Button>
        <Button component="a" variant="default" size="sm" href={exportHref(e.id, 'html')} download>Export as HTML</Button>
      </Group>
      <Modal opened={editing} onClose={() => setEditing(false)} title={`Edit ${e.initiative}`} size="xl">
        {editing && <ImpactForm evaluation={e} onCancel={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      </Modal>
      <Modal opened={deleting} onClose={() => setDeleting(false)} title={`Delete ${e.initiative}?`}>
        <Stack>
          <Text>The evaluation goes. The engagements, evidence and metrics it links to stay.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)}>Cancel</Button>
            <Button color="red.8" onClick={confirmDelete} loading={remove.isPending}>Delete</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
