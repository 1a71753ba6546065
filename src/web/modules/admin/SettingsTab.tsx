import { Button, Group, NumberInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import { updateInstitutionBody, type InstitutionDto, type UpdateInstitutionBody } from '../../../shared/contracts/org.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { showApiError } from '../../lib/forms.ts';
import { useInstitution } from '../org/api.ts';
import { useAdminMutations } from './api.ts';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'].map((m, i) => ({ value: String(i + 1), label: m }));

export function SettingsTab() {
  const inst = useInstitution();
  return <QueryState query={inst}>{(data) => <SettingsForm inst={data} />}</QueryState>;
}

function SettingsForm({ inst }: { inst: InstitutionDto }) {
  const { updateInstitution } = useAdminMutations();
  const form = useForm<UpdateInstitutionBody>({
    resolver: zodResolver(updateInstitutionBody),
    defaultValues: { name: inst.name, academicYearStartMonth: inst.academicYearStartMonth, academicYearStartDay: inst.academicYearStartDay, timeZone: inst.timeZone, publicDirectory: inst.publicDirectory },
  });
  const e = form.formState.errors;
  const submit = form.handleSubmit((v) => updateInstitution.mutate(v, {
    onSuccess: () => notifications.show({ message: 'Settings saved' }),
    onError: (err) => showApiError(err, form.setError, ['name', 'academicYearStartMonth', 'academicYearStartDay', 'timeZone', 'publicDirectory']),
  }));
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate>
      <Stack maw={480}>
        <TextInput label="Institution name" {...form.register('name')} error={e.name?.message} />
        <Group grow>
          <Controller control={form.control} name="academicYearStartMonth" render={({ field }) => (
            <Select label="Academic year starts in" data={months} value={String(field.value)} onChange={(v) => field.onChange(Number(v))} allowDeselect={false} error={e.academicYearStartMonth?.message} />
          )} />
          <Controller control={form.control} name="academicYearStartDay" render={({ field }) => (
            <NumberInput label="on day" min={1} max={28} value={field.value} onChange={(v) => field.onChange(Number(v))} error={e.academicYearStartDay?.message} />
          )} />
        </Group>
        <TextInput label="Time zone" description="An IANA name such as Europe/London" {...form.register('timeZone')} error={e.timeZone?.message} />
        <Controller control={form.control} name="publicDirectory" render={({ field }) => (
          <Switch label="Publish a public “who is my librarian” page for each department" checked={!!field.value} onChange={(ev) => field.onChange(ev.currentTarget.checked)} />
        )} />
        <Group><Button type="submit" loading={updateInstitution.isPending}>Save settings</Button></Group>
      </Stack>
    </form>
  );
}
