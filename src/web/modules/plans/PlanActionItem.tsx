import { Badge, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { actionStatusLabels, type PlanActionDto } from '../../../shared/contracts/plans.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { formatDate } from '../../lib/dates.ts';
import { yearLabel } from './api.ts';
import { Part } from './PlanParts.tsx';
import { EngagementRefList } from '../../components/EngagementRefList.tsx';
import { EvidenceRefList } from './EvidenceRefList.tsx';

/**
 * One action: title, who owns it in the library and who on the department's side, when it is due, how
 * far along it is (in words, "Overdue" too), where it was carried forward from, the engagements that
 * delivered it, the evidence of what it achieved and its notes. Edit and delete for editors.
 */
export function PlanActionItem({ action: a, onEdit, onRemove }: { action: PlanActionDto; onEdit?: () => void; onRemove?: () => void }) {
  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
          <Title order={4} size="h5">{a.title}</Title>
          {(onEdit || onRemove) && (
            <Group gap="xs">
              {onEdit && <Button size="compact-xs" variant="default" onClick={onEdit}>Edit<VisuallyHidden> action: {a.title}</VisuallyHidden></Button>}
              {onRemove && <Button size="compact-xs" variant="default" onClick={onRemove}>Delete<VisuallyHidden> action: {a.title}</VisuallyHidden></Button>}
            </Group>
          )}
        </Group>
        <Group gap="md" wrap="wrap">
          <Part label="Status">{actionStatusLabels[a.status]}</Part>
          {a.overdue && <Badge color="red.9" variant="outline" tt="none">Overdue</Badge>}
          <Part label="Owner">{a.owner?.name ?? 'Nobody yet'}</Part>
          <Part label="Partner">
            {a.partner ? <AnchorLink to="/people/$id" params={{ id: a.partner.id }} size="sm">{a.partner.name}</AnchorLink> : 'None'}
          </Part>
          <Part label="Due">{a.dueOn ? <time dateTime={a.dueOn}>{formatDate(a.dueOn)}</time> : 'No date'}</Part>
        </Group>
        {a.carriedFrom && (
          <Text size="sm">
            Carried forward from{' '}
            <AnchorLink to="/plans/$id" params={{ id: a.carriedFrom.planId }} size="sm">{yearLabel(a.carriedFrom.year)}</AnchorLink>
          </Text>
        )}
        {a.engagements.length > 0 && (
          <div>
            <Text size="sm" fw={600}>Linked engagements:</Text>
            <EngagementRefList items={a.engagements} />
          </div>
        )}
        {a.evidence.length > 0 && (
          <div>
            <Text size="sm" fw={600}>Linked evidence:</Text>
            <EvidenceRefList items={a.evidence} label={`Evidence for ${a.title}`} />
          </div>
        )}
        {a.notes && <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{a.notes}</Text>}
      </Stack>
    </Paper>
  );
}
