import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import { fold } from '../lib/text.ts';
import type { Executor, SearchEntityType } from './types.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- schema work runs on an untyped Kysely */

export interface SearchHit {
  entity_type: SearchEntityType;
  entity_id: string;
  title: string;
  subtitle: string | null;
  rank: number;
}

export interface SearchQuery {
  institutionId: string;
  /** already folded, non-empty tokens; each is matched as a prefix */
  tokens: string[];
  types: SearchEntityType[];
  limit: number;
}

/** Everything that differs between SQLite and PostgreSQL lives here, one method per concern. */
export interface Dialect {
  kind: 'sqlite' | 'postgres';
  createSearchStore(db: Kysely<any>): Promise<void>;
  /** Defines rapport_fold(text) in SQL: the same folding as fold() in lib/text.ts (SQLite registers it per connection). */
  createFoldFunction(db: Kysely<any>): Promise<void>;
  /** Makes a table refuse UPDATE and DELETE. */
  makeAppendOnly(db: Kysely<any>, table: string): Promise<void>;
  search(db: Executor, q: SearchQuery): Promise<SearchHit[]>;
  /** SQL selecting the entity ids whose document matches every token as a prefix, for `id IN (…)`. */
  matchingIds(q: { institutionId: string; tokens: string[]; type: SearchEntityType }): RawBuilder<string>;
  isUniqueViolation(err: unknown): boolean;
  isForeignKeyViolation(err: unknown): boolean;
  /** A 'YYYY-MM-DD' date plus a whole number of days, as 'YYYY-MM-DD' text. */
  addDays(date: Expression<string | null>, days: Expression<number | null>): RawBuilder<string>;
}

const code = (err: unknown): string | undefined =>
  typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;

