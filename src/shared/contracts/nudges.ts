import { z } from 'zod';
import { isoDate } from './common.ts';

/* Nudges Rapport gives its own users: each says what is wrong and links to where to act. */

export const nudgeKinds = [
  'cadence_overdue', 'stay_in_touch', 'contact_cap', 'coverage_gap', 'single_point', 'not_engaged', 'opportunity_cold', 'window_closing', 'action_overdue', 'report_due',
] as const;
export const nudgeKindSchema = z.enum(nudgeKinds);
export type NudgeKind = z.infer<typeof nudgeKindSchema>;
export const nudgeKindLabels: Record<NudgeKind, string> = {
  cadence_overdue: 'Key activity overdue',
  stay_in_touch: 'Time to get in touch',
  contact_cap: 'Contact cap passed',
  coverage_gap: 'Coverage gap',
  single_point: 'Single point of failure',
  not_engaged: 'Not engaged this year',
  opportunity_cold: 'Opportunity going cold',
  window_closing: 'Window closing',
  action_overdue: 'Action overdue',
  report_due: 'Annual report due',
};

export const nudgeDto = z.object({
  /** stable while the situation lasts: a new situation (e.g. a new due date) is a new nudge */
  key: z.string(),
  kind: nudgeKindSchema,
  title: z.string(),
  detail: z.string(),
  /** the date that makes it urgent (due, last contact…), for ordering */
  date: z.string().nullable(),
  /** an app path, e.g. /departments/… or /people/… */
  href: z.string(),
});
export type NudgeDto = z.infer<typeof nudgeDto>;

/** `mine`: for the caller's departments and contacts; `team`: the manager's view of every department. */
export const nudgesQuery = z.strictObject({ scope: z.enum(['mine', 'team']).default('mine') });
export const nudgesDto = z.object({ items: z.array(nudgeDto), hidden: z.number().int() });
export type NudgesDto = z.infer<typeof nudgesDto>;

export const nudgeActionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('snooze'), key: z.string().min(1).max(300), until: isoDate, reason: z.string().trim().max(500).optional() }),
  z.strictObject({ action: z.literal('dismiss'), key: z.string().min(1).max(300), reason: z.string().trim().min(1, 'say why').max(500) }),
]);
export type NudgeActionBody = z.infer<typeof nudgeActionBody>;
