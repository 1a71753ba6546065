import { Button, Group, Modal, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { PersonDto, PositionDto } from '../../../shared/contracts/people.ts';
import { formatDate } from '../../lib/dates.ts';
import { PositionEndForm, PositionForm } from './PositionForm.tsx';
import { AnchorLink } from '../../components/AnchorLink.tsx';

const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

function dates(p: PositionDto) {
  if (!p.endDate) return p.startDate ? `since ${formatDate(p.startDate)}` : null;
  if (p.current) return `${p.startDate ? `since ${formatDate(p.startDate)}, ` : ''}ends ${formatDate(p.endDate)}`;
  return `${p.startDate ? formatDate(p.startDate) : 'Unknown start'} to ${formatDate(p.endDate)}`;
}

function PositionList({ items, onEnd }: { items: PositionDto[]; onEnd?: (p: PositionDto) => void }) {
  return (
    <Stack component="ul" gap="xs" style={listStyle}>
      {items.map((p) => (
        <li key={p.id}>
          <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={600}>{p.title}</Text>
              <Text size="sm">
                <AnchorLink to="/departments/$id" params={{ id: p.orgUnitId }} size="sm">{p.orgUnitName}</AnchorLink>
                {dates(p) && <Text span size="sm" c="dimmed"> · {dates(p)}</Text>}
              </Text>
            </div>
            {onEnd && p.current && !p.endDate && (
              <Button size="xs" variant="subtle" onClick={() => onEnd(p)}>
                End position<VisuallyHidden>: {p.title}, {p.orgUnitName}</VisuallyHidden>
              </Button>
            )}
          </Group>
        </li>
      ))}
    </Stack>
  );
}

/** Current and past positions; librarians and above can add one or end one. */
export function PersonPositions({ person, editable }: { person: PersonDto; editable: boolean }) {
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<PositionDto | null>(null);
  const current = person.positions.filter((p) => p.current);
  const past = person.positions.filter((p) => !p.current);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="positions-heading">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h3" id="positions-heading">Positions</Title>
        {editable && <Button size="xs" variant="light" onClick={() => setAdding(true)}>Add a position</Button>}
      </Group>
      <Stack gap="md">
        <div>
          <Title order={3} size="h5" mb={4}>Current</Title>
          {current.length ? <PositionList items={current} onEnd={editable ? setEnding : undefined} /> : <Text size="sm" c="dimmed">No current position recorded.</Text>}
        </div>
        {past.length > 0 && (
          <div>
            <Title order={3} size="h5" mb={4}>Past</Title>
            <PositionList items={past} />
          </div>
        )}
      </Stack>
      <Modal opened={adding} onClose={() => setAdding(false)} title={`Add a position for ${person.name}`}>
        {adding && <PositionForm personId={person.id} onDone={() => setAdding(false)} />}
      </Modal>
      <Modal opened={!!ending} onClose={() => setEnding(null)} title={ending ? `End ${ending.title}, ${ending.orgUnitName}` : 'End position'}>
        {ending && <PositionEndForm position={ending} onDone={() => setEnding(null)} />}
      </Modal>
    </Paper>
  );
}
