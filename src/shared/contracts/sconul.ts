import { z } from 'zod';
import { csvList, idSchema } from './common.ts';
import { orgUnitTypeSchema } from './org.ts';

/*
 * SCONUL's annual return asks for "user hours of information-literacy training": for each teaching
 * engagement, attendees × duration. Computed here per academic year and org unit from the engagement log.
 */

/**
 * Engagement type keys counted as training when the request names none. Types carry no "teaching"
 * flag, so this is a fixed list of the default teaching-like keys (an institution that adds an
 * "induction" type gets it counted too); `typeIds` chooses others.
 */
export const TRAINING_TYPE_KEYS = ['teaching_session', 'workshop', 'induction'] as const;

export const trainingHoursQuery = z.strictObject({
  /** the academic year that starts in this calendar year; the current one when left out */
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  /** engagement types to count (`?typeIds=a,b` or repeated); the teaching-like types when left out */
  typeIds: csvList.pipe(z.array(idSchema).min(1, 'name at least one engagement type').max(50)).optional(),
});
export type TrainingHoursQuery = z.infer<typeof trainingHoursQuery>;

export const trainingFiguresDto = z.object({
  /** counted engagements */
  sessions: z.number().int(),
  /** sum of attendance (one decimal: an engagement shared by departments shares its attendees) */
  attendees: z.number(),
  /** sum of attendance × duration_minutes / 60, one decimal */
  userHours: z.number(),
  /** counted engagements lacking attendance or duration: they add no user hours until completed */
  missing: z.number().int(),
});
export type TrainingFiguresDto = z.infer<typeof trainingFiguresDto>;

export const trainingHoursRowDto = trainingFiguresDto.extend({
  orgUnit: z.object({ id: z.string(), name: z.string(), type: orgUnitTypeSchema }),
});
export type TrainingHoursRowDto = z.infer<typeof trainingHoursRowDto>;

export const trainingHoursDto = z.object({
  year: z.object({ start: z.string(), end: z.string(), label: z.string(), year: z.number().int() }),
  typesCounted: z.array(z.object({ id: z.string(), label: z.string() })),
  /**
   * One row per org unit with counted engagements, by name. An engagement linked to several units is a
   * session (and, if incomplete, a missing one) for each; its attendees and user hours are split evenly
   * between them, so the rows' hours add up to the total's.
   */
  rows: z.array(trainingHoursRowDto),
  /** counted engagements linked to no org unit (only to people) */
  unlinked: trainingFiguresDto,
  /** every counted engagement once */
  total: trainingFiguresDto,
});
export type TrainingHoursDto = z.infer<typeof trainingHoursDto>;