function searchDocumentsTable(db: Kysely<any>, idType: 'integer' | 'bigserial') {
  return db.schema
    .createTable('search_documents')
    .addColumn('doc_id', idType, (c) => (idType === 'integer' ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('institution_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text')
    .addColumn('folded_title', 'text', (c) => c.notNull())
    .addColumn('folded_body', 'text', (c) => c.notNull())
    .addUniqueConstraint('search_documents_entity', ['entity_type', 'entity_id']);
}

const ftsMatch = (tokens: string[]) => tokens.map((t) => `"${t.replaceAll('"', '""')}"*`).join(' ');
const prefixTsquery = (tokens: string[]) => tokens.map((t) => `'${t.replaceAll("'", "''").replaceAll('\\', '')}':*`).join(' & ');

export const sqliteDialect: Dialect = {
  kind: 'sqlite',
  createFoldFunction: () => Promise.resolve(),
  async createSearchStore(db) {
    await searchDocumentsTable(db, 'integer').execute();
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(
      folded_title, folded_body,
      content='search_documents', content_rowid='doc_id',
      tokenize='unicode61 remove_diacritics 2')`.execute(db);
    await sql`CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
      INSERT INTO search_fts(rowid, folded_title, folded_body) VALUES (new.doc_id, new.folded_title, new.folded_body);
    END`.execute(db);
    await sql`CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
      INSERT INTO search_fts(search_fts, rowid, folded_title, folded_body) VALUES ('delete', old.doc_id, old.folded_title, old.folded_body);
    END`.execute(db);
    await sql`CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
      INSERT INTO search_fts(search_fts, rowid, folded_title, folded_body) VALUES ('delete', old.doc_id, old.folded_title, old.folded_body);
      INSERT INTO search_fts(rowid, folded_title, folded_body) VALUES (new.doc_id, new.folded_title, new.folded_body);
    END`.execute(db);
  },
  async makeAppendOnly(db, table) {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql`CREATE TRIGGER ${sql.id(`${table}_no_${op.toLowerCase()}`)} BEFORE ${sql.raw(op)} ON ${sql.table(table)}
        BEGIN SELECT RAISE(ABORT, ${sql.lit(`${table} is append-only`)}); END`.execute(db);
    }
  },
  async search(db, q) {
    const match = ftsMatch(q.tokens);
    const result = await sql<SearchHit>`
      SELECT d.entity_type, d.entity_id, d.title, d.subtitle, bm25(search_fts, 4.0, 1.0) AS rank
      FROM search_fts JOIN search_documents d ON d.doc_id = search_fts.rowid
      WHERE search_fts MATCH ${match} AND d.institution_id = ${q.institutionId}
        AND d.entity_type IN (${sql.join(q.types)})
      ORDER BY rank LIMIT ${q.limit}`.execute(db);
    return result.rows;
  },
  matchingIds: (q) => sql<string>`SELECT d.entity_id FROM search_fts JOIN search_documents d ON d.doc_id = search_fts.rowid
    WHERE search_fts MATCH ${ftsMatch(q.tokens)} AND d.institution_id = ${q.institutionId} AND d.entity_type = ${q.type}`,
  isUniqueViolation: (err) => code(err)?.startsWith('SQLITE_CONSTRAINT_UNIQUE') === true || code(err) === 'SQLITE_CONSTRAINT_PRIMARYKEY',
  isForeignKeyViolation: (err) => code(err) === 'SQLITE_CONSTRAINT_FOREIGNKEY',
  addDays: (date, days) => sql<string>`date(${date}, '+' || ${days} || ' days')`,
};

export const postgresDialect: Dialect = {
  kind: 'postgres',
  async createFoldFunction(db) {
    // translate() maps each accented letter to its base letter; the few that become two letters are replaced first
    const from: string[] = [];
    const to: string[] = [];
    for (let cp = 0xc0; cp <= 0x24f; cp++) {
      const c = String.fromCodePoint(cp).toLowerCase();
      const f = fold(c);
      if (f.length === 1 && f !== c && !from.includes(c)) {
        from.push(c);
        to.push(f);
      }
    }
    await sql`CREATE OR REPLACE FUNCTION rapport_fold(s text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT translate(replace(replace(replace(replace(lower(s), 'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'), 'þ', 'th'), ${sql.lit(from.join(''))}, ${sql.lit(to.join(''))})
    $$`.execute(db);
  },
  async createSearchStore(db) {
    await searchDocumentsTable(db, 'bigserial').execute();
    await sql`ALTER TABLE search_documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('simple', folded_title), 'A') || setweight(to_tsvector('simple', folded_body), 'B')) STORED`.execute(db);
    await sql`CREATE INDEX search_documents_tsv ON search_documents USING gin (tsv)`.execute(db);
  },
  async makeAppendOnly(db, table) {
    await sql`CREATE OR REPLACE FUNCTION rapport_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`.execute(db);
    await sql`CREATE TRIGGER ${sql.id(`${table}_append_only`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION rapport_append_only()`.execute(db);
  },
  async search(db, q) {
    const tsquery = prefixTsquery(q.tokens);
    const result = await sql<SearchHit>`
      SELECT entity_type, entity_id, title, subtitle, ts_rank(tsv, query) AS rank
      FROM search_documents, to_tsquery('simple', ${tsquery}) query
      WHERE tsv @@ query AND institution_id = ${q.institutionId}
        AND entity_type IN (${sql.join(q.types)})
      ORDER BY rank DESC LIMIT ${q.limit}`.execute(db);
    return result.rows.map((r) => ({ ...r, rank: Number(r.rank) }));
  },
  matchingIds: (q) => sql<string>`SELECT entity_id FROM search_documents
    WHERE tsv @@ to_tsquery('simple', ${prefixTsquery(q.tokens)}) AND institution_id = ${q.institutionId} AND entity_type = ${q.type}`,
  isUniqueViolation: (err) => code(err) === '23505',
  isForeignKeyViolation: (err) => code(err) === '23503',
  addDays: (date, days) => sql<string>`to_char(CAST(${date} AS date) + CAST(${days} AS integer), 'YYYY-MM-DD')`,
};
