import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TrainingHoursDto } from '../../../shared/contracts/sconul.ts';
import { get, withQuery } from '../../lib/api.ts';

const PATH = '/api/v1/sconul/training-hours';

export const sconulKeys = {
  all: ['sconul'] as const,
  trainingHours: (year: number | undefined) => ['sconul', 'training-hours', year ?? 'current'] as const,
};

/** SCONUL training user hours for the academic year starting in `year` (the institution's current one when undefined). */
export const useTrainingHours = (year: number | undefined) =>
  useQuery({ queryKey: sconulKeys.trainingHours(year), queryFn: () => get<TrainingHoursDto>(PATH, { year }), placeholderData: keepPreviousData });

export const trainingHoursCsvHref = (year: number | undefined) => withQuery(`${PATH}.csv`, { year });
