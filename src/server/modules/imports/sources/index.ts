import type { ImportSourceKey } from '../../../../shared/contracts/imports.ts';
import { metricsSource } from './metrics.ts';
import type { ImportSource } from './types.ts';

/** Every source the framework can import, by key. */
export const sources: Record<ImportSourceKey, ImportSource> = {
  metrics: metricsSource,
};
