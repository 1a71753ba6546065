import { Button, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { useState } from 'react';
import { EngagementTimeline } from '../../components/EngagementTimeline.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { withQuery } from '../../lib/api.ts';
import { academicYearStart, today } from '../../lib/dates.ts';
import { useInstitution, useTimeline, useVocab, type TimelineFilter } from './api.ts';

const PAGE_SIZE = 20;

export interface AcademicYear {
  /** first day, YYYY-MM-DD */
  from: string;
  /** last day, YYYY-MM-DD */
  to: string;
  label: string;
}

/** The current academic year and the ones before it, newest first ("2025–26"; a calendar year when it starts on 1 January). */
export function lastAcademicYears(count: number, month = 8, day = 1, on = today()): AcademicYear[] {
  const current = dayjs(academicYearStart(on, month, day));
  return Array.from({ length: count }, (_, i) => {
    const start = current.subtract(i, 'year');
    const y = start.year();
    const label = month === 1 && day === 1 ? String(y) : `${y}–${String((y + 1) % 100).padStart(2, '0')}`;
    return { from: start.format('YYYY-MM-DD'), to: start.add(1, 'year').subtract(1, 'day').format('YYYY-MM-DD'), label };
  });
}

/** The unit's engagement timeline (its own and every unit below it), with type, theme and academic-year filters and a CSV export. */
export function DepartmentEngagements({ orgUnitId }: { orgUnitId: string }) {
  const inst = useInstitution();
  const types = useVocab('engagement_type');
  const themes = useVocab('theme');
  const [typeId, setTypeId] = useState<string | null>(null);
  const [themeId, setThemeId] = useState<string | null>(null);
  const [year, setYear] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  // oldest first reads the relationship's story from its beginning
  const [order, setOrder] = useState<'desc' | 'asc'>('desc');

  const years = lastAcademicYears(5, inst.data?.academicYearStartMonth, inst.data?.academicYearStartDay);
  const chosenYear = years.find((y) => y.from === year);
  const filters: TimelineFilter = {
    orgUnitId,
    includeDescendants: 'true',
    typeId: typeId ?? undefined,
    themeId: themeId ?? undefined,
    from: chosenYear?.from,
    to: chosenYear?.to,
    order,
  };
  const timeline = useTimeline({ ...filters, page, pageSize: PAGE_SIZE });
  const filtered = !!(typeId || themeId || chosenYear);
  const change = (set: (v: string | null) => void) => (v: string | null) => {
    set(v);
    setPage(1);
  };

  return (
    <Stack component="section" aria-labelledby="engagements-heading" gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} id="engagements-heading">Engagements</Title>
        <Button component="a" href={withQuery('/api/v1/engagements.csv', { ...filters })} variant="light">Export CSV</Button>
      </Group>
      <Group align="end" wrap="wrap">
        <Select label="Type" placeholder="All types" clearable w={220}
          data={(types.data ?? []).map((t) => ({ value: t.id, label: t.label }))} value={typeId} onChange={change(setTypeId)} />
        <Select label="Theme" placeholder="All themes" clearable w={220}
          data={(themes.data ?? []).map((t) => ({ value: t.id, label: t.label }))} value={themeId} onChange={change(setThemeId)} />
        <Select label="Academic year" placeholder="All years" clearable w={180}
          data={years.map((y) => ({ value: y.from, label: y.label }))} value={year} onChange={change(setYear)} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="timeline-order">Order</Text>
          <SegmentedControl aria-labelledby="timeline-order" value={order} onChange={(v) => { setOrder(v); setPage(1); }}
            data={[{ value: 'desc', label: 'Newest first' }, { value: 'asc', label: 'Oldest first' }]} />
        </Stack>
      </Group>
      <QueryState query={timeline} label="Loading engagements">
        {(data) => (
          <>
            <EngagementTimeline items={data.items} empty={filtered ? 'No engagements match these filters.' : 'No engagements logged here yet.'} />
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} noun="engagements" />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
