import type { ImportSourceKey } from '../../../../shared/contracts/imports.ts';
import { codeMapsSource } from './code-maps.ts';
import { counterSource } from './counter.ts';
import { directorySource } from './directory.ts';
import { engagementsSource } from './engagements.ts';
import { loansSource } from './loans.ts';
import { metricsSource } from './metrics.ts';
import { nssSource } from './nss.ts';
import { readingListsSource } from './reading-lists.ts';
import type { ImportSource } from './types.ts';

/** Every source the framework can import, by key, in the order the Imports page offers them. */
export const sources: Record<ImportSourceKey, ImportSource> = {
  directory: directorySource,
  engagements: engagementsSource,
  metrics: metricsSource,
  nss: nssSource,
  counter: counterSource,
  loans: loansSource,
  readingLists: readingListsSource,
  codeMaps: codeMapsSource,
};
