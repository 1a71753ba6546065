import { Stack, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { evidenceKindLabels } from '../../../shared/contracts/evidence.ts';
import { stageLabels, triggerKindLabels, type OpportunityDetailDto } from '../../../shared/contracts/opportunities.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { formatDate } from '../../lib/dates.ts';
import { LinkList } from '../engagements/EngagementsPage.tsx';
import { StageBadge } from './Badges.tsx';
import { formatScore, priorityFormula, PriorityTable } from './Priority.tsx';
import { Section } from './Section.tsx';

const listStyle = { margin: 0, paddingLeft: '1.2rem' } as const;

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={700}>{term}</Text>
      <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-line' }}>{children}</Text>
    </div>
  );
}

const NotYet = ({ children = 'Not written yet' }: { children?: string }) => <Text span size="sm" c="gray.8" fs="italic">{children}</Text>;

function joined<T extends { id: string }>(items: T[], render: (item: T) => ReactNode) {
  return items.map((x, i) => <Fragment key={x.id}>{i > 0 && ', '}{render(x)}</Fragment>);
}

export function PrioritySection({ o }: { o: OpportunityDetailDto }) {
  const p = o.priority;
  return (
    <Section title="Priority">
      <Text size="sm" mb="sm">
        Its priority is <Text span fw={700} inherit>{formatScore(p)}</Text>: {priorityFormula(p)}. {p.alignmentReason}; {p.urgencyReason.charAt(0).toLowerCase() + p.urgencyReason.slice(1)}. The lists and the triage queue put the highest first.
      </Text>
      <PriorityTable p={p} />
    </Section>
  );
}

export function TriggerSection({ o }: { o: OpportunityDetailDto }) {
  return (
    <Section title="Trigger and hook">
      <Stack component="dl" gap="sm" m={0}>
        <Detail term="What set it off">{triggerKindLabels[o.trigger.kind]}</Detail>
        <Detail term="The trigger">{o.trigger.text ?? <NotYet />}</Detail>
        {o.trigger.engagement && (
          <Detail term="Spotted in">
            <AnchorLink to="/engagements/$id" params={{ id: o.trigger.engagement.id }} size="sm">
              {formatDate(o.trigger.engagement.occurredOn)}: {o.trigger.engagement.summary}
            </AnchorLink>
          </Detail>
        )}
        {o.trigger.evidence && (
          <Detail term="Came from evidence">
            {evidenceKindLabels[o.trigger.evidence.kind]}, {formatDate(o.trigger.evidence.occurredOn)}: “{o.trigger.evidence.excerpt}”
          </Detail>
        )}
        <Detail term="The hook">{o.hook ?? <NotYet />}</Detail>
        <Detail term="Window closes">{o.windowClosesOn ? formatDate(o.windowClosesOn) : <NotYet>No closing date</NotYet>}</Detail>
      </Stack>
    </Section>
  );
}

const eastParts = [
  { key: 'easy', label: 'Easy' },
  { key: 'attractive', label: 'Attractive' },
  { key: 'social', label: 'Social' },
  { key: 'timely', label: 'Timely' },
] as const;

export function EastSection({ o }: { o: OpportunityDetailDto }) {
  return (
    <Section title="EAST plan">
      <Stack component="dl" gap="sm" m={0}>
        {eastParts.map((p) => <Detail key={p.key} term={p.label}>{o.east[p.key] ?? <NotYet />}</Detail>)}
      </Stack>
    </Section>
  );
}

export function PilotSection({ o }: { o: OpportunityDetailDto }) {
  return (
    <Section title="Pilot and social proof">
      <Stack component="dl" gap="sm" m={0}>
        <Detail term="Pilot framing">{o.isPilot ? 'Framed as a pilot' : 'Not framed as a pilot'}</Detail>
        <Detail term="Social proof">
          {o.socialProof.length
            ? joined(o.socialProof, (s) => <><AnchorLink to="/opportunities/$id" params={{ id: s.id }} size="sm">{s.title}</AnchorLink> ({stageLabels[s.stage].toLowerCase()})</>)
            : <NotYet>None linked yet</NotYet>}
        </Detail>
      </Stack>
    </Section>
  );
}

export function WhoSection({ o }: { o: OpportunityDetailDto }) {
  return (
    <Section title="Who and what it serves">
      <Stack component="dl" gap="sm" m={0}>
        <Detail term="Owner">{o.owner?.name ?? <NotYet>Nobody yet</NotYet>}</Detail>
        <Detail term="Departments"><LinkList items={o.orgUnits} to="/departments/$id" /></Detail>
        <Detail term="People"><LinkList items={o.people} to="/people/$id" /></Detail>
        <Detail term="Strategic goals">
          {o.goals.length
            ? joined(o.goals, (g) => <AnchorLink to="/goals/$id" params={{ id: g.id }} size="sm">{g.parent ? `${g.parent.title} › ${g.title}` : g.title}</AnchorLink>)
            : <NotYet>Not yet aligned to a goal</NotYet>}
        </Detail>
      </Stack>
    </Section>
  );
}

export function HistorySection({ o }: { o: OpportunityDetailDto }) {
  return (
    <Section title="Stage history">
      <Stack component="ol" gap={6} style={listStyle}>
        {o.history.map((h, i) => (
          <li key={`${h.on}-${i}`}>
            <Text size="sm">
              <time dateTime={h.on}>{formatDate(h.on)}</time>: {h.from ? <>{stageLabels[h.from]} to <StageBadge stage={h.to} /></> : <>started at <StageBadge stage={h.to} /></>}
              {h.by && ` by ${h.by.name}`}
              {h.reason && `. Why: ${h.reason}`}
            </Text>
          </li>
        ))}
      </Stack>
    </Section>
  );
}
