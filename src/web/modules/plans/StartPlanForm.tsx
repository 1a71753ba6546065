import { Button, Checkbox, Group, Select, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import type { ActionPlanSummaryDto } from '../../../shared/contracts/plans.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ApiError, get } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { DepartmentsField, type Named } from '../engagements/EngagementFormDepartments.tsx';
import { useCreatePlan, yearLabel } from './api.ts';

/** The years a plan may be started for: next year, this one and the two before. */
export const yearChoices = (current: number, back = 2) =>
  Array.from({ length: back + 2 }, (_, i) => current + 1 - i).map((y) => ({ value: String(y), label: yearLabel(y) }));

/**
 * Starts an action plan (POST /api/v1/action-plans) and opens it. `unit` fixes the department (from
 * its own page); otherwise it is chosen here. A unit that already has that year's plan gets a 409: say so
 * beside the year, with a link to the plan it already has.
 */
export function StartPlanForm({ unit, currentYear, onDone }: { unit?: Named; currentYear: number; onDone: () => void }) {
  const navigate = useNavigate();
  const create = useCreatePlan();
  const [orgUnitId, setOrgUnitId] = useState<string | null>(unit?.id ?? null);
  const [year, setYear] = useState(String(currentYear));
  const [carryForward, setCarryForward] = useState(true);
  const [errors, setErrors] = useState<{ orgUnitId?: string; year?: ReactNode }>({});

  const explainConflict = async (id: string, y: number) => {
    const message = `This department already has a plan for ${yearLabel(y)}`;
    setErrors({ year: message });
    // the 409 names the field, not the plan: look it up so the message can link to it
    const found = await get<Page<ActionPlanSummaryDto>>('/api/v1/action-plans', { orgUnitId: id, year: y, pageSize: 1 }).catch(() => null);
    const existing = found?.items[0];
    if (existing) {
      setErrors({ year: <>{message}: <AnchorLink to="/plans/$id" params={{ id: existing.id }} size="sm" onClick={onDone}>open it</AnchorLink></> });
    }
  };

  const submit = () => {
    if (!orgUnitId) {
      setErrors({ orgUnitId: 'Department is required' });
      return;
    }
    setErrors({});
    const y = Number(year);
    create.mutate({ orgUnitId, year: y, carryForward }, {
      onSuccess: (p) => {
        onDone();
        void navigate({ to: '/plans/$id', params: { id: p.id } });
      },
      onError: (err) => {
        const unitError = err instanceof ApiError ? err.details.find((d) => d.field === 'orgUnitId') : undefined;
        if (err instanceof ApiError && err.status === 409) void explainConflict(orgUnitId, y);
        else if (unitError) setErrors({ orgUnitId: `Department ${unitError.message}` });
        else showApiError(err);
      },
    });
  };

  return (
    <form onSubmit={(ev) => { ev.preventDefault(); submit(); }} noValidate aria-label="Start an action plan">
      <Stack>
        {unit ? (
          <Text size="sm"><Text span fw={600} size="sm">Department: </Text>{unit.name}</Text>
        ) : (
          // one department: a second choice replaces the first
          <DepartmentsField label="Department" value={orgUnitId ? [orgUnitId] : []} onChange={(ids) => setOrgUnitId(ids.at(-1) ?? null)} error={errors.orgUnitId} />
        )}
        <Select
          label="Academic year" data={yearChoices(currentYear)} value={year} onChange={(v) => v && setYear(v)} allowDeselect={false}
          error={errors.year} required
        />
        <Checkbox
          label="Carry last year forward" description="Copies last year's unfinished actions, with their objectives, into this draft, and adds the actions last year's annual report proposed"
          checked={carryForward} onChange={(e) => setCarryForward(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={create.isPending}>Start the plan</Button>
        </Group>
      </Stack>
    </form>
  );
}
