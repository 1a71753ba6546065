import { AppError } from '../../../http/errors.ts';
import type { ImportSource } from './types.ts';

/** PLACEHOLDER: replaced by the helper building this source. */
export const nssSource: ImportSource = {
  key: 'nss',
  label: 'nss',
  description: 'Not built yet.',
  minRole: 'manager',
  fields: [],
  prepare: () => Promise.reject(new AppError('CONFLICT', 'This import source is not built yet')),
};
