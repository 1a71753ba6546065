import { Alert, Anchor, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReportBatchDto } from '../../../shared/contracts/reports.ts';
import { ApiError, get, post } from '../../lib/api.ts';

/** Every department's report for the year as one ZIP of PDFs, made in the background with a progress bar. */
export function ReportBatch({ year, label }: { year: number; label: string }) {
  const [id, setId] = useState<string | null>(null);
  const start = useMutation({ mutationFn: () => post<ReportBatchDto>('/api/v1/reports/batches', { year }), onSuccess: (b) => setId(b.id) });
  const batch = useQuery({
    queryKey: ['reports', 'batch', id],
    enabled: id !== null,
    queryFn: () => get<ReportBatchDto>(`/api/v1/reports/batches/${id ?? ''}`),
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 500 : false),
  });
  const b = batch.data ?? start.data;
  const pct = b?.total ? Math.round((100 * b.done) / b.total) : 0;
  return (
    <Stack gap="xs" maw={640} component="section" aria-label="Every department's PDF">
      <Group>
        <Button variant="default" loading={start.isPending} disabled={b?.status === 'running'} onClick={() => start.mutate()}>
          Make every department’s PDF for {label}
        </Button>
      </Group>
      {start.error instanceof ApiError && <Alert color="red" role="alert" title="Not started">{start.error.message}</Alert>}
      {b && b.status === 'running' && (
        <>
          <Progress value={pct} size="lg" aria-label="Reports made" animated />
          <Text role="status">{b.total === null ? 'Counting the departments…' : `${b.done} of ${b.total} reports (${pct}%)`}</Text>
        </>
      )}
      {b?.status === 'done' && (
        <Text role="status">
          {b.done} reports are ready: <Anchor href={`/api/v1/reports/batches/${b.id}/download`} download>download the ZIP</Anchor> (kept for an hour).
        </Text>
      )}
      {b?.status === 'failed' && <Alert color="red" role="alert" title="The batch stopped">{b.error}</Alert>}
    </Stack>
  );
}
