import { AppShell, Burger, Button, Group, Kbd, Loader, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { lazy, Suspense, useMemo, useState } from 'react';
import { canEdit, useLogout, useMe } from '../modules/identity/api.ts';
import { AppActionsContext, type AppActions, type EvidencePrefill, type QuickLogPrefill } from './actions.ts';

const QuickLog = lazy(() => import('../modules/engagements/QuickLog.tsx').then((m) => ({ default: m.QuickLog })));
const CaptureEvidence = lazy(() => import('../modules/evidence/CaptureEvidence.tsx').then((m) => ({ default: m.CaptureEvidence })));
const SearchPalette = lazy(() => import('../modules/search/SearchPalette.tsx').then((m) => ({ default: m.SearchPalette })));

const nav = [
  { to: '/', label: 'My week' },
  { to: '/departments', label: 'Departments' },
  { to: '/people', label: 'People' },
  { to: '/engagements', label: 'Engagements' },
  { to: '/opportunities', label: 'Opportunities' },
  { to: '/plans', label: 'Action plans' },
  { to: '/campaigns', label: 'Campaigns' },
  { to: '/goals', label: 'Strategic goals' },
  { to: '/capture', label: 'Capture' },
  { to: '/evidence', label: 'Evidence' },
  { to: '/impact', label: 'Impact evaluations' },
  { to: '/metrics', label: 'Metrics' },
  { to: '/reports', label: 'Annual reports' },
  { to: '/imports', label: 'Imports' },
  { to: '/coverage', label: 'Staff and coverage' },
] as const;

export function AppLayout() {
  const { data: me } = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const [navOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const [quickLog, setQuickLog] = useState<QuickLogPrefill | null>(null);
  const [evidence, setEvidence] = useState<EvidencePrefill | null>(null);
  const [searchOpen, setSearchOpen] = useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const editor = canEdit(me);

  const actions = useMemo<AppActions>(
    () => ({ openQuickLog: (prefill) => setQuickLog(prefill ?? {}), openCaptureEvidence: (prefill) => setEvidence(prefill ?? {}), openSearch: () => setSearchOpen(true) }),
    [],
  );
  // the shortcut logs against what is on screen: a department's page fills in the department, a person's the person
  const inView = (): QuickLogPrefill => {
    const [, section, id] = pathname.split('/');
    if (section === 'departments' && id) return { orgUnitId: id };
    if (section === 'people' && id) return { personIds: [id] };
    return {};
  };
  // evidence from what is on screen: a department's page names the department, a person's page the source
  const evidenceInView = (): EvidencePrefill => {
    const { orgUnitId, personIds } = inView();
    return { ...(orgUnitId ? { orgUnitIds: [orgUnitId] } : {}), ...(personIds?.[0] ? { sourcePersonId: personIds[0] } : {}) };
  };
  useHotkeys([
    ['mod+K', () => setSearchOpen(true)],
    ['mod+shift+L', () => editor && setQuickLog(inView())],
    ['mod+shift+E', () => editor && setEvidence(evidenceInView())],
  ], []);

  return (
    <AppActionsContext.Provider value={actions}>
      <a href="#main" className="skip-link">Skip to main content</a>
      <AppShell header={{ height: 60 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group wrap="nowrap">
              <Burger opened={navOpen} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label={navOpen ? 'Close navigation' : 'Open navigation'} />
              <Text component={Link} to="/" fw={800} size="lg" c="indigo.9" td="none">Rapport</Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <UnstyledButton onClick={() => setSearchOpen(true)} aria-keyshortcuts="Control+K Meta+K" px="sm" py={6} style={{ border: '1px solid var(--mantine-color-gray-6)', borderRadius: 8 }}>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" c="gray.8">Search</Text>
                  <Kbd size="xs" visibleFrom="sm">Ctrl K</Kbd>
                </Group>
              </UnstyledButton>
              {editor && (
                <Button onClick={() => setQuickLog({})} aria-keyshortcuts="Control+Shift+L" title="Log an engagement (Ctrl+Shift+L)" px={{ base: 'xs', sm: 'md' }}>
                  Log<Text span inherit visibleFrom="xs">&nbsp;engagement</Text>
                </Button>
              )}
              {editor && (
                <Button variant="light" onClick={() => setEvidence(evidenceInView())} aria-keyshortcuts="Control+Shift+E Meta+Shift+E" title="Capture evidence (Ctrl+Shift+E)" px={{ base: 'xs', sm: 'md' }}>
                  <Text span inherit hiddenFrom="md">Evidence</Text>
                  <Text span inherit visibleFrom="md">Capture evidence</Text>
                </Button>
              )}
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button variant="default" aria-label={`Account: ${me?.user.name ?? ''}`} px="xs">
                    <Text span size="sm" visibleFrom="sm" inherit>{me?.user.name}</Text>
                    <Text span hiddenFrom="sm" inherit aria-hidden>Account</Text>
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{me?.user.email} · {me?.user.role}</Menu.Label>
                  <Menu.Label>{me?.institution.name}</Menu.Label>
                  <Menu.Item onClick={() => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login' }) })}>Sign out</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" component="nav" aria-label="Main" style={{ overflowY: 'auto' }}>
          {nav.map((n) => (
            <NavLink key={n.to} component={Link} to={n.to} label={n.label} onClick={closeNav} variant="filled" active={n.to === '/' ? pathname === '/' : pathname.startsWith(n.to)} />
          ))}
          {canEdit(me, 'manager') && <NavLink component={Link} to="/overview" label="Overview" onClick={closeNav} variant="filled" active={pathname.startsWith('/overview')} />}
          {me?.user.role === 'admin' && <NavLink component={Link} to="/admin" label="Admin" onClick={closeNav} variant="filled" active={pathname.startsWith('/admin')} />}
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
      <Suspense fallback={quickLog || evidence || searchOpen ? <Loader aria-label="Loading" /> : null}>
        {quickLog && <QuickLog prefill={quickLog} onClose={() => setQuickLog(null)} />}
        {evidence && <CaptureEvidence prefill={evidence} onClose={() => setEvidence(null)} />}
        {searchOpen && <SearchPalette onClose={() => setSearchOpen(false)} />}
      </Suspense>
    </AppActionsContext.Provider>
  );
}
