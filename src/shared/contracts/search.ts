import { z } from 'zod';
import { csvList } from './common.ts';

export const searchTypes = ['org_unit', 'person', 'engagement'] as const;
export const searchQuery = z.object({
  q: z.string().trim().min(1, 'type something to search for').max(200),
  types: csvList.pipe(z.array(z.enum(searchTypes)).min(1)).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQueryInput = z.infer<typeof searchQuery>;

export const searchHitDto = z.object({
  type: z.enum(searchTypes),
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
});
export type SearchHitDto = z.infer<typeof searchHitDto>;
export const searchResultDto = z.object({ hits: z.array(searchHitDto) });
