import { z } from 'zod';
import { idSchema, optionalText } from './common.ts';

/*
 * Strategic goals: "a plan clearly aligned to library and institutional vision and strategy".
 * Goal → objective, two levels; the library's six themes of the talk are seeded as its top level.
 * Engagements, opportunities, action-plan objectives and campaigns align to them.
 */

export const goalOwners = ['library', 'institution'] as const;
export const goalOwnerSchema = z.enum(goalOwners);
export type GoalOwner = z.infer<typeof goalOwnerSchema>;
export const goalOwnerLabels: Record<GoalOwner, string> = { library: 'Library strategy', institution: 'Institutional strategy' };

/** How other records name a goal or objective. */
export const goalRefDto = z.object({
  id: z.string(),
  title: z.string(),
  owner: goalOwnerSchema,
  /** set for an objective: the goal it serves */
  parent: z.object({ id: z.string(), title: z.string() }).nullable(),
});
export type GoalRefDto = z.infer<typeof goalRefDto>;

export const objectiveDto = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type ObjectiveDto = z.infer<typeof objectiveDto>;

export const goalDto = z.object({
  id: z.string(),
  owner: goalOwnerSchema,
  title: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
  sortOrder: z.number().int(),
  objectives: z.array(objectiveDto),
});
export type GoalDto = z.infer<typeof goalDto>;

export const listGoalsQuery = z.strictObject({
  /** include retired goals and objectives */
  all: z.enum(['true', 'false']).optional(),
});

const alignedEngagement = z.object({ id: z.string(), occurredOn: z.string(), summary: z.string(), type: z.string() });

/** A goal or objective and everything aligned to it (an objective's own; a goal's includes its objectives'). */
export const goalDetailDto = z.object({
  goal: goalRefDto.extend({ description: z.string().nullable(), active: z.boolean(), objectives: z.array(objectiveDto) }),
  engagements: z.object({ total: z.number().int(), recent: z.array(alignedEngagement) }),
  opportunities: z.array(z.object({ id: z.string(), title: z.string(), stage: z.string(), orgUnits: z.array(z.string()) })),
  planObjectives: z.array(z.object({
    id: z.string(), title: z.string(), plan: z.object({ id: z.string(), year: z.number().int(), yearLabel: z.string(), orgUnit: z.object({ id: z.string(), name: z.string() }) }),
    actions: z.number().int(), done: z.number().int(),
  })),
  campaigns: z.array(z.object({ id: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string() })),
});
export type GoalDetailDto = z.infer<typeof goalDetailDto>;

const title = z.string().trim().min(1, 'is required').max(200);

export const createGoalBody = z.strictObject({
  /** an objective under this goal; leave out for a goal */
  parentId: idSchema.optional(),
  /** a goal's; an objective takes its goal's */
  owner: goalOwnerSchema.optional(),
  title,
  description: optionalText(2000),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
}).refine((b) => b.parentId !== undefined || b.owner !== undefined, { path: ['owner'], message: 'is required for a goal (library or institution)' });
export type CreateGoalBody = z.infer<typeof createGoalBody>;

export const updateGoalBody = z.strictObject({
  title: title.optional(),
  description: optionalText(2000),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  active: z.boolean().optional(),
});
export type UpdateGoalBody = z.infer<typeof updateGoalBody>;

/** A list of goal ids to align to (goals or objectives), deduplicated. */
export const goalIdList = z.array(idSchema).max(20).transform((ids) => [...new Set(ids)]);
