import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common.ts';
import type { CreatePersonBody, PersonDto, PersonSummaryDto, PositionBody, PositionDto, UpdatePersonBody, UpdatePositionBody } from '../../../shared/contracts/people.ts';
import { del, get, patch, post } from '../../lib/api.ts';

export interface PeopleFilter {
  q?: string;
  orgUnitId?: string;
  withinId?: string;
  champion?: 'true' | 'false';
  tag?: string;
  sort?: 'name' | 'updatedAt' | 'key';
  page?: number;
  pageSize?: number;
}

export const peopleKeys = {
  list: (f: PeopleFilter) => ['people', f] as const,
  one: (id: string) => ['person', id] as const,
};

export const usePeople = (f: PeopleFilter, enabled = true) =>
  useQuery({ queryKey: peopleKeys.list(f), queryFn: () => get<Page<PersonSummaryDto>>('/api/v1/people', { ...f }), placeholderData: keepPreviousData, enabled });

export const usePerson = (id: string | null | undefined) =>
  useQuery({ queryKey: peopleKeys.one(id ?? ''), queryFn: () => get<PersonDto>(`/api/v1/people/${id ?? ''}`), enabled: !!id });

export function usePeopleMutations() {
  const qc = useQueryClient();
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['people'] }), qc.invalidateQueries({ queryKey: ['person'] })]);
  return {
    create: useMutation({ mutationFn: (b: CreatePersonBody) => post<PersonDto>('/api/v1/people', b), onSuccess: refresh }),
    update: useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdatePersonBody }) => patch<PersonDto>(`/api/v1/people/${id}`, body), onSuccess: refresh }),
    addPosition: useMutation({ mutationFn: ({ personId, body }: { personId: string; body: PositionBody }) => post<PositionDto>(`/api/v1/people/${personId}/positions`, body), onSuccess: refresh }),
    endPosition: useMutation({ mutationFn: ({ id, endDate }: { id: string; endDate: string }) => patch<PositionDto>(`/api/v1/positions/${id}`, { endDate }), onSuccess: refresh }),
    updatePosition: useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdatePositionBody }) => patch<PositionDto>(`/api/v1/positions/${id}`, body), onSuccess: refresh }),
    removePosition: useMutation({ mutationFn: (id: string) => del(`/api/v1/positions/${id}`), onSuccess: refresh }),
  };
}
