import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roleRank } from '../../../shared/contracts/common.ts';
import type { LoginBody, MeDto } from '../../../shared/contracts/identity.ts';
import { ApiError, get, post, setCsrfToken } from '../../lib/api.ts';

export const meKey = ['me'] as const;

/** The signed-in user, or null when signed out; remembers the CSRF token for later writes. */
export async function fetchMe(): Promise<MeDto | null> {
  try {
    const me = await get<MeDto>('/api/v1/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export const useMe = () => useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => post<MeDto>('/api/v1/auth/login', body),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.clear();
      qc.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => post<void>('/api/v1/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(meKey, null);
    },
  });
}

export const canEdit = (me: MeDto | null | undefined, min: 'librarian' | 'manager' | 'admin' = 'librarian') => {
  return !!me && roleRank[me.user.role] >= roleRank[min];
};
