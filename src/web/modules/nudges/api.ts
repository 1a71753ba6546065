import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NudgeActionBody, NudgesDto } from '../../../shared/contracts/nudges.ts';
import { get, post } from '../../lib/api.ts';

export type NudgeScope = 'mine' | 'team';

export const useNudges = (scope: NudgeScope) =>
  useQuery({ queryKey: ['nudges', scope], queryFn: () => get<NudgesDto>('/api/v1/nudges', { scope }) });

/** Snooze or dismiss: the nudge leaves both lists (mine and team), so both refresh. */
export function useNudgeAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NudgeActionBody) => post<void>('/api/v1/nudges/actions', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['nudges'] }),
  });
}
