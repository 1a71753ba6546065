import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { CoverageMatrix } from './CoverageMatrix.tsx';
import { StaffTab } from './StaffTab.tsx';
import { TeamsTab } from './TeamsTab.tsx';

type Tab = 'matrix' | 'staff' | 'teams';

/** Who in the library covers which department in which function: the matrix, the staff list and the teams. */
export function CoveragePage() {
  const [tab, setTab] = useState<Tab>('matrix');
  return (
    <Stack>
      <div>
        <Title order={1}>Staff and coverage</Title>
        <Text c="dimmed" size="sm">Who in the library looks after each department, and where nobody does yet.</Text>
      </div>
      <Tabs value={tab} onChange={(v) => setTab((v ?? 'matrix') as Tab)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="matrix">Coverage matrix</Tabs.Tab>
          <Tabs.Tab value="staff">Staff</Tabs.Tab>
          <Tabs.Tab value="teams">Teams</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="matrix" pt="md"><CoverageMatrix /></Tabs.Panel>
        <Tabs.Panel value="staff" pt="md"><StaffTab /></Tabs.Panel>
        <Tabs.Panel value="teams" pt="md"><TeamsTab /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
