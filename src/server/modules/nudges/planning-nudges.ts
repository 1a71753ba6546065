import type { NudgeDto } from '../../../shared/contracts/nudges.ts';
import type { Executor, InstitutionTable } from '../../db/types.ts';
import { coldOpportunities } from '../opportunities/index.ts';
import { overdueActions } from '../plans/index.ts';
import { dueReports } from '../reports/index.ts';

/**
 * The planning nudges: an opportunity going cold or its window closing ("strike while the iron's hot"),
 * action-plan actions past their due date, and each department's annual report once the year nears its
 * end, until the discussion with the head of department is recorded (`departments`: those in scope).
 * `ownerId`: only what that person owns (the `mine` feed); left out, everyone's (the manager's `team` feed). Keys change with the situation (a new due date,
 * new activity), so a snoozed nudge comes back when its cause is new.
 */
export async function planningNudges(db: Executor, inst: InstitutionTable, today: string, departments: { id: string; name: string }[], ownerId?: string): Promise<NudgeDto[]> {
  const out: NudgeDto[] = [];
  for (const o of await coldOpportunities(db, inst, today, ownerId)) {
    const href = `/opportunities/${o.id}`;
    if (o.coldness.closing) {
      out.push({
        key: `window:${o.id}:${o.windowClosesOn ?? ''}`, kind: 'window_closing', date: o.windowClosesOn, href,
        title: `${o.title}: the window is closing`,
        detail: `${o.coldness.closing.reason}. Strike while the iron's hot.`,
      });
    }
    if (o.coldness.quiet) {
      out.push({
        key: `cold:${o.id}:${o.lastActivityOn}`, kind: 'opportunity_cold', date: o.lastActivityOn, href,
        title: `${o.title}: going cold`,
        detail: `${o.coldness.quiet.reason}. Log an engagement and link it to this opportunity, or move it on a stage.`,
      });
    }
  }
  for (const a of await overdueActions(db, inst.id, today, ownerId)) {
    out.push({
      key: `action:${a.id}:${a.dueOn}`, kind: 'action_overdue', date: a.dueOn, href: `/plans/${a.planId}`,
      title: `${a.title}: overdue`,
      detail: `Due on ${a.dueOn} in the ${a.orgUnitName} action plan.`,
    });
  }
  for (const r of await dueReports(db, inst, today, departments)) {
    out.push({
      key: `report:${r.orgUnitId}:${r.year}`, kind: 'report_due', date: r.dueBy, href: `/reports/${r.orgUnitId}/${r.year}`,
      title: `${r.name}: annual report for ${r.yearLabel} due`,
      detail: `${r.drafted ? 'Drafted; record' : 'Review the year’s figures, write the introduction, then record'} the discussion with the head of department by ${r.dueBy}.`,
    });
  }
  return out;
}
