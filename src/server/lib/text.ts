import { sql, type Expression, type SqlBool } from 'kysely';

// Letters that Unicode does not decompose into a base letter plus a mark.
const extra: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lower case without diacritics: "Zoë Ångström" → "zoe angstrom". Search stores and queries both pass through it. */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => extra[c] ?? c);
}

/** Words of a folded text, for prefix queries. */
export const tokens = (s: string): string[] => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);

/**
 * Substring filter ignoring case and diacritics ("zoe" matches "Zoë"), the same on SQLite and
 * PostgreSQL: both databases define rapport_fold() (see db/dialect.ts and db/database.ts).
 */
export function foldedLike(column: string, text: string): Expression<SqlBool> {
  const pattern = `%${fold(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`rapport_fold(${sql.ref(column)}) LIKE ${pattern} ESCAPE '\\'`;
}
