import { academicYearOf, addDays } from '../../../shared/academic-year.ts';
import type { NudgeActionBody, NudgeDto, NudgesDto } from '../../../shared/contracts/nudges.ts';
import type { InstitutionTable } from '../../db/types.ts';
import { assertRole, type Actor } from '../../http/actor.ts';
import { invalid } from '../../http/errors.ts';
import { isoNow, localDate } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { coverageService } from '../coverage/coverage.service.ts';
import { institutionRow } from '../org/org.repository.ts';
import { complianceByUnit } from '../partnership/compliance.ts';
import { contactCaps } from '../relationships/caps.ts';
import { losingTouch, unitsCoveredBy } from '../relationships/people.repository.ts';
import * as repo from './nudges.repository.ts';
import { planningNudges } from './planning-nudges.ts';

/** The feed shows the most pressing first and at most this many; the rest wait for the next visit. */
export const FEED_LIMIT = 100;

/** Most actionable kinds first (a key activity overdue before a structural gap), then the oldest date. */
const KIND_ORDER: Record<NudgeDto['kind'], number> = {
  window_closing: 0, action_overdue: 1, cadence_overdue: 2, report_due: 3, opportunity_cold: 4, stay_in_touch: 5, contact_cap: 6, not_engaged: 7, single_point: 8, coverage_gap: 9,
};
const byPriority = (a: NudgeDto, b: NudgeDto) =>
  KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.date ?? '').localeCompare(b.date ?? '') || a.title.localeCompare(b.title);

/**
 * Nudges for one user: `mine` covers the departments they cover today and the people there, and the
 * opportunities and actions they own; `team` (managers) covers every department and everyone's. Computed on request from the signals' own queries,
 * so a nudge clears the moment its cause does (log the engagement and the cadence nudge is gone).
 */
