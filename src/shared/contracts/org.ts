import { z } from 'zod';
import { csvList, idSchema, optionalText, pageQuery } from './common.ts';

export const institutionDto = z.object({
  id: z.string(),
  name: z.string(),
  academicYearStartMonth: z.number().int(),
  academicYearStartDay: z.number().int(),
  timeZone: z.string(),
  publicDirectory: z.boolean(),
  /** default contact cap: library-initiated engagements a person may receive in contactCapDays; null = none */
  contactCap: z.number().int().nullable(),
  contactCapDays: z.number().int(),
  /** title fragments that make a position "key" for the breadth signal */
  keyTitles: z.array(z.string()),
  /** an open opportunity with no engagement or stage change for this many days is going cold */
  opportunityColdDays: z.number().int(),
});
export type InstitutionDto = z.infer<typeof institutionDto>;

const validTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const updateInstitutionBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    academicYearStartMonth: z.number().int().min(1).max(12).optional(),
    academicYearStartDay: z.number().int().min(1).max(28, 'must be 28 or less so every year has it').optional(),
    timeZone: z.string().refine(validTimeZone, 'is not a known IANA time zone').optional(),
    publicDirectory: z.boolean().optional(),
    contactCap: z.number().int().min(1).max(365).nullable().optional(),
    contactCapDays: z.number().int().min(1).max(365).optional(),
    keyTitles: z.array(z.string().trim().min(2).max(60)).max(30).optional(),
    opportunityColdDays: z.number().int().min(1).max(365).optional(),
  });
export type UpdateInstitutionBody = z.infer<typeof updateInstitutionBody>;

export const orgUnitTypes = ['faculty', 'department', 'research_centre', 'professional_service', 'committee', 'student_society'] as const;
export const orgUnitTypeSchema = z.enum(orgUnitTypes);
export const orgUnitTypeLabels: Record<(typeof orgUnitTypes)[number], string> = {
  faculty: 'Faculty',
  department: 'Department or school',
  research_centre: 'Research centre',
  professional_service: 'Professional service',
  committee: 'Committee',
  student_society: 'Student society',
};
export const orgUnitStatusSchema = z.enum(['active', 'archived']);

export const orgUnitDto = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  type: orgUnitTypeSchema,
  name: z.string(),
  code: z.string().nullable(),
  status: orgUnitStatusSchema,
  description: z.string().nullable(),
  lastEngagementOn: z.string().nullable(),
});
export type OrgUnitDto = z.infer<typeof orgUnitDto>;

const code = z
  .string()
  .trim()
  .max(64)
  .regex(/^[A-Za-z0-9._-]*$/, 'may hold letters, digits, dot, dash and underscore only')
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional();

export const createOrgUnitBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  type: orgUnitTypeSchema,
  parentId: idSchema.nullable().optional(),
  code,
  description: optionalText(),
});
export type CreateOrgUnitBody = z.infer<typeof createOrgUnitBody>;

export const updateOrgUnitBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  type: orgUnitTypeSchema.optional(),
  parentId: idSchema.nullable().optional(),
  code,
  description: optionalText(),
  status: orgUnitStatusSchema.optional(),
});
export type UpdateOrgUnitBody = z.infer<typeof updateOrgUnitBody>;

export const orgUnitSorts = ['name', 'code', 'type', 'lastEngagementOn'] as const;
export const listOrgUnitsQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  type: csvList.pipe(z.array(orgUnitTypeSchema)).optional(),
  parentId: idSchema.optional(),
  /** any depth below this unit (e.g. every department of a faculty) */
  withinId: idSchema.optional(),
  status: orgUnitStatusSchema.optional(),
  coveredBy: idSchema.optional(),
  /** only units with no engagement since this date (e.g. the academic year's start) */
  notEngagedSince: z.iso.date().optional(),
  sort: z.enum(orgUnitSorts).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type ListOrgUnitsQuery = z.infer<typeof listOrgUnitsQuery>;

export const teamDto = z.object({ id: z.string(), name: z.string(), description: z.string().nullable(), memberCount: z.number().int() });
export type TeamDto = z.infer<typeof teamDto>;
export const createTeamBody = z.strictObject({ name: z.string().trim().min(1).max(200), description: optionalText() });
export const updateTeamBody = z.strictObject({ name: z.string().trim().min(1).max(200).optional(), description: optionalText() });
export type CreateTeamBody = z.infer<typeof createTeamBody>;
export type UpdateTeamBody = z.infer<typeof updateTeamBody>;

const weight = z.number().min(0).max(10, 'must be between 0 and 10').optional();

export const vocabKinds = ['engagement_type', 'theme', 'function'] as const;
export const vocabKindSchema = z.enum(vocabKinds);
export const vocabTermDto = z.object({
  id: z.string(),
  kind: vocabKindSchema,
  key: z.string(),
  label: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  /** engagement types: how much one engagement adds to the depth signal */
  weight: z.number(),
});
export type VocabTermDto = z.infer<typeof vocabTermDto>;
export const createVocabBody = z.strictObject({
  kind: vocabKindSchema,
  key: z.string().trim().min(1).max(64).regex(/^[a-z0-9_]+$/, 'may hold lower-case letters, digits and underscore only'),
  label: z.string().trim().min(1).max(100),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  weight,
});
export const updateVocabBody = z.strictObject({
  label: z.string().trim().min(1).max(100).optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
  weight,
});
export type CreateVocabBody = z.infer<typeof createVocabBody>;
export type UpdateVocabBody = z.infer<typeof updateVocabBody>;
export const listVocabQuery = z.object({ kind: vocabKindSchema.optional(), includeInactive: z.enum(['true', 'false']).optional() });
