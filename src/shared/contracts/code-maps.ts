import { z } from 'zod';
import { idSchema, pageQuery } from './common.ts';

/* Code maps: the institution's translation of outside codes (NSS CAH codes, user groups, titles) into departments. */

export const codeMapKinds = ['cah', 'user_group', 'title'] as const;
export const codeMapKind = z.enum(codeMapKinds);
export type CodeMapKindKey = z.infer<typeof codeMapKind>;

export const codeMapDto = z.object({
  kind: codeMapKind,
  code: z.string(),
  orgUnit: z.object({ id: z.string(), name: z.string(), code: z.string().nullable() }),
  updatedAt: z.string(),
});
export type CodeMapDto = z.infer<typeof codeMapDto>;

export const listCodeMapsQuery = pageQuery.extend({ kind: codeMapKind.optional(), q: z.string().trim().max(100).optional() }).strict();
export type ListCodeMapsQuery = z.infer<typeof listCodeMapsQuery>;

export const putCodeMapBody = z.object({ kind: codeMapKind, code: z.string().trim().min(1).max(300), orgUnitId: idSchema }).strict();
export type PutCodeMapBody = z.infer<typeof putCodeMapBody>;

export const deleteCodeMapQuery = z.object({ kind: codeMapKind, code: z.string().trim().min(1).max(300) }).strict();
