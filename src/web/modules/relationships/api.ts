import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ComplianceDto } from '../../../shared/contracts/partnership.ts';
import type {
  CreateMaturityBody, JourneyDto, MaturityAssessmentDto, PersonSignalsDto, SignalWindowDto, StakeholderMapDto, UnitSignalsDto,
} from '../../../shared/contracts/relationships.ts';
import { del, get, post } from '../../lib/api.ts';

/** Whose relationship: a department (any org unit) or a person. */
export type Subject = { type: 'org-unit'; id: string } | { type: 'person'; id: string };

/** This academic year, or the last 365 days. */
export type SignalWindow = 'year' | '365';

export interface UnitSignalsResponse {
  window: SignalWindowDto;
  signals: UnitSignalsDto;
}

/*
 * Keys start with the unit's or person's own key (['org-unit', id], ['person', id]), so the writes that
 * already refresh a unit (engagement writes) or a person (person edits) refresh its relationship health too.
 */
const root = (s: Subject) => [s.type, s.id] as const;
export const relationshipKeys = {
  maturity: (s: Subject) => [...root(s), 'maturity'] as const,
  signals: (s: Subject) => [...root(s), 'signals'] as const,
  journey: (orgUnitId: string) => ['org-unit', orgUnitId, 'journey'] as const,
  stakeholders: (orgUnitId: string) => ['org-unit', orgUnitId, 'stakeholders'] as const,
  cadence: (orgUnitId: string) => ['org-unit', orgUnitId, 'cadence'] as const,
};

const base = (s: Subject) => (s.type === 'org-unit' ? `/api/v1/org-units/${s.id}` : `/api/v1/people/${s.id}`);

/** Assessments, newest first. */
export const useMaturity = (s: Subject) =>
  useQuery({ queryKey: relationshipKeys.maturity(s), queryFn: () => get<MaturityAssessmentDto[]>(`${base(s)}/maturity`) });

export const useJourney = (orgUnitId: string) =>
  useQuery({ queryKey: relationshipKeys.journey(orgUnitId), queryFn: () => get<JourneyDto>(`/api/v1/org-units/${orgUnitId}/journey`) });

// keepPreviousData: switching the window keeps the old figures on screen until the new ones arrive
export const useUnitSignals = (orgUnitId: string, window: SignalWindow) =>
  useQuery({
    queryKey: [...relationshipKeys.signals({ type: 'org-unit', id: orgUnitId }), window],
    queryFn: () => get<UnitSignalsResponse>(`/api/v1/org-units/${orgUnitId}/signals`, { window }),
    placeholderData: keepPreviousData,
  });

export const usePersonSignals = (personId: string, window: SignalWindow) =>
  useQuery({
    queryKey: [...relationshipKeys.signals({ type: 'person', id: personId }), window],
    queryFn: () => get<PersonSignalsDto>(`/api/v1/people/${personId}/signals`, { window }),
    placeholderData: keepPreviousData,
  });

export const useStakeholders = (orgUnitId: string) =>
  useQuery({ queryKey: relationshipKeys.stakeholders(orgUnitId), queryFn: () => get<StakeholderMapDto>(`/api/v1/org-units/${orgUnitId}/stakeholders`) });

/** The partnership model's key activities for the current academic year (the API's default). */
export const useCadence = (orgUnitId: string) =>
  useQuery({ queryKey: relationshipKeys.cadence(orgUnitId), queryFn: () => get<ComplianceDto>(`/api/v1/org-units/${orgUnitId}/cadence`) });

/** Assess or withdraw an assessment; either changes the maturity, the journey and the signals. */
export function useMaturityMutations(s: Subject) {
  const qc = useQueryClient();
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: relationshipKeys.maturity(s) }),
      qc.invalidateQueries({ queryKey: relationshipKeys.signals(s) }),
      ...(s.type === 'org-unit' ? [qc.invalidateQueries({ queryKey: relationshipKeys.journey(s.id) })] : []),
    ]);
  return {
    create: useMutation({ mutationFn: (b: CreateMaturityBody) => post<MaturityAssessmentDto>('/api/v1/maturity-assessments', b), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (id: string) => del(`/api/v1/maturity-assessments/${id}`), onSuccess: refresh }),
  };
}
