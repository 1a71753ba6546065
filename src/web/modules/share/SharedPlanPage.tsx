import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { actionStatusLabels, planStatusLabels, type SharedPlanDto } from '../../../shared/contracts/plans.ts';
import { formatDate } from '../../lib/dates.ts';
import { CommentList, listStyle, Part } from '../plans/PlanParts.tsx';
import { agreementWords } from '../plans/words.ts';
import { useSharedPlan } from './api.ts';
import { AgreeForm, SharedCommentForm } from './SharedPlanForms.tsx';
import { SharedShell } from './SharedShell.tsx';

type Plan = SharedPlanDto['plan'];
type Action = Plan['actions'][number];

/** The page a department's partner opens from a share link (/shared/$token): no account, no app navigation. */
export function SharedPlanPage() {
  const { token } = useParams({ from: '/shared/$token' });
  return <SharedPlan token={token} />;
}

export function SharedPlan({ token }: { token: string }) {
  return (
    <SharedShell query={useSharedPlan(token)} name="Library action plan"
      titleOf={(d) => `${d.plan.orgUnit.name}: library action plan ${d.plan.yearLabel}`} institutionOf={(d) => d.institution.name}>
      {(data, title) => <SharedPlanBody token={token} data={data} title={title} />}
    </SharedShell>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} id={id}>{title}</Title>
      {children}
    </Stack>
  );
}

function SharedPlanBody({ token, data, title }: { token: string; data: SharedPlanDto; title: string }) {
  const { plan } = data;
  const others = plan.actions.filter((a) => !a.objectiveId || !plan.objectives.some((o) => o.id === a.objectiveId));
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Title order={1}>{title}</Title>
        <Text>
          The library's plan of work with {plan.orgUnit.name} for {plan.yearLabel}, shared by {data.institution.name}. This link works until {formatDate(data.expiresAt)}.
        </Text>
        <Text><Text span fw={700}>Status: </Text>{planStatusLabels[plan.status]}. {agreementWords(plan)}</Text>
      </Stack>
      <Section id="shared-objectives" title="Objectives and actions">
        {plan.objectives.length === 0 && plan.actions.length === 0 && <Text c="dimmed">No objectives or actions yet.</Text>}
        {plan.objectives.map((o) => (
          <Paper key={o.id} withBorder p="md" component="section" aria-labelledby={`shared-objective-${o.id}`}>
            <Title order={3} size="h4" id={`shared-objective-${o.id}`}>{o.title}</Title>
            {o.goal && <Text size="sm" mb="xs"><Text span size="sm" fw={600}>Strategic goal: </Text>{o.goal}</Text>}
            <Actions actions={plan.actions.filter((a) => a.objectiveId === o.id)} label={`Actions for ${o.title}`} />
          </Paper>
        ))}
        {others.length > 0 && (
          <Stack component="section" aria-labelledby="shared-other-actions" gap="xs">
            <Title order={3} size="h4" id="shared-other-actions">Other actions</Title>
            <Actions actions={others} label="Other actions" />
          </Stack>
        )}
      </Section>
      <Section id="shared-comments" title="Comments">
        <CommentList comments={plan.comments} />
      </Section>
      {/* a plan already agreed can be agreed again (a new head of department); a reviewed year is closed */}
      {plan.status !== 'reviewed' && (
        <Section id="shared-agree" title="Agree this plan">
          <AgreeForm token={token} orgUnitName={plan.orgUnit.name} />
        </Section>
      )}
      <Section id="shared-add-comment" title="Add a comment">
        <SharedCommentForm token={token} />
      </Section>
    </Stack>
  );
}

function Actions({ actions, label }: { actions: Action[]; label: string }) {
  if (!actions.length) return <Text size="sm" c="dimmed">No actions yet.</Text>;
  return (
    <Stack component="ul" gap="xs" style={listStyle} aria-label={label}>
      {actions.map((a) => (
        <Box component="li" key={a.id} py={4} style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Text fw={600} size="sm">{a.title}</Text>
          <Group gap="md" wrap="wrap">
            <Part label="Status">{actionStatusLabels[a.status]}</Part>
            <Part label="Library lead">{a.owner ?? 'To be decided'}</Part>
            <Part label="Department contact">{a.partner ?? 'To be decided'}</Part>
            <Part label="Due">{a.dueOn ? formatDate(a.dueOn) : 'No date'}</Part>
          </Group>
        </Box>
      ))}
    </Stack>
  );
}
