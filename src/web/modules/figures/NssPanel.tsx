import { Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { NSS_NOT_PUBLISHED, type FigureYearDto, type NssDepartmentDto, type NssQuestionDto } from '../../../shared/contracts/figures.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useNssFigures } from './api.ts';

/** NSS results are named by the spring they were collected in: NSS 2025 surveyed 2024–25. */
export const nssYearLabel = (y: FigureYearDto) => `NSS ${y.year + 1} (${y.label})`;

const pct = (n: number) => `${n.toLocaleString('en-GB', { maximumFractionDigits: 1 })}%`;
const subjectsNote = (n: number) => `${n} ${n === 1 ? 'subject' : 'subjects'} below the publication threshold left out`;

function QuestionRow({ q }: { q: NssQuestionDto }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {q.question}
        {q.questionText && <Text size="xs" c="gray.8" fw={400}>{q.questionText}</Text>}
      </Table.Th>
      {q.published ? (
        <>
          <Table.Td ta="right">{pct(q.agreePct ?? 0)}</Table.Td>
          <Table.Td ta="right">
            {q.responses}
            {q.withheldSubjects > 0 && <Text size="xs" c="gray.8">{subjectsNote(q.withheldSubjects)}</Text>}
          </Table.Td>
        </>
      ) : (
        <Table.Td colSpan={2}><Text size="sm" c="gray.8">{NSS_NOT_PUBLISHED}</Text></Table.Td>
      )}
    </Table.Tr>
  );
}

function Results({ d, year }: { d: NssDepartmentDto; year: FigureYearDto }) {
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={480}>
        <Table striped>
          <Table.Caption>NSS results for {d.orgUnit.name} by question, {nssYearLabel(year)}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Question</Table.Th>
              <Table.Th scope="col" ta="right">Agree</Table.Th>
              <Table.Th scope="col" ta="right">Responses</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{d.questions.map((q) => <QuestionRow key={q.question} q={q} />)}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm">
        Subjects: {d.subjects.map((s) => (s.subject ? `${s.subject} (${s.cahCode})` : s.cahCode)).join(', ')}. With several subjects, % agree is weighted
        by responses; a subject with fewer than 10 responses or under 50% response rate is not published and not counted.
      </Text>
    </Stack>
  );
}

/** A department's NSS results by question for one year; results under the publication threshold are shown as not published. */
export function NssPanel({ orgUnitId, headingOrder = 2 }: { orgUnitId: string; headingOrder?: 2 | 3 }) {
  const headingId = useId();
  const [year, setYear] = useState<number | undefined>();
  const nss = useNssFigures(orgUnitId, year);
  const options = (nss.data?.years ?? []).map((y) => ({ value: String(y.year), label: nssYearLabel(y) }));
  const shown = nss.data?.year;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={headingOrder} size="h3" id={headingId}>NSS results</Title>
        {options.length > 1 && (
          <Group>
            <Select label="NSS year" data={options} value={shown ? String(shown.year) : null} onChange={(v) => v && setYear(Number(v))} allowDeselect={false} w={240} />
          </Group>
        )}
        <QueryState query={nss} label="Loading NSS results">
          {(data) => {
            const d = data.departments[0];
            if (!data.year) return <Text size="sm">No NSS results have been imported yet.</Text>;
            if (!d) return <Text size="sm">No NSS results for this department in {nssYearLabel(data.year)}: none of its subjects (CAH codes) is mapped to it, or they had no results.</Text>;
            return <Results d={d} year={data.year} />;
          }}
        </QueryState>
      </Stack>
    </Paper>
  );
}
