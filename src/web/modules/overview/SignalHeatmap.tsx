import { Box, Group, List, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useId, useMemo } from 'react';
import type { SignalKey, UnitSignalsDto } from '../../../shared/contracts/relationships.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import type { OverviewSort, SortOrder } from './api.ts';
import { columns, explanationOf, shadeIndex, shades, shadeWords, sortSignals } from './heatmap.ts';

const ink = '#1a1b1e';

/**
 * Departments × signals. Every cell says its value in words or digits; the shade (the fifth of the
 * column the value falls in) only helps the eye scan, and the legend says what it means.
 */
export function SignalHeatmap({ items, windowLabel, sort, order, onSort }: {
  items: UnitSignalsDto[];
  windowLabel: string;
  sort: OverviewSort;
  order: SortOrder;
  onSort: (sort: OverviewSort) => void;
}) {
  const idBase = useId();
  const explained = (key: SignalKey) => `${idBase}-${key}`;
  const shadeOf = useMemo(() => shadeIndex(items), [items]);
  const rows = useMemo(() => sortSignals(items, sort, order), [items, sort, order]);
  const header = (key: OverviewSort, label: string, describedBy?: string) => (
    <SortHeader key={key} label={label} active={sort === key} order={order} onClick={() => onSort(key)} describedBy={describedBy} />
  );

  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={1200}>
        <Table withColumnBorders verticalSpacing={6} horizontalSpacing="xs">
          <Table.Caption>
            {items.length} {items.length === 1 ? 'department' : 'departments'}, {windowLabel}. Choose a column heading to sort by it.
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {header('name', 'Department')}
              {columns.map((c) => header(c.key, c.label, explained(c.key)))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => {
              const shade = shadeOf.get(s) ?? {};
              return (
                <Table.Tr key={s.orgUnit.id}>
                  <Table.Th scope="row" fw={500}>
                    <AnchorLink to="/departments/$id" params={{ id: s.orgUnit.id }} size="sm">{s.orgUnit.name}</AnchorLink>
                    {s.orgUnit.parentName && <Text size="xs" c="dimmed">{s.orgUnit.parentName}</Text>}
                  </Table.Th>
                  {columns.map((c) => {
                    const i = shade[c.key];
                    return (
                      <Table.Td key={c.key} ta={c.key === 'maturity' || c.key === 'cadence' ? 'left' : 'right'} style={i === undefined ? undefined : { background: shades[i], color: ink }}>
                        <Text size="sm" inherit>{c.text(s)}</Text>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Legend id={`${idBase}-legend`} />
      <Title order={3} size="h5">What these mean</Title>
      <Box component="dl" m={0}>
        {columns.map((c) => (
          <Group key={c.key} gap={6} wrap="nowrap" align="baseline">
            <Text component="dt" size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>{c.label}</Text>
            <Text component="dd" size="sm" m={0} id={explained(c.key)}>{explanationOf(c.key)}</Text>
          </Group>
        ))}
      </Box>
    </Stack>
  );
}

function SortHeader({ label, active, order, onClick, describedBy }: {
  label: string;
  active: boolean;
  order: SortOrder;
  onClick: () => void;
  describedBy?: string;
}) {
  return (
    <Table.Th scope="col" aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined} style={{ verticalAlign: 'bottom' }}>
      <UnstyledButton onClick={onClick} aria-describedby={describedBy} fz="sm" fw={700} ta="left">
        {label}
        {/* the arrow repeats aria-sort for sighted users; screen readers hear aria-sort itself */}
        <Text span inherit aria-hidden c={active ? undefined : 'dimmed'}> {active ? (order === 'asc' ? '▲' : '▼') : '↕'}</Text>
      </UnstyledButton>
    </Table.Th>
  );
}

function Legend({ id }: { id: string }) {
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="wrap" align="center">
        <Text size="sm" fw={700} id={id}>Shading:</Text>
        <List aria-labelledby={id} listStyleType="none" display="flex" style={{ gap: 6, flexWrap: 'wrap' }} p={0} m={0}>
          {shades.map((bg, i) => (
            <List.Item key={bg} px={8} py={2} fz="xs" style={{ background: bg, color: ink, border: '1px solid #868e96', borderRadius: 4 }}>
              {shadeWords[i]}
            </List.Item>
          ))}
        </List>
      </Group>
      <Text size="xs">
        A shade places a department among those shown: darker is stronger. For days since the last engagement, fewer days are
        stronger. Maturity shades by level, from no engagement (lightest) to inspiring pioneer (darkest). Unshaded cells have no
        value to compare: “—” means no engagements in the period, “Not assessed” no maturity assessment yet, and “No model
        applies” that no partnership model covers the department.
      </Text>
    </Stack>
  );
}
