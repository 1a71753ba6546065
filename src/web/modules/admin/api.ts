import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditEntryDto } from '../../../shared/contracts/audit.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import type { CreateUserBody, UpdateUserBody, UserDto } from '../../../shared/contracts/identity.ts';
import type { CreateVocabBody, InstitutionDto, UpdateInstitutionBody, UpdateVocabBody, VocabTermDto } from '../../../shared/contracts/org.ts';
import type { CreateTemplateBody, PartnershipTemplateDto, UpdateTemplateBody } from '../../../shared/contracts/partnership.ts';
import { del, get, patch, post } from '../../lib/api.ts';
import { orgKeys } from '../org/api.ts';

export const useUsers = (page: number, q?: string) =>
  useQuery({ queryKey: ['users', page, q], queryFn: () => get<Page<UserDto>>('/api/v1/users', { page, pageSize: 50, q }), placeholderData: keepPreviousData });

export const useAllVocab = () =>
  useQuery({ queryKey: ['vocab', 'all'], queryFn: () => get<VocabTermDto[]>('/api/v1/vocab', { includeInactive: 'true' }) });

export const useAudit = (page: number, f: { entityType?: string; action?: string }) =>
  useQuery({ queryKey: ['audit', page, f], queryFn: () => get<Page<AuditEntryDto>>('/api/v1/audit', { page, pageSize: 50, ...f }), placeholderData: keepPreviousData });

export function useAdminMutations() {
  const qc = useQueryClient();
  const refresh = (...keys: string[]) => () => Promise.all(keys.map((k) => qc.invalidateQueries({ queryKey: [k] })));
  return {
    createUser: useMutation({ mutationFn: (b: CreateUserBody) => post<UserDto>('/api/v1/users', b), onSuccess: refresh('users') }),
    updateUser: useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) => patch<UserDto>(`/api/v1/users/${id}`, body), onSuccess: refresh('users') }),
    updateInstitution: useMutation({
      mutationFn: (b: UpdateInstitutionBody) => patch<InstitutionDto>('/api/v1/institution', b),
      onSuccess: (d) => qc.setQueryData(orgKeys.institution, d),
    }),
    createVocab: useMutation({ mutationFn: (b: CreateVocabBody) => post<VocabTermDto>('/api/v1/vocab', b), onSuccess: refresh('vocab') }),
    updateVocab: useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateVocabBody }) => patch<VocabTermDto>(`/api/v1/vocab/${id}`, body), onSuccess: refresh('vocab') }),
  };
}

export const usePartnershipTemplates = () =>
  useQuery({ queryKey: ['partnership-templates'], queryFn: () => get<PartnershipTemplateDto[]>('/api/v1/partnership-templates') });

/** Writes to the partnership model (managers and admins); compliance and the overview's cadence follow the model. */
export function usePartnershipMutations() {
  const qc = useQueryClient();
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['partnership-templates'] }), qc.invalidateQueries({ queryKey: ['relationships'] })]);
  return {
    create: useMutation({ mutationFn: (b: CreateTemplateBody) => post<PartnershipTemplateDto>('/api/v1/partnership-templates', b), onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: UpdateTemplateBody }) => patch<PartnershipTemplateDto>(`/api/v1/partnership-templates/${id}`, body),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => del(`/api/v1/partnership-templates/${id}`), onSuccess: refresh }),
  };
}
