import { Badge, Button, Card, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { cadenceLabels, type PartnershipActivityDto, type PartnershipTemplateDto } from '../../../shared/contracts/partnership.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { showApiError } from '../../lib/forms.ts';
import { canEdit, useMe } from '../identity/api.ts';
import { usePartnershipMutations, usePartnershipTemplates } from './api.ts';
import { PartnershipForm } from './PartnershipForm.tsx';

type Editing = { template?: PartnershipTemplateDto } | null;

/** The partnership model: templates of key activities, each with a cadence, and the departments they apply to. */
export function PartnershipTab() {
  const templates = usePartnershipTemplates();
  const { data: me } = useMe();
  const writer = canEdit(me, 'manager');
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<PartnershipTemplateDto | null>(null);

  return (
    <Stack>
      {writer && <Group justify="flex-end"><Button onClick={() => setEditing({})}>Add a template</Button></Group>}
      <QueryState query={templates} label="Loading the partnership model" isEmpty={(d) => d.length === 0}
        empty="No templates yet. A template lists the key activities (say, a yearly review with each head of department) and the departments it applies to.">
        {(data) => data.map((t) => (
          <TemplateCard key={t.id} t={t} writer={writer} onEdit={() => setEditing({ template: t })} onDelete={() => setDeleting(t)} />
        ))}
      </QueryState>
      {editing && (
        <Modal opened onClose={() => setEditing(null)} size="xl" title={editing.template ? `Edit “${editing.template.name}”` : 'Add a partnership template'}>
          <PartnershipForm template={editing.template} onDone={() => setEditing(null)} />
        </Modal>
      )}
      {deleting && <DeleteTemplate template={deleting} onClose={() => setDeleting(null)} />}
    </Stack>
  );
}

const scopeOf = (t: PartnershipTemplateDto) =>
  t.appliesTo === 'all_departments'
    ? 'All departments'
    : t.units.map((u) => (u.includeDescendants ? `${u.name} and the departments below it` : u.name)).join('; ');

function activityLine(a: PartnershipActivityDto) {
  const cadence = a.cadence === 'per_meeting' && a.perYear ? `${cadenceLabels.per_meeting} (${a.perYear} a year)` : cadenceLabels[a.cadence];
  return [a.type.label, a.positionTitle && `with a “${a.positionTitle}”`, cadence].filter(Boolean).join(' · ');
}

function TemplateCard({ t, writer, onEdit, onDelete }: { t: PartnershipTemplateDto; writer: boolean; onEdit: () => void; onDelete: () => void }) {
  return (
    <Card withBorder component="article" aria-labelledby={`template-${t.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Title order={2} size="h4" id={`template-${t.id}`}>{t.name}</Title>
            {!t.active && <Badge color="gray.8" variant="outline">Not in use</Badge>}
          </Group>
          {writer && (
            <Group gap="xs">
              <Button size="compact-sm" variant="light" onClick={onEdit} aria-label={`Edit ${t.name}`}>Edit</Button>
              <Button size="compact-sm" variant="default" onClick={onDelete} aria-label={`Delete ${t.name}`}>Delete</Button>
            </Group>
          )}
        </Group>
        {t.description && <Text size="sm">{t.description}</Text>}
        <Text size="sm"><b>Applies to:</b> {scopeOf(t)}</Text>
        <Text size="sm" fw={700} id={`activities-${t.id}`}>Key activities</Text>
        <List type="ordered" size="sm" aria-labelledby={`activities-${t.id}`}>
          {t.activities.map((a) => (
            <List.Item key={a.id}><b>{a.name}</b>: {activityLine(a)}</List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}

function DeleteTemplate({ template, onClose }: { template: PartnershipTemplateDto; onClose: () => void }) {
  const { remove } = usePartnershipMutations();
  const confirm = () => remove.mutate(template.id, {
    onSuccess: () => { notifications.show({ message: `Deleted “${template.name}”` }); onClose(); },
    onError: (e) => showApiError(e),
  });
  return (
    <Modal opened onClose={onClose} title={`Delete “${template.name}”?`}>
      <Stack>
        <Text size="sm">
          Its key activities stop counting towards each department's cadence. To pause a template and keep it for later, edit it
          and switch off “In use” instead.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button color="red.9" onClick={confirm} loading={remove.isPending}>Delete template</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
