import { Badge, Button, Group, SimpleGrid, Stack, Tabs, Text, Title, VisuallyHidden } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { orgUnitTypeLabels, type OrgUnitDto } from '../../../shared/contracts/org.ts';
import { useAppActions } from '../../components/actions.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { canEdit, useMe } from '../identity/api.ts';
import { CadencePanel } from '../relationships/CadencePanel.tsx';
import { HealthSignals } from '../relationships/HealthSignals.tsx';
import { JourneyTimeline } from '../relationships/JourneyTimeline.tsx';
import { MaturityPanel } from '../relationships/MaturityPanel.tsx';
import { StakeholderMap } from '../relationships/StakeholderMap.tsx';
import { useOrgUnit, useOrgUnits } from './api.ts';
import { DepartmentEngagements } from './DepartmentEngagements.tsx';
import { DepartmentLibrarians } from './DepartmentLibrarians.tsx';
import { DepartmentPeople } from './DepartmentPeople.tsx';
import { DepartmentPlan } from '../plans/DepartmentPlan.tsx';
import { DepartmentMetrics } from '../metrics/DepartmentMetrics.tsx';
import { NssPanel } from '../figures/NssPanel.tsx';
import { DepartmentEvidence } from '../evidence/DepartmentEvidence.tsx';
import { AnchorLink } from '../../components/AnchorLink.tsx';

export function DepartmentPage() {
  const { id } = useParams({ from: '/app/departments/$id' });
  return <DepartmentView key={id} id={id} />;
}

/** A friendly state for a unit that does not exist (or is in another institution). */
export function NotFound({ title, children, back }: { title: string; children: ReactNode; back: ReactNode }) {
  return (
    <Stack>
      <Title order={1}>{title}</Title>
      <Text>{children}</Text>
      <Text>{back}</Text>
    </Stack>
  );
}

/**
 * One org unit: details; how the relationship stands (maturity and signals); who covers it and its
 * people; its sub-units; then, one tab at a time, its engagements, journey, partnership model and stakeholder map.
 */
export function DepartmentView({ id }: { id: string }) {
  const unit = useOrgUnit(id);
  if (unit.error instanceof ApiError && unit.error.status === 404) {
    return (
      <NotFound title="Department not found" back={<AnchorLink to="/departments">Back to all departments</AnchorLink>}>
        There is no department or unit at this address. It may have been removed, or the link may be mistyped.
      </NotFound>
    );
  }
  return (
    <QueryState query={unit} label="Loading department">
      {(u) => (
        <Stack gap="lg">
          <DepartmentHeader unit={u} />
          <Relationship unit={u} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <DepartmentLibrarians orgUnitId={u.id} />
            <DepartmentPeople orgUnitId={u.id} />
          </SimpleGrid>
          <SubUnits unit={u} />
          <DepartmentTabs unit={u} />
        </Stack>
      )}
    </QueryState>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600}>{label}</Text>
      <Text component="dd" size="sm" m={0}>{children}</Text>
    </div>
  );
}

function DepartmentHeader({ unit }: { unit: OrgUnitDto }) {
  const { data: me } = useMe();
  const actions = useAppActions();
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" align="start">
        <Title order={1}>{unit.name}</Title>
        {canEdit(me) && (
          <Button onClick={() => actions.openQuickLog({ orgUnitId: unit.id })}>
            Log engagement<VisuallyHidden> with {unit.name}</VisuallyHidden>
          </Button>
        )}
      </Group>
      <SimpleGrid component="dl" cols={{ base: 2, sm: 5 }} spacing="sm" m={0}>
        {unit.parentId && (
          <Detail label={unit.type === 'department' ? 'Faculty' : 'Part of'}>
            <AnchorLink to="/departments/$id" params={{ id: unit.parentId }} size="sm">{unit.parentName}</AnchorLink>
          </Detail>
        )}
        <Detail label="Type">{orgUnitTypeLabels[unit.type]}</Detail>
        <Detail label="Code">{unit.code ?? '—'}</Detail>
        <Detail label="Status">
          {unit.status === 'active' ? 'Active' : <Badge color="gray.8" tt="none">Archived</Badge>}
        </Detail>
        <Detail label="Last engagement">{unit.lastEngagementOn ? formatDate(unit.lastEngagementOn) : 'Never'}</Detail>
      </SimpleGrid>
      {unit.description && <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{unit.description}</Text>}
    </Stack>
  );
}

