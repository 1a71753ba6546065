import { z } from 'zod';
import { idSchema, pageQuery } from './common.ts';

/* Duplicate people and merging them into one record. */

export const duplicatesQuery = pageQuery.strict();
export type DuplicatesQuery = z.infer<typeof duplicatesQuery>;

/** Why the records look like one person: the same folded name, the same email, or initials against a full first name. */
export const duplicateReasonDto = z.object({ kind: z.enum(['name', 'email', 'initials']), value: z.string() });
export type DuplicateReasonDto = z.infer<typeof duplicateReasonDto>;

export const duplicatePersonDto = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  /** "Head of Department, History" for each current position */
  currentPositions: z.array(z.string()),
  engagements: z.number().int(),
  updatedAt: z.string(),
});
export type DuplicatePersonDto = z.infer<typeof duplicatePersonDto>;

export const duplicateGroupDto = z.object({
  /** stable for the group: its first person's id */
  key: z.string(),
  reasons: z.array(duplicateReasonDto),
  /** most engaged first: the usual record to keep */
  people: z.array(duplicatePersonDto).min(2),
});
export type DuplicateGroupDto = z.infer<typeof duplicateGroupDto>;

export const mergePeopleBody = z.object({
  keepId: idSchema,
  mergeIds: z.array(idSchema).min(1).max(20),
  /** true: say what would happen and write nothing */
  dryRun: z.boolean(),
}).strict();
export type MergePeopleBody = z.infer<typeof mergePeopleBody>;

const counts = {
  engagements: z.number().int(),
  opportunities: z.number().int(),
  positions: z.number().int(),
  /** calendar and email items waiting in the capture queue */
  captureItems: z.number().int(),
};
/** References that move to the kept person, by kind. */
export const mergeMovesDto = z.object({
  ...counts,
  evidence: z.number().int(),
  planActions: z.number().int(),
  maturityAssessments: z.number().int(),
});
export type MergeMovesDto = z.infer<typeof mergeMovesDto>;

export const mergeResultDto = z.object({
  dryRun: z.boolean(),
  keepId: z.string(),
  mergeIds: z.array(z.string()),
  /** what moves: engagements and opportunities the kept person was not already part of, every position, evidence, … */
  moves: mergeMovesDto,
  /** links both records had (the same engagement, opportunity, or position title in a department): they become one */
  shared: z.object(counts),
  /** fields both hold with different values: the kept person's value stays */
  conflicts: z.array(z.object({ field: z.string(), kept: z.string(), merged: z.array(z.object({ personId: z.string(), value: z.string() })) })),
  /** fields the kept person has empty, filled from a merged record */
  filled: z.array(z.object({ field: z.string(), value: z.string(), fromId: z.string() })),
});
export type MergeResultDto = z.infer<typeof mergeResultDto>;
