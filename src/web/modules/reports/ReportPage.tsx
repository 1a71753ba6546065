import { Anchor, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import type { ReportDataDto } from '../../../shared/contracts/reports.ts';
import { reportCharts } from '../../../shared/report-charts.ts';
import { ReportChartView } from './ReportChartView.tsx';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { canEdit, useMe } from '../identity/api.ts';
import { useReport } from './api.ts';
import { EngagementsSection, formatDay, HighlightsSection, MetricTable, PlanSection, RelationshipSection, Section } from './ReportSections.tsx';
import { ReportWordsForm } from './ReportWordsForm.tsx';
import { ShareLinksPanel } from '../plans/ShareLinksPanel.tsx';

const CONTENTS = [
  ['introduction', 'Introduction'], ['metrics', 'Headline figures'], ['engagements', 'Engagement'], ['relationship', 'The relationship'],
  ['highlights', 'Highlights'], ['plan', 'This year’s action plan, reviewed'], ['next-year', 'Next year'], ['discussion', 'Discussion with the department'], ['conclusion', 'Conclusion'],
] as const;

function Narrative({ text, draft }: { text: string | null; draft: string }) {
  return (
    <>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{text ?? draft}</Text>
      {text === null && <Text size="sm" c="gray.8">A first draft written from the figures: edit it under “Write the report”.</Text>}
    </>
  );
}

/** The report as a document: contents, then every section. Read by staff and, through a share link, by the department. */
export function ReportDocument({ r }: { r: ReportDataDto }) {
  const charts = useMemo(() => reportCharts(r), [r]);
  return (
    <>
      <nav aria-label="Contents">
        <List type="ordered" size="sm">{CONTENTS.map(([id, label]) => <List.Item key={id}><Anchor href={`#${id}`}>{label}</Anchor></List.Item>)}</List>
      </nav>
      <Section id="introduction" title="Introduction"><Narrative text={r.narrative.introduction} draft={r.narrative.introductionDraft} /></Section>
      <Section id="metrics" title="Headline figures">
        {r.metrics.length ? r.metrics.map((m, i) => (
          <Stack key={m.id} gap="xs">
            {charts.metrics[i] && <ReportChartView chart={charts.metrics[i]} />}
            <MetricTable m={m} unitName={r.orgUnit.name} />
          </Stack>
        )) : <Text>No figures have been recorded or imported for the department yet.</Text>}
      </Section>
      <EngagementsSection r={r} charts={charts.engagements.map((c) => <ReportChartView key={c.key} chart={c} />)} />
      <RelationshipSection r={r} />
      <HighlightsSection r={r} />
      <PlanSection r={r} />
      <Section id="next-year" title="Next year">
        {r.plan.proposed.length ? <List type="ordered">{r.plan.proposed.map((p) => <List.Item key={p.id}>{p.title}{p.notes ? ` (${p.notes})` : ''}</List.Item>)}</List> : <Text>No actions have been proposed for next year yet.</Text>}
      </Section>
      <Section id="discussion" title="Discussion with the department">
        <Text>{r.discussion.discussedOn ? `Discussed with the head of department on ${formatDay(r.discussion.discussedOn)}.` : 'Not discussed with the head of department yet.'}</Text>
        {r.discussion.notes && <Text style={{ whiteSpace: 'pre-wrap' }}>{r.discussion.notes}</Text>}
        {r.discussion.themes.length > 0 && <Group gap={4} aria-label="Key themes">{r.discussion.themes.map((t) => <Badge key={t} variant="outline" color="dark" style={{ textTransform: 'none' }}>{t}</Badge>)}</Group>}
      </Section>
      <Section id="conclusion" title="Conclusion"><Narrative text={r.narrative.conclusion} draft={r.narrative.conclusionDraft} /></Section>
    </>
  );
}

function ReportView({ r }: { r: ReportDataDto }) {
  const { data: me } = useMe();
  const [editing, setEditing] = useState(false);
  const editable = canEdit(me, 'librarian');
  return (
    <Stack gap="lg">
      <Text><AnchorLink to="/reports">Annual reports</AnchorLink> · <AnchorLink to="/departments/$id" params={{ id: r.orgUnit.id }}>{r.orgUnit.name}</AnchorLink></Text>
      <Group justify="space-between" wrap="wrap">
        <Stack gap={0}>
          <Title order={1}>{r.orgUnit.name}: library report {r.year.label}</Title>
          <Text c="gray.8">{r.institution.name}{r.orgUnit.parentName ? ` · ${r.orgUnit.parentName}` : ''} · figures as of {new Date(r.generatedAt).toLocaleDateString('en-GB', { dateStyle: 'long' })}</Text>
        </Stack>
        <Group>
          <Button component="a" variant="default" href={`/api/v1/reports/${r.orgUnit.id}/${r.year.key}/pdf`} download>Download the PDF</Button>
          {editable && !editing && <Button onClick={() => setEditing(true)}>Write the report</Button>}
        </Group>
      </Group>
      {editing ? <ReportWordsForm report={r} onDone={() => setEditing(false)} /> : <ReportDocument r={r} />}
      {editable && !editing && (
        <ShareLinksPanel orgUnitName={r.orgUnit.name}
          shared={{ base: `/api/v1/reports/${r.orgUnit.id}/${r.year.key}`, noun: 'report', lets: 'read this report and download it as a PDF' }} />
      )}
    </Stack>
  );
}

/** One department's annual report: read it, write its words, share it, download it. */
export function ReportPage() {
  const { orgUnitId, year } = useParams({ from: '/app/reports/$orgUnitId/$year' });
  const report = useReport(orgUnitId, Number(year));
  return <QueryState query={report} label="Loading the report">{(r) => <ReportView r={r} />}</QueryState>;
}
