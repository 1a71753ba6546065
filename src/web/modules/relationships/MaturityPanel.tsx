import { Alert, Button, Group, Modal, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useState } from 'react';
import type { MeDto } from '../../../shared/contracts/identity.ts';
import { maturityLabels, signalExplanations, type MaturityAssessmentDto } from '../../../shared/contracts/relationships.ts';
import { bareList, EngagementRefList } from '../../components/EngagementRefList.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { showApiError } from '../../lib/forms.ts';
import { canEdit, useMe } from '../identity/api.ts';
import { useMaturity, useMaturityMutations, type Subject } from './api.ts';
import { MaturityForm } from './MaturityForm.tsx';


/** The element id of an assessment in the history, so the journey can link to it. */
export const assessmentAnchor = (id: string) => `assessment-${id}`;

const byWhom = (a: MaturityAssessmentDto) => (a.assessedBy ? ` by ${a.assessedBy.name}` : '');

/** Its author or a manager may withdraw an assessment (the API checks again). */
const canRemove = (me: MeDto | null | undefined, a: MaturityAssessmentDto) =>
  canEdit(me) && (me?.user.id === a.assessedBy?.id || canEdit(me, 'manager'));

/**
 * Where a department's or a person's relationship stands on the journey from reliable provider to
 * inspiring pioneer: the current level, who judged it and when, and every earlier judgement with its reasons.
 */
export function MaturityPanel({ subject, name }: { subject: Subject; name: string }) {
  const headingId = useId();
  const { data: me } = useMe();
  const maturity = useMaturity(subject);
  const [assessing, setAssessing] = useState(false);
  const [removing, setRemoving] = useState<MaturityAssessmentDto | null>(null);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={3} size="h4" id={headingId}>Maturity</Title>
        {canEdit(me) && (
          <Button size="xs" variant="light" onClick={() => setAssessing(true)}>
            Assess maturity<VisuallyHidden> of {name}</VisuallyHidden>
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed" mb="sm">{signalExplanations.maturity}</Text>
      <QueryState query={maturity} label="Loading maturity" isEmpty={(d) => d.length === 0} empty="Not yet assessed.">
        {(list) => (
          <Stack gap="md">
            <Current assessment={list[0]} />
            <History items={list} removable={(a) => canRemove(me, a)} onRemove={setRemoving} />
          </Stack>
        )}
      </QueryState>
      <Modal opened={assessing} onClose={() => setAssessing(false)} title={`Assess maturity: ${name}`} size="lg">
        {assessing && <MaturityForm subject={subject} onDone={() => setAssessing(false)} />}
      </Modal>
      {removing && <ConfirmRemove subject={subject} assessment={removing} onClose={() => setRemoving(null)} />}
    </Paper>
  );
}

function Current({ assessment: a }: { assessment: MaturityAssessmentDto | undefined }) {
  if (!a) return null;
  return (
    <div>
      <Text size="xl" fw={700}>{maturityLabels[a.level]}</Text>
      <Text size="sm">Assessed {formatDate(a.assessedOn)}{byWhom(a)}</Text>
    </div>
  );
}

function History({ items, removable, onRemove }: {
  items: MaturityAssessmentDto[];
  removable: (a: MaturityAssessmentDto) => boolean;
  onRemove: (a: MaturityAssessmentDto) => void;
}) {
  return (
    <div>
      <Title order={4} size="h5" mb="xs">History</Title>
      <Stack component="ol" gap="sm" style={bareList} aria-label="Maturity assessments, newest first">
        {items.map((a) => (
          // tabIndex -1: the journey links here, and a fragment target must be focusable for every browser to move focus to it
          <li key={a.id} id={assessmentAnchor(a.id)} tabIndex={-1}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Text size="sm" fw={600}>
                <time dateTime={a.assessedOn}>{formatDate(a.assessedOn)}</time>: {maturityLabels[a.level]}
                <Text span size="sm" fw={400} c="dimmed">{byWhom(a)}</Text>
              </Text>
              {removable(a) && (
                <Button size="compact-xs" variant="default" onClick={() => onRemove(a)}>
                  Remove<VisuallyHidden> the assessment of {formatDate(a.assessedOn)}</VisuallyHidden>
                </Button>
              )}
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{a.rationale}</Text>
            {a.engagements.length > 0 && (
              <>
                <Text size="sm" fw={600} mt={4}>Engagements behind this:</Text>
                <EngagementRefList items={a.engagements} />
              </>
            )}
          </li>
        ))}
      </Stack>
    </div>
  );
}

function ConfirmRemove({ subject, assessment: a, onClose }: { subject: Subject; assessment: MaturityAssessmentDto; onClose: () => void }) {
  const { remove } = useMaturityMutations(subject);
  const [refused, setRefused] = useState<string | null>(null);
  const confirm = () =>
    remove.mutate(a.id, {
      onSuccess: () => {
        notifications.show({ message: 'Assessment removed' });
        onClose();
      },
      onError: (err) => (err instanceof ApiError && err.status === 403 ? setRefused(err.message) : showApiError(err)),
    });
  return (
    <Modal opened onClose={onClose} title="Remove this assessment?">
      <Stack>
        <Text size="sm">
          The assessment of {formatDate(a.assessedOn)} ({maturityLabels[a.level]}) will be removed from the history and the journey.
        </Text>
        {refused && <Alert color="red" title="You can't remove this" role="alert"><Text size="sm">{refused}</Text></Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>Cancel</Button>
          <Button color="red.9" onClick={confirm} loading={remove.isPending} disabled={!!refused}>Remove</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
