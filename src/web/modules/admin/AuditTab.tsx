import { Code, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { auditActions } from '../../../shared/contracts/audit.ts';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useAudit } from './api.ts';

const entityTypes = ['org_unit', 'person', 'position', 'engagement', 'coverage', 'user', 'team', 'vocab_term', 'institution'];

const show = (v: unknown) => (v === null || v === undefined ? '∅' : typeof v === 'string' ? v : JSON.stringify(v));

export function AuditTab() {
  const [page, setPage] = useState(1);
  const [entityType, setEntityType] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const audit = useAudit(page, { entityType: entityType ?? undefined, action: action ?? undefined });
  return (
    <Stack>
      <Group>
        <Select label="What" placeholder="Everything" clearable data={entityTypes} value={entityType} onChange={(v) => { setEntityType(v); setPage(1); }} />
        <Select label="Action" placeholder="Any" clearable data={[...auditActions]} value={action} onChange={(v) => { setAction(v); setPage(1); }} />
      </Group>
      <QueryState query={audit} isEmpty={(d) => d.items.length === 0} empty="No changes recorded for these filters.">
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={800}>
              <Table>
                <Table.Thead><Table.Tr><Table.Th>When</Table.Th><Table.Th>Who</Table.Th><Table.Th>Action</Table.Th><Table.Th>What</Table.Th><Table.Th>Changes</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {data.items.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td><Text size="sm">{new Date(a.at).toLocaleString('en-GB')}</Text></Table.Td>
                      <Table.Td>{a.userName ?? 'system'}</Table.Td>
                      <Table.Td>{a.action}</Table.Td>
                      <Table.Td><Text size="sm">{a.entityType}</Text><Code>{a.entityId.slice(-8)}</Code></Table.Td>
                      <Table.Td>
                        {Object.entries(a.changes).slice(0, 6).map(([f, c]) => (
                          <Text key={f} size="xs"><b>{f}</b>: {show(c.before).slice(0, 60)} → {show(c.after).slice(0, 60)}</Text>
                        ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} noun="changes" />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
