import { Button, Group, Paper, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { MetricDefinitionDto, MetricValueDto } from '../../../shared/contracts/metrics.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { showApiError } from '../../lib/forms.ts';
import { useMetricMutations, useMetricValues } from './api.ts';
import { formatNumber } from './labels.ts';
import { MetricValueForm, type ValueDraft } from './MetricValueForm.tsx';

const PAGE_SIZE = 25;
const blank: ValueDraft = { orgUnit: null, period: '', value: '' };

/** One metric's figures, latest period first, to check an import; managers enter, correct and remove figures here. */
export function MetricValues({ metric, manager }: { metric: MetricDefinitionDto; manager: boolean }) {
  const [text, setText] = useState('');
  const [period] = useDebouncedValue(text.trim(), 300);
  const [page, setPage] = useState(1);
  const [draft, setDraft] = useState<{ n: number; value: ValueDraft }>({ n: 0, value: blank });
  const values = useMetricValues(metric.id, { period: period || undefined, page, pageSize: PAGE_SIZE });
  const { removeValue } = useMetricMutations();

  const correct = (v: MetricValueDto) => setDraft((d) => ({ n: d.n + 1, value: { orgUnit: v.orgUnit, period: v.periodLabel, value: v.value } }));
  const remove = (v: MetricValueDto) => removeValue.mutate({ id: metric.id, key: { orgUnitId: v.orgUnit.id, period: v.period } }, {
    onSuccess: () => notifications.show({ message: `Removed ${v.orgUnit.name}, ${v.periodLabel}` }),
    onError: (err) => showApiError(err),
  });

  return (
    <Stack>
      {manager && (
        <Paper withBorder p="sm">
          <Title order={3} size="h5" mb="xs">Enter or correct a value</Title>
          <MetricValueForm key={draft.n} metric={metric} draft={draft.value} onDone={() => setDraft((d) => ({ n: d.n + 1, value: blank }))} />
        </Paper>
      )}
      <TextInput label="Period" description={metric.periodKind === 'month' ? 'e.g. Mar 2026' : 'e.g. 2025-26'} type="search" w={240} value={text}
        onChange={(ev) => { setText(ev.currentTarget.value); setPage(1); }} />
      <QueryState query={values} label="Loading values" isEmpty={(d) => d.items.length === 0}
        empty={period ? 'No values for this period.' : manager ? <>No values yet. <AnchorLink to="/imports">Import values</AnchorLink> or enter one above.</> : 'No values yet.'}>
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={560}>
              <Table striped>
                <Table.Caption>Values of {metric.name}, latest period first</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Department or unit</Table.Th>
                    <Table.Th scope="col">Period</Table.Th>
                    <Table.Th scope="col" ta="right">Value ({metric.unit})</Table.Th>
                    <Table.Th scope="col">Entered</Table.Th>
                    {manager && <Table.Th scope="col"><VisuallyHidden>Actions</VisuallyHidden></Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((v) => (
                    <Table.Tr key={`${v.orgUnit.id}:${v.period}`}>
                      <Table.Td><AnchorLink to="/departments/$id" params={{ id: v.orgUnit.id }}>{v.orgUnit.name}</AnchorLink></Table.Td>
                      <Table.Td>{v.periodLabel}</Table.Td>
                      <Table.Td ta="right">{formatNumber(v.value)}</Table.Td>
                      <Table.Td>{v.importJobId ? <AnchorLink to="/imports/$id" params={{ id: v.importJobId }}>By import</AnchorLink> : 'By hand'}</Table.Td>
                      {manager && (
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Button size="compact-sm" variant="default" onClick={() => correct(v)}>Correct<VisuallyHidden> {v.orgUnit.name}, {v.periodLabel}</VisuallyHidden></Button>
                            <Button size="compact-sm" variant="outline" color="red.9" onClick={() => remove(v)}>Remove<VisuallyHidden> {v.orgUnit.name}, {v.periodLabel}</VisuallyHidden></Button>
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} noun="values" />
          </>
        )}
      </QueryState>
      {values.isError && <Text size="sm">Check the period: {metric.periodKind === 'month' ? 'a month such as Mar 2026' : 'an academic year such as 2025-26'}.</Text>}
    </Stack>
  );
}
