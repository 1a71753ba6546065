import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { academicYearOf, academicYearStarting } from '../../../shared/academic-year.ts';
import { overviewSorts } from '../../../shared/contracts/relationships.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { today } from '../../lib/dates.ts';
import { canEdit, useMe } from '../identity/api.ts';
import { useFaculties, useInstitution } from '../org/api.ts';
import { overviewCsvHref, useOverview, type OverviewFilter, type OverviewSort, type SortOrder } from './api.ts';
import { MaturityDistribution } from './MaturityDistribution.tsx';
import { SignalHeatmap } from './SignalHeatmap.tsx';

interface OverviewSearch {
  window?: 'year' | '365';
  year?: number;
  facultyId?: string;
  sort?: string;
  order?: SortOrder;
}

/** Academic years offered besides the current one. */
const PAST_YEARS = 4;

/**
 * Relationships at a glance, for managers: every department's signals as a heatmap, then how maturity
 * has moved over the years. The period, faculty and sort live in the URL, so a view can be shared.
 */
export function OverviewPage() {
  // not strict: the page also renders outside its route in component tests
  const search: OverviewSearch = useSearch({ strict: false });
  const navigate = useNavigate();
  const { data: me } = useMe();
  const inst = useInstitution();
  const faculties = useFaculties();
  const set = (patch: OverviewSearch) => void navigate({ to: '.', search: (s: OverviewSearch) => ({ ...s, ...patch }) });

  const filter: OverviewFilter = { window: search.window ?? 'year', year: search.window === '365' ? undefined : search.year, facultyId: search.facultyId };
  const sort = overviewSorts.find((k) => k === search.sort) ?? 'name';
  const order = search.order ?? 'asc';
  const overview = useOverview(filter);

  const current = academicYearOf(today(), inst.data?.academicYearStartMonth, inst.data?.academicYearStartDay);
  const periods = [
    { value: 'year', label: `This academic year (${current.label})` },
    ...Array.from({ length: PAST_YEARS }, (_, i) => academicYearStarting(current.year - i - 1)).map((y) => ({ value: `year:${y.year}`, label: `Academic year ${y.label}` })),
    { value: '365', label: 'Last 365 days' },
  ];
  const period = filter.window === '365' ? '365' : filter.year && filter.year !== current.year ? `year:${filter.year}` : 'year';
  const choosePeriod = (v: string | null) => {
    if (!v || v === 'year') return set({ window: undefined, year: undefined });
    if (v === '365') return set({ window: '365', year: undefined });
    set({ window: 'year', year: Number(v.slice(5)) });
  };
  // a new column starts with its strongest values (or A–Z for names); the same column flips
  const sortBy = (key: OverviewSort) =>
    set(key === sort ? { sort: key, order: order === 'asc' ? 'desc' : 'asc' } : { sort: key, order: key === 'name' || key === 'daysSinceLast' ? 'asc' : 'desc' });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="end" wrap="wrap">
        <div>
          <Title order={1}>Relationships at a glance</Title>
          <Text c="dimmed" size="sm">How each department's partnership with the library is going, and where attention would help.</Text>
        </div>
        {canEdit(me, 'manager') && (
          <Group gap="md">
            <AnchorLink to="/overview/priorities">Requests and priorities</AnchorLink>
            <AnchorLink to="/overview/partnership">Partnership model</AnchorLink>
          </Group>
        )}
      </Group>

      <Paper withBorder p="md" component="section" aria-labelledby="signals-heading">
        <Title order={2} size="h3" id="signals-heading" mb="sm">Signals by department</Title>
        <Group align="end" wrap="wrap" mb="md">
          <Select label="Period" data={periods} value={period} onChange={choosePeriod} allowDeselect={false} w={280} />
          <Select
            label="Faculty"
            placeholder="All faculties"
            clearable
            data={(faculties.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
            value={search.facultyId ?? null}
            onChange={(v) => set({ facultyId: v ?? undefined })}
            w={280}
          />
          <Button component="a" href={overviewCsvHref({ ...filter, sort, order })} variant="light">Download CSV</Button>
        </Group>
        <QueryState query={overview} label="Loading the signals" isEmpty={(d) => d.items.length === 0} empty="No active departments match this filter.">
          {(data) => <SignalHeatmap items={data.items} windowLabel={data.window.label} sort={sort} order={order} onSort={sortBy} />}
        </QueryState>
      </Paper>

      <MaturityDistribution />
    </Stack>
  );
}
