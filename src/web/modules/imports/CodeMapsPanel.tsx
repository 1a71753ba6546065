import { Button, Group, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { CodeMapKindKey } from '../../../shared/contracts/code-maps.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { canEdit, useMe } from '../identity/api.ts';
import { useCodeMapMutations, useCodeMaps } from './api.ts';

export const codeMapKindLabels: Record<CodeMapKindKey, string> = {
  cah: 'NSS subject (CAH code)',
  user_group: 'Library user group',
  title: 'Journal or book title',
};

/**
 * Which department each outside code belongs to. NSS results, loans and title-level usage reach a
 * department only through these; a file of them imports as "Code mappings".
 */
export function CodeMapsPanel() {
  const { data: me } = useMe();
  const [kind, setKind] = useState<CodeMapKindKey | null>(null);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const maps = useCodeMaps({ kind: kind ?? undefined, q: q.trim() || undefined, page });
  const { remove } = useCodeMapMutations();
  const editable = canEdit(me, 'manager');
  return (
    <Stack gap="sm">
      <Title order={2} size="h3" id="code-maps-heading">Code mappings</Title>
      <Text maw={720}>
        Other systems name departments their own way: NSS by subject (CAH) code, the library system by user group, COUNTER reports by title.
        Rapport places those figures in a department only through a mapping here. To add many at once, upload a file as “Code mappings”.
      </Text>
      <Group align="end">
        <Select label="Kind" placeholder="All kinds" clearable value={kind} onChange={(v) => { setKind(v as CodeMapKindKey | null); setPage(1); }}
          data={Object.entries(codeMapKindLabels).map(([value, label]) => ({ value, label }))} />
        <TextInput label="Code contains" value={q} onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} />
      </Group>
      <QueryState query={maps} label="Loading code mappings" isEmpty={(d) => d.total === 0} empty="No codes are mapped yet.">
        {(d) => (
          <>
            <Table.ScrollContainer minWidth={560}>
              <Table striped aria-labelledby="code-maps-heading">
                <Table.Thead>
                  <Table.Tr><Table.Th>Kind</Table.Th><Table.Th>Code</Table.Th><Table.Th>Department</Table.Th>{editable && <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>}</Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.items.map((m) => (
                    <Table.Tr key={`${m.kind}:${m.code}`}>
                      <Table.Td>{codeMapKindLabels[m.kind]}</Table.Td>
                      <Table.Td>{m.code}</Table.Td>
                      <Table.Td><AnchorLink to="/departments/$id" params={{ id: m.orgUnit.id }}>{m.orgUnit.name}</AnchorLink></Table.Td>
                      {editable && (
                        <Table.Td>
                          <Button size="xs" variant="subtle" color="red.9" loading={remove.isPending && remove.variables.code === m.code}
                            onClick={() => remove.mutate({ kind: m.kind, code: m.code })} aria-label={`Remove the mapping of ${m.code}`}>Remove</Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={d.page} pageSize={d.pageSize} total={d.total} onChange={setPage} noun="codes" />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
