import { ActionIcon, Alert, Button, Group, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ReportDataDto, SaveReportBody } from '../../../shared/contracts/reports.ts';
import { ApiError } from '../../lib/api.ts';
import { DateField } from '../engagements/EngagementFormDate.tsx';
import { useSaveReport } from './api.ts';

interface Proposed { title: string; notes: string }

/**
 * The words on a report: the introduction and conclusion (starting from the generated drafts), the
 * discussion with the head of department and its key themes, and the actions proposed for next year.
 */
export function ReportWordsForm({ report, onDone }: { report: ReportDataDto; onDone: () => void }) {
  const save = useSaveReport(report.orgUnit.id, Number(report.year.key));
  const [introduction, setIntroduction] = useState(report.narrative.introduction ?? report.narrative.introductionDraft);
  const [conclusion, setConclusion] = useState(report.narrative.conclusion ?? report.narrative.conclusionDraft);
  const [discussedOn, setDiscussedOn] = useState<string | null>(report.discussion.discussedOn);
  const [notes, setNotes] = useState(report.discussion.notes ?? '');
  const [themes, setThemes] = useState<string[]>(report.discussion.themes);
  const [proposed, setProposed] = useState<Proposed[]>(report.plan.proposed.map((p) => ({ title: p.title, notes: p.notes ?? '' })));
  const err = save.error instanceof ApiError ? save.error : null;
  const fieldError = (f: string) => err?.details.find((d) => d.field === f || d.field.startsWith(`${f}.`))?.message;

  const body = (): SaveReportBody => ({
    // the unchanged draft is not stored: it keeps following the figures
    introduction: introduction.trim() === report.narrative.introductionDraft ? null : introduction.trim() || null,
    conclusion: conclusion.trim() === report.narrative.conclusionDraft ? null : conclusion.trim() || null,
    discussedOn, discussionNotes: notes.trim() || null, themes,
    proposed: proposed.filter((p) => p.title.trim()).map((p) => ({ title: p.title.trim(), notes: p.notes.trim() || null })),
  });

  return (
    <Stack component="form" aria-labelledby="words-heading" onSubmit={(e) => {
      e.preventDefault();
      save.mutate(body(), { onSuccess: () => { notifications.show({ message: 'Report saved' }); onDone(); } });
    }}>
      <Title order={2} size="h3" id="words-heading">Write the report</Title>
      <Textarea label="Introduction" description="Starts from a draft written from the figures; make it yours." autosize minRows={4} value={introduction} onChange={(e) => setIntroduction(e.currentTarget.value)} error={fieldError('introduction')} />
      <Group><Button variant="subtle" size="xs" onClick={() => setIntroduction(report.narrative.introductionDraft)}>Start again from the draft introduction</Button></Group>
      <Title order={3} size="h4">After the meeting with the head of department</Title>
      <DateField label="Discussed on" value={discussedOn ?? ''} onChange={(v) => setDiscussedOn(v || null)} clearable error={fieldError('discussedOn')} description="The day of the meeting" />
      <Textarea label="Discussion notes" autosize minRows={3} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={fieldError('discussionNotes')} />
      <TagsInput label="Key themes" description="The themes the discussion raised; press Enter after each. They are counted across departments for the library’s planning." value={themes} onChange={setThemes} error={fieldError('themes')} />
      <Title order={3} size="h4">Actions proposed for next year</Title>
      <Text size="sm" c="dimmed">They join next year’s draft action plan when it is started with last year carried forward.</Text>
      {proposed.map((p, i) => (
        <Group key={i} align="end" wrap="nowrap">
          <TextInput label={`Action ${i + 1}`} value={p.title} style={{ flex: 2 }} error={fieldError(`proposed.${i}`)}
            onChange={(e) => { const v = e.currentTarget.value; setProposed((cur) => cur.map((x, k) => (k === i ? { ...x, title: v } : x))); }} />
          <TextInput label={`Notes on action ${i + 1}`} value={p.notes} style={{ flex: 3 }}
            onChange={(e) => { const v = e.currentTarget.value; setProposed((cur) => cur.map((x, k) => (k === i ? { ...x, notes: v } : x))); }} />
          <ActionIcon variant="subtle" color="red.9" size="lg" aria-label={`Remove action ${i + 1}`} onClick={() => setProposed((cur) => cur.filter((_, k) => k !== i))}>×</ActionIcon>
        </Group>
      ))}
      <Group><Button variant="default" size="xs" onClick={() => setProposed((cur) => [...cur, { title: '', notes: '' }])}>Add a proposed action</Button></Group>
      <Textarea label="Conclusion" autosize minRows={3} value={conclusion} onChange={(e) => setConclusion(e.currentTarget.value)} error={fieldError('conclusion')} />
      <Group><Button variant="subtle" size="xs" onClick={() => setConclusion(report.narrative.conclusionDraft)}>Start again from the draft conclusion</Button></Group>
      {err && !err.details.length && <Alert color="red" role="alert" title="Not saved">{err.message}</Alert>}
      <Group>
        <Button type="submit" loading={save.isPending}>Save the report</Button>
        <Button variant="default" onClick={onDone}>Cancel</Button>
      </Group>
    </Stack>
  );
}
