import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/server/db/types.ts';

/** A page a librarian opens: the API requests it makes, for the i-th variant. */
export interface Scenario {
  name: string;
  /** distinct variants (ids) cycled through, so that one cached row does not flatter the figures */
  variants: number;
  requests(variant: number): string[];
}

export interface Picks {
  departments: string[];
  people: string[];
  words: string[];
  from: string;
  to: string;
}

const VARIANTS = 5;

/** Realistic targets: the busiest departments, the people with the longest history, their surnames, the latest academic year. */
export async function pickTargets(db: Kysely<Database>, institutionId: string): Promise<Picks> {
  const departments = await db
    .selectFrom('engagement_org_units as eo')
    .innerJoin('org_units as o', 'o.id', 'eo.org_unit_id')
    .select(['eo.org_unit_id as id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('o.institution_id', '=', institutionId)
    .where('o.type', '=', 'department')
    .groupBy('eo.org_unit_id')
    .orderBy('n', 'desc')
    .limit(VARIANTS)
    .execute();
  const people = await db
    .selectFrom('engagement_people as ep')
    .innerJoin('people as p', 'p.id', 'ep.person_id')
    .select(['ep.person_id as id', 'p.name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('ep.institution_id', '=', institutionId)
    .groupBy(['ep.person_id', 'p.name'])
    .orderBy('n', 'desc')
    .limit(VARIANTS)
    .execute();
  const latest = await db.selectFrom('engagements').select(sql<string>`max(occurred_on)`.as('d')).where('institution_id', '=', institutionId).executeTakeFirst();
  const d = latest?.d ?? new Date().toISOString().slice(0, 10);
  // the academic year (1 August – 31 July) holding the latest engagement
  const year = Number(d.slice(0, 4)) - (Number(d.slice(5, 7)) < 8 ? 1 : 0);
  return {
    departments: departments.map((r) => r.id),
    people: people.map((r) => r.id),
    words: people.map((r) => r.name.split(' ').at(-1) ?? r.name),
    from: `${year}-08-01`,
    to: `${year + 1}-07-31`,
  };
}

export function scenarios(p: Picks): Scenario[] {
  const at = (list: string[], i: number) => list[i % Math.max(1, list.length)] ?? 'none';
  return [
    { name: 'department list', variants: 1, requests: () => ['/api/v1/org-units?type=department&pageSize=50'] },
    {
      name: 'department + timeline',
      variants: p.departments.length,
      requests: (i) => [`/api/v1/org-units/${at(p.departments, i)}`, `/api/v1/engagements?orgUnitId=${at(p.departments, i)}&pageSize=50`],
    },
    {
      name: 'person + history',
      variants: p.people.length,
      requests: (i) => [`/api/v1/people/${at(p.people, i)}`, `/api/v1/engagements?personId=${at(p.people, i)}&pageSize=50`],
    },
    {
      name: 'engagements in a year',
      variants: p.departments.length,
      requests: (i) => [`/api/v1/engagements?orgUnitId=${at(p.departments, i)}&from=${p.from}&to=${p.to}&pageSize=50`],
    },
    { name: 'search', variants: p.words.length, requests: (i) => [`/api/v1/search?q=${encodeURIComponent(at(p.words, i))}`] },
    // issue 4's budget: every department's signals (and cadence compliance) in at most 300 ms p95
    { name: 'overview, a year', variants: 1, requests: () => [`/api/v1/relationships/overview?window=year&year=${p.from.slice(0, 4)}`] },
    { name: 'overview, 365 days', variants: 1, requests: () => [`/api/v1/relationships/overview?window=365&asOf=${p.to}`] },
    {
      name: 'department health',
      variants: p.departments.length,
      requests: (i) => {
        const id = at(p.departments, i);
        return [`/api/v1/org-units/${id}/signals?window=year&year=${p.from.slice(0, 4)}`, `/api/v1/org-units/${id}/journey`, `/api/v1/org-units/${id}/cadence?year=${p.from.slice(0, 4)}`, `/api/v1/org-units/${id}/stakeholders`];
      },
    },
    { name: 'nudges, team', variants: 1, requests: () => ['/api/v1/nudges?scope=team'] },
    // issue 7's budgets: one department's report data in at most 300 ms, its PDF in at most 2 s
    { name: 'annual report data', variants: p.departments.length, requests: (i) => [`/api/v1/reports/${at(p.departments, i)}/${p.from.slice(0, 4)}`] },
    { name: 'annual report PDF', variants: p.departments.length, requests: (i) => [`/api/v1/reports/${at(p.departments, i)}/${p.from.slice(0, 4)}/pdf`] },
    { name: 'library-wide year', variants: 1, requests: () => [`/api/v1/reports/library?year=${p.from.slice(0, 4)}`] },
  ];
}

/** A short description of what the last response held, e.g. "total 21,403" or "20 hits". */
export function resultSize(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const b = body as { total?: number; hits?: unknown[] };
  if (typeof b.total === 'number') return `total ${b.total.toLocaleString('en')}`;
  if (Array.isArray(b.hits)) return `${b.hits.length} hits`;
  const items = (body as { items?: unknown[] }).items;
  if (Array.isArray(items)) return `${items.length} items`;
  return '';
}
