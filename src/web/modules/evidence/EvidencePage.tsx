import { Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { lazy, Suspense, useState } from 'react';
import type { EvidenceKind } from '../../../shared/contracts/evidence.ts';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { DepartmentFilter } from '../engagements/EngagementFormDepartments.tsx';
import { canEdit, useMe } from '../identity/api.ts';
import { useVocab } from '../org/api.ts';
import { useEvidenceList } from './api.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { kindOptions } from './labels.ts';

const CaptureEvidence = lazy(() => import('./CaptureEvidence.tsx').then((m) => ({ default: m.CaptureEvidence })));

const PAGE_SIZE = 20;

/** Evidence of impact, newest first: quotes, feedback, observations and figures, filtered by kind, department, theme and words. */
export function EvidencePage() {
  const { data: me } = useMe();
  const themes = useVocab('theme');
  const [kind, setKind] = useState<EvidenceKind | undefined>();
  const [orgUnitId, setOrgUnitId] = useState<string | undefined>();
  const [themeId, setThemeId] = useState<string | undefined>();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [page, setPage] = useState(1);
  const [capturing, setCapturing] = useState(false);
  const evidence = useEvidenceList({ kind, orgUnitId, themeId, q: q || undefined, page, pageSize: PAGE_SIZE });
  const filtered = !!(kind || orgUnitId || themeId || q);
  /** Any filter change starts again at page 1. */
  const change = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>Evidence</Title>
        {canEdit(me) && <Button onClick={() => setCapturing(true)}>Capture evidence</Button>}
      </Group>
      <Text size="sm" c="gray.8">What partners said and what changed: impact, not tasks completed.</Text>
      <Group align="end" wrap="wrap">
        <Select label="Kind" placeholder="Any kind" clearable w={220} data={kindOptions} value={kind ?? null}
          onChange={(v) => change(setKind)((v) ?? undefined)} />
        <DepartmentFilter value={orgUnitId} onChange={change(setOrgUnitId)} w={260} />
        <Select label="Theme" placeholder="Any theme" clearable w={220} data={(themes.data ?? []).map((t) => ({ value: t.id, label: t.label }))}
          value={themeId ?? null} onChange={(v) => change(setThemeId)(v ?? undefined)} />
        <TextInput label="Words" type="search" w={240} value={text} onChange={(ev) => change(setText)(ev.currentTarget.value)} />
      </Group>
      <QueryState query={evidence} label="Loading evidence" isEmpty={(d) => d.items.length === 0}
        empty={filtered ? 'No evidence matches these filters.' : 'No evidence captured yet.'}>
        {(data) => (
          <>
            <EvidenceList items={data.items} />
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} noun="items" />
          </>
        )}
      </QueryState>
      <Suspense fallback={null}>
        {capturing && <CaptureEvidence prefill={{ orgUnitIds: orgUnitId ? [orgUnitId] : [], themeIds: themeId ? [themeId] : [] }} onClose={() => setCapturing(false)} />}
      </Suspense>
    </Stack>
  );
}
