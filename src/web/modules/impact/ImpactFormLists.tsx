import { Button, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import { DateField } from '../engagements/EngagementFormDate.tsx';

/* The two ordered lists of the template: objectives, and to whom, when and how impact was communicated. */

/** The API's and the schema's messages start in lower case ("is required"), after the field's name. */
export const say = (m: string | undefined) => (m ? m.charAt(0).toUpperCase() + m.slice(1) : undefined);

type ItemErrors = ({ message?: string } | undefined)[] | { message?: string } | undefined;
const itemError = (errors: ItemErrors, i: number) => say(Array.isArray(errors) ? errors[i]?.message : undefined);
const listError = (errors: ItemErrors) => say(errors && !Array.isArray(errors) ? errors.message : undefined);

/** Puts the focus in a row just added, so a keyboard user carries on typing there. */
function useFocusNew(count: number) {
  const last = useRef<HTMLInputElement | null>(null);
  const before = useRef(count);
  useEffect(() => {
    if (count > before.current) last.current?.focus();
    before.current = count;
  }, [count]);
  return last;
}

export function ObjectivesField({ value, onChange, errors }: { value: string[]; onChange: (v: string[]) => void; errors?: ItemErrors }) {
  const last = useFocusNew(value.length);
  const id = useId();
  const set = (i: number, text: string) => onChange(value.map((v, j) => (j === i ? text : v)));
  return (
    <Stack gap="xs">
      <Text id={id} size="sm" fw={500}>Objectives, in order</Text>
      {value.length === 0 && <Text size="sm" c="gray.8">No objectives yet: what should the initiative achieve, one at a time?</Text>}
      <Stack component="ol" aria-labelledby={id} gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {value.map((text, i) => (
          <li key={i}>
            <Group align="end" wrap="nowrap">
              <TextInput
                label={`Objective ${i + 1}`} value={text} onChange={(ev) => set(i, ev.currentTarget.value)} error={itemError(errors, i)} style={{ flex: 1 }}
                ref={i === value.length - 1 ? last : undefined}
              />
              <Button variant="default" onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={`Remove objective ${i + 1}`}>Remove</Button>
            </Group>
          </li>
        ))}
      </Stack>
      {listError(errors) && <Text size="sm" c="red.9">{listError(errors)}</Text>}
      <Group><Button variant="light" onClick={() => onChange([...value, ''])}>Add an objective</Button></Group>
    </Stack>
  );
}

export interface CommunicationInput { audience: string; on?: string | null; how: string }
type CommunicationErrors = ({ audience?: { message?: string }; on?: { message?: string }; how?: { message?: string } } | undefined)[] | { message?: string } | undefined;

export function CommunicationsField({ value, onChange, errors }: { value: CommunicationInput[]; onChange: (v: CommunicationInput[]) => void; errors?: CommunicationErrors }) {
  const last = useFocusNew(value.length);
  const set = (i: number, patch: Partial<CommunicationInput>) => onChange(value.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const errorOf = (i: number) => (Array.isArray(errors) ? errors[i] : undefined);
  return (
    <Stack gap="xs">
      {value.length === 0 && <Text size="sm" c="gray.8">Nothing yet: add each audience as you tell them (or plan to).</Text>}
      {value.map((c, i) => (
        <Fieldset key={i} legend={`Communication ${i + 1}`} variant="filled">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label="To whom" required value={c.audience} onChange={(ev) => set(i, { audience: ev.currentTarget.value })} error={say(errorOf(i)?.audience?.message)}
              ref={i === value.length - 1 ? last : undefined} />
            <DateField label="When" description="Leave empty if still to come" clearable value={c.on ?? null} onChange={(on) => set(i, { on })} error={say(errorOf(i)?.on?.message)} />
            <TextInput label="How" required value={c.how} onChange={(ev) => set(i, { how: ev.currentTarget.value })} error={say(errorOf(i)?.how?.message)} />
          </SimpleGrid>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" size="xs" onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={`Remove communication ${i + 1}`}>Remove</Button>
          </Group>
        </Fieldset>
      ))}
      {listError(errors as ItemErrors) && <Text size="sm" c="red.9">{listError(errors as ItemErrors)}</Text>}
      <Group><Button variant="light" onClick={() => onChange([...value, { audience: '', on: null, how: '' }])}>Add a communication</Button></Group>
    </Stack>
  );
}
