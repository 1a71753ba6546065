import { Badge, Button, Checkbox, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { CoverageMatrixDto, MatrixRowDto } from '../../../shared/contracts/coverage.ts';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { canEdit, useMe } from '../identity/api.ts';
import { useFaculties } from '../org/api.ts';
import { useCoverageMatrix } from './api.ts';
import { CoverageCellModal, type CellTarget } from './CoverageCellModal.tsx';
import { AnchorLink } from '../../components/AnchorLink.tsx';


type Fn = CoverageMatrixDto['functions'][number];

/** Departments × functions: who covers each, inherited cover, gaps and single points of failure. */
export function CoverageMatrix() {
  const [page, setPage] = useState(1);
  const [withinId, setWithinId] = useState<string | undefined>();
  const [gapsOnly, setGapsOnly] = useState(false);
  const [cell, setCell] = useState<CellTarget | null>(null);
  const faculties = useFaculties();
  const matrix = useCoverageMatrix({ withinId, page });
  const { data: me } = useMe();
  const manager = canEdit(me, 'manager');

  return (
    <Stack>
      <Group align="end" wrap="wrap">
        <Select
          label="Faculty"
          placeholder="All faculties"
          clearable
          data={(faculties.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
          value={withinId ?? null}
          onChange={(v) => { setWithinId(v ?? undefined); setPage(1); }}
          w={260}
        />
        <Checkbox label="Only units with gaps (this page)" checked={gapsOnly} onChange={(e) => setGapsOnly(e.currentTarget.checked)} mb={8} />
      </Group>
      <QueryState query={matrix} isEmpty={(d) => d.rows.length === 0} empty="No departments match this filter." label="Loading the coverage matrix">
        {(data) => {
          const rows = gapsOnly ? data.rows.filter((r) => r.gaps.length > 0) : data.rows;
          return (
            <>
              {rows.length === 0 ? (
                <Text c="dimmed" p="md">No gaps among the units on this page.</Text>
              ) : (
                <Table.ScrollContainer minWidth={360 + data.functions.length * 170}>
                  <Table withColumnBorders verticalSpacing="xs">
                    <Table.Caption>
                      Who covers each department in each library function. <strong>Gap</strong>: nobody covers that function for the
                      department, not even through its faculty. <strong>Single point of failure</strong>: one person covers every
                      covered function, so the department loses all its library contacts when they are away. “via …” means the cover
                      comes from a parent unit such as the faculty.
                    </Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Department</Table.Th>
                        <Table.Th scope="col">Faculty</Table.Th>
                        {data.functions.map((f) => <Table.Th key={f.id} scope="col">{f.label}</Table.Th>)}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((r) => (
                        <MatrixRow key={r.orgUnit.id} row={r} functions={data.functions} manager={manager} onCell={(fn) => setCell({ unit: r.orgUnit, fn, inheritedFrom: r.inherited[fn.id] ?? null })} />
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} noun="departments" />
            </>
          );
        }}
      </QueryState>
      {cell && <CoverageCellModal target={cell} onClose={() => setCell(null)} />}
    </Stack>
  );
}

function MatrixRow({ row, functions, manager, onCell }: { row: MatrixRowDto; functions: Fn[]; manager: boolean; onCell: (fn: Fn) => void }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        <Stack gap={4} align="flex-start">
          <AnchorLink to="/departments/$id" params={{ id: row.orgUnit.id }}>{row.orgUnit.name}</AnchorLink>
          {row.singlePointOfFailure && <Badge color="orange.9" variant="outline">Single point of failure</Badge>}
        </Stack>
      </Table.Th>
      <Table.Td><Text size="sm">{row.orgUnit.parentName ?? '—'}</Text></Table.Td>
      {functions.map((fn) => {
        const staff = row.cells[fn.id] ?? [];
        const via = row.inherited[fn.id];
        const gap = row.gaps.includes(fn.id);
        const own = staff.length > 0 && !via;
        const action = own ? 'Manage cover' : 'Add cover';
        return (
          <Table.Td key={fn.id}>
            <Stack gap={4} align="flex-start">
              {staff.length > 0 && <Text size="sm">{staff.map((s) => s.name).join(', ')}</Text>}
              {via && <Text size="xs" c="dimmed">via {via.name}</Text>}
              {gap && <Badge color="red.9" variant="outline">Gap</Badge>}
              {manager && (
                <Button size="compact-xs" variant="subtle" onClick={() => onCell(fn)} aria-label={`${action}: ${fn.label}, ${row.orgUnit.name}`}>
                  {action}
                </Button>
              )}
            </Stack>
          </Table.Td>
        );
      })}
    </Table.Tr>
  );
}
