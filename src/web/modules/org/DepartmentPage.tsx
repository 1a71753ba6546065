import { Badge, Button, Group, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { orgUnitTypeLabels, type OrgUnitDto } from '../../../shared/contracts/org.ts';
import { useAppActions } from '../../components/actions.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { canEdit, useMe } from '../identity/api.ts';
import { useOrgUnit, useOrgUnits } from './api.ts';
import { DepartmentEngagements } from './DepartmentEngagements.tsx';
import { DepartmentLibrarians } from './DepartmentLibrarians.tsx';
import { DepartmentPeople } from './DepartmentPeople.tsx';
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

/** One org unit: details, who covers it, its people, its sub-units and its engagement timeline. */
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
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <DepartmentLibrarians orgUnitId={u.id} />
            <DepartmentPeople orgUnitId={u.id} />
          </SimpleGrid>
          <SubUnits unit={u} />
          <DepartmentEngagements orgUnitId={u.id} />
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
