import { Badge, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { StakeholderDto } from '../../../shared/contracts/relationships.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { scoreWords } from '../people/PersonStakeholder.tsx';
import { useStakeholders } from './api.ts';

const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;
const HIGH_TO_LOW = [5, 4, 3, 2, 1];
const LOW_TO_HIGH = [1, 2, 3, 4, 5];

/** "Ann Archer", "Ann Archer and Bo Lee", "Ann Archer, Bo Lee and Cy Dale". */
function names(list: { name: string }[]): string {
  const all = list.map((h) => h.name);
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all.at(-1) ?? ''}`;
}

/** One person: their page, "Champion" in words, and who in the library holds the relationship. */
function Stakeholder({ person: p }: { person: StakeholderDto }) {
  return (
    <li>
      <Group gap={4} wrap="wrap">
        <AnchorLink to="/people/$id" params={{ id: p.id }} size="sm" fw={600}>{p.name}</AnchorLink>
        {p.isChampion && <Badge color="teal.9" tt="none" size="sm">Champion</Badge>}
      </Group>
      {p.titles.length > 0 && <Text size="xs">{p.titles.join('; ')}</Text>}
      <Text size="xs" c="dimmed">{p.holders.length ? `held by ${names(p.holders)}` : 'no library contact in the last year'}</Text>
    </li>
  );
}

function People({ items }: { items: StakeholderDto[] }) {
  return <Stack component="ul" gap="xs" style={listStyle}>{items.map((p) => <Stakeholder key={p.id} person={p} />)}</Stack>;
}

/**
 * The unit's people on an influence × interest grid, as a table a screen reader can walk: rows are
 * influence from 5 (very high) down to 1, columns interest from 1 up to 5, as the grid is usually drawn.
 * People not yet judged on both are listed below it, so no one drops off the map.
 */
export function StakeholderMap({ orgUnitId }: { orgUnitId: string }) {
  const map = useStakeholders(orgUnitId);
  return (
    <Stack component="section" aria-labelledby="stakeholders-heading" gap="sm">
      <Title order={2} id="stakeholders-heading">Stakeholder map</Title>
      <Text size="sm">
        People with a current position here, placed by their influence on decisions and their interest in the library.
        Set both on a person's page. High influence and high interest (top right): key partners to manage closely.
      </Text>
      <QueryState query={map} label="Loading the stakeholder map" isEmpty={(d) => d.items.length === 0} empty="No one holds a current position here yet.">
        {(d) => {
          const placed = d.items.filter((p) => p.influence != null && p.interest != null);
          const unplaced = d.items.filter((p) => p.influence == null || p.interest == null);
          return (
            <>
              <Table.ScrollContainer minWidth={720}>
                <Table withTableBorder withColumnBorders layout="fixed" verticalSpacing="xs" captionSide="top">
                  <Table.Caption>Stakeholder map: influence (rows, highest first) by interest (columns, lowest first)</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Td />
                      <Table.Th colSpan={5} scope="colgroup" ta="center">Interest</Table.Th>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th scope="col" w={130}>Influence</Table.Th>
                      {LOW_TO_HIGH.map((n) => (
                        <Table.Th key={n} scope="col"><VisuallyHidden>Interest </VisuallyHidden>{n} {scoreWords[n]}</Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {HIGH_TO_LOW.map((influence) => (
                      <Table.Tr key={influence}>
                        <Table.Th scope="row"><VisuallyHidden>Influence </VisuallyHidden>{influence} {scoreWords[influence]}</Table.Th>
                        {LOW_TO_HIGH.map((interest) => {
                          const here = placed.filter((p) => p.influence === influence && p.interest === interest);
                          return (
                            <Table.Td key={interest} style={{ verticalAlign: 'top' }}>
                              {here.length ? <People items={here} /> : <VisuallyHidden>No one</VisuallyHidden>}
                            </Table.Td>
                          );
                        })}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {unplaced.length > 0 && (
                <Stack component="section" aria-labelledby="unplaced-heading" gap="xs">
                  <Title order={3} size="h4" id="unplaced-heading">Not yet placed</Title>
                  <Text size="sm">Their influence or interest has not been judged yet.</Text>
                  <People items={unplaced} />
                </Stack>
              )}
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
