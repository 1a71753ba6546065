import { Anchor, Badge, Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import type { PersonSummaryDto } from '../../../shared/contracts/people.ts';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { withQuery } from '../../lib/api.ts';
import { canEdit, useMe } from '../identity/api.ts';
import { usePeople, type PeopleFilter } from './api.ts';
import { PersonForm } from './PersonForm.tsx';
import { AnchorLink } from '../../components/AnchorLink.tsx';

const PAGE_SIZE = 50;

export function PeoplePage() {
  const search = useSearch({ from: '/app/people' });
  const navigate = useNavigate({ from: '/people' });
  const { data: me } = useMe();
  const [text, setText] = useState(search.q ?? '');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [championsOnly, setChampionsOnly] = useState(false);
  const [adding, setAdding] = useState(false);
  const page = search.page ?? 1;

  // What the box holds (debounced) goes into the address, replacing the entry, and starts again at page 1.
  useEffect(() => {
    void navigate({ search: (s) => ((s.q ?? '') === q ? s : { ...s, q: q || undefined, page: undefined }), replace: true });
  }, [q, navigate]);
  // When the address changes from outside (Back, the nav link), the box follows it.
  const [urlQ, setUrlQ] = useState(search.q);
  if (search.q !== urlQ) {
    setUrlQ(search.q);
    if ((search.q ?? '') !== q) setText(search.q ?? '');
  }

  const filter: PeopleFilter = { q: search.q || undefined, champion: championsOnly ? 'true' : undefined, page, pageSize: PAGE_SIZE };
  const people = usePeople(filter);
  const { page: _p, pageSize: _s, ...exportFilter } = filter;

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>People</Title>
        <Group gap="xs">
          <Button component="a" href={withQuery('/api/v1/people.csv', { ...exportFilter })} variant="light">Export CSV</Button>
          {canEdit(me, 'manager') && <Button component={Link} to="/people/duplicates" variant="default">Find duplicates</Button>}
          {canEdit(me) && <Button onClick={() => setAdding(true)}>Add a person</Button>}
        </Group>
      </Group>
      <Group align="end" wrap="wrap">
        <TextInput label="Search by name or email" type="search" value={text} onChange={(e) => setText(e.currentTarget.value)} w={280} />
        <Checkbox label="Library champions only" checked={championsOnly} mb={8}
          onChange={(e) => {
            setChampionsOnly(e.currentTarget.checked);
            void navigate({ search: (s) => ({ ...s, page: undefined }) });
          }} />
      </Group>
      <QueryState query={people} label="Loading people" isEmpty={(d) => d.items.length === 0}
        empty={search.q || championsOnly ? 'No one matches these filters.' : 'No people yet. Add the first partner contact.'}>
        {(data) => (
          <>
            <PeopleTable items={data.items} />
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={(p) => void navigate({ search: (s) => ({ ...s, page: p }) })} noun="people" />
          </>
        )}
      </QueryState>
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add a person" size="lg">
        {adding && (
          <PersonForm
            onCancel={() => setAdding(false)}
            onSaved={(p) => {
              setAdding(false);
              void navigate({ to: '/people/$id', params: { id: p.id } });
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function PeopleTable({ items }: { items: PersonSummaryDto[] }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover>
        <Table.Caption>Partner contacts, with where they work now</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Current positions</Table.Th>
            <Table.Th scope="col">Library champion</Table.Th>
            <Table.Th scope="col">Email</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td><AnchorLink to="/people/$id" params={{ id: p.id }}>{p.name}</AnchorLink></Table.Td>
              <Table.Td>
                {p.currentPositions.length ? (
                  <Stack gap={2}>
                    {p.currentPositions.map((x) => (
                      <Text size="sm" key={x.id}>
                        {x.title}, <AnchorLink to="/departments/$id" params={{ id: x.orgUnitId }} size="sm">{x.orgUnitName}</AnchorLink>
                      </Text>
                    ))}
                  </Stack>
                ) : <Text size="sm" c="dimmed">None recorded</Text>}
              </Table.Td>
              <Table.Td>{p.isChampion ? <Badge color="teal.9" tt="none">Library champion</Badge> : <Text size="sm" c="dimmed">No</Text>}</Table.Td>
              <Table.Td>{p.email ? <Anchor href={`mailto:${p.email}`} size="sm">{p.email}</Anchor> : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
