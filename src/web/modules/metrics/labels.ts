import { directionLabels, unitTypeNouns, type MetricDefinitionDto } from '../../../shared/contracts/metrics.ts';
import type { OrgUnitDto } from '../../../shared/contracts/org.ts';

export { directionLabels, periodKindLabels } from '../../../shared/contracts/metrics.ts';

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** A figure with its unit: '82.5%', '1,204 loans'. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  const n = number.format(value);
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

/** The plain number, for table cells whose column names the unit. */
export const formatNumber = (value: number | null) => (value === null ? '—' : number.format(value));

/** "average of 3 departments": how many units of this one's type stand behind a period's average. */
export function averageOf(n: number, type: OrgUnitDto['type']): string {
  const [one, many] = unitTypeNouns[type];
  return `average of ${n} ${n === 1 ? one : many}`;
}

/** "Higher is better" (or lower), as a sentence fragment for the chart's text alternative. */
export const directionText = (m: Pick<MetricDefinitionDto, 'direction'>) => directionLabels[m.direction];
