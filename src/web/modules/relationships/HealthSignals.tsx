import { Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import {
  signalExplanations, type CadenceSummaryDto, type PersonSignalsDto, type SignalKey, type SignalWindowDto, type UnitSignalsDto,
} from '../../../shared/contracts/relationships.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDate } from '../../lib/dates.ts';
import { useUnitSignals, type SignalWindow } from './api.ts';

/** Each signal's short name; its explanation comes from the shared contract, word for word. */
const signalNames: Record<SignalKey, string> = {
  maturity: 'Maturity',
  daysSinceLast: 'Last engagement',
  engagements: 'Engagements',
  perMonth: 'Engagements a month',
  people: 'People engaged',
  keyPeople: 'Key people engaged',
  themes: 'Strategic themes',
  depth: 'Depth',
  partnerShare: 'Initiated by the partner',
  cadence: 'Partnership model',
};

export interface Figure {
  key: SignalKey;
  value: string;
}

export const daysAgo = (n: number | null) => (n == null ? 'never' : n === 0 ? 'today' : n === 1 ? '1 day ago' : `${n} days ago`);
export const cadenceWords = (c: CadenceSummaryDto | null) =>
  c ? `${c.done} done, ${c.due} due, ${c.overdue} overdue` : 'No partnership template applies';
const percent = (x: number | null) => (x == null ? 'No engagements yet' : `${Math.round(x * 100)}%`);
const count = (x: number) => x.toLocaleString('en-GB', { maximumFractionDigits: 1 });

/*
 * Maturity is left out of both lists: the maturity panel beside them shows it with who judged it and why.
 */
export function unitFigures(s: UnitSignalsDto): Figure[] {
  return [
    { key: 'daysSinceLast', value: daysAgo(s.daysSinceLast) },
    { key: 'engagements', value: count(s.engagements) },
    { key: 'perMonth', value: s.perMonth.toFixed(1) },
    { key: 'people', value: count(s.people) },
    { key: 'keyPeople', value: count(s.keyPeople) },
    { key: 'themes', value: count(s.themes) },
    { key: 'depth', value: count(s.depth) },
    { key: 'partnerShare', value: percent(s.partnerShare) },
    { key: 'cadence', value: cadenceWords(s.cadence) },
  ];
}

export function personFigures(s: PersonSignalsDto): Figure[] {
  return [
    { key: 'daysSinceLast', value: daysAgo(s.daysSinceLast) },
    { key: 'engagements', value: count(s.engagements) },
    { key: 'perMonth', value: s.perMonth.toFixed(1) },
    { key: 'themes', value: count(s.themes) },
    { key: 'depth', value: count(s.depth) },
    { key: 'partnerShare', value: percent(s.partnerShare) },
  ];
}

/** The window the figures count over, as a labelled pair of radio buttons. */
export function WindowSwitch({ value, onChange }: { value: SignalWindow; onChange: (w: SignalWindow) => void }) {
  const labelId = useId();
  return (
    <Stack gap={4}>
      <Text component="div" size="sm" fw={500} id={labelId}>Count over</Text>
      <SegmentedControl
        aria-labelledby={labelId} value={value} onChange={(v) => onChange(v === '365' ? '365' : 'year')}
        data={[{ value: 'year', label: 'This academic year' }, { value: '365', label: 'Last 365 days' }]}
      />
    </Stack>
  );
}

/** Figures as a description list: the name, the figure, then what it means in words. */
export function SignalFigures({ figures }: { figures: Figure[] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md" m={0}>
      {figures.map((f) => (
        <div key={f.key}>
          <Text component="dt" size="sm" fw={600}>{signalNames[f.key]}</Text>
          <Text component="dd" size="lg" fw={700} m={0}>{f.value}</Text>
          <Text component="dd" size="xs" c="dimmed" m={0}>{signalExplanations[f.key]}</Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

/** "2025–26: 1 Sep 2025 to 12 Mar 2026", so the figures' period is never a guess. */
export function WindowLine({ range }: { range: SignalWindowDto }) {
  return (
    <Text size="sm" c="dimmed">
      {range.label}: {formatDate(range.from)} to {formatDate(range.to)}
    </Text>
  );
}

/** The department's signals over this academic year or the last 365 days, each explained in words. */
export function HealthSignals({ orgUnitId }: { orgUnitId: string }) {
  const [span, setSpan] = useState<SignalWindow>('year');
  const signals = useUnitSignals(orgUnitId, span);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="signals-heading">
      <Group justify="space-between" align="flex-end" wrap="wrap" mb="sm">
        <Title order={3} size="h4" id="signals-heading">Health signals</Title>
        <WindowSwitch value={span} onChange={setSpan} />
      </Group>
      <QueryState query={signals} label="Loading signals">
        {(d) => (
          <Stack gap="sm">
            <WindowLine range={d.window} />
            <SignalFigures figures={unitFigures(d.signals)} />
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}
