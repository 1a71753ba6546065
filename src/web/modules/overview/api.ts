import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MaturityDistributionDto, OverviewDto, OverviewQuery } from '../../../shared/contracts/relationships.ts';
import { get, withQuery } from '../../lib/api.ts';

/** What the server counts over; sorting happens in the page, so re-sorting never refetches. */
export type OverviewFilter = Pick<OverviewQuery, 'window' | 'year' | 'facultyId'>;
export type OverviewSort = OverviewQuery['sort'];
export type SortOrder = OverviewQuery['order'];

export const useOverview = (f: OverviewFilter) =>
  useQuery({
    queryKey: ['relationships', 'overview', f],
    queryFn: () => get<OverviewDto>('/api/v1/relationships/overview', { ...f }),
    placeholderData: keepPreviousData,
  });

export const useMaturityDistribution = (years: number) =>
  useQuery({
    queryKey: ['relationships', 'maturity-distribution', years],
    queryFn: () => get<MaturityDistributionDto>('/api/v1/relationships/maturity-distribution', { years }),
  });

/** The CSV export of the same view: a plain link, so the browser downloads it. */
export const overviewCsvHref = (f: OverviewFilter & { sort: OverviewSort; order: SortOrder }) => withQuery('/api/v1/relationships/overview.csv', { ...f });
