import { MultiSelect, Select, type ComboboxItem, type ComboboxItemGroup } from '@mantine/core';
import { goalOwnerLabels, type GoalDto } from '../../../shared/contracts/goals.ts';
import { useGoals } from './api.ts';

/** Goals grouped by whose strategy they are, each followed by its objectives ("Skills › Embed digital skills"). */
export function goalOptions(goals: GoalDto[]): ComboboxItemGroup<ComboboxItem>[] {
  return (['library', 'institution'] as const).map((owner) => ({
    group: goalOwnerLabels[owner],
    items: goals.filter((g) => g.owner === owner).flatMap((g) => [
      { value: g.id, label: g.title },
      ...g.objectives.map((o) => ({ value: o.id, label: `${g.title} › ${o.title}` })),
    ]),
  })).filter((g) => g.items.length > 0);
}

interface FieldProps {
  label?: string;
  description?: string;
  error?: string;
}

/** Align to several goals or objectives. */
export function GoalsField({ value, onChange, label = 'Strategic goals', description, error }: FieldProps & { value: string[]; onChange: (ids: string[]) => void }) {
  const goals = useGoals();
  return (
    <MultiSelect
      label={label} description={description} error={error} data={goalOptions(goals.data ?? [])} value={value} onChange={onChange}
      searchable clearable nothingFoundMessage={goals.isLoading ? 'Loading…' : 'No goal matches'} placeholder={value.length ? undefined : 'Choose goals'}
    />
  );
}

/** Align to one goal or objective, or none. */
export function GoalField({ value, onChange, label = 'Strategic goal', description, error }: FieldProps & { value: string | null; onChange: (id: string | null) => void }) {
  const goals = useGoals();
  return (
    <Select
      label={label} description={description} error={error} data={goalOptions(goals.data ?? [])} value={value} onChange={onChange}
      searchable clearable nothingFoundMessage={goals.isLoading ? 'Loading…' : 'No goal matches'} placeholder="None"
    />
  );
}
