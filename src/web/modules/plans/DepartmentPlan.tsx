import { Button, Center, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { planStatusLabels, type ActionPlanSummaryDto } from '../../../shared/contracts/plans.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { canEdit, useMe } from '../identity/api.ts';
import { useCurrentYear, usePlans, yearLabel } from './api.ts';
import { listStyle } from './PlanParts.tsx';
import { StartPlanForm } from './StartPlanForm.tsx';
import { agreementWords, overdueWords, progressWords } from './words.ts';

/** A department's action plans: this academic year's with its progress (or an offer to start it), then the other years'. */
export function DepartmentPlan({ orgUnitId, orgUnitName }: { orgUnitId: string; orgUnitName: string }) {
  const { data: me } = useMe();
  const current = useCurrentYear();
  const plans = usePlans({ orgUnitId, pageSize: 50 });
  const [starting, setStarting] = useState(false);

  return (
    <Stack component="section" aria-labelledby="department-plan-heading" gap="sm">
      <Title order={2} id="department-plan-heading">Action plan</Title>
      {current === undefined ? <Center p="lg"><Loader aria-label="Loading the academic year" /></Center> : (
        <QueryState query={plans} label="Loading action plans">
          {(data) => {
            const sorted = [...data.items].sort((a, b) => b.year - a.year);
            const now = sorted.find((p) => p.year === current);
            const others = sorted.filter((p) => p.year !== current);
            return (
              <>
                {now ? <ThisYear plan={now} /> : (
                  <Paper withBorder p="md">
                    <Stack gap="xs" align="flex-start">
                      <Text>{orgUnitName} has no action plan for {yearLabel(current)} yet.</Text>
                      {canEdit(me) && <Button onClick={() => setStarting(true)}>Start this year's plan</Button>}
                    </Stack>
                  </Paper>
                )}
                {others.length > 0 && (
                  <div>
                    <Title order={3} size="h4" mb="xs">Other years</Title>
                    <Stack component="ul" gap={4} style={listStyle}>
                      {others.map((p) => (
                        <li key={p.id}>
                          <AnchorLink to="/plans/$id" params={{ id: p.id }}>{p.yearLabel}</AnchorLink>
                          <Text span size="sm"> · {planStatusLabels[p.status]} · {progressWords(p.actions)}</Text>
                        </li>
                      ))}
                    </Stack>
                  </div>
                )}
              </>
            );
          }}
        </QueryState>
      )}
      <Modal opened={starting} onClose={() => setStarting(false)} title={`Start ${orgUnitName}'s plan`}>
        {starting && current !== undefined && <StartPlanForm unit={{ id: orgUnitId, name: orgUnitName }} currentYear={current} onDone={() => setStarting(false)} />}
      </Modal>
    </Stack>
  );
}

function ThisYear({ plan: p }: { plan: ActionPlanSummaryDto }) {
  return (
    <Paper withBorder p="md">
      <Stack gap={4}>
        <Text fw={700}>{p.yearLabel}: {planStatusLabels[p.status]}</Text>
        <Text size="sm">Actions: {progressWords(p.actions)}, {overdueWords(p.actions.overdue).toLowerCase()}</Text>
        <Text size="sm">{agreementWords(p)}</Text>
        <AnchorLink to="/plans/$id" params={{ id: p.id }}>Open the {p.yearLabel} action plan</AnchorLink>
      </Stack>
    </Paper>
  );
}
