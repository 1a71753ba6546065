import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { notifications } from '@mantine/notifications';
import { ApiError } from './api.ts';

/** Puts the API's field errors beside their fields; anything else becomes a notification. */
export function showApiError<T extends FieldValues>(err: unknown, setError?: UseFormSetError<T>, fields: string[] = []) {
  if (err instanceof ApiError && setError && err.details.length) {
    let placed = false;
    for (const d of err.details) {
      const top = d.field.split('.')[0] ?? d.field;
      if (fields.includes(top)) {
        setError(top as Path<T>, { type: 'server', message: d.message });
        placed = true;
      }
    }
    if (placed) return;
  }
  notifications.show({ color: 'red', title: 'That did not work', message: err instanceof Error ? err.message : 'Unexpected error' });
}
