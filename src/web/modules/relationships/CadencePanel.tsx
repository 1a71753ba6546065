import { Badge, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { cadenceLabels, type ComplianceDto, type PartnershipActivityDto, type PeriodStatus } from '../../../shared/contracts/partnership.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDate } from '../../lib/dates.ts';
import { useCadence } from './api.ts';
import { cadenceWords } from './HealthSignals.tsx';

type Item = ComplianceDto['items'][number];
type Period = Item['periods'][number];

/** The status in words; the colour only repeats it. */
const statusBadge: Record<PeriodStatus, { word: string; color: string; variant: 'filled' | 'outline' }> = {
  done: { word: 'Done', color: 'teal.9', variant: 'filled' },
  due: { word: 'Due', color: 'blue.9', variant: 'filled' },
  overdue: { word: 'Overdue', color: 'red.9', variant: 'filled' },
  upcoming: { word: 'Upcoming', color: 'gray.8', variant: 'outline' },
};

const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

function cadence(a: PartnershipActivityDto) {
  return a.cadence === 'per_meeting' && a.perYear ? `${cadenceLabels[a.cadence]} (${a.perYear} a year)` : cadenceLabels[a.cadence];
}

/** The items of each template, in the order the API gives them. */
function byTemplate(items: Item[]) {
  const groups = new Map<string, { name: string; items: Item[] }>();
  for (const item of items) {
    const group = groups.get(item.template.id) ?? { name: item.template.name, items: [] };
    group.items.push(item);
    groups.set(item.template.id, group);
  }
  return [...groups.entries()].map(([id, g]) => ({ id, ...g }));
}

function PeriodLine({ item, period: p }: { item: Item; period: Period }) {
  const s = statusBadge[p.status];
  return (
    <li>
      <Group gap={6} wrap="wrap">
        <Text span size="sm">{p.label}:</Text>
        <Badge color={s.color} variant={s.variant} tt="none" size="sm">{s.word}</Badge>
        {p.doneBy && (
          <AnchorLink to="/engagements/$id" params={{ id: p.doneBy.id }} size="sm">
            {formatDate(p.doneBy.occurredOn)}<VisuallyHidden>: the engagement that did {item.activity.name}, {p.label}</VisuallyHidden>
          </AnchorLink>
        )}
      </Group>
    </li>
  );
}

/**
 * The partnership model for this department this academic year: each key activity of each template
 * that applies, its cadence, and each period done (with the engagement that did it), due, overdue or upcoming.
 */
export function CadencePanel({ orgUnitId }: { orgUnitId: string }) {
  const compliance = useCadence(orgUnitId);
  return (
    <Stack component="section" aria-labelledby="cadence-heading" gap="sm">
      <Title order={2} id="cadence-heading">Partnership model</Title>
      <QueryState
        query={compliance} label="Loading the partnership model" isEmpty={(d) => d.items.length === 0}
        empty="No partnership template applies to this department."
      >
        {(d) => (
          <>
            <Text size="sm">
              Key activities for {d.year.label}, as of {formatDate(d.asOf)}: <Text span fw={600} size="sm">{cadenceWords(d.summary)}</Text>.
            </Text>
            {byTemplate(d.items).map((t) => (
              <Table.ScrollContainer key={t.id} minWidth={640}>
                <Table withTableBorder verticalSpacing="xs" captionSide="top">
                  <Table.Caption>{t.name}, {d.year.label}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Key activity</Table.Th>
                      <Table.Th scope="col">Cadence</Table.Th>
                      <Table.Th scope="col">Periods</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {t.items.map((item) => (
                      <Table.Tr key={item.activity.id}>
                        <Table.Th scope="row" fw={400}>
                          <Text size="sm" fw={600}>{item.activity.name}</Text>
                          <Text size="xs" c="dimmed">
                            {item.activity.type.label}
                            {item.activity.positionTitle && `, with someone whose title includes “${item.activity.positionTitle}”`}
                          </Text>
                        </Table.Th>
                        <Table.Td>{cadence(item.activity)}</Table.Td>
                        <Table.Td>
                          <Stack component="ul" gap={4} style={listStyle}>
                            {item.periods.map((p) => <PeriodLine key={p.from} item={item} period={p} />)}
                          </Stack>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ))}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
