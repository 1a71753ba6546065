import { Alert, Badge, Button, Group, List, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Page } from '../../../shared/contracts/common.ts';
import type { DuplicateGroupDto, DuplicateReasonDto, MergePeopleBody, MergeResultDto } from '../../../shared/contracts/people-merge.ts';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { get, post } from '../../lib/api.ts';
import { canEdit, useMe } from '../identity/api.ts';

const PAGE_SIZE = 20;

const useDuplicates = (page: number, enabled: boolean) =>
  useQuery({ queryKey: ['people', 'duplicates', page], queryFn: () => get<Page<DuplicateGroupDto>>('/api/v1/people/duplicates', { page, pageSize: PAGE_SIZE }), placeholderData: keepPreviousData, enabled });

function useMerge() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: MergePeopleBody) => post<MergeResultDto>('/api/v1/people/merge', b),
    onSuccess: (r) => (r.dryRun ? undefined : Promise.all([qc.invalidateQueries({ queryKey: ['people'] }), qc.invalidateQueries({ queryKey: ['person'] })])),
  });
}

const reasonText = (r: DuplicateReasonDto) =>
  r.kind === 'name' ? `Same name: ${r.value}` : r.kind === 'email' ? `Same email: ${r.value}` : `Initials and full name: ${r.value}`;

const moveLabels: [keyof MergeResultDto['moves'], string][] = [
  ['engagements', 'engagements'], ['positions', 'positions'], ['opportunities', 'opportunities'], ['evidence', 'pieces of evidence'],
  ['planActions', 'action-plan actions'], ['maturityAssessments', 'maturity assessments'], ['captureItems', 'items in the capture queue'],
];
const fieldLabel = (f: string) => f.replace(/([A-Z])/g, ' $1').toLowerCase();

/** What a dry run found: what moves, what becomes one, what is filled and where the records disagree. */
function MergePreview({ result, names }: { result: MergeResultDto; names: Map<string, string> }) {
  const moving = moveLabels.filter(([k]) => result.moves[k] > 0);
  return (
    <Stack gap="xs" aria-label="What the merge would do" role="region">
      <Text size="sm" fw={600}>Moving to the record kept</Text>
      {moving.length ? (
        <List size="sm">{moving.map(([k, label]) => <List.Item key={k}>{result.moves[k]} {label}</List.Item>)}</List>
      ) : <Text size="sm" c="dimmed">Nothing else refers to the other records.</Text>}
      {result.shared.engagements + result.shared.opportunities + result.shared.positions > 0 && (
        <Text size="sm">Already shared, so counted once: {result.shared.engagements} engagements, {result.shared.opportunities} opportunities, {result.shared.positions} positions.</Text>
      )}
      {result.filled.length > 0 && (
        <>
          <Text size="sm" fw={600}>Filled in where the kept record is empty</Text>
          <List size="sm">{result.filled.map((f) => <List.Item key={f.field}>{fieldLabel(f.field)}: {f.value} (from {names.get(f.fromId) ?? 'another record'})</List.Item>)}</List>
        </>
      )}
      {result.conflicts.length > 0 && (
        <>
          <Text size="sm" fw={600}>Different in the records (the kept value stays)</Text>
          <List size="sm">
            {result.conflicts.map((c) => <List.Item key={c.field}>{fieldLabel(c.field)}: keeps “{c.kept}”, drops {c.merged.map((m) => `“${m.value}”`).join(', ')}</List.Item>)}
          </List>
        </>
      )}
    </Stack>
  );
}

function GroupCard({ group }: { group: DuplicateGroupDto }) {
  const headingId = useId();
  const [keepId, setKeepId] = useState(group.people[0]?.id ?? '');
  const [preview, setPreview] = useState<MergeResultDto | null>(null);
  const merge = useMerge();
  const names = new Map(group.people.map((p) => [p.id, p.name]));
  const mergeIds = group.people.map((p) => p.id).filter((id) => id !== keepId);
  const keptName = names.get(keepId) ?? '';
  const run = (dryRun: boolean) => merge.mutate({ keepId, mergeIds, dryRun }, { onSuccess: (r) => setPreview(r.dryRun ? r : null) });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id={headingId}>{group.people[0]?.name}</Title>
          <Group gap={4}>{group.reasons.map((r) => <Badge key={`${r.kind}:${r.value}`} variant="light">{reasonText(r)}</Badge>)}</Group>
        </Group>
        <Radio.Group label="Record to keep" value={keepId} onChange={(v) => { setKeepId(v); setPreview(null); merge.reset(); }}>
          <Stack gap="xs" mt="xs">
            {group.people.map((p) => (
              <Radio key={p.id} value={p.id}
                label={`${p.name}${p.email ? ` · ${p.email}` : ''}`}
                description={[p.currentPositions.join('; ') || 'No current position', `${p.engagements} engagement${p.engagements === 1 ? '' : 's'}`].join(' · ')} />
            ))}
          </Stack>
        </Radio.Group>
        {merge.isError && <Alert color="red" role="alert">{merge.error.message}</Alert>}
        {merge.data && !merge.data.dryRun && <Alert color="green" role="status">Merged into {keptName}.</Alert>}
        {preview && <MergePreview result={preview} names={names} />}
        {!(merge.data && !merge.data.dryRun) && (
          <Group>
            <Button variant="light" onClick={() => run(true)} loading={merge.isPending && !preview}>Check what merging would do</Button>
            {preview && <Button color="red" onClick={() => run(false)} loading={merge.isPending}>Merge {mergeIds.length} into {keptName}</Button>}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** People who look like one person (same name, same email, initials), and the merge tool: a dry run first, then the merge. */
export function DuplicatesPage() {
  const { data: me } = useMe();
  const [page, setPage] = useState(1);
  const canMerge = canEdit(me, 'manager');
  // the list is for managers too (the server refuses others): people finding duplicates are the ones who merge them
  const duplicates = useDuplicates(page, canMerge);
  return (
    <Stack>
      <Title order={1}>Possible duplicate people</Title>
      <Text c="dimmed" size="sm">
        Records that look like one person. Choose the one to keep, check what the merge would move, then merge: engagements, positions,
        evidence, opportunities and plan actions move to the kept record, and the others are removed.
      </Text>
      {me && !canMerge && <Alert role="note">Finding and merging duplicate people needs the manager role.</Alert>}
      {canMerge && <QueryState query={duplicates} label="Loading possible duplicates" isEmpty={(d) => d.items.length === 0} empty="No possible duplicates found.">
        {(data) => (
          <>
            {data.items.map((g) => <GroupCard key={g.key} group={g} />)}
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} noun="groups" />
          </>
        )}
      </QueryState>}
    </Stack>
  );
}
