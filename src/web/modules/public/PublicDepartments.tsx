import { List, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import type { Page } from '../../../shared/contracts/common.ts';
import type { PublicDepartmentDto } from '../../../shared/contracts/coverage.ts';
import { get } from '../../lib/api.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';


const usePublicDepartments = (institutionId: string, page: number) =>
  useQuery({
    queryKey: ['public', institutionId, 'departments', page],
    queryFn: () => get<Page<PublicDepartmentDto>>(`/api/v1/public/institutions/${encodeURIComponent(institutionId)}/org-units`, { page, pageSize: 50 }),
    placeholderData: keepPreviousData,
  });

/** Every department in the institution's public directory, each linking to its own contacts page. */
export function PublicDepartments({ institutionId, currentId }: { institutionId: string; currentId: string }) {
  const [page, setPage] = useState(1);
  const departments = usePublicDepartments(institutionId, page);
  return (
    <Stack component="section" aria-labelledby="other-departments" gap="xs">
      <Title order={2} size="h3" id="other-departments">Other departments</Title>
      <QueryState query={departments} isEmpty={(d) => d.items.length === 0} empty="No other departments are listed." label="Loading departments">
        {(data) => (
          <>
            <List spacing={4}>
              {data.items.map((d) => (
                <List.Item key={d.id}>
                  <AnchorLink to="/p/$institutionId/$orgUnitId" params={{ institutionId, orgUnitId: d.id }} aria-current={d.id === currentId ? 'page' : undefined}>
                    {d.name}
                  </AnchorLink>
                  {d.parentName && <Text span size="sm" c="dimmed">{` · ${d.parentName}`}</Text>}
                  {d.id === currentId && <Text span size="sm" fw={600}> (this page)</Text>}
                </List.Item>
              ))}
            </List>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} noun="departments" />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
