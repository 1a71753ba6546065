import { Stack, Tabs, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { AuditTab } from './AuditTab.tsx';
import { ListsTab } from './ListsTab.tsx';
import { PartnershipTab } from './PartnershipTab.tsx';
import { SettingsTab } from './SettingsTab.tsx';
import { UsersTab } from './UsersTab.tsx';

export function AdminPage() {
  const { tab = 'users' } = useSearch({ from: '/app/admin' });
  const navigate = useNavigate({ from: '/admin' });
  return (
    <Stack>
      <Title order={1}>Admin</Title>
      <Tabs value={tab} onChange={(v) => void navigate({ search: { tab: (v ?? 'users') as typeof tab } })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="users">Users and roles</Tabs.Tab>
          <Tabs.Tab value="settings">Institution settings</Tabs.Tab>
          <Tabs.Tab value="lists">Lists</Tabs.Tab>
          <Tabs.Tab value="partnership">Partnership model</Tabs.Tab>
          <Tabs.Tab value="audit">Audit trail</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users" pt="md"><UsersTab /></Tabs.Panel>
        <Tabs.Panel value="settings" pt="md"><SettingsTab /></Tabs.Panel>
        <Tabs.Panel value="lists" pt="md"><ListsTab /></Tabs.Panel>
        <Tabs.Panel value="partnership" pt="md"><PartnershipTab /></Tabs.Panel>
        <Tabs.Panel value="audit" pt="md"><AuditTab /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
