import { Alert, Anchor, Badge, Button, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import type { ImportJobDto, ImportSourceDto } from '../../../shared/contracts/imports.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { canEdit, useMe } from '../identity/api.ts';
import { useImportJob, useImportMutations, useImportSources } from './api.ts';
import { formatBytes, statusColors, statusLabels } from './labels.ts';
import { MappingForm } from './MappingForm.tsx';

const n = (x: number) => x.toLocaleString('en-GB');

function Running({ job, canCancel }: { job: ImportJobDto; canCancel: boolean }) {
  const { cancel } = useImportMutations();
  const pct = Math.round(job.progress * 100);
  const label = job.totalRows === null ? 'Reading the file…' : `${n(job.processedRows)} of ${n(job.totalRows)} rows (${pct}%)`;
  return (
    <Stack gap="xs" maw={640}>
      <Progress value={pct} size="lg" aria-label="Import progress" animated />
      <Text role="status">{job.status === 'queued' ? 'Waiting to start…' : label}</Text>
      <Text size="sm">You can leave this page: the import carries on, and picks up where it was if Rapport restarts.</Text>
      {canCancel && <Group><Button variant="default" color="red" loading={cancel.isPending} onClick={() => cancel.mutate(job.id)}>Stop the import</Button></Group>}
    </Stack>
  );
}

function Ended({ job }: { job: ImportJobDto }) {
  const problems = job.rejectedRows > 0 && <Anchor href={`/api/v1/imports/${job.id}/errors.csv`} download>Download the problems by line and column (CSV)</Anchor>;
  if (job.status === 'failed') return <Alert color="red" role="alert" title="The import failed; nothing was written">{job.error}</Alert>;
  if (job.status === 'cancelled') return <Alert color="gray" title="Stopped">{n(job.importedRows)} rows were imported before the import was stopped. {problems}</Alert>;
  return (
    <Alert variant="outline" color="teal.9" title="Import finished" role="status">
      <Stack gap={4}>
        <Text>{n(job.importedRows)} rows imported{job.rejectedRows ? `, ${n(job.rejectedRows)} rejected (they wrote nothing)` : ''}.</Text>
        {problems}
        {job.source === 'metrics' && <Text>See the figures under <AnchorLink to="/metrics">Metrics</AnchorLink> and on each department’s Metrics tab.</Text>}
      </Stack>
    </Alert>
  );
}

/** A report's own header block (COUNTER's Report_Name … Created), as the file gave it. */
function Preamble({ preamble }: { preamble: Record<string, string> }) {
  return (
    <Stack gap={4} component="section" aria-labelledby="preamble-heading">
      <Title order={2} size="h4" id="preamble-heading">The report’s header</Title>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: '1rem', rowGap: '0.25rem', margin: 0 }}>
        {Object.entries(preamble).map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}><dt style={{ fontWeight: 600 }}>{k.replace(/_/g, ' ')}</dt><dd style={{ margin: 0 }}>{v || '—'}</dd></div>
        ))}
      </dl>
    </Stack>
  );
}

function JobView({ job, source }: { job: ImportJobDto; source: ImportSourceDto | undefined }) {
  const { data: me } = useMe();
  const allowed = source ? canEdit(me, source.minRole) : false;
  return (
    <Stack>
      <Text><AnchorLink to="/imports">Imports</AnchorLink></Text>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{job.fileName}</Title>
        <Badge variant="outline" color={`${statusColors[job.status]}.9`} size="lg" style={{ textTransform: 'none' }}>{statusLabels[job.status]}</Badge>
      </Group>
      <Text c="gray.8">{source?.label ?? job.source} · {job.format.toUpperCase()} · {formatBytes(job.byteSize)} · uploaded by {job.createdBy?.name ?? 'the command line'}</Text>
      {job.preamble && <Preamble preamble={job.preamble} />}
      {job.status === 'uploaded' && source && (allowed ? <MappingForm job={job} source={source} /> : <Text>Only a {source.minRole} can run this import.</Text>)}
      {(job.status === 'queued' || job.status === 'running') && <Running job={job} canCancel={allowed} />}
      {(job.status === 'done' || job.status === 'failed' || job.status === 'cancelled') && <Ended job={job} />}
    </Stack>
  );
}

/** One import: map its columns and check the first rows, then follow its progress. */
export function ImportJobPage() {
  const { id } = useParams({ from: '/app/imports/$id' });
  const job = useImportJob(id);
  const sources = useImportSources();
  return (
    <QueryState query={job} label="Loading the import">
      {(j) => <JobView job={j} source={sources.data?.items.find((s) => s.key === j.source)} />}
    </QueryState>
  );
}
