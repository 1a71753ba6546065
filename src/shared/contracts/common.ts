import { z } from 'zod';

export const idSchema = z.string().min(1).max(64);
export const isoDate = z.iso.date();
export const isoDateTime = z.string();

export const roles = ['admin', 'manager', 'librarian', 'viewer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;
/** Each role can do everything the ones below it can. */
export const roleRank: Record<Role, number> = { viewer: 0, librarian: 1, manager: 2, admin: 3 };

export const MAX_PAGE_SIZE = 200;

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}
export type Page<T> = { items: T[]; page: number; pageSize: number; total: number };

/** A query-string list: `?ids=a,b` or `?ids=a&ids=b`. */
export const csvList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean));

/** Optional trimmed text; empty string means "no value". */
export const optionalText = (max = 5000) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();

export const idParams = z.object({ id: idSchema });
