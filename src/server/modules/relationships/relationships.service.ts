import { academicYearOf, academicYearStarting, addDays, daysBetween } from '../../../shared/academic-year.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import {
  maturityLevels, type CreateMaturityBody, type JourneyDto, type LosingTouchItemDto, type LosingTouchQuery, type MaturityAssessmentDto,
  type MaturityDistributionDto, type OverviewDto, type OverviewQuery, type PersonSignalsDto, type SignalWindowQuery, type StakeholderMapDto, type UnitSignalsDto,
} from '../../../shared/contracts/relationships.ts';
import type { Executor, InstitutionTable } from '../../db/types.ts';
import { assertRole, hasRole, type Actor } from '../../http/actor.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { isoNow, localDate } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { parseStringList } from '../org/org.mapper.ts';
import { assertOrgUnitsInInstitution, descendantIds, institutionRow } from '../org/org.repository.ts';
import { assertEngagementsInInstitution, assertPeopleInInstitution } from '../engagements/engagements.repository.ts';
import { complianceByUnit } from '../partnership/compliance.ts';
import { contactCaps } from './caps.ts';
import * as journeyRepo from './journey.repository.ts';
import * as maturity from './maturity.repository.ts';
import * as peopleRepo from './people.repository.ts';
import { resolveWindow, round, sortSignals, toUnitSignals, type ResolvedWindow } from './signals.ts';
import { departments, unitAggregates, unitRow, type UnitRow } from './signals.repository.ts';

