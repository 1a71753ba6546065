import { Button, Group, Select, Stack, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import type { EvidenceKind } from '../../../shared/contracts/evidence.ts';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { canEdit, useMe } from '../identity/api.ts';
import { useEvidenceList } from './api.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { kindOptions } from './labels.ts';

const CaptureEvidence = lazy(() => import('./CaptureEvidence.tsx').then((m) => ({ default: m.CaptureEvidence })));

const PAGE_SIZE = 10;

/** A department's evidence (its own and every unit's below it), newest first, for a tab on its page. */
export function DepartmentEvidence({ orgUnitId, orgUnitName }: { orgUnitId: string; orgUnitName: string }) {
  const { data: me } = useMe();
  const [kind, setKind] = useState<EvidenceKind | undefined>();
  const [page, setPage] = useState(1);
  const [capturing, setCapturing] = useState(false);
  const evidence = useEvidenceList({ orgUnitId, kind, page, pageSize: PAGE_SIZE });
  return (
    <Stack component="section" aria-labelledby="evidence-heading" gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} id="evidence-heading">Evidence</Title>
        {canEdit(me) && <Button variant="light" onClick={() => setCapturing(true)}>Capture evidence for {orgUnitName}</Button>}
      </Group>
      <Select label="Kind" placeholder="Any kind" clearable w={220} data={kindOptions} value={kind ?? null}
        onChange={(v) => {
          setKind((v) ?? undefined);
          setPage(1);
        }} />
      <QueryState query={evidence} label="Loading evidence" isEmpty={(d) => d.items.length === 0}
        empty={kind ? 'No evidence of this kind here.' : `No evidence captured for ${orgUnitName} yet.`}>
        {(data) => (
          <>
            <EvidenceList items={data.items} />
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} noun="items" />
          </>
        )}
      </QueryState>
      <Suspense fallback={null}>
        {capturing && <CaptureEvidence prefill={{ orgUnitIds: [orgUnitId], known: { orgUnits: [{ id: orgUnitId, name: orgUnitName }] } }} onClose={() => setCapturing(false)} />}
      </Suspense>
    </Stack>
  );
}
