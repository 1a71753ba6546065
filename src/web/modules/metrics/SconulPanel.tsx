import { Button, Group, Paper, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { academicYearOf, academicYearStarting } from '../../../shared/academic-year.ts';
import type { TrainingFiguresDto, TrainingHoursDto, TrainingHoursRowDto } from '../../../shared/contracts/sconul.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDate, today } from '../../lib/dates.ts';
import { useInstitution } from '../org/api.ts';
import { trainingHoursCsvHref, useTrainingHours } from './sconul-api.ts';

/** Academic years offered before the current one: a SCONUL return is for a finished year. */
const PAST_YEARS = 5;

const figure = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1 });

function Figures({ f }: { f: TrainingFiguresDto }) {
  return (
    <>
      <Table.Td ta="right">{figure(f.sessions)}</Table.Td>
      <Table.Td ta="right">{figure(f.attendees)}</Table.Td>
      <Table.Td ta="right">{figure(f.userHours)}</Table.Td>
    </>
  );
}

/** The department's engagements in the year, to complete the ones lacking attendance or duration. */
function Missing({ row, data }: { row: TrainingHoursRowDto; data: TrainingHoursDto }) {
  if (!row.missing) return <Table.Td ta="right">0</Table.Td>;
  // the log filters by one type at a time: narrow to it only when one type is counted
  const [only] = data.typesCounted.length === 1 ? data.typesCounted : [];
  return (
    <Table.Td ta="right">
      <AnchorLink to="/engagements" search={{ orgUnitId: row.orgUnit.id, from: data.year.start, to: data.year.end, ...(only ? { typeId: only.id } : {}) }} size="sm">
        {figure(row.missing)}<VisuallyHidden> to complete in {row.orgUnit.name}</VisuallyHidden>
      </AnchorLink>
    </Table.Td>
  );
}

function HoursTable({ data }: { data: TrainingHoursDto }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Caption>Training user hours by department, academic year {data.year.label}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Department</Table.Th>
            <Table.Th scope="col" ta="right">Sessions</Table.Th>
            <Table.Th scope="col" ta="right">Attendees</Table.Th>
            <Table.Th scope="col" ta="right">User hours</Table.Th>
            <Table.Th scope="col" ta="right">Missing attendance or duration</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.rows.map((r) => (
            <Table.Tr key={r.orgUnit.id}>
              <Table.Th scope="row" fw={500}><AnchorLink to="/departments/$id" params={{ id: r.orgUnit.id }} size="sm">{r.orgUnit.name}</AnchorLink></Table.Th>
              <Figures f={r} />
              <Missing row={r} data={data} />
            </Table.Tr>
          ))}
          {data.unlinked.sessions > 0 && (
            <Table.Tr>
              <Table.Th scope="row" fw={500}>No department (logged with people only)</Table.Th>
              <Figures f={data.unlinked} />
              <Table.Td ta="right">{figure(data.unlinked.missing)}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">Total (each engagement once)</Table.Th>
            <Figures f={data.total} />
            <Table.Td ta="right">{figure(data.total.missing)}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

/** How the figures are counted, in the panel, so the number sent to SCONUL can be explained. */
function HowCounted({ data }: { data: TrainingHoursDto }) {
  const types = data.typesCounted.map((t) => t.label).join(', ') || 'none';
  return (
    <Text size="sm">
      User hours are attendees × duration, summed over the engagements of the types counted ({types}) from {formatDate(data.year.start)} to{' '}
      {formatDate(data.year.end)}. An engagement with several departments is a session for each of them, and its attendees and user hours are
      split evenly between them, so the departments' hours add up to the total; the total counts each engagement once. An engagement without
      attendance or duration adds no user hours: it is counted as missing until it is completed.
    </Text>
  );
}

/** SCONUL's "user hours of information-literacy training" for one academic year, by department, with its CSV. */
export function SconulPanel({ headingOrder = 2 }: { headingOrder?: 2 | 3 }) {
  const inst = useInstitution();
  const [year, setYear] = useState<number | undefined>();
  const hours = useTrainingHours(year);
  const current = inst.data ? academicYearOf(today(), inst.data.academicYearStartMonth, inst.data.academicYearStartDay).year : hours.data?.year.year;
  const shown = year ?? hours.data?.year.year ?? current;
  const years = current === undefined ? [] : Array.from({ length: PAST_YEARS + 1 }, (_, i) => current - i);
  // the server's "current" is by the institution's time zone: offer it even if the browser's clock disagrees
  if (shown !== undefined && !years.includes(shown)) years.unshift(shown);
  const options = years.map((y) => ({ value: String(y), label: academicYearStarting(y).label }));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sconul-heading">
      <Stack gap="sm">
        <Title order={headingOrder} size="h3" id="sconul-heading">Training user hours (SCONUL)</Title>
        <Group align="end" justify="space-between" wrap="wrap">
          <Select label="Academic year" data={options} value={shown === undefined ? null : String(shown)} onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false} w={200} />
          <Button component="a" href={trainingHoursCsvHref(shown)} variant="light">Download CSV</Button>
        </Group>
        <QueryState query={hours} label="Loading training user hours">
          {(data) => (
            <Stack gap="sm">
              {data.total.sessions > 0 ? <HoursTable data={data} /> : <Text size="sm">No teaching engagements logged in {data.year.label}.</Text>}
              <HowCounted data={data} />
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
