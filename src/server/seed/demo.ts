import type { Db } from '../db/types.ts';

export const DEMO_SIGN_IN = { email: 'librarian@northmoor.example', password: 'rapport-demo-2026' } as const;

export interface SeedProgress {
  onProgress?: (done: number, total: number, what: string) => void;
}

/** Placeholder until the demo university lands: does nothing. */
export async function seedDemo(_db: Db, _opts: SeedProgress = {}): Promise<void> {}
