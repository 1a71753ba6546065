import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { NssFiguresDto, ReadingListCoverageDto, UnmappedDto } from '../../../shared/contracts/figures.ts';
import { get } from '../../lib/api.ts';

export const figureKeys = {
  all: ['figures'] as const,
  nss: (orgUnitId: string | undefined, year: number | undefined) => ['figures', 'nss', orgUnitId ?? 'all', year ?? 'latest'] as const,
  unmapped: ['figures', 'unmapped'] as const,
  readingLists: (year: number | undefined) => ['figures', 'reading-lists', year ?? 'latest'] as const,
};

/** NSS results by department and question for the year (the latest held when undefined). */
export const useNssFigures = (orgUnitId: string | undefined, year: number | undefined) =>
  useQuery({ queryKey: figureKeys.nss(orgUnitId, year), queryFn: () => get<NssFiguresDto>('/api/v1/figures/nss', { orgUnitId, year }), placeholderData: keepPreviousData });

/** Outside codes of every kind that no department has yet. */
export const useUnmappedCodes = () => useQuery({ queryKey: figureKeys.unmapped, queryFn: () => get<UnmappedDto>('/api/v1/figures/unmapped') });

export const useReadingListCoverage = (year: number | undefined) =>
  useQuery({ queryKey: figureKeys.readingLists(year), queryFn: () => get<ReadingListCoverageDto>('/api/v1/figures/reading-lists', { year }), placeholderData: keepPreviousData });
