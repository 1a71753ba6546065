import { planStatuses, type PlanStatus } from '../../../shared/contracts/plans.ts';
import { formatDate } from '../../lib/dates.ts';

/** "3 of 8 done"; "No actions yet". */
export const progressWords = (a: { total: number; done: number }) => (a.total ? `${a.done} of ${a.total} done` : 'No actions yet');

/** "None overdue", "1 overdue". */
export const overdueWords = (n: number) => (n ? `${n} overdue` : 'None overdue');

interface Agreement {
  agreedBy: string | null;
  agreedOn: string | null;
  agreedVia: 'recorded' | 'share_link' | null;
}

/** The co-creation line: "Agreed by Dr Ada Lovelace, Head of School, on 3 Oct 2026 through the share link". */
export function agreementWords(p: Agreement): string {
  if (!p.agreedBy) return 'Not yet agreed with the department.';
  const on = p.agreedOn ? ` on ${formatDate(p.agreedOn)}` : '';
  const how = p.agreedVia === 'share_link' ? ' through the share link' : p.agreedVia === 'recorded' ? ', as recorded by library staff' : '';
  // a comma before "on" only when the name already carries one ("Dr Ada Lovelace, Head of School, on …")
  const sep = on && p.agreedBy.includes(',') ? ',' : '';
  return `Agreed by ${p.agreedBy}${sep}${on}${how}.`;
}

/** The plan's step after this one, and the one before (a plan may go back one step). */
export const nextStatus = (s: PlanStatus): PlanStatus | null => planStatuses[planStatuses.indexOf(s) + 1] ?? null;
export const previousStatus = (s: PlanStatus): PlanStatus | null => planStatuses[planStatuses.indexOf(s) - 1] ?? null;

/** A field's error as a sentence that names the field: "Objective is required". */
export const named = (label: string, message: string | undefined) => (message ? `${label} ${message}` : undefined);
