import { Alert, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import type { EngagementDto } from '../../../shared/contracts/engagements.ts';
import { useAppActions, type EvidencePrefill } from '../../components/actions.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { showApiError } from '../../lib/forms.ts';
import { canEdit, useMe } from '../identity/api.ts';
import { EngagementOpportunities } from '../opportunities/EngagementOpportunities.tsx';
import { useEngagement, useEngagementMutations } from './api.ts';
import { EngagementFormEdit } from './EngagementFormEdit.tsx';
import { InitiatedBadge, LinkList } from './EngagementsPage.tsx';

/** One engagement: everything about it, linked; edit and delete for librarians and up. */
export function EngagementPage() {
  const { id } = useParams({ from: '/app/engagements/$id' });
  const engagement = useEngagement(id);
  return (
    <QueryState query={engagement} label="Loading engagement">
      {(e) => <EngagementView e={e} />}
    </QueryState>
  );
}

/** "Capture evidence from this meeting": its date, departments, themes, goals and campaigns, its people to choose the source from, and a link back to it. */
export const evidenceFromEngagement = (e: EngagementDto): EvidencePrefill => ({
  occurredOn: e.occurredOn,
  orgUnitIds: e.orgUnits.map((u) => u.id),
  sourceCandidates: e.people,
  themeIds: e.themes.map((t) => t.id),
  goalIds: e.goals.map((g) => g.id),
  campaignIds: e.campaigns.map((c) => c.id),
  engagement: { id: e.id, occurredOn: e.occurredOn, summary: e.summary },
  known: { orgUnits: e.orgUnits, campaigns: e.campaigns },
});

function EngagementView({ e }: { e: EngagementDto }) {
  const { data: me } = useMe();
  const actions = useAppActions();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  return (
    <Stack>
      <AnchorLink to="/engagements" size="sm">← All engagements</AnchorLink>
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Title order={1}>{e.type.label} on {formatDate(e.occurredOn)}</Title>
        {canEdit(me) && (
          <Group gap="sm">
            <Button variant="light" renderRoot={(props) => <Link {...props} to="/opportunities/new" search={{ fromEngagement: e.id }} />}>Spotted an opportunity</Button>
            <Button variant="light" onClick={() => actions.openCaptureEvidence?.(evidenceFromEngagement(e))}>Capture evidence from this meeting</Button>
            <Button onClick={() => setEditing(true)}>Edit</Button>
            <Button variant="outline" color="red.9" onClick={() => setDeleting(true)}>Delete</Button>
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">What happened</Title>
          <Stack gap="sm" component="dl" m={0}>
            <Field term="Summary"><Text style={{ whiteSpace: 'pre-line' }}>{e.summary}</Text></Field>
            <Field term="Outcome">{e.outcome ? <Text style={{ whiteSpace: 'pre-line' }}>{e.outcome}</Text> : <None />}</Field>
            <Field term="Follow-up">{e.followUp ? <Text style={{ whiteSpace: 'pre-line' }}>{e.followUp}</Text> : <None />}</Field>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">Who and what</Title>
          <Stack gap="sm" component="dl" m={0}>
            <Field term="Departments"><LinkList items={e.orgUnits} to="/departments/$id" /></Field>
            <Field term="People"><LinkList items={e.people} to="/people/$id" /></Field>
            <Field term="Library staff"><Text size="sm">{e.staff.map((s) => s.name).join(', ') || '—'}</Text></Field>
            <Field term="Initiated by"><InitiatedBadge by={e.initiatedBy} /></Field>
            <Field term="Themes">
              {e.themes.length ? (
                <Group gap={4}>
                  {e.themes.map((t) => <AnchorLink key={t.id} to="/engagements" search={{ themeId: t.id }} title={`Engagements about ${t.label}`}><Badge variant="light" color="indigo" tt="none" style={{ cursor: 'pointer' }}>{t.label}</Badge></AnchorLink>)}
                </Group>
              ) : <None />}
            </Field>
            <Field term="Strategic goals"><LinkList items={e.goals.map((g) => ({ id: g.id, name: g.label }))} to="/goals/$id" /></Field>
            {e.campaigns.length > 0 && <Field term="Campaigns"><LinkList items={e.campaigns} to="/campaigns/$id" /></Field>}
            <Field term="Date">{formatDate(e.occurredOn)}</Field>
            <Field term="Duration">{e.durationMinutes != null ? `${e.durationMinutes} minutes` : <None />}</Field>
            {e.attendance != null && <Field term="Attendance">{e.attendance.toLocaleString('en-GB')}</Field>}
            {e.milestone != null && <Field term="Milestone on the journey">{e.milestone}</Field>}
          </Stack>
        </Paper>
      </SimpleGrid>
      <EngagementOpportunities e={e} editable={canEdit(me)} />
      <Text size="xs" c="dimmed">Logged {formatDate(e.createdAt)}{e.updatedAt !== e.createdAt && `, last changed ${formatDate(e.updatedAt)}`}</Text>
      {editing && <EngagementFormEdit engagement={e} onClose={() => setEditing(false)} />}
      {deleting && <ConfirmDelete e={e} onClose={() => setDeleting(false)} />}
    </Stack>
  );
}

function Field({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={700}>{term}</Text>
      <Text component="dd" size="sm" m={0}>{children}</Text>
    </div>
  );
}

const None = () => <Text span size="sm" c="dimmed">—</Text>;

function ConfirmDelete({ e, onClose }: { e: EngagementDto; onClose: () => void }) {
  const navigate = useNavigate();
  const { remove } = useEngagementMutations();
  const [refused, setRefused] = useState<string | null>(null);
  const confirm = () =>
    remove.mutate(e.id, {
      onSuccess: () => {
        notifications.show({ message: 'Engagement deleted' });
        onClose();
        void navigate({ to: '/engagements' });
      },
      onError: (err) => (err instanceof ApiError && err.status === 403 ? setRefused(err.message) : showApiError(err)),
    });
  return (
    <Modal opened onClose={onClose} title="Delete this engagement?" closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack>
        <Text size="sm">
          The {e.type.label.toLowerCase()} on {formatDate(e.occurredOn)} will be removed from the log, and from every department's and person's history.
        </Text>
        {refused && <Alert color="red" title="You can't delete this" role="alert"><Text size="sm">{refused}</Text></Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>Cancel</Button>
          <Button color="red.9" onClick={confirm} loading={remove.isPending} disabled={!!refused}>Delete</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
