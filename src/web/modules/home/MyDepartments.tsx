import { Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { OrgUnitDto } from '../../../shared/contracts/org.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { useAppActions } from '../../components/actions.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { academicYearStart, daysSince, formatDate, today } from '../../lib/dates.ts';
import { useInstitution, useOrgUnits } from '../org/api.ts';

/** Narrow cells (phones): let the badge wrap rather than cut its words off. */
const wrapping = { root: { height: 'auto', paddingBlock: 2 }, label: { whiteSpace: 'normal', overflow: 'visible' } } as const;

/** The units I cover, the longest since an engagement first, each with a one-click "Log". */
export function MyDepartments({ userId, editor }: { userId: string; editor: boolean }) {
  const units = useOrgUnits({ coveredBy: userId, pageSize: 50, sort: 'lastEngagementOn' });
  const inst = useInstitution();
  const yearStart = inst.data ? academicYearStart(today(), inst.data.academicYearStartMonth, inst.data.academicYearStartDay) : academicYearStart(today());
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="my-departments">
      <Title order={2} size="h3" id="my-departments" mb="sm">My departments</Title>
      <QueryState
        query={units}
        label="Loading your departments"
        isEmpty={(d) => d.items.length === 0}
        empty={<>You don't cover any departments yet — a manager assigns coverage on <AnchorLink to="/coverage">Staff and coverage</AnchorLink>.</>}
      >
        {(data) => (
          <Stack gap="xs">
            <Table.ScrollContainer minWidth={320}>
              <Table verticalSpacing="xs" highlightOnHover>
                <Table.Caption>Quietest first: the longest since the last engagement at the top</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Department</Table.Th>
                    <Table.Th scope="col">Last engagement</Table.Th>
                    {editor && <Table.Th scope="col"><VisuallyHidden>Actions</VisuallyHidden></Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((u) => <UnitRow key={u.id} u={u} yearStart={yearStart} editor={editor} />)}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {data.total > data.items.length && (
              <Text size="sm">
                Showing {data.items.length} of {data.total}. <AnchorLink to="/departments" search={{ mine: true }}>See all the units you cover</AnchorLink>
              </Text>
            )}
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}

function UnitRow({ u, yearStart, editor }: { u: OrgUnitDto; yearStart: string; editor: boolean }) {
  const actions = useAppActions();
  const days = daysSince(u.lastEngagementOn);
  const quiet = !u.lastEngagementOn || u.lastEngagementOn < yearStart;
  return (
    <Table.Tr>
      <Table.Td>
        <AnchorLink to="/departments/$id" params={{ id: u.id }} size="sm">{u.name}</AnchorLink>
        {u.parentName && <Text size="xs" c="dimmed">{u.parentName}</Text>}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="wrap">
          {u.lastEngagementOn ? (
            <Text size="sm">{formatDate(u.lastEngagementOn)} <Text span size="sm" c="dimmed">· {days === 0 ? 'today' : `${days} ${days === 1 ? 'day' : 'days'} since`}</Text></Text>
          ) : <Text size="sm" c="dimmed">Never</Text>}
          {quiet && <Badge color="orange.8" variant="dot" tt="none" radius="sm" styles={wrapping}>Not engaged this year</Badge>}
        </Group>
      </Table.Td>
      {editor && (
        <Table.Td ta="right">
          <Button size="compact-sm" variant="light" onClick={() => actions.openQuickLog({ orgUnitId: u.id })} aria-label={`Log an engagement with ${u.name}`}>Log</Button>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
