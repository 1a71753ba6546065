import { createHash } from 'node:crypto';

/** What tells one COUNTER report line from another within a report (migration 0016's key). */
export interface CounterLineParts {
  platform_key: string;
  title_key: string;
  item_key: string;
  data_type: string;
  access_type: string;
  access_method: string;
  yop: string;
  metric_type: string;
}

/**
 * The line's key as a SHA-256 hex digest of its parts: a fixed 64 characters however long a title,
 * platform or identifier is, so the primary key stays far inside PostgreSQL's B-tree entry limit
 * (about 2.7 kB), which the parts themselves (a 1,000-character title beside six 300-character
 * fields, in any script) could pass.
 */
export function counterLineKey(p: CounterLineParts): string {
  return createHash('sha256')
    .update([p.platform_key, p.title_key, p.item_key, p.data_type, p.access_type, p.access_method, p.yop, p.metric_type].join('\u0000'))
    .digest('hex');
}