export function nudgesService(deps: Pick<AppDeps, 'db' | 'clock' | 'dialect'>) {
  const { db, clock, dialect } = deps;
  const coverage = coverageService(deps);

  async function compute(actor: Actor, inst: InstitutionTable, scope: 'mine' | 'team'): Promise<NudgeDto[]> {
    const today = localDate(clock.now(), inst.time_zone);
    const year = academicYearOf(today, inst.academic_year_start_month, inst.academic_year_start_day);
    const mine = scope === 'mine' ? await unitsCoveredBy(db, inst.id, actor.userId, today) : undefined;
    const departments = await repo.activeDepartments(db, inst.id, mine);
    const unitIds = mine ?? departments.map((d) => d.id);
    const names = new Map((await db.selectFrom('org_units').select(['id', 'name']).where('institution_id', '=', inst.id).execute()).map((u) => [u.id, u.name]));
    const out: NudgeDto[] = [];
    const href = (id: string) => `/departments/${id}`;

    for (const [unitId, c] of await complianceByUnit(db, inst, year, today, unitIds)) {
      for (const item of c.items) {
        for (const p of item.periods.filter((x) => x.status === 'overdue')) {
          out.push({
            key: `cadence:${item.activity.id}:${unitId}:${p.from}`, kind: 'cadence_overdue', date: p.to, href: href(unitId),
            title: `${item.activity.name}: overdue for ${names.get(unitId) ?? 'a department'}`,
            detail: `${p.label} ended on ${p.to} without one (${item.template.name}).`,
          });
        }
      }
    }

    // `mine`: the people at every unit in scope, faculties' departments included (not only units covered directly)
    const people = mine ? await repo.peopleAt(db, mine, today) : undefined;
    for (const p of await losingTouch(db, dialect, inst.id, today, mine).orderBy('y.due_on').orderBy('y.id').limit(FEED_LIMIT).execute()) {
      out.push({
        key: `touch:${p.id}:${p.due_on}`, kind: 'stay_in_touch', date: p.due_on, href: `/people/${p.id}`,
        title: `Get in touch with ${p.name}`,
        detail: `Every ${p.stay_in_touch_days ?? 0} days; ${p.last_on ? `last engagement ${p.last_on}` : 'no engagement yet'}, due ${p.due_on}.`,
      });
    }

    const longest = Math.max(inst.contact_cap_days, ...(await db.selectFrom('people').select('contact_cap_days').where('institution_id', '=', inst.id)
      .where('contact_cap_days', 'is not', null).execute()).map((r) => r.contact_cap_days ?? 0));
    const candidates = await repo.recentlyContacted(db, inst.id, addDays(today, -(longest - 1)), today, people);
    const caps = await contactCaps(db, inst, candidates, today);
    for (const p of candidates) {
      const c = caps.get(p.id);
      if (!c?.exceeded) continue;
      out.push({
        key: `cap:${p.id}:${c.count}`, kind: 'contact_cap', date: today, href: `/people/${p.id}`,
        title: `${p.name}: contact cap passed`,
        detail: `${c.count} library-initiated engagements in the last ${c.days} days, over the cap of ${c.cap}. Avoid over-communicating: let the next contact come from them.`,
      });
    }

    for (const u of await repo.notEngagedSince(db, departments.map((d) => d.id), year.start, today)) {
      out.push({
        key: `unengaged:${u.id}:${year.year}`, kind: 'not_engaged', date: u.last_on ?? null, href: href(u.id),
        title: `${u.name}: not engaged this academic year`,
        detail: u.last_on ? `The last engagement was on ${u.last_on}.` : 'No engagement has been logged yet.',
      });
    }

    for (const u of await repo.singleStaffUnits(db, departments.map((d) => d.id), addDays(today, -364), today)) {
      out.push({
        key: `single:${u.org_unit_id}:${year.year}`, kind: 'single_point', date: null, href: href(u.org_unit_id),
        title: `${u.name}: one member of staff holds the relationship`,
        detail: `Every engagement in the last year involved ${u.staff_name ?? 'the same person'} only; if they leave, the relationship goes with them.`,
      });
    }

    out.push(...await planningNudges(db, inst, today, departments, scope === 'mine' ? actor.userId : undefined));

    if (scope === 'team') {
      for (const [unitId, fns] of await coverage.gaps(inst.id, departments.map((d) => d.id), today)) {
        for (const fn of fns) {
          out.push({
            key: `gap:${unitId}:${fn.id}`, kind: 'coverage_gap', date: null, href: '/coverage',
            title: `${names.get(unitId) ?? 'A department'}: nobody covers ${fn.label.toLocaleLowerCase('en-GB')}`,
            detail: 'Assign someone on the staff and coverage page.',
          });
        }
      }
    }
    return out;
  }

  return {
    async feed(actor: Actor, scope: 'mine' | 'team'): Promise<NudgesDto> {
      if (scope === 'team') assertRole(actor, 'manager');
      const inst = await institutionRow(db, actor.institutionId);
      const today = localDate(clock.now(), inst.time_zone);
      const hiddenKeys = new Set((await repo.states(db, actor.userId))
        .filter((s) => s.state === 'dismissed' || (s.until !== null && s.until > today))
        .map((s) => s.nudge_key));
      const all = await compute(actor, inst, scope);
      const shown = all.filter((n) => !hiddenKeys.has(n.key)).sort(byPriority);
      return { items: shown.slice(0, FEED_LIMIT), hidden: all.length - shown.length };
    },

    /** Anyone may snooze or dismiss a nudge in their own feed; it stays hidden for them only. */
    async act(actor: Actor, body: NudgeActionBody): Promise<void> {
      if (body.action === 'snooze') {
        const inst = await institutionRow(db, actor.institutionId);
        if (body.until <= localDate(clock.now(), inst.time_zone)) throw invalid('until', 'must be after today');
      }
      await db.transaction().execute(async (trx) => {
        const now = isoNow(clock);
        const row = {
          id: newId(), institution_id: actor.institutionId, user_id: actor.userId, nudge_key: body.key, state: body.action === 'snooze' ? 'snoozed' as const : 'dismissed' as const,
          until: body.action === 'snooze' ? body.until : null, reason: body.reason ?? null, created_at: now,
        };
        await repo.saveState(trx, row);
        await recordAudit(trx, actor, { action: 'create', entityType: 'nudge_state', entityId: row.id, after: { ...row } }, now);
      });
    },
  };
}
export type NudgesService = ReturnType<typeof nudgesService>;
