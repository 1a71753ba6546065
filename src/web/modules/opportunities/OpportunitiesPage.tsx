import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { opportunityStages, stageLabels } from '../../../shared/contracts/opportunities.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { DepartmentFilter } from '../engagements/EngagementFormDepartments.tsx';
import { GoalField } from '../goals/GoalField.tsx';
import { canEdit, useMe } from '../identity/api.ts';
import { useBoard, useOpportunities, useTriage, type OpportunityQuery, type OpportunitySort } from './api.ts';
import { Board } from './Board.tsx';
import { OpportunityList } from './OpportunityList.tsx';
import { useStageMove } from './StageMove.tsx';
import { Triage } from './Triage.tsx';

export interface OpportunitiesSearch {
  view?: 'board' | 'list' | 'triage';
  stage?: string;
  ownerId?: string;
  orgUnitId?: string;
  goalId?: string;
  q?: string;
  page?: number;
}

const LIST_PAGE_SIZE = 50;
const TRIAGE_PAGE_SIZE = 25;
const views = [{ value: 'board', label: 'Board' }, { value: 'list', label: 'List' }, { value: 'triage', label: 'Triage' }];
const stageOptions = opportunityStages.map((s) => ({ value: s, label: stageLabels[s] }));

/**
 * Opportunities as a board by stage, a list, or the triage queue of incoming requests. The view and
 * the filters live in the URL, so a view can be shared; the list's order is the reader's own.
 */
export function OpportunitiesPage() {
  // not strict: the page also renders outside its route in component tests
  const search: OpportunitiesSearch = useSearch({ strict: false });
  const navigate = useNavigate();
  const { data: me } = useMe();
  const editable = canEdit(me);
  const viewId = useId();
  const [sort, setSort] = useState<OpportunitySort>('priority');
  const { move, dialogs, moving, dialogOpen } = useStageMove();
  const set = (patch: OpportunitiesSearch) => void navigate({ to: '.', search: (s: OpportunitiesSearch) => ({ ...s, ...patch, page: patch.page }) });

  // a new order starts again from its first page
  const sortBy = (s: OpportunitySort) => {
    setSort(s);
    if (search.page) set({});
  };

  const view = search.view ?? 'board';
  const filters: OpportunityQuery = { ownerId: search.ownerId, orgUnitId: search.orgUnitId, goalId: search.goalId, q: search.q };
  const page = search.page ?? 1;
  const board = useBoard(filters, view === 'board');
  const list = useOpportunities({ ...filters, stage: search.stage, sort, page, pageSize: LIST_PAGE_SIZE }, view === 'list');
  const triage = useTriage(page, TRIAGE_PAGE_SIZE, view === 'triage');

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>Opportunities</Title>
        {editable && <Button component={Link} to="/opportunities/new">New opportunity</Button>}
      </Group>
      <Group gap="xs">
        <Text component="span" id={viewId} size="sm" fw={500}>View</Text>
        <SegmentedControl aria-labelledby={viewId} data={views} value={view} onChange={(v) => set({ view: v as OpportunitiesSearch['view'] })} />
      </Group>
      {view !== 'triage' && <Filters search={search} meId={me?.user.id} onChange={set} showStage={view === 'list'} />}
      {view === 'board' && (
        <QueryState query={board} label="Loading the board">
          {(data) => <Board board={data} editable={editable} onMove={move} dialogOpen={dialogOpen} />}
        </QueryState>
      )}
      {view === 'list' && (
        <QueryState query={list} label="Loading opportunities" isEmpty={(d) => d.items.length === 0} empty="No opportunities match these filters.">
          {(data) => <OpportunityList data={data} sort={sort} onSort={sortBy} onPage={(p) => set({ page: p })} editable={editable} onMove={move} />}
        </QueryState>
      )}
      {view === 'triage' && (
        <QueryState query={triage} label="Loading incoming requests">
          {(data) => <Triage data={data} editable={editable} onMove={move} onPage={(p) => set({ page: p })} moving={moving} />}
        </QueryState>
      )}
      {dialogs}
    </Stack>
  );
}

/** Owner (mine or anyone), department, goal and words; the words wait for a pause in typing. */
function Filters({ search, meId, onChange, showStage }: {
  search: OpportunitiesSearch;
  meId: string | undefined;
  onChange: (patch: OpportunitiesSearch) => void;
  showStage: boolean;
}) {
  const ownerId = useId();
  const [words, setWords] = useState(search.q ?? '');
  const pushWords = useDebouncedCallback((q: string) => onChange({ q: q || undefined }), 300);

  const owner = !search.ownerId ? 'anyone' : search.ownerId === meId ? 'mine' : 'other';
  const ownerData = [{ value: 'mine', label: 'Mine' }, { value: 'anyone', label: 'Anyone' }, ...(owner === 'other' ? [{ value: 'other', label: 'Someone else' }] : [])];
  const filtered = !!(search.ownerId || search.orgUnitId || search.goalId || search.q || search.stage);
  const clear = () => {
    setWords('');
    onChange({ ownerId: undefined, orgUnitId: undefined, goalId: undefined, q: undefined, stage: undefined });
  };
  return (
    <Group align="end" wrap="wrap" gap="sm" role="search" aria-label="Filter opportunities">
      <Stack gap={4}>
        <Text component="span" id={ownerId} size="sm" fw={500}>Owner</Text>
        <SegmentedControl aria-labelledby={ownerId} data={ownerData} value={owner}
          onChange={(v) => v !== 'other' && onChange({ ownerId: v === 'mine' ? meId : undefined })} />
      </Stack>
      <DepartmentFilter value={search.orgUnitId} onChange={(orgUnitId) => onChange({ orgUnitId })} w={240} />
      <div style={{ width: 260 }}>
        <GoalField label="Goal" value={search.goalId ?? null} onChange={(goalId) => onChange({ goalId: goalId ?? undefined })} />
      </div>
      {showStage && (
        <Select label="Stage" placeholder="Any stage" clearable data={stageOptions} value={search.stage ?? null} onChange={(stage) => onChange({ stage: stage ?? undefined })} w={180} />
      )}
      <TextInput label="Words" placeholder="In the title, hook or trigger" value={words} onChange={(e) => {
        setWords(e.currentTarget.value);
        pushWords(e.currentTarget.value.trim());
      }} w={240} />
      {filtered && <Button variant="subtle" onClick={clear}>Clear filters</Button>}
    </Group>
  );
}