/** The units directly below this one, shown only when there are any. */
function SubUnits({ unit }: { unit: OrgUnitDto }) {
  const children = useOrgUnits({ parentId: unit.id, pageSize: 200 });
  const items = children.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Stack component="section" aria-labelledby="subunits-heading" gap="xs">
      <Title order={2} id="subunits-heading">Units in {unit.name}</Title>
      <SimpleGrid component="ul" cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((c) => (
          <li key={c.id}>
            <AnchorLink to="/departments/$id" params={{ id: c.id }}>{c.name}</AnchorLink>
            <Text span size="sm" c="dimmed"> · {orgUnitTypeLabels[c.type]}{c.status === 'archived' ? ' · archived' : ''}</Text>
          </li>
        ))}
      </SimpleGrid>
      {children.data && children.data.total > items.length && <Text size="sm" c="dimmed">Showing the first {items.length} of {children.data.total}.</Text>}
    </Stack>
  );
}

/** The first thing a liaison librarian asks: where does this relationship stand, and is it healthy? */
function Relationship({ unit }: { unit: OrgUnitDto }) {
  return (
    <Stack component="section" aria-labelledby="relationship-heading" gap="sm">
      <Title order={2} id="relationship-heading">Relationship</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <MaturityPanel subject={{ type: 'org-unit', id: unit.id }} name={unit.name} />
        <HealthSignals orgUnitId={unit.id} />
      </SimpleGrid>
    </Stack>
  );
}

/*
 * The long views share one place on the page, engagements first (the everyday one). Panels mount only
 * when chosen, so each view's requests wait until someone opens it.
 */
function DepartmentTabs({ unit }: { unit: OrgUnitDto }) {
  return (
    <Tabs defaultValue="engagements" keepMounted={false}>
      <Tabs.List aria-label={`More about ${unit.name}`} mb="md">
        <Tabs.Tab value="engagements">Engagements</Tabs.Tab>
        <Tabs.Tab value="journey">Journey</Tabs.Tab>
        <Tabs.Tab value="cadence">Partnership model</Tabs.Tab>
        <Tabs.Tab value="stakeholders">Stakeholder map</Tabs.Tab>
        <Tabs.Tab value="plan">Action plan</Tabs.Tab>
        <Tabs.Tab value="evidence">Evidence</Tabs.Tab>
        <Tabs.Tab value="metrics">Metrics</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="engagements"><DepartmentEngagements orgUnitId={unit.id} /></Tabs.Panel>
      <Tabs.Panel value="journey"><JourneyTimeline orgUnitId={unit.id} /></Tabs.Panel>
      <Tabs.Panel value="cadence"><CadencePanel orgUnitId={unit.id} /></Tabs.Panel>
      <Tabs.Panel value="stakeholders"><StakeholderMap orgUnitId={unit.id} /></Tabs.Panel>
      <Tabs.Panel value="plan"><DepartmentPlan orgUnitId={unit.id} orgUnitName={unit.name} /></Tabs.Panel>
      <Tabs.Panel value="evidence"><DepartmentEvidence orgUnitId={unit.id} orgUnitName={unit.name} /></Tabs.Panel>
      <Tabs.Panel value="metrics">
        <Stack gap="xl">
          <DepartmentMetrics orgUnitId={unit.id} />
          <NssPanel orgUnitId={unit.id} />
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}
