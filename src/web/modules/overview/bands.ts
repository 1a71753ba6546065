import { maturityLabels, type MaturityDistributionDto } from '../../../shared/contracts/relationships.ts';

export type Point = MaturityDistributionDto['points'][number];
export type Band = keyof Point['counts'];

/**
 * The maturity chart's bands, bottom of the stack to top: not yet assessed, then the journey from no
 * engagement to pioneer. Each colour keeps white labels above 4.5:1 contrast.
 */
export const bands: { key: Band; label: string; color: string }[] = [
  { key: 'unassessed', label: 'Not assessed', color: '#495057' },
  { key: 'none', label: maturityLabels.none, color: '#c2410c' },
  { key: 'provider', label: maturityLabels.provider, color: '#1971c2' },
  { key: 'partner', label: maturityLabels.partner, color: '#6741d9' },
  { key: 'pioneer', label: maturityLabels.pioneer, color: '#237032' },
];

export const count = (p: Point, band: Band) => p.counts[band] ?? 0;
