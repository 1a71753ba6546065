import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { stageLabels, type OpportunityDetailDto } from '../../../shared/contracts/opportunities.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { showApiError } from '../../lib/forms.ts';
import { canEdit, useMe } from '../identity/api.ts';
import { NotFound } from '../org/DepartmentPage.tsx';
import { useOpportunity, useOpportunityMutations } from './api.ts';
import { ColdNote, PilotBadge, StageBadge } from './Badges.tsx';
import { MilestoneModal } from './MilestoneModal.tsx';
import {
  EastSection, HistorySection, PilotSection, PrioritySection, TriggerSection, WhoSection,
} from './OpportunityDetails.tsx';
import { LinkedEngagements } from './LinkedEngagements.tsx';
import { OpportunityForm } from './OpportunityForm.tsx';
import { Section } from './Section.tsx';
import { StageMenu } from './StageMenu.tsx';
import { useStageMove } from './StageMove.tsx';

export function OpportunityPage() {
  const { id } = useParams({ from: '/app/opportunities/$id' });
  return <OpportunityView key={id} id={id} />;
}

export function OpportunityView({ id }: { id: string }) {
  const opportunity = useOpportunity(id);
  if (opportunity.error instanceof ApiError && opportunity.error.status === 404) {
    return (
      <NotFound title="Opportunity not found" back={<AnchorLink to="/opportunities">Back to all opportunities</AnchorLink>}>
        There is no opportunity at this address. It may have been deleted, or the link may be mistyped.
      </NotFound>
    );
  }
  return (
    <QueryState query={opportunity} label="Loading the opportunity">
      {(o) => <Opportunity o={o} />}
    </QueryState>
  );
}

/** One opportunity: its stage and how to move it, why it ranks where it does, the plan, who, and its history. */
function Opportunity({ o }: { o: OpportunityDetailDto }) {
  const { data: me } = useMe();
  const editable = canEdit(me);
  const phone = useMediaQuery('(max-width: 36em)');
  const { move, dialogs, moving } = useStageMove();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);

  return (
    <Stack>
      <AnchorLink to="/opportunities" size="sm">← All opportunities</AnchorLink>
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Title order={1}>{o.title}</Title>
        {editable && (
          <Group gap="sm">
            <Button onClick={() => setEditing(true)}>Edit</Button>
            <Button variant="outline" color="red.9" onClick={() => setDeleting(true)}>Delete</Button>
          </Group>
        )}
      </Group>
      <Section title="Stage">
        <Stack gap="xs">
          <Group gap="sm" wrap="wrap">
            <Text size="sm">Stage:</Text>
            <StageBadge stage={o.stage} />
            <Text size="sm" c="gray.8">since {formatDate(o.stageChangedOn)}</Text>
            {o.isPilot && <PilotBadge />}
            {editable && <StageMenu opportunity={o} onMove={(to) => move(o, to)} disabled={moving} />}
          </Group>
          {o.closedReason && <Text size="sm"><Text span fw={700} inherit>Why it is {stageLabels[o.stage].toLowerCase()}:</Text> {o.closedReason}</Text>}
          <ColdNote cold={o.cold} />
          <Text size="sm" c="gray.8">Last activity {formatDate(o.lastActivityOn)}</Text>
        </Stack>
      </Section>
      <Milestone o={o} editable={editable} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <PrioritySection o={o} />
        <TriggerSection o={o} />
        <EastSection o={o} />
        <PilotSection o={o} />
        <WhoSection o={o} />
        <LinkedEngagements o={o} editable={editable} />
      </SimpleGrid>
      <HistorySection o={o} />
      <Text size="xs" c="gray.8">Added {formatDate(o.createdAt)}{o.updatedAt !== o.createdAt && `, last changed ${formatDate(o.updatedAt)}`}</Text>
      {dialogs}
      {editing && (
        <Modal opened onClose={() => setEditing(false)} title={`Edit ${o.title}`} closeButtonProps={{ 'aria-label': 'Close' }} size="52rem" fullScreen={!!phone}>
          <OpportunityForm opportunity={o} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
        </Modal>
      )}
      {deleting && <ConfirmDelete o={o} onClose={() => setDeleting(false)} />}
    </Stack>
  );
}

/** The milestone once recorded; while embedded without one, the offer to record it. */
function Milestone({ o, editable }: { o: OpportunityDetailDto; editable: boolean }) {
  const [recording, setRecording] = useState(false);
  if (o.milestone) {
    return (
      <Section title="Milestone on the journey">
        <Text size="sm">{o.milestone.title}, {formatDate(o.milestone.on)}</Text>
      </Section>
    );
  }
  if (o.stage !== 'embedded' || !editable) return null;
  return (
    <Section title="Milestone on the journey">
      {o.orgUnits.length ? (
        <Group gap="sm" wrap="wrap">
          <Text size="sm">It is embedded. Record it as a milestone on its departments' journeys?</Text>
          <Button variant="light" onClick={() => setRecording(true)}>Record a milestone</Button>
        </Group>
      ) : (
        <Text size="sm">It is embedded. Add a department to it to record a milestone on that department's journey.</Text>
      )}
      {recording && <MilestoneModal opportunity={o} onClose={() => setRecording(false)} />}
    </Section>
  );
}

function ConfirmDelete({ o, onClose }: { o: OpportunityDetailDto; onClose: () => void }) {
  const navigate = useNavigate();
  const { remove } = useOpportunityMutations();
  const [refused, setRefused] = useState<string | null>(null);
  const confirm = () =>
    remove.mutate(o.id, {
      onSuccess: () => {
        notifications.show({ message: `Deleted ${o.title}` });
        onClose();
        void navigate({ to: '/opportunities' });
      },
      // only its creator or a manager may delete it; the API says so, and the dialog shows why
      onError: (err) => (err instanceof ApiError && err.status === 403 ? setRefused(err.message) : showApiError(err)),
    });
  return (
    <Modal opened onClose={onClose} title="Delete this opportunity?" closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack>
        <Text size="sm">{o.title} and its stage history will be removed.</Text>
        {refused && <Alert color="red" title="You can't delete this" role="alert"><Text size="sm">{refused}</Text></Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>Cancel</Button>
          <Button color="red.9" onClick={confirm} loading={remove.isPending} disabled={!!refused}>Delete</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
