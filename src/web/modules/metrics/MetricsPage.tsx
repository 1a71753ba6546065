import { Button, Group, Modal, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { MetricDefinitionDto } from '../../../shared/contracts/metrics.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { canEdit, useMe } from '../identity/api.ts';
import { useMetrics } from './api.ts';
import { directionLabels, periodKindLabels } from './labels.ts';
import { MetricForm } from './MetricForm.tsx';
import { MetricValues } from './MetricValues.tsx';
import { SconulPanel } from './SconulPanel.tsx';
import { UsagePanel } from '../usage/UsagePanel.tsx';

export function MetricsPage() {
  const { data: me } = useMe();
  return <MetricsView manager={canEdit(me, 'manager')} />;
}

type Open = { kind: 'new' } | { kind: 'edit' | 'values'; metric: MetricDefinitionDto } | null;

/** The metrics the library gathers: what each one is, and how many figures it holds. Values mostly arrive through Imports (managers'). */
export function MetricsView({ manager }: { manager: boolean }) {
  const metrics = useMetrics();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>Metrics</Title>
        <Group>
          {manager && <Button component={Link} to="/imports" variant="default">Import values</Button>}
          {manager && <Button onClick={() => setOpen({ kind: 'new' })}>New metric</Button>}
        </Group>
      </Group>
      <Text size="sm">
        Statistics per department and period (NSS scores, loans, teaching, reading lists, enquiries). Each department's page shows its trend against the
        average of departments like it.
      </Text>
      <QueryState query={metrics} label="Loading metrics" isEmpty={(d) => d.items.length === 0}
        empty={manager ? 'No metrics yet. Add one, then import its values.' : 'No metrics yet.'}>
        {(data) => (
          <Table.ScrollContainer minWidth={860}>
            <Table striped highlightOnHover>
              <Table.Caption>Metric definitions by name, with how many values each holds and its latest period</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Unit</Table.Th>
                  <Table.Th scope="col">Direction</Table.Th>
                  <Table.Th scope="col">Source</Table.Th>
                  <Table.Th scope="col">Period</Table.Th>
                  <Table.Th scope="col" ta="right">Values</Table.Th>
                  <Table.Th scope="col">Latest period</Table.Th>
                  <Table.Th scope="col"><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Th scope="row" fw={500}>
                      {m.name}
                      {m.description && <Text size="xs" c="gray.8" fw={400}>{m.description}</Text>}
                    </Table.Th>
                    <Table.Td>{m.unit}</Table.Td>
                    <Table.Td>{directionLabels[m.direction]}</Table.Td>
                    <Table.Td>{m.source ?? '—'}</Table.Td>
                    <Table.Td>{periodKindLabels[m.periodKind]}</Table.Td>
                    <Table.Td ta="right">{m.valueCount.toLocaleString('en-GB')}</Table.Td>
                    <Table.Td>{m.latestPeriodLabel ?? '—'}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="compact-sm" variant="default" onClick={() => setOpen({ kind: 'values', metric: m })}>Values<VisuallyHidden> of {m.name}</VisuallyHidden></Button>
                        {manager && <Button size="compact-sm" variant="default" onClick={() => setOpen({ kind: 'edit', metric: m })}>Edit<VisuallyHidden> {m.name}</VisuallyHidden></Button>}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <SconulPanel />
      <UsagePanel />
      <Modal opened={open?.kind === 'new' || open?.kind === 'edit'} onClose={close} title={open?.kind === 'edit' ? `Edit ${open.metric.name}` : 'New metric'} size="lg">
        {open?.kind === 'new' && <MetricForm onCancel={close} onSaved={close} />}
        {open?.kind === 'edit' && <MetricForm metric={open.metric} onCancel={close} onSaved={close} />}
      </Modal>
      <Modal opened={open?.kind === 'values'} onClose={close} title={open?.kind === 'values' ? `Values of ${open.metric.name}` : 'Values'} size="xl">
        {open?.kind === 'values' && <MetricValues metric={open.metric} manager={manager} />}
      </Modal>
    </Stack>
  );
}
