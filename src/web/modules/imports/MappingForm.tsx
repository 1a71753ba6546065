import { Alert, Button, Checkbox, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportJobDto, ImportMapping, ImportOptionDto, ImportOptions, ImportSourceDto, MappingBody, PreviewDto } from '../../../shared/contracts/imports.ts';
import { ApiError, get } from '../../lib/api.ts';
import { useImportMutations } from './api.ts';

const NOT_IN_FILE = '';

/** The institution's metrics, for a metrics file without a Metric column. */
const useMetricChoices = (enabled: boolean) =>
  useQuery({ queryKey: ['metrics', 'choices'], enabled, queryFn: () => get<{ items: { id: string; name: string; unit: string }[] }>('/api/v1/metrics') });

function PreviewTable({ preview, source }: { preview: PreviewDto; source: ImportSourceDto }) {
  return (
    <Stack gap="xs">
      <Text role="status">
        Checked the first {preview.checked.toLocaleString('en-GB')} rows: {preview.rejected === 0 ? 'all can be imported.' : `${preview.rejected.toLocaleString('en-GB')} would be rejected.`}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Caption>The first rows as they would be imported</Table.Caption>
          <Table.Thead>
            <Table.Tr><Table.Th>Line</Table.Th>{source.fields.map((f) => <Table.Th key={f.key}>{f.label}</Table.Th>)}<Table.Th>Problems</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r) => (
              <Table.Tr key={r.line}>
                <Table.Td>{r.line}</Table.Td>
                {source.fields.map((f) => <Table.Td key={f.key}>{r.values[f.key] ?? ''}</Table.Td>)}
                <Table.Td>{r.issues.length ? <Text size="sm" c="red.9">{r.issues.map((i) => (i.column ? `${i.column}: ${i.message}` : i.message)).join('; ')}</Text> : 'OK'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** One of the source's choices for the whole file. */
function OptionField({ option, value, onChange, error, metrics }: {
  option: ImportOptionDto; value: string | boolean | undefined; onChange: (v: string | boolean | undefined) => void; error?: string;
  metrics: { id: string; name: string; unit: string }[];
}) {
  const common = { label: option.label, description: option.help ?? undefined, withAsterisk: option.required, error };
  if (option.kind === 'boolean') {
    return <Checkbox label={option.label} description={option.help ?? undefined} error={error} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />;
  }
  if (option.kind === 'text') return <TextInput {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value || undefined)} />;
  const data = option.kind === 'metric' ? metrics.map((m) => ({ value: m.id, label: `${m.name} (${m.unit})` })) : (option.choices ?? []);
  return (
    <Select {...common} searchable data={data} value={typeof value === 'string' ? value : null} onChange={(v) => onChange(v ?? undefined)}
      nothingFoundMessage={option.kind === 'metric' ? 'No metric has that name; add it under Metrics first' : 'Nothing matches'} />
  );
}

/** Match each field to one of the file's columns, check the first rows, then start the import. */
export function MappingForm({ job, source }: { job: ImportJobDto; source: ImportSourceDto }) {
  const [mapping, setMapping] = useState<ImportMapping>(job.mapping);
  const [options, setOptions] = useState<ImportOptions>(job.options);
  // a metric chosen for the whole file only matters when no column names the metric row by row
  const shown = source.options.filter((o) => !(o.kind === 'metric' && mapping.metric));
  const metrics = useMetricChoices(shown.some((o) => o.kind === 'metric'));
  const { preview, start } = useImportMutations();
  const body = (): MappingBody => ({
    mapping: Object.fromEntries(Object.entries(mapping).filter(([, c]) => c !== NOT_IN_FILE)),
    options: Object.fromEntries(shown.flatMap((o) => (options[o.key] === undefined ? [] : [[o.key, options[o.key] as string | boolean]]))),
  });
  const failure = [start.error, preview.error].find((e) => e instanceof ApiError);
  const fieldError = (field: string) => failure?.details.find((d) => d.field === field)?.message;
  const columns = job.columns.map((c) => ({ value: c, label: c }));

  return (
    <Stack>
      <Title order={2} size="h3">Match the columns</Title>
      <Text>
        Rapport found {job.columns.length} columns. Choose which one holds each field; the choice is remembered for the next file of this kind.
        {source.mappingRequired && ' Columns in this kind of file are of your own design, so Rapport does not guess them.'}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={760}>
        {source.fields.map((f) => (
          <Select key={f.key} label={f.label} description={f.help ?? undefined} withAsterisk={f.required}
            data={f.required ? columns : [{ value: NOT_IN_FILE, label: 'Not in this file' }, ...columns]}
            value={mapping[f.key] ?? (f.required ? null : NOT_IN_FILE)} allowDeselect={false}
            onChange={(v) => setMapping((m) => ({ ...m, [f.key]: v ?? NOT_IN_FILE }))}
            error={fieldError(`mapping.${f.key}`)} />
        ))}
        {shown.map((o) => (
          <OptionField key={o.key} option={o} value={options[o.key]} metrics={metrics.data?.items ?? []} error={fieldError(`options.${o.key}`)}
            onChange={(v) => setOptions((cur) => {
              const next = { ...cur };
              if (v === undefined) delete next[o.key];
              else next[o.key] = v;
              return next;
            })} />
        ))}
      </SimpleGrid>
      {failure && !failure.details.some((d) => d.field.startsWith('mapping.') || d.field.startsWith('options.')) && (
        <Alert color="red" role="alert" title="Could not go on">{failure.message}</Alert>
      )}
      <Group>
        <Button variant="default" loading={preview.isPending} onClick={() => preview.mutate({ id: job.id, body: body() })}>Check the first rows</Button>
        <Button loading={start.isPending} onClick={() => start.mutate({ id: job.id, body: body() })}>Import</Button>
      </Group>
      {preview.data && <PreviewTable preview={preview.data} source={source} />}
    </Stack>
  );
}
