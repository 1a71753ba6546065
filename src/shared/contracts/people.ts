import { z } from 'zod';
import { idSchema, isoDate, optionalText, pageQuery } from './common.ts';

/* Partner contacts (people) and their positions at org units. */

export const positionDto = z.object({
  id: z.string(),
  personId: z.string(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  title: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  /** no end date, or one today or later */
  current: z.boolean(),
});
export type PositionDto = z.infer<typeof positionDto>;

/** What a list shows: the contact and where they sit now. */
export const personSummaryDto = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isChampion: z.boolean(),
  influence: z.number().int().nullable(),
  interest: z.number().int().nullable(),
  stayInTouchDays: z.number().int().nullable(),
  /** at most this many library-initiated engagements in contactCapDays; null = the institution's default */
  contactCap: z.number().int().nullable(),
  contactCapDays: z.number().int().nullable(),
  /** when they became a library champion: a milestone on their department's journey */
  championSince: z.string().nullable(),
  tags: z.array(z.string()),
  updatedAt: z.string(),
  currentPositions: z.array(positionDto),
});
export type PersonSummaryDto = z.infer<typeof personSummaryDto>;

/** The full record: "understanding the other" and every position, current first, newest first. */
export const personDto = personSummaryDto.extend({
  motivations: z.string().nullable(),
  needs: z.string().nullable(),
  challenges: z.string().nullable(),
  preferredChannel: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  positions: z.array(positionDto),
});
export type PersonDto = z.infer<typeof personDto>;

/** Stakeholder position on the influence × interest grid. */
const gridScore = z.number().int().min(1).max(5).nullable().optional();

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .refine((s) => s === '' || z.email().safeParse(s).success, 'is not an email address')
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional();

export const MAX_TAGS = 30;
/** Trimmed, blanks dropped, duplicates (ignoring case) dropped keeping the first spelling. */
export function normalizeTags(tags: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}
const tags = z.array(z.string().trim().max(50)).max(MAX_TAGS).transform(normalizeTags).optional();

const dateOrder = (v: { startDate?: string | null; endDate?: string | null }) => !v.startDate || !v.endDate || v.endDate >= v.startDate;
const dateOrderIssue = { message: 'must be on or after startDate', path: ['endDate'] };

export const positionBody = z
  .strictObject({
    orgUnitId: idSchema,
    title: z.string().trim().min(1).max(200),
    startDate: isoDate.nullable().optional(),
    endDate: isoDate.nullable().optional(),
  })
  .refine(dateOrder, dateOrderIssue);
export type PositionBody = z.infer<typeof positionBody>;

export const updatePositionBody = z
  .strictObject({
    orgUnitId: idSchema.optional(),
    title: z.string().trim().min(1).max(200).optional(),
    startDate: isoDate.nullable().optional(),
    endDate: isoDate.nullable().optional(),
  })
  .refine(dateOrder, dateOrderIssue);
export type UpdatePositionBody = z.infer<typeof updatePositionBody>;

const personFields = {
  name: z.string().trim().min(1).max(200),
  email,
  phone: optionalText(50),
  motivations: optionalText(),
  needs: optionalText(),
  challenges: optionalText(),
  preferredChannel: optionalText(100),
  isChampion: z.boolean().optional(),
  influence: gridScore,
  interest: gridScore,
  stayInTouchDays: z.number().int().min(1).max(3650).nullable().optional(),
  contactCap: z.number().int().min(1).max(365).nullable().optional(),
  contactCapDays: z.number().int().min(1).max(365).nullable().optional(),
  /** defaults to today when isChampion turns true */
  championSince: isoDate.nullable().optional(),
  tags,
  notes: optionalText(20_000),
};

export const createPersonBody = z.strictObject({
  ...personFields,
  /** written in the same transaction as the person */
  positions: z.array(positionBody).max(20).optional(),
});
export type CreatePersonBody = z.infer<typeof createPersonBody>;

export const updatePersonBody = z.strictObject({ ...personFields, name: personFields.name.optional() });
export type UpdatePersonBody = z.infer<typeof updatePersonBody>;

/** `key`: library champions first, then by influence (highest first), then by name */
export const personSorts = ['name', 'updatedAt', 'key'] as const;
export const listPeopleQuery = pageQuery.extend({
  /** substring of name or email */
  q: z.string().trim().max(200).optional(),
  /** people with a current position at this unit */
  orgUnitId: idSchema.optional(),
  /** people with a current position at this unit or any unit below it */
  withinId: idSchema.optional(),
  champion: z.enum(['true', 'false']).optional(),
  tag: z.string().trim().min(1).max(50).optional(),
  sort: z.enum(personSorts).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type ListPeopleQuery = z.infer<typeof listPeopleQuery>;
