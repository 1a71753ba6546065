import { Button, Popover, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { PriorityDto } from '../../../shared/contracts/opportunities.ts';

const n = (x: number) => x.toLocaleString('en-GB', { maximumFractionDigits: 2 });

/** "value 4 × alignment 1.5 × urgency 2 ÷ effort 2": how the score is worked out. */
export const priorityFormula = (p: PriorityDto) => `value ${n(p.value)} × alignment ${n(p.alignment)} × urgency ${n(p.urgency)} ÷ effort ${n(p.effort)}`;

export const formatScore = (p: PriorityDto) => n(p.score);

/** The score with its parts on one line, and the reasons for alignment and urgency beneath. */
export function PriorityParts({ p }: { p: PriorityDto }) {
  return (
    <Stack gap={2}>
      <Text size="sm"><Text span fw={700} inherit>{formatScore(p)}</Text> = {priorityFormula(p)}</Text>
      <Text size="xs" c="gray.8">{p.alignmentReason}. {p.urgencyReason}.</Text>
    </Stack>
  );
}

/** The score as a button that opens its parts, for tables where there is no room to show them all. */
export function PriorityPopover({ p, title }: { p: PriorityDto; title: string }) {
  return (
    <Popover position="bottom" withArrow shadow="md" width={320}>
      <Popover.Target>
        <Button variant="subtle" size="compact-sm" fw={700}>
          {formatScore(p)}<VisuallyHidden> is the priority of {title}: show how it is worked out</VisuallyHidden>
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <PriorityParts p={p} />
      </Popover.Dropdown>
    </Popover>
  );
}

/** Every part of the priority in a small table, each with why it has the figure it has. */
export function PriorityTable({ p }: { p: PriorityDto }) {
  const rows = [
    { part: 'Value', figure: p.value, why: 'How much good it would do, 1 to 5' },
    { part: 'Strategic alignment', figure: p.alignment, why: p.alignmentReason },
    { part: 'Urgency', figure: p.urgency, why: p.urgencyReason },
    { part: 'Effort', figure: p.effort, why: 'How much work it takes, 1 to 5 (the score divides by it)' },
  ];
  return (
    <Table withTableBorder verticalSpacing={4} maw={640}>
      <Table.Caption>The parts of the priority</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Part</Table.Th>
          <Table.Th scope="col">Figure</Table.Th>
          <Table.Th scope="col">Why</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.part}>
            <Table.Th scope="row" fw={600}>{r.part}</Table.Th>
            <Table.Td>{n(r.figure)}</Table.Td>
            <Table.Td>{r.why}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
