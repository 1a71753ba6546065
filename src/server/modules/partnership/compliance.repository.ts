import { sql, type ExpressionBuilder, type QueryCreator } from 'kysely';
import type { Database, EngagementOrgUnitTable, Executor, PartnershipTemplateTable, PositionTable } from '../../db/types.ts';

/*
 * The queries behind partnership compliance: which units the templates cover, and for each unit
 * the first qualifying engagement of each period, found by the database (never a loop over
 * engagement rows in JS).
 */

/** Long id lists are sent in slices, well inside both databases' limits on bound parameters. */
const CHUNK = 500;
function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/**
 * Which of the active templates apply to which units: 'all_departments' → every active department;
 * 'units' → each named unit that is still active, plus, where asked, every active department
 * below it at any depth. `unitIds` limits the units considered.
 */
export async function applicableUnits(
  db: Executor,
  institutionId: string,
  templates: Pick<PartnershipTemplateTable, 'id' | 'applies_to'>[],
  unitIds?: string[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const add = (unitId: string, templateId: string) => {
    const set = out.get(unitId);
    if (set) set.add(templateId);
    else out.set(unitId, new Set([templateId]));
  };
  const within = unitIds ? chunks(unitIds) : [null];
  const everywhere = templates.filter((t) => t.applies_to === 'all_departments').map((t) => t.id);
  const named = templates.filter((t) => t.applies_to === 'units').map((t) => t.id);

  for (const slice of within) {
    if (everywhere.length) {
      let q = db.selectFrom('org_units').select('id').where('institution_id', '=', institutionId).where('type', '=', 'department').where('status', '=', 'active');
      if (slice) q = q.where('id', 'in', slice);
      for (const u of await q.execute()) for (const t of everywhere) add(u.id, t);
    }
    if (!named.length) continue;
    let listed = db
      .selectFrom('partnership_template_units as tu')
      .innerJoin('org_units as o', 'o.id', 'tu.org_unit_id')
      .select(['tu.template_id', 'tu.org_unit_id'])
      .where('tu.institution_id', '=', institutionId)
      .where('tu.template_id', 'in', named)
      .where('o.status', '=', 'active');
    if (slice) listed = listed.where('tu.org_unit_id', 'in', slice);
    for (const r of await listed.execute()) add(r.org_unit_id, r.template_id);

    // UNION (not UNION ALL) also stops the walk should a parent loop ever slip into the tree
    const below = await sql<{ template_id: string; id: string }>`
      WITH RECURSIVE tree(template_id, id) AS (
        SELECT tu.template_id, tu.org_unit_id FROM partnership_template_units tu
        WHERE tu.institution_id = ${institutionId} AND tu.include_descendants = 1 AND tu.template_id IN (${sql.join(named)})
        UNION
        SELECT tree.template_id, o.id FROM org_units o JOIN tree ON o.parent_id = tree.id WHERE o.institution_id = ${institutionId}
      )
      SELECT DISTINCT tree.template_id, o.id FROM tree JOIN org_units o ON o.id = tree.id
      WHERE o.type = 'department' AND o.status = 'active'${slice ? sql` AND o.id IN (${sql.join(slice)})` : sql``}`.execute(db);
    for (const r of below.rows) add(r.id, r.template_id);
  }
  return out;
}

type Holder = Pick<PositionTable, 'person_id' | 'start_date' | 'end_date'>;
type WithHolders = QueryCreator<Database & { kp: Holder }>;

/** Every distinct position title of the institution (a few hundred at most), for matching titles in JS. */
export async function positionTitles(db: Executor, institutionId: string): Promise<string[]> {
  const rows = await db.selectFrom('positions').select('title').distinct().where('institution_id', '=', institutionId).execute();
  return rows.map((r) => r.title);
}

/**
 * The positions with one of `titles`, as a small materialised set, so that checking an
 * engagement's people is an in-memory probe. Without titles the set is empty and never read.
 */
const withHolders = (db: Executor, institutionId: string, titles: string[] | null): WithHolders =>
  db.with((cte) => cte('kp').materialized(), (qc) =>
    qc.selectFrom('positions').select(['person_id', 'start_date', 'end_date']).where('institution_id', '=', institutionId)
      .where(titles?.length ? sql<boolean>`title IN (${sql.join(titles)})` : sql<boolean>`1 = 0`));

/** The engagement involved someone who held a matching position on the engagement's date. */
const heldBySomeoneMet = (eb: ExpressionBuilder<Database & { kp: Holder; eou: EngagementOrgUnitTable }, 'eou'>) =>
  eb.exists(
    eb
      .selectFrom('engagement_people as ep')
      .innerJoin('kp', 'kp.person_id', 'ep.person_id')
      .select('ep.person_id')
      .whereRef('ep.engagement_id', '=', 'eou.engagement_id')
      .where((w) => w.or([w('kp.start_date', 'is', null), w('kp.start_date', '<=', w.ref('eou.occurred_on'))]))
      .where((w) => w.or([w('kp.end_date', 'is', null), w('kp.end_date', '>=', w.ref('eou.occurred_on'))])),
  );

/** One question per column: the first engagement of this type dated from..to (both inclusive). */
export interface Span {
  typeId: string;
  from: string;
  to: string;
}

/** Columns per statement: well inside SQLite's and PostgreSQL's limits on columns and parameters. */
const SPANS_PER_QUERY = 60;

/**
 * For each unit and each span, the first matching engagement as 'YYYY-MM-DD engagementId', or
 * null. `titles` (see positionTitles): only engagements with someone holding, on the
 * engagement's date, a position with one of them.
 *
 * One row per unit, one correlated look per span. Unit links carry their engagement's date and
 * type (migrations 0003 and 0005) and the (unit, date) index covers both, so each look walks that
 * index in date order and stops at the first match: no engagement row is read, nothing is
 * aggregated over a whole year, and tenancy is checked on the unit.
 */
export async function firstInSpans(db: Executor, institutionId: string, unitIds: string[], spans: Span[], titles: string[] | null) {
  const out = new Map<string, (string | null)[]>();
  if (!unitIds.length || !spans.length || titles?.length === 0) return out;
  for (let offset = 0; offset < spans.length; offset += SPANS_PER_QUERY) {
    const part = spans.slice(offset, offset + SPANS_PER_QUERY);
    for (const slice of chunks(unitIds)) {
      const rows = await withHolders(db, institutionId, titles)
        .selectFrom('org_units as o')
        .select((eb) => [
          'o.id',
          ...part.map((span, i) =>
            eb
              .selectFrom('engagement_org_units as eou')
              .select(sql<string>`eou.occurred_on || ' ' || eou.engagement_id`.as('k'))
              .whereRef('eou.org_unit_id', '=', 'o.id')
              .where('eou.occurred_on', '>=', span.from)
              .where('eou.occurred_on', '<=', span.to)
              .where('eou.type_id', '=', span.typeId)
              .$if(titles !== null, (q) => q.where(heldBySomeoneMet))
              // by date alone, which the index already delivers, so the walk stops at the first match
              // (a second sort key would make SQLite sort every match first); same-day ties go by index order
              .orderBy('eou.occurred_on')
              .limit(1)
              .as(`s${i}`),
          ),
        ])
        .where('o.institution_id', '=', institutionId)
        .where('o.id', 'in', slice)
        .execute();
      for (const row of rows as unknown as Record<string, string | null>[]) {
        const id = row.id ?? '';
        const list = out.get(id) ?? [];
        part.forEach((_, i) => (list[offset + i] = row[`s${i}`] ?? null));
        out.set(id, list);
      }
    }
  }
  return out;
}
