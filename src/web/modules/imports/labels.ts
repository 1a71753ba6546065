import type { ImportJobDto } from '../../../shared/contracts/imports.ts';

export const statusLabels: Record<ImportJobDto['status'], string> = {
  uploaded: 'Waiting for its mapping',
  queued: 'Queued',
  running: 'Importing',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const statusColors: Record<ImportJobDto['status'], string> = {
  uploaded: 'gray', queued: 'blue', running: 'blue', done: 'teal', failed: 'red', cancelled: 'gray',
};

export const formatBytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);
