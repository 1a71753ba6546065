import { Blockquote, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { createContext, useContext, type ReactNode } from 'react';
import type { ReportDataDto, ReportMetricDto } from '../../../shared/contracts/reports.ts';
import { actionStatusLabels } from '../../../shared/contracts/plans.ts';
import { impactStatusLabels } from '../../../shared/contracts/impact.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';

const n = (x: number) => x.toLocaleString('en-GB');
export const formatDay = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** False where the report is read through a share link: the staff pages its names would link to are not the partner's. */
export const StaffLinks = createContext(true);

/** A link to a staff page, or just the words when the reader is a partner. */
function StaffLink({ to, id, children }: { to: '/people/$id' | '/impact/$id' | '/plans/$id'; id: string; children: ReactNode }) {
  return useContext(StaffLinks) ? <AnchorLink to={to} params={{ id }}>{children}</AnchorLink> : <>{children}</>;
}

/** A report section: a heading the contents can link to, and its body. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack component="section" aria-labelledby={`${id}-heading`} gap="sm" id={id}>
      <Title order={2} size="h3" id={`${id}-heading`}>{title}</Title>
      {children}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xl" fw={700}>{value}</Text>
      <Text size="sm" c="gray.8">{label}</Text>
    </Stack>
  );
}

const fmt = (v: number | null, unit: string) => (v === null ? 'No figure' : `${n(v)}${unit === '%' ? '%' : ` ${unit}`}`);

export function MetricTable({ m, unitName }: { m: ReportMetricDto; unitName: string }) {
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped>
        <Table.Caption>{m.name}{m.source ? ` (source: ${m.source})` : ''}</Table.Caption>
        <Table.Thead><Table.Tr><Table.Th>Year</Table.Th><Table.Th>{unitName}</Table.Th><Table.Th>Institution average</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {m.points.map((p) => (
            <Table.Tr key={p.period}><Table.Td>{p.label}</Table.Td><Table.Td>{fmt(p.value, m.unit)}</Table.Td><Table.Td>{fmt(p.average, m.unit)}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function EngagementsSection({ r, charts }: { r: ReportDataDto; charts?: ReactNode }) {
  const e = r.engagements;
  return (
    <Section id="engagements" title="Engagement">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label={`engagements (${n(e.previousYearTotal)} the year before)`} value={n(e.total)} />
        <Figure label="people engaged" value={n(e.peopleEngaged)} />
        <Figure label="teaching sessions" value={n(e.teaching.sessions)} />
        <Figure label={`user hours of teaching, ${n(e.teaching.attendees)} attendees`} value={n(e.teaching.userHours)} />
      </SimpleGrid>
      <Text>Started by the library: {n(e.initiated.library)}; started by the department: {n(e.initiated.partner)}.{e.keyPeopleEngaged ? ` ${n(e.keyPeopleEngaged)} of the people engaged hold key roles.` : ''}</Text>
      {charts && <SimpleGrid cols={{ base: 1, md: 2 }}>{charts}</SimpleGrid>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <CountTable caption="Engagements by type" rows={e.byType} empty="No engagements this year." />
        <CountTable caption="Engagements by theme" rows={e.byTheme} empty="No themes were recorded on this year’s engagements." />
      </SimpleGrid>
    </Section>
  );
}

function CountTable({ caption, rows, empty }: { caption: string; rows: { key: string; label: string; count: number }[]; empty: string }) {
  if (!rows.length) return <Text>{empty}</Text>;
  return (
    <Table striped>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead><Table.Tr><Table.Th>{caption.replace('Engagements by ', '').replace(/^./, (c) => c.toUpperCase())}</Table.Th><Table.Th>Engagements</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>{rows.map((x) => <Table.Tr key={x.key}><Table.Td>{x.label}</Table.Td><Table.Td>{n(x.count)}</Table.Td></Table.Tr>)}</Table.Tbody>
    </Table>
  );
}

export function RelationshipSection({ r }: { r: ReportDataDto }) {
  const rel = r.relationship;
  return (
    <Section id="relationship" title="The relationship">
      <Text>
        {rel.maturity ? <>The partnership stands as <strong>{rel.maturity.label}</strong> (assessed {formatDay(rel.maturity.assessedOn)}){rel.maturity.rationale ? `: ${rel.maturity.rationale}` : '.'}</> : 'The partnership has not been assessed yet.'}
      </Text>
      {rel.cadence && <Text>Partnership model: {n(rel.cadence.done)} key activities done, {n(rel.cadence.due)} due, {n(rel.cadence.overdue)} overdue.</Text>}
      <Text>{rel.champions.length ? <>Library champions: {rel.champions.map((c, i) => <span key={c.id}>{i ? ', ' : ''}<StaffLink to="/people/$id" id={c.id}>{c.name}</StaffLink></span>)}.</> : 'No library champion yet.'}</Text>
      {rel.journey.length ? (
        <List aria-label="This year’s journey">{rel.journey.map((j, i) => <List.Item key={`${j.date}-${i}`}>{formatDay(j.date)}: {j.label}</List.Item>)}</List>
      ) : <Text>No steps on the journey this year.</Text>}
    </Section>
  );
}

export function HighlightsSection({ r }: { r: ReportDataDto }) {
  const h = r.highlights;
  return (
    <Section id="highlights" title="Highlights">
      {h.evidence.length ? h.evidence.map((e) => (
        <Blockquote key={e.id} color="gray" cite={`${e.source ? `${e.source}, ` : ''}${formatDay(e.occurredOn)} (${e.kindLabel.toLowerCase()})`} p="md">{e.text}</Blockquote>
      )) : <Text>No evidence was captured for the department this year.</Text>}
      {h.impact.length > 0 && (
        <List aria-label="Impact evaluations">
          {h.impact.map((i) => <List.Item key={i.id}><StaffLink to="/impact/$id" id={i.id}>{i.title}</StaffLink> ({impactStatusLabels[i.status as keyof typeof impactStatusLabels] ?? i.status}){i.outcomes ? `: ${i.outcomes}` : ''}</List.Item>)}
        </List>
      )}
    </Section>
  );
}

export function PlanSection({ r }: { r: ReportDataDto }) {
  const p = r.plan.reviewed;
  const staff = useContext(StaffLinks);
  return (
    <Section id="plan" title="This year’s action plan, reviewed">
      {p ? (
        <>
          <Text>{n(p.done)} of {n(p.actions.length)} actions done, {n(p.open)} still open{p.carriedForward ? `, ${n(p.carriedForward)} carried into next year’s plan` : ''}.{p.agreedBy ? ` Agreed with ${p.agreedBy}${p.agreedOn ? ` on ${formatDay(p.agreedOn)}` : ''}.` : ''} {staff && <StaffLink to="/plans/$id" id={p.id}>Open the plan</StaffLink>}</Text>
          <Table striped>
            <Table.Thead><Table.Tr><Table.Th>Action</Table.Th><Table.Th>Status</Table.Th><Table.Th>Owner</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>{p.actions.map((a, i) => <Table.Tr key={i}><Table.Td>{a.title}</Table.Td><Table.Td>{actionStatusLabels[a.status as keyof typeof actionStatusLabels] ?? a.status}</Table.Td><Table.Td>{a.owner ?? '—'}</Table.Td></Table.Tr>)}</Table.Tbody>
          </Table>
        </>
      ) : <Text>The department had no action plan this year.</Text>}
    </Section>
  );
}
