import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { unmappedKindLabels, unmappedKinds, type UnmappedKind, type UnmappedKindDto } from '../../../shared/contracts/figures.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useUnmappedCodes } from './api.ts';

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** What places a code: a code mapping for CAH codes and user groups; the department's own code for hierarchy codes. */
function HowToPlace({ kind }: { kind: UnmappedKind }) {
  if (kind === 'hierarchy') {
    return <Text size="sm">Give the department this code in Rapport (or correct the hierarchy code in the list system), then import the reading lists again.</Text>;
  }
  return (
    <Text size="sm">
      <AnchorLink to="/imports" size="sm">Import code mappings</AnchorLink> ({kind === 'cah' ? 'NSS subject codes' : 'library user groups'}) for them, then import
      the {kind === 'cah' ? 'NSS results' : 'loans'} again to update the department figures.
    </Text>
  );
}

function KindTable({ k }: { k: UnmappedKindDto }) {
  const headingId = useId();
  const label = unmappedKindLabels[k.kind];
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId}>{label}</Title>
      <Text size="sm">{count(k.codes, 'code')} ({count(k.rows, 'imported row')}) in no department yet.</Text>
      <Table.ScrollContainer minWidth={360}>
        <Table striped>
          <Table.Caption>{label} waiting for a department{k.items.length < k.codes ? `, the ${k.items.length} with most rows` : ''}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Code</Table.Th>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col" ta="right">Rows</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {k.items.map((i) => (
              <Table.Tr key={i.code}>
                <Table.Th scope="row" fw={500}>{i.code}</Table.Th>
                <Table.Td>{i.name ?? ''}</Table.Td>
                <Table.Td ta="right">{i.rows.toLocaleString('en-GB')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <HowToPlace kind={k.kind} />
    </Stack>
  );
}

/** Imported outside codes (NSS subjects, user groups, hierarchy codes) that no department has, so their figures count for none. */
export function UnmappedCodes({ kinds = [...unmappedKinds], headingOrder = 2 }: { kinds?: UnmappedKind[]; headingOrder?: 2 | 3 }) {
  const headingId = useId();
  const query = useUnmappedCodes();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={headingOrder} size="h3" id={headingId}>Codes waiting for a department</Title>
        <QueryState query={query} label="Loading codes waiting for a department">
          {(data) => {
            const waiting = data.kinds.filter((k) => kinds.includes(k.kind) && k.codes > 0);
            if (!waiting.length) return <Text size="sm">Every imported code is placed in a department.</Text>;
            return <Stack gap="lg">{waiting.map((k) => <KindTable key={k.kind} k={k} />)}</Stack>;
          }}
        </QueryState>
      </Stack>
    </Paper>
  );
}
