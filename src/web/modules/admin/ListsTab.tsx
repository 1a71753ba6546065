import { Badge, Button, Card, Group, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { updateVocabBody, type VocabTermDto } from '../../../shared/contracts/org.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { showApiError } from '../../lib/forms.ts';
import { useAdminMutations, useAllVocab } from './api.ts';

const kinds = [
  { kind: 'engagement_type', title: 'Engagement types' },
  { kind: 'theme', title: 'Strategic themes' },
  { kind: 'function', title: 'Coverage functions' },
] as const;

const keyOf = (label: string) => label.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 64);

export function ListsTab() {
  const vocab = useAllVocab();
  return (
    <QueryState query={vocab}>
      {(terms) => (
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {kinds.map((k) => <VocabList key={k.kind} kind={k.kind} title={k.title} terms={terms.filter((t) => t.kind === k.kind)} />)}
        </SimpleGrid>
      )}
    </QueryState>
  );
}

function VocabList({ kind, title, terms }: { kind: VocabTermDto['kind']; title: string; terms: VocabTermDto[] }) {
  const { createVocab, updateVocab } = useAdminMutations();
  const [label, setLabel] = useState('');
  const add = () => createVocab.mutate({ kind, key: keyOf(label), label: label.trim() }, {
    onSuccess: () => { setLabel(''); notifications.show({ message: `Added “${label.trim()}”` }); },
    onError: (e) => showApiError(e),
  });
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">{title}</Title>
        {kind === 'engagement_type' && (
          <Text size="sm" c="dimmed">The number beside each type is its depth weight (0–10): how much one engagement of that type adds to a department's depth signal.</Text>
        )}
        {terms.map((t) => (
          <Group key={t.id} justify="space-between" wrap="nowrap">
            <Text size="sm" td={t.active ? undefined : 'line-through'}>{t.label}</Text>
            <Group gap="xs" wrap="nowrap">
              {!t.active && <Badge color="gray.8" variant="outline">retired</Badge>}
              {kind === 'engagement_type' && <WeightInput term={t} />}
              <Switch aria-label={`${t.label} in use`} checked={t.active} onChange={(e) => updateVocab.mutate({ id: t.id, body: { active: e.currentTarget.checked } }, { onError: (err) => showApiError(err) })} />
            </Group>
          </Group>
        ))}
        <form onSubmit={(e) => { e.preventDefault(); if (label.trim()) add(); }}>
          <Group align="end" wrap="nowrap">
            <TextInput label={`New ${title.toLowerCase().replace(/s$/, '')}`} value={label} onChange={(e) => setLabel(e.currentTarget.value)} style={{ flex: 1 }} />
            <Button type="submit" variant="light" loading={createVocab.isPending} disabled={!label.trim()}>Add</Button>
          </Group>
        </form>
      </Stack>
    </Card>
  );
}

/** A type's depth weight, saved when the field loses focus or on Enter, if it changed and is valid. */
function WeightInput({ term }: { term: VocabTermDto }) {
  const { updateVocab } = useAdminMutations();
  const [value, setValue] = useState<number | string>(term.weight);
  const [error, setError] = useState<string | undefined>();
  const save = () => {
    const weight = typeof value === 'number' ? value : Number.NaN;
    const checked = updateVocabBody.safeParse({ weight });
    if (!checked.success || Number.isNaN(weight)) return setError('must be between 0 and 10');
    setError(undefined);
    if (weight === term.weight) return;
    updateVocab.mutate({ id: term.id, body: checked.data }, {
      onSuccess: () => notifications.show({ message: `Depth weight for ${term.label}: ${weight}` }),
      onError: (e) => showApiError(e),
    });
  };
  return (
    <NumberInput
      aria-label={`Depth weight for ${term.label}`}
      value={value}
      onChange={setValue}
      onBlur={save}
      onKeyDown={(e) => e.key === 'Enter' && save()}
      min={0}
      max={10}
      step={0.5}
      decimalScale={1}
      clampBehavior="none"
      error={error}
      w={88}
      size="xs"
    />
  );
}
