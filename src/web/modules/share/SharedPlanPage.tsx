import { Alert, Box, Button, Center, Container, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useEffect, type ReactNode } from 'react';
import { actionStatusLabels, planStatusLabels, type SharedPlanDto } from '../../../shared/contracts/plans.ts';
import { ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { CommentList, listStyle, Part } from '../plans/PlanParts.tsx';
import { agreementWords } from '../plans/words.ts';
import { useSharedPlan } from './api.ts';
import { AgreeForm, SharedCommentForm } from './SharedPlanForms.tsx';

type Plan = SharedPlanDto['plan'];
type Action = Plan['actions'][number];

/** The page a department's partner opens from a share link (/shared/$token): no account, no app navigation. */
export function SharedPlanPage() {
  const { token } = useParams({ from: '/shared/$token' });
  return <SharedPlan token={token} />;
}

export function SharedPlan({ token }: { token: string }) {
  const shared = useSharedPlan(token);
  // a malformed token is refused (400) before it is looked up (404): either way the link is no good
  const invalid = shared.error instanceof ApiError && (shared.error.status === 404 || shared.error.status === 400);
  const title = shared.data ? `${shared.data.plan.orgUnit.name}: library action plan ${shared.data.plan.yearLabel}` : invalid ? 'This link is not valid' : 'Library action plan';
  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <>
      <Box component="header" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-4)' }}>
        <Text fw={800} size="lg" c="indigo.9">{shared.data?.institution.name ?? 'Library action plan'}</Text>
      </Box>
      <Container component="main" id="main" size="md" py="xl">
        {shared.isPending ? (
          <Center p="xl"><Loader aria-label="Loading the action plan" /></Center>
        ) : invalid ? (
          <Stack>
            <Title order={1}>This link is not valid</Title>
            <Text>The link may have expired or been withdrawn, or part of it may be missing. Please ask your librarian for a new one.</Text>
          </Stack>
        ) : shared.isError ? (
          <Stack>
            <Title order={1}>Library action plan</Title>
            <Alert color="red" title="We could not load this plan" role="alert">
              <Text size="sm">{shared.error.message}</Text>
              <Button size="xs" mt="xs" variant="light" color="red" onClick={() => void shared.refetch()}>Try again</Button>
            </Alert>
          </Stack>
        ) : (
          <SharedPlanBody token={token} data={shared.data} title={title} />
        )}
      </Container>
    </>
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
