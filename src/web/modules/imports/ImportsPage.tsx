import { Alert, Badge, Button, FileInput, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { ImportJobDto, ImportSourceKey } from '../../../shared/contracts/imports.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ApiError } from '../../lib/api.ts';
import { canEdit, useMe } from '../identity/api.ts';
import { useImportMutations, useImports, useImportSources } from './api.ts';
import { CodeMapsPanel } from './CodeMapsPanel.tsx';
import { UnmappedCodes } from '../figures/UnmappedCodes.tsx';
import { formatBytes, statusColors, statusLabels } from './labels.ts';

const ACCEPT = '.csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Upload a file for one of the sources; its columns are mapped on the next page. */
function UploadForm({ onUploaded }: { onUploaded: (job: ImportJobDto) => void }) {
  const { data: me } = useMe();
  const sources = useImportSources();
  const { upload } = useImportMutations();
  const allowed = (sources.data?.items ?? []).filter((s) => canEdit(me, s.minRole));
  const [source, setSource] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [tried, setTried] = useState(false);
  const chosen = source ?? allowed[0]?.key ?? null;
  const description = allowed.find((s) => s.key === chosen)?.description;
  const err = upload.error instanceof ApiError ? upload.error : null;
  const fileError = (tried && !file ? 'Choose a CSV, TSV or XLSX file' : null) ?? err?.details.find((d) => d.field === 'file')?.message ?? null;

  if (!allowed.length) return sources.isPending ? null : <Text>Your role cannot import data. Ask a manager or an administrator.</Text>;
  return (
    <Stack component="form" gap="sm" maw={560} onSubmit={(e) => {
      e.preventDefault();
      setTried(true);
      if (file && chosen) upload.mutate({ source: chosen as ImportSourceKey, file }, { onSuccess: onUploaded });
    }}>
      <Select label="What the file holds" data={allowed.map((s) => ({ value: s.key, label: s.label }))} value={chosen} onChange={setSource} allowDeselect={false} description={description} />
      <FileInput label="File" description="CSV (UTF-8), TSV or Excel .xlsx; the first row names the columns." accept={ACCEPT} value={file} onChange={setFile} clearable error={fileError} withAsterisk />
      {err && !err.details.some((d) => d.field === 'file') && <Alert color="red" role="alert" title="The file was not accepted">{err.message}</Alert>}
      <Group><Button type="submit" loading={upload.isPending}>Upload and map columns</Button></Group>
    </Stack>
  );
}

export function ImportsTable({ items }: { items: ImportJobDto[] }) {
  const sources = useImportSources();
  const sourceLabels = new Map((sources.data?.items ?? []).map((s) => [s.key as string, s.label]));
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr><Table.Th>File</Table.Th><Table.Th>What it holds</Table.Th><Table.Th>Status</Table.Th><Table.Th>Rows imported</Table.Th><Table.Th>Rows rejected</Table.Th><Table.Th>By</Table.Th><Table.Th>Uploaded</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((j) => (
            <Table.Tr key={j.id}>
              <Table.Td><AnchorLink to="/imports/$id" params={{ id: j.id }}>{j.fileName}</AnchorLink> <Text span size="sm" c="gray.8">({j.format.toUpperCase()}, {formatBytes(j.byteSize)})</Text></Table.Td>
              <Table.Td>{sourceLabels.get(j.source) ?? j.source}</Table.Td>
              <Table.Td><Badge variant="outline" color={`${statusColors[j.status]}.9`} style={{ textTransform: 'none' }}>{statusLabels[j.status]}</Badge></Table.Td>
              <Table.Td>{j.importedRows.toLocaleString('en-GB')}</Table.Td>
              <Table.Td>{j.rejectedRows.toLocaleString('en-GB')}</Table.Td>
              <Table.Td>{j.createdBy?.name ?? '—'}</Table.Td>
              <Table.Td>{new Date(j.createdAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Imports: upload a spreadsheet from another system, and the imports run so far. */
export function ImportsPage() {
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const imports = useImports(page);
  return (
    <Stack>
      <Title order={1}>Imports</Title>
      <Text maw={720}>Bring in the figures the library already has: export them from the other system as CSV or Excel, upload the file, match its columns to Rapport’s fields and check the first rows before anything is written.</Text>
      <section aria-labelledby="upload-heading">
        <Title order={2} size="h3" id="upload-heading" mb="sm">Upload a file</Title>
        <UploadForm onUploaded={(j) => void navigate({ to: '/imports/$id', params: { id: j.id } })} />
      </section>
      <section aria-labelledby="code-maps-heading">
        <CodeMapsPanel />
      </section>
      <UnmappedCodes />
      <section aria-labelledby="history-heading">
        <Title order={2} size="h3" id="history-heading" mb="sm">Imports so far</Title>
        <QueryState query={imports} label="Loading imports" isEmpty={(d) => d.items.length === 0} empty="Nothing has been imported yet.">
          {(d) => (
            <>
              <ImportsTable items={d.items} />
              <Pager page={d.page} pageSize={d.pageSize} total={d.total} onChange={setPage} noun="imports" />
            </>
          )}
        </QueryState>
      </section>
    </Stack>
  );
}
