import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { goalOwnerLabels, type GoalDetailDto } from '../../../shared/contracts/goals.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { useGoal } from './api.ts';
import { LinkList, NotFound, period, plural, Section, stageLabel } from './parts.tsx';

export function GoalPage() {
  const { id } = useParams({ from: '/app/goals/$id' });
  return <GoalView key={id} id={id} />;
}

/** A goal or objective and what aligns to it: a goal's page counts its objectives' alignments too. */
export function GoalView({ id }: { id: string }) {
  const goal = useGoal(id);
  if (goal.error instanceof ApiError && goal.error.status === 404) {
    return <NotFound title="Goal not found" back={<AnchorLink to="/goals">Back to strategic goals</AnchorLink>}>There is no goal or objective at this address.</NotFound>;
  }
  return (
    <QueryState query={goal} label="Loading goal">
      {(d) => (
        <Stack gap="lg">
          <Header detail={d} />
          {!d.goal.parent && (
            <Section title="Objectives" empty={!d.goal.objectives.length && 'No objectives under this goal yet.'}>
              <LinkList label={`Objectives of ${d.goal.title}`}>
                {d.goal.objectives.map((o) => (
                  <li key={o.id}>
                    <AnchorLink to="/goals/$id" params={{ id: o.id }}>{o.title}</AnchorLink>
                    {!o.active && <Text span size="sm" c="gray.8"> · retired</Text>}
                  </li>
                ))}
              </LinkList>
            </Section>
          )}
          <Engagements detail={d} />
          <Section title="Opportunities" empty={!d.opportunities.length && 'No opportunities aligned yet.'}>
            <LinkList label="Aligned opportunities">
              {d.opportunities.map((o) => (
                <li key={o.id}>
                  <AnchorLink to="/opportunities/$id" params={{ id: o.id }}>{o.title}</AnchorLink>
                  <Text span size="sm" c="gray.8"> · {stageLabel(o.stage)}{o.orgUnits.length ? ` · ${o.orgUnits.join(', ')}` : ''}</Text>
                </li>
              ))}
            </LinkList>
          </Section>
          <Section title="Action-plan objectives" empty={!d.planObjectives.length && 'No action-plan objectives aligned yet.'}>
            <LinkList label="Aligned action-plan objectives">
              {d.planObjectives.map((p) => (
                <li key={p.id}>
                  <AnchorLink to="/plans/$id" params={{ id: p.plan.id }}>{p.title}</AnchorLink>
                  <Text span size="sm" c="gray.8"> · {p.plan.orgUnit.name}, {p.plan.yearLabel} · {p.actions ? `${p.done} of ${plural(p.actions, 'action')} done` : 'no actions yet'}</Text>
                </li>
              ))}
            </LinkList>
          </Section>
          <Section title="Campaigns" empty={!d.campaigns.length && 'No campaigns aligned yet.'}>
            <LinkList label="Aligned campaigns">
              {d.campaigns.map((c) => (
                <li key={c.id}>
                  <AnchorLink to="/campaigns/$id" params={{ id: c.id }}>{c.name}</AnchorLink>
                  <Text span size="sm" c="gray.8"> · {period(c.startsOn, c.endsOn)}</Text>
                </li>
              ))}
            </LinkList>
          </Section>
        </Stack>
      )}
    </QueryState>
  );
}

function Header({ detail: { goal } }: { detail: GoalDetailDto }) {
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Title order={1}>{goal.title}</Title>
        {!goal.active && <Badge color="gray.8" variant="outline" tt="none">Retired</Badge>}
      </Group>
      <Text size="sm" c="gray.8">
        {goal.parent ? (
          <>Objective of <AnchorLink to="/goals/$id" params={{ id: goal.parent.id }} size="sm">{goal.parent.title}</AnchorLink> · {goalOwnerLabels[goal.owner]}</>
        ) : (
          <>Goal · {goalOwnerLabels[goal.owner]} · <AnchorLink to="/goals" size="sm">All strategic goals</AnchorLink></>
        )}
      </Text>
      {goal.description && <Text style={{ whiteSpace: 'pre-line' }}>{goal.description}</Text>}
    </Stack>
  );
}

function Engagements({ detail: { goal, engagements } }: { detail: GoalDetailDto }) {
  const shown = engagements.recent.length;
  return (
    <Section title="Engagements" empty={!engagements.total && 'No engagements aligned yet.'}>
      <Text size="sm">
        {plural(engagements.total, 'engagement')} aligned{goal.parent ? '' : ' to this goal or its objectives'}
        {engagements.total > shown ? `; the ${shown} most recent:` : ':'}
      </Text>
      <LinkList label="Recent aligned engagements">
        {engagements.recent.map((e) => (
          <li key={e.id}>
            <AnchorLink to="/engagements/$id" params={{ id: e.id }}>{e.summary}</AnchorLink>
            <Text span size="sm" c="gray.8"> · {e.type}, {formatDate(e.occurredOn)}</Text>
          </li>
        ))}
      </LinkList>
    </Section>
  );
}
