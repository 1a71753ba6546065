import { Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { impactSectionTitle, type ImpactEvaluationDto } from '../../../shared/contracts/impact.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { EngagementRefList } from '../../components/EngagementRefList.tsx';
import { formatDate } from '../../lib/dates.ts';
import { kindLabels } from '../evidence/labels.ts';
import { LinkList, Section } from '../goals/parts.tsx';

/* The evaluation's sections in the template's order (the exports follow the same order and headings). */

function Prose({ text }: { text: string | null }) {
  return text ? <Text style={{ whiteSpace: 'pre-line' }}>{text}</Text> : <Text size="sm" c="gray.8">Not recorded.</Text>;
}

function Sub({ children }: { children: ReactNode }) {
  return <Title order={3} size="h5" mt="xs">{children}</Title>;
}

export function Narrative({ evaluation: e }: { evaluation: ImpactEvaluationDto }) {
  return (
    <Stack gap="lg">
      <Section title={impactSectionTitle('aims')}>
        <Prose text={e.aims} />
        <Sub>Objectives</Sub>
        {e.objectives.length ? (
          <Stack component="ol" aria-label="Objectives" gap={4} m={0} pl="lg">
            {e.objectives.map((o, i) => <li key={i}><Text>{o}</Text></li>)}
          </Stack>
        ) : <Text size="sm" c="gray.8">None set.</Text>}
      </Section>
      <Section title={impactSectionTitle('successCriteria')}><Prose text={e.successCriteria} /></Section>
      <Section title={impactSectionTitle('impactIndicators')}><Prose text={e.impactIndicators} /></Section>
      <Section title={impactSectionTitle('whatWeDid')}>
        <Prose text={e.whatWeDid} />
        {e.engagements.length > 0 && (
          <>
            <Sub>Linked engagements</Sub>
            <EngagementRefList items={e.engagements} />
          </>
        )}
      </Section>
      <Section title={impactSectionTitle('whatWeLearned')}><Prose text={e.whatWeLearned} /></Section>
      <Section title={impactSectionTitle('howWeActed')}><Prose text={e.howWeActed} /></Section>
      <Section title={impactSectionTitle('howWeMeasured')}>
        <Prose text={e.howWeMeasured} />
        {e.metrics.length > 0 && (
          <>
            <Sub>Metrics</Sub>
            <LinkList label="Linked metrics">
              {e.metrics.map((m) => <li key={m.id}><AnchorLink to="/metrics">{m.name}</AnchorLink><Text span size="sm" c="gray.8"> ({m.unit})</Text></li>)}
            </LinkList>
          </>
        )}
        {e.evidence.length > 0 && (
          <>
            <Sub>Evidence</Sub>
            <LinkList label="Linked evidence">
              {e.evidence.map((x) => (
                <li key={x.id}>
                  <AnchorLink to="/evidence"><VisuallyHidden>Evidence: </VisuallyHidden>{kindLabels[x.kind]}, {formatDate(x.occurredOn)}</AnchorLink>
                  <Text span>: “{x.text}”</Text>
                </li>
              ))}
            </LinkList>
          </>
        )}
      </Section>
      <Section title={impactSectionTitle('communications')} empty={!e.communications.length && 'Not recorded.'}>
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Caption>To whom, when and how impact was communicated</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">To whom</Table.Th>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">How</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {e.communications.map((c, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{c.audience}</Table.Td>
                  <Table.Td>{c.on ? formatDate(c.on) : 'Not yet'}</Table.Td>
                  <Table.Td>{c.how}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>
      <Section title={impactSectionTitle('outcomes')}>
        <Sub>Short-term outcomes</Sub>
        <Prose text={e.shortTermOutcomes} />
        <Sub>Long-term outcomes</Sub>
        <Prose text={e.longTermOutcomes} />
      </Section>
    </Stack>
  );
}