export function relationshipsService({ db, clock, dialect }: Pick<AppDeps, 'db' | 'clock' | 'dialect'>) {
  const institution = institutionRow;
  const todayOf = (inst: InstitutionTable) => localDate(clock.now(), inst.time_zone);
  const windowOf = (inst: InstitutionTable, q: Pick<SignalWindowQuery, 'window' | 'year' | 'asOf'>) =>
    resolveWindow(q, todayOf(inst), { month: inst.academic_year_start_month, day: inst.academic_year_start_day });

  async function requireUnit(actor: Actor, id: string): Promise<UnitRow> {
    const unit = await unitRow(db, actor.institutionId, id);
    if (!unit) throw notFound('Org unit');
    return unit;
  }
  async function requirePerson(ex: Executor, actor: Actor, id: string) {
    const p = await ex.selectFrom('people').selectAll().where('institution_id', '=', actor.institutionId).where('id', '=', id).executeTakeFirst();
    if (!p) throw notFound('Person');
    return p;
  }

  /** Signals for units; cadence compliance for the academic year the window ends in. */
  async function signalsFor(inst: InstitutionTable, units: UnitRow[], w: ResolvedWindow): Promise<UnitSignalsDto[]> {
    const ids = units.map((u) => u.id);
    const today = todayOf(inst);
    const aggregates = await unitAggregates(db, inst.id, ids, { ...w, today }, parseStringList(inst.key_titles));
    const year = academicYearOf(w.to, inst.academic_year_start_month, inst.academic_year_start_day);
    // a year that has ended is judged after its end: its last periods were missed, not still due
    // (each period only counts engagements inside it, so judging later adds none)
    const asOf = w.to === year.end && today > year.end ? today : w.to;
    const compliance = await complianceByUnit(db, inst, year, asOf, ids);
    return units.flatMap((u) => {
      const a = aggregates.get(u.id);
      return a ? [toUnitSignals(u, a, w, compliance.get(u.id)?.summary ?? null)] : [];
    });
  }

  return {
    async unitSignals(actor: Actor, id: string, q: SignalWindowQuery) {
      const unit = await requireUnit(actor, id);
      const inst = await institution(db, actor.institutionId);
      const w = windowOf(inst, q);
      const [signals] = await signalsFor(inst, [unit], w);
      return { window: w, signals: signals as UnitSignalsDto };
    },

    async overview(actor: Actor, q: OverviewQuery): Promise<OverviewDto> {
      const inst = await institution(db, actor.institutionId);
      const w = windowOf(inst, q);
      const within = q.facultyId ? await descendantIds(db, actor.institutionId, q.facultyId) : undefined;
      const units = await departments(db, actor.institutionId, within);
      return { window: w, items: sortSignals(await signalsFor(inst, units, w), q.sort, q.order) };
    },

    async distribution(actor: Actor, years: number): Promise<MaturityDistributionDto> {
      const inst = await institution(db, actor.institutionId);
      const today = todayOf(inst);
      const current = academicYearOf(today, inst.academic_year_start_month, inst.academic_year_start_day).year;
      const points: MaturityDistributionDto['points'] = [];
      for (let y = current - years + 1; y <= current; y++) {
        const ay = academicYearStarting(y, inst.academic_year_start_month, inst.academic_year_start_day);
        const date = ay.end < today ? ay.end : today;
        const at = await maturity.distributionAt(db, actor.institutionId, date);
        const counts = Object.fromEntries([...maturityLevels, 'unassessed'].map((l) => [l, at.get(l === 'unassessed' ? null : l) ?? 0]));
        points.push({ label: ay.label, date, counts: counts as MaturityDistributionDto['points'][number]['counts'] });
      }
      return { points };
    },

    async maturityOf(actor: Actor, subject: { orgUnitId: string } | { personId: string }): Promise<MaturityAssessmentDto[]> {
      if ('orgUnitId' in subject) await requireUnit(actor, subject.orgUnitId);
      else await requirePerson(db, actor, subject.personId);
      return maturity.assessments(db, actor.institutionId, subject);
    },

    async assess(actor: Actor, body: CreateMaturityBody): Promise<MaturityAssessmentDto> {
      assertRole(actor, 'librarian');
      const inst = await institution(db, actor.institutionId);
      if (body.assessedOn > todayOf(inst)) throw invalid('assessedOn', 'must not be in the future');
      return db.transaction().execute(async (trx) => {
        if (body.orgUnitId) await assertOrgUnitsInInstitution(trx, actor.institutionId, [body.orgUnitId], 'orgUnitId');
        if (body.personId) await assertPeopleInInstitution(trx, actor.institutionId, [body.personId], 'personId');
        await assertEngagementsInInstitution(trx, actor.institutionId, body.engagementIds, 'engagementIds');
        const now = isoNow(clock);
        const row = {
          id: newId(), institution_id: actor.institutionId, org_unit_id: body.orgUnitId ?? null, person_id: body.personId ?? null, level: body.level,
          assessed_on: body.assessedOn, rationale: body.rationale, assessed_by: actor.userId, created_at: now, updated_at: now,
        };
        await maturity.insertAssessment(trx, row, body.engagementIds);
        await recordAudit(trx, actor, { action: 'create', entityType: 'maturity_assessment', entityId: row.id, after: { ...row, engagement_ids: body.engagementIds } }, now);
        const subject = row.org_unit_id ? { orgUnitId: row.org_unit_id } : { personId: row.person_id ?? '' };
        const list = await maturity.assessments(trx, actor.institutionId, subject);
        return list.find((a) => a.id === row.id) as MaturityAssessmentDto;
      });
    },

    /** Its author or a manager may withdraw an assessment; the audit trail keeps it. */
    async removeAssessment(actor: Actor, id: string): Promise<void> {
      assertRole(actor, 'librarian');
      await db.transaction().execute(async (trx) => {
        const before = await maturity.findAssessment(trx, actor.institutionId, id);
        if (!before) throw notFound('Maturity assessment');
        if (before.assessed_by !== actor.userId && !hasRole(actor, 'manager')) {
          throw new AppError('FORBIDDEN', 'Only the librarian who made this assessment, or a manager, may delete it');
        }
        await maturity.deleteAssessment(trx, actor.institutionId, id);
        await recordAudit(trx, actor, { action: 'delete', entityType: 'maturity_assessment', entityId: id, before: { ...before } }, isoNow(clock));
      });
    },

    async journey(actor: Actor, id: string): Promise<JourneyDto> {
      await requireUnit(actor, id);
      return { items: await journeyRepo.journey(db, actor.institutionId, id) };
    },

    async stakeholders(actor: Actor, id: string): Promise<StakeholderMapDto> {
      await requireUnit(actor, id);
      const inst = await institution(db, actor.institutionId);
      return { items: await journeyRepo.stakeholders(db, actor.institutionId, id, todayOf(inst)) };
    },

    async personSignals(actor: Actor, id: string, q: SignalWindowQuery): Promise<PersonSignalsDto> {
      const person = await requirePerson(db, actor, id);
      const inst = await institution(db, actor.institutionId);
      const today = todayOf(inst);
      const w = windowOf(inst, q);
      const a = await peopleRepo.personAggregates(db, id, w.from, w.to);
      const last = await peopleRepo.lastEngagementWith(db, id, w.to);
      const lastToday = w.to === today ? last : await peopleRepo.lastEngagementWith(db, id, today);
      // newest first: the latest on or before the window's end, as for a unit
      const latest = (await maturity.assessments(db, actor.institutionId, { personId: id })).find((m) => m.assessedOn <= w.to);
      const interval = person.stay_in_touch_days;
      const dueOn = interval ? addDays(lastToday ?? person.created_at.slice(0, 10), interval) : null;
      return {
        window: w,
        lastEngagementOn: last,
        daysSinceLast: last ? daysBetween(last, w.to) : null,
        engagements: a.engagements,
        perMonth: round(a.engagements / Math.max(1, w.months), 2),
        themes: a.themes,
        depth: round(a.depth, 1),
        partnerShare: a.engagements ? round(a.partner / a.engagements, 3) : null,
        maturity: latest?.level ?? null,
        stayInTouch: interval && dueOn ? { intervalDays: interval, lastEngagementOn: lastToday, dueOn, overdue: dueOn < today } : null,
        contactCap: (await contactCaps(db, inst, [person], today)).get(id) ?? null,
      };
    },

    async losingTouch(actor: Actor, q: LosingTouchQuery): Promise<Page<LosingTouchItemDto>> {
      const inst = await institution(db, actor.institutionId);
      const today = todayOf(inst);
      const mine = q.mine === 'true' ? await peopleRepo.unitsCoveredBy(db, actor.institutionId, actor.userId, today) : undefined;
      const base = peopleRepo.losingTouch(db, dialect, actor.institutionId, today, mine);
      const rows = await base.orderBy('y.due_on').orderBy('y.name').orderBy('y.id').offset((q.page - 1) * q.pageSize).limit(q.pageSize).execute();
      const total = Number((await db.selectFrom(base.as('z')).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const items = rows.map((r) => ({
        id: r.id, name: r.name, isChampion: r.is_champion === 1, intervalDays: r.stay_in_touch_days ?? 0, lastEngagementOn: r.last_on ?? null,
        dueOn: r.due_on, daysOverdue: daysBetween(r.due_on, today),
      }));
      return { items, page: q.page, pageSize: q.pageSize, total };
    },
  };
}
export type RelationshipsService = ReturnType<typeof relationshipsService>;
