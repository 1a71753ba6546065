import { daysBetween } from '../../../shared/academic-year.ts';
import type { GoalOwner } from '../../../shared/contracts/goals.ts';
import { isActiveStage, type OpportunityStage, type PriorityDto } from '../../../shared/contracts/opportunities.ts';

/*
 * The two rules behind the opportunity lists and nudges, pure so they can be read and tested alone:
 * a transparent priority (value × strategic alignment × urgency ÷ effort) and "going cold".
 */

/** A window closing within this many days makes a nudge and the highest urgency. */
export const CLOSING_SOON_DAYS = 7;

const round2 = (n: number) => Math.round(n * 100) / 100;
const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** Aligned to both the library's and the institution's strategy counts most; to neither, least. */
export function alignmentOf(goalOwners: readonly GoalOwner[]): { alignment: number; reason: string } {
  const library = goalOwners.includes('library');
  const institution = goalOwners.includes('institution');
  if (library && institution) return { alignment: 2, reason: 'Aligned to both library and institutional strategy' };
  if (institution) return { alignment: 1.5, reason: "Aligned to the institution's strategy" };
  if (library) return { alignment: 1.5, reason: "Aligned to the library's strategy" };
  return { alignment: 1, reason: 'Not yet aligned to a strategic goal' };
}

/** Strike while the iron's hot: the nearer the window's close, the more urgent; a closed window, less. */
export function urgencyOf(windowClosesOn: string | null, today: string): { urgency: number; reason: string } {
  if (!windowClosesOn) return { urgency: 1, reason: 'No closing date' };
  const left = daysBetween(today, windowClosesOn);
  if (left < 0) return { urgency: 0.5, reason: `The window closed on ${windowClosesOn}` };
  const when = left === 0 ? 'Closes today' : `Closes in ${days(left)}`;
  if (left <= CLOSING_SOON_DAYS) return { urgency: 3, reason: when };
  if (left <= 30) return { urgency: 2, reason: when };
  if (left <= 90) return { urgency: 1.5, reason: when };
  return { urgency: 1, reason: when };
}

export interface PriorityInput {
  /** 1–5 */
  value: number;
  /** 1–5 */
  effort: number;
  windowClosesOn: string | null;
  /** the owners of the goals it aligns to (an objective counts as its goal's owner) */
  goalOwners: readonly GoalOwner[];
  today: string;
}

export function priorityOf(p: PriorityInput): PriorityDto {
  const a = alignmentOf(p.goalOwners);
  const u = urgencyOf(p.windowClosesOn, p.today);
  return {
    score: round2((p.value * a.alignment * u.urgency) / p.effort),
    value: p.value,
    effort: p.effort,
    alignment: a.alignment,
    alignmentReason: a.reason,
    urgency: u.urgency,
    urgencyReason: u.reason,
  };
}

export interface ColdInput {
  stage: OpportunityStage;
  /** the later of the last stage change and the last linked engagement */
  lastActivityOn: string;
  windowClosesOn: string | null;
  today: string;
  /** the institution's setting (default 14) */
  coldDays: number;
}

export interface Coldness {
  /** no engagement or stage change for coldDays or more */
  quiet: { days: number; reason: string } | null;
  /** the window closes within CLOSING_SOON_DAYS (today included) */
  closing: { days: number; reason: string } | null;
}

/** Only opportunities still being worked go cold: not embedded, declined or lapsed. */
export function coldnessOf(c: ColdInput): Coldness {
  if (!isActiveStage(c.stage)) return { quiet: null, closing: null };
  const idle = daysBetween(c.lastActivityOn, c.today);
  const quiet = idle >= c.coldDays ? { days: idle, reason: `No engagement or stage change for ${days(idle)} (since ${c.lastActivityOn})` } : null;
  const left = c.windowClosesOn ? daysBetween(c.today, c.windowClosesOn) : null;
  const closing = left !== null && left >= 0 && left <= CLOSING_SOON_DAYS
    ? { days: left, reason: left === 0 ? `The window closes today (${c.windowClosesOn ?? ''})` : `The window closes on ${c.windowClosesOn ?? ''}, in ${days(left)}` }
    : null;
  return { quiet, closing };
}
