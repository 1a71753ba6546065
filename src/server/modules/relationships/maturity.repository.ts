import type { MaturityAssessmentDto } from '../../../shared/contracts/relationships.ts';
import type { Executor, MaturityAssessmentTable } from '../../db/types.ts';

type Subject = { orgUnitId: string } | { personId: string };

export function findAssessment(db: Executor, institutionId: string, id: string) {
  return db.selectFrom('maturity_assessments').selectAll().where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();
}

/** Assessments of one unit or person, newest first, with who assessed and the engagements cited. */
export async function assessments(db: Executor, institutionId: string, subject: Subject): Promise<MaturityAssessmentDto[]> {
  let q = db
    .selectFrom('maturity_assessments as m')
    .leftJoin('org_units as o', 'o.id', 'm.org_unit_id')
    .leftJoin('people as p', 'p.id', 'm.person_id')
    .leftJoin('users as u', 'u.id', 'm.assessed_by')
    .selectAll('m')
    .select(['o.name as unit_name', 'p.name as person_name', 'u.name as user_name'])
    .where('m.institution_id', '=', institutionId);
  q = 'orgUnitId' in subject ? q.where('m.org_unit_id', '=', subject.orgUnitId) : q.where('m.person_id', '=', subject.personId);
  const rows = await q.orderBy('m.assessed_on', 'desc').orderBy('m.id', 'desc').execute();
  const cited = rows.length
    ? await db
        .selectFrom('maturity_engagements as l')
        .innerJoin('engagements as e', 'e.id', 'l.engagement_id')
        .select(['l.assessment_id', 'e.id', 'e.occurred_on', 'e.summary'])
        .where('l.assessment_id', 'in', rows.map((r) => r.id))
        .orderBy('e.occurred_on')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    orgUnit: r.org_unit_id ? { id: r.org_unit_id, name: r.unit_name ?? '' } : null,
    person: r.person_id ? { id: r.person_id, name: r.person_name ?? '' } : null,
    level: r.level,
    assessedOn: r.assessed_on,
    rationale: r.rationale,
    assessedBy: r.assessed_by ? { id: r.assessed_by, name: r.user_name ?? '' } : null,
    engagements: cited.filter((c) => c.assessment_id === r.id).map((c) => ({ id: c.id, occurredOn: c.occurred_on, summary: c.summary })),
    createdAt: r.created_at,
  }));
}

export async function insertAssessment(db: Executor, row: MaturityAssessmentTable, engagementIds: string[]) {
  await db.insertInto('maturity_assessments').values(row).execute();
  if (engagementIds.length) {
    await db.insertInto('maturity_engagements').values(engagementIds.map((engagement_id) => ({ assessment_id: row.id, engagement_id, institution_id: row.institution_id }))).execute();
  }
}

export async function deleteAssessment(db: Executor, institutionId: string, id: string) {
  await db.deleteFrom('maturity_engagements').where('assessment_id', '=', id).execute();
  await db.deleteFrom('maturity_assessments').where('institution_id', '=', institutionId).where('id', '=', id).execute();
}

/** Per academic-year end date: each active department's latest level on or before it. */
export async function distributionAt(db: Executor, institutionId: string, date: string): Promise<Map<string | null, number>> {
  const rows = await db
    .selectFrom((eb) =>
      eb.selectFrom('org_units as o')
        .select((e) => [
          'o.id',
          e.selectFrom('maturity_assessments as m').select('m.level').whereRef('m.org_unit_id', '=', 'o.id').where('m.assessed_on', '<=', date)
            .orderBy('m.assessed_on', 'desc').orderBy('m.id', 'desc').limit(1).as('level'),
        ])
        .where('o.institution_id', '=', institutionId)
        .where('o.type', '=', 'department')
        .where('o.status', '=', 'active')
        .as('d'),
    )
    .select((eb) => ['d.level', eb.fn.countAll().as('n')])
    .groupBy('d.level')
    .execute();
  return new Map(rows.map((r) => [r.level ?? null, Number(r.n)]));
}
