import type { MetricDefinitionDto } from '../../../shared/contracts/metrics.ts';

/* Shared by the metrics component tests. */
export { me } from '../relationships/fixtures.ts';

export const metric = (over: Partial<MetricDefinitionDto>): MetricDefinitionDto => ({
  id: 'm-nss', name: 'NSS: learning resources (% agree)', unit: '%', direction: 'higher_better', source: 'NSS', periodKind: 'academic_year',
  description: null, valueCount: 0, latestPeriod: null, latestPeriodLabel: null, createdAt: '2025-09-01T10:00:00Z', updatedAt: '2025-09-01T10:00:00Z', ...over,
});
