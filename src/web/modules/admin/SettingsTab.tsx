import { Button, Fieldset, Group, NumberInput, Select, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import { updateInstitutionBody, type InstitutionDto, type UpdateInstitutionBody } from '../../../shared/contracts/org.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { showApiError } from '../../lib/forms.ts';
import { useInstitution } from '../org/api.ts';
import { useAdminMutations } from './api.ts';

const fields = ['name', 'academicYearStartMonth', 'academicYearStartDay', 'timeZone', 'publicDirectory', 'contactCap', 'contactCapDays', 'keyTitles', 'opportunityColdDays'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'].map((m, i) => ({ value: String(i + 1), label: m }));

export function SettingsTab() {
  const inst = useInstitution();
  return <QueryState query={inst}>{(data) => <SettingsForm inst={data} />}</QueryState>;
}

function SettingsForm({ inst }: { inst: InstitutionDto }) {
  const { updateInstitution } = useAdminMutations();
  const form = useForm<UpdateInstitutionBody>({
    resolver: zodResolver(updateInstitutionBody),
    defaultValues: {
      name: inst.name, academicYearStartMonth: inst.academicYearStartMonth, academicYearStartDay: inst.academicYearStartDay, timeZone: inst.timeZone,
      publicDirectory: inst.publicDirectory, contactCap: inst.contactCap, contactCapDays: inst.contactCapDays, keyTitles: inst.keyTitles,
      opportunityColdDays: inst.opportunityColdDays,
    },
  });
  const e = form.formState.errors;
  // the array's own error, or the first title's (each is checked on its own)
  const titlesError = e.keyTitles?.message ?? (Array.isArray(e.keyTitles) && e.keyTitles.some(Boolean) ? 'Each title must be 2 to 60 characters' : undefined);
  const submit = form.handleSubmit((v) => updateInstitution.mutate(v, {
    onSuccess: () => notifications.show({ message: 'Settings saved' }),
    onError: (err) => showApiError(err, form.setError, fields),
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
        <Fieldset legend="Contact cap">
          <Stack gap="sm">
            <Controller control={form.control} name="contactCap" render={({ field }) => (
              <NumberInput label="Default contact cap" description="Library-initiated engagements one person may receive within the window below; a person's own cap overrides it. Empty: no cap."
                min={1} max={365} allowDecimal={false} value={field.value ?? ''} onChange={(x) => field.onChange(typeof x === 'number' ? x : null)} onBlur={field.onBlur} error={e.contactCap?.message} />
            )} />
            <Controller control={form.control} name="contactCapDays" render={({ field }) => (
              <NumberInput label="Window (days)" min={1} max={365} allowDecimal={false} value={field.value ?? ''} onChange={(x) => field.onChange(typeof x === 'number' ? x : undefined)} onBlur={field.onBlur} error={e.contactCapDays?.message} />
            )} />
          </Stack>
        </Fieldset>
        <Controller control={form.control} name="keyTitles" render={({ field }) => (
          <TagsInput label="Key position titles" description="A position whose title contains one of these counts as key, e.g. Head of, Director of. Press Enter after each."
            value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur} maxTags={30} error={titlesError} />
        )} />
        <Controller control={form.control} name="opportunityColdDays" render={({ field }) => (
          <NumberInput label="An opportunity goes cold after (days)" description="With no engagement or stage change for this long, an opportunity still being worked shows as going cold and nudges its owner."
            min={1} max={365} allowDecimal={false} value={field.value ?? ''} onChange={(x) => field.onChange(typeof x === 'number' ? x : undefined)} onBlur={field.onBlur} error={e.opportunityColdDays?.message} />
        )} />
        <Group><Button type="submit" loading={updateInstitution.isPending}>Save settings</Button></Group>
      </Stack>
    </form>
  );
}
