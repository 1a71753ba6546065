import { Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { EngagementDto } from '../../../shared/contracts/engagements.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useEngagement } from '../engagements/api.ts';
import { canEdit, useMe } from '../identity/api.ts';
import { useOrgUnit } from '../org/api.ts';
import { OpportunityForm, type OpportunityPrefill } from './OpportunityForm.tsx';

export function NewOpportunityPage() {
  // not strict: the page also renders outside its route in component tests
  const search: { fromEngagement?: string; orgUnitId?: string } = useSearch({ strict: false });
  return <NewOpportunity fromEngagement={search.fromEngagement} orgUnitId={search.orgUnitId} />;
}

/**
 * A new opportunity: from an engagement ("we spotted something in this meeting") its departments and
 * people come along and it remembers where it was spotted; from a department, that department.
 */
export function NewOpportunity({ fromEngagement, orgUnitId }: { fromEngagement?: string; orgUnitId?: string }) {
  const { data: me, isPending } = useMe();
  return (
    <Stack>
      <AnchorLink to="/opportunities" size="sm">← All opportunities</AnchorLink>
      <Title order={1}>New opportunity</Title>
      {isPending ? null : !canEdit(me) ? (
        <Text>Only library staff who can edit may add opportunities.</Text>
      ) : fromEngagement ? (
        <FromEngagement id={fromEngagement} />
      ) : orgUnitId ? (
        <FromDepartment id={orgUnitId} />
      ) : (
        <Form prefill={{}} />
      )}
    </Stack>
  );
}

function FromEngagement({ id }: { id: string }) {
  const engagement = useEngagement(id);
  return (
    <QueryState query={engagement} label="Loading the engagement">
      {(e: EngagementDto) => <Form prefill={{ orgUnits: e.orgUnits, people: e.people, spottedIn: { id: e.id, occurredOn: e.occurredOn, summary: e.summary } }} />}
    </QueryState>
  );
}

function FromDepartment({ id }: { id: string }) {
  const unit = useOrgUnit(id);
  return (
    <QueryState query={unit} label="Loading the department">
      {(u) => <Form prefill={{ orgUnits: [{ id: u.id, name: u.name }] }} />}
    </QueryState>
  );
}

function Form({ prefill }: { prefill: OpportunityPrefill }) {
  const navigate = useNavigate();
  return (
    <OpportunityForm
      prefill={prefill}
      onSaved={(o) => void navigate({ to: '/opportunities/$id', params: { id: o.id } })}
      onCancel={() => void navigate({ to: '/opportunities' })}
    />
  );
}
