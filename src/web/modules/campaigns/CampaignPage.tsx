import { Button, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import type { CampaignDetailDto } from '../../../shared/contracts/campaigns.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { showApiError } from '../../lib/forms.ts';
import { LinkList, NotFound, period, plural, Section, stageLabel } from '../goals/parts.tsx';
import { canEdit, useMe } from '../identity/api.ts';
import { useCampaign, useCampaignMutations } from './api.ts';
import { EvidenceRefList } from '../plans/EvidenceRefList.tsx';
import { CampaignForm } from './CampaignForm.tsx';
import { reachText, statusLabels } from './labels.ts';

export function CampaignPage() {
  const { id } = useParams({ from: '/app/campaigns/$id' });
  const navigate = useNavigate();
  return <CampaignView key={id} id={id} onDeleted={() => void navigate({ to: '/campaigns' })} />;
}

/** A campaign: its period and message, whom it reached of those it targeted, and what came of it (engagements, opportunities, evidence). */
export function CampaignView({ id, onDeleted }: { id: string; onDeleted: () => void }) {
  const campaign = useCampaign(id);
  if (campaign.error instanceof ApiError && campaign.error.status === 404) {
    return <NotFound title="Campaign not found" back={<AnchorLink to="/campaigns">Back to campaigns</AnchorLink>}>There is no campaign at this address.</NotFound>;
  }
  return (
    <QueryState query={campaign} label="Loading campaign">
      {(c) => (
        <Stack gap="lg">
          <Header campaign={c} onDeleted={onDeleted} />
          <Reach campaign={c} />
          <Outcomes campaign={c} />
        </Stack>
      )}
    </QueryState>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600}>{label}</Text>
      <Text component="dd" m={0} style={{ whiteSpace: 'pre-line' }}>{children}</Text>
    </div>
  );
}

function Header({ campaign: c, onDeleted }: { campaign: CampaignDetailDto; onDeleted: () => void }) {
  const { data: me } = useMe();
  const { remove } = useCampaignMutations();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const confirmDelete = () =>
    remove.mutate(c.id, {
      onSuccess: () => {
        notifications.show({ message: `Deleted “${c.name}”` });
        setDeleting(false);
        onDeleted();
      },
      onError: (err) => showApiError(err),
    });
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" align="start">
        <Title order={1}>{c.name}</Title>
        {canEdit(me, 'manager') && (
          <Group gap="xs">
            <Button variant="light" onClick={() => setEditing(true)}>Edit campaign</Button>
            <Button variant="default" color="red" onClick={() => setDeleting(true)}>Delete campaign</Button>
          </Group>
        )}
      </Group>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
        <Detail label="Period">{period(c.startsOn, c.endsOn)}</Detail>
        <Detail label="Status">{statusLabels[c.status]}</Detail>
        <Detail label="Purpose">{c.purpose ?? 'Not recorded'}</Detail>
        <Detail label="Message">{c.message ?? 'Not recorded'}</Detail>
        <Detail label="Strategic goals">
          {c.goals.length ? c.goals.map((g, i) => (
            <span key={g.id}>
              {i > 0 && ', '}
              <AnchorLink to="/goals/$id" params={{ id: g.id }}>{g.parent ? `${g.parent.title} › ${g.title}` : g.title}</AnchorLink>
            </span>
          )) : 'None aligned'}
        </Detail>
      </SimpleGrid>
      <Modal opened={editing} onClose={() => setEditing(false)} title={`Edit ${c.name}`} size="lg">
        {editing && <CampaignForm campaign={c} onCancel={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      </Modal>
      <Modal opened={deleting} onClose={() => setDeleting(false)} title={`Delete ${c.name}?`}>
        <Stack>
          <Text>The campaign and its list of targets go. Its {plural(c.outcomes.engagements, 'linked engagement')} stay, no longer linked to it.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)}>Cancel</Button>
            <Button color="red.8" onClick={confirmDelete} loading={remove.isPending}>Delete</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** Reach in words, then each target marked engaged or not yet engaged (in words, not colour alone). */
function Reach({ campaign: c }: { campaign: CampaignDetailDto }) {
  return (
    <Section title="Reach" empty={!c.targetReach.length && 'This campaign names no target departments.'}>
      <Text>{reachText(c.reach)}, counting engagements linked to the campaign with a department or a unit below it.</Text>
      <LinkList label="Target departments">
        {c.targetReach.map((t) => (
          <li key={t.id}>
            <AnchorLink to="/departments/$id" params={{ id: t.id }}>{t.name}</AnchorLink>
            <Text span size="sm" c={t.engagements ? undefined : 'gray.8'} fw={t.engagements ? 600 : undefined}>
              {t.engagements ? ` · engaged: ${plural(t.engagements, 'engagement')}, the latest on ${formatDate(t.lastOn)}` : ' · not yet engaged'}
            </Text>
          </li>
        ))}
      </LinkList>
    </Section>
  );
}

function Outcomes({ campaign: { outcomes: o } }: { campaign: CampaignDetailDto }) {
  return (
    <Section title="What came of it" empty={!o.engagements && !o.opportunities.length && !o.evidence.total && 'No engagements or evidence linked to this campaign yet.'}>
      <Text>{plural(o.engagements, 'linked engagement')}{o.attendance ? `, ${plural(o.attendance, 'attendee')} in all` : ''}.</Text>
      {o.byType.length > 0 && (
        <Stack component="ul" aria-label="Linked engagements by type" gap={2} m={0} pl="md">
          {o.byType.map((t) => <li key={t.label}><Text size="sm">{t.label}: {t.count}</Text></li>)}
        </Stack>
      )}
      {o.recent.length > 0 && (
        <>
          <Title order={3} size="h4">{o.engagements > o.recent.length ? `The ${o.recent.length} most recent engagements` : 'Engagements'}</Title>
          <LinkList label="Linked engagements, newest first">
            {o.recent.map((e) => (
              <li key={e.id}>
                <AnchorLink to="/engagements/$id" params={{ id: e.id }}>{e.summary}</AnchorLink>
                <Text span size="sm" c="gray.8"> · {e.type}, {formatDate(e.occurredOn)}{e.orgUnits.length ? ` · ${e.orgUnits.join(', ')}` : ''}</Text>
                {e.outcome && <Text size="sm">Outcome: {e.outcome}</Text>}
              </li>
            ))}
          </LinkList>
        </>
      )}
      <Title order={3} size="h4">Opportunities spotted</Title>
      {o.opportunities.length ? (
        <LinkList label="Opportunities spotted in the campaign’s engagements">
          {o.opportunities.map((x) => (
            <li key={x.id}>
              <AnchorLink to="/opportunities/$id" params={{ id: x.id }}>{x.title}</AnchorLink>
              <Text span size="sm" c="gray.8"> · {stageLabel(x.stage)}</Text>
            </li>
          ))}
        </LinkList>
      ) : <Text size="sm" c="gray.8">None yet.</Text>}
      <Title order={3} size="h4">Evidence</Title>
      {o.evidence.total ? (
        <>
          <Text size="sm">
            {plural(o.evidence.total, 'evidence item')} linked to the campaign{o.evidence.total > o.evidence.recent.length ? `; the ${o.evidence.recent.length} most recent:` : ':'}
          </Text>
          <EvidenceRefList items={o.evidence.recent} label="Evidence linked to the campaign, newest first" />
        </>
      ) : <Text size="sm" c="gray.8">None linked yet.</Text>}
    </Section>
  );
}
