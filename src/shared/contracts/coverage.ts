import { z } from 'zod';
import { csvList, idSchema, isoDate, pageOf, pageQuery } from './common.ts';
import { orgUnitStatusSchema, orgUnitTypeSchema } from './org.ts';

/* Coverage: which library staff member serves which org unit in which function ("who is my librarian?"). */

const unitRef = z.object({ id: z.string(), name: z.string() });
const functionRef = z.object({ id: z.string(), label: z.string() });
const staffRef = z.object({ id: z.string(), name: z.string(), jobTitle: z.string().nullable(), email: z.string() });

export const coverageDto = z.object({
  id: z.string(),
  user: staffRef,
  orgUnit: unitRef,
  function: functionRef,
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  /** started (or no start) and not ended (or no end) as of today in the institution's time zone */
  current: z.boolean(),
});
export type CoverageDto = z.infer<typeof coverageDto>;

export const listCoverageQuery = pageQuery.extend({
  /** one id, or several separated by commas (a page of departments at once) */
  orgUnitId: csvList.pipe(z.array(idSchema).max(200)).optional(),
  userId: idSchema.optional(),
  functionId: idSchema.optional(),
  current: z.enum(['true', 'false']).optional(),
});
export type ListCoverageQuery = z.infer<typeof listCoverageQuery>;

const optionalDate = isoDate.nullable().optional();

export const createCoverageBody = z.strictObject({
  userId: idSchema,
  orgUnitId: idSchema,
  functionId: idSchema,
  startDate: optionalDate,
  endDate: optionalDate,
});
export type CreateCoverageBody = z.infer<typeof createCoverageBody>;

export const updateCoverageBody = z.strictObject({
  userId: idSchema.optional(),
  orgUnitId: idSchema.optional(),
  functionId: idSchema.optional(),
  startDate: optionalDate,
  endDate: optionalDate,
});
export type UpdateCoverageBody = z.infer<typeof updateCoverageBody>;

/** One function's cover for a unit: its own, or else the nearest ancestor's (`inheritedFrom`); `staff: []` is a gap. */
export const librariansDto = z.object({
  orgUnit: unitRef,
  functions: z.array(
    z.object({
      function: functionRef,
      staff: z.array(staffRef),
      inheritedFrom: unitRef.nullable(),
    }),
  ),
});
export type LibrariansDto = z.infer<typeof librariansDto>;

export const coverageMatrixQuery = pageQuery.extend({
  /** org unit types for the rows; department when absent */
  type: csvList.pipe(z.array(orgUnitTypeSchema)).optional(),
  /** only units at any depth below this one (e.g. a faculty) */
  withinId: idSchema.optional(),
  status: orgUnitStatusSchema.default('active'),
});
export type CoverageMatrixQuery = z.infer<typeof coverageMatrixQuery>;

export const matrixRowDto = z.object({
  orgUnit: unitRef.extend({ parentName: z.string().nullable() }),
  /** every function id of the institution → its staff for this unit ([] for a gap) */
  cells: z.record(z.string(), z.array(z.object({ userId: z.string(), name: z.string() }))),
  /** function id → the ancestor whose cover fills that cell, for cells the unit does not cover itself */
  inherited: z.record(z.string(), unitRef),
  /** function ids nobody covers, not even through an ancestor */
  gaps: z.array(z.string()),
  /** one person covers every covered function */
  singlePointOfFailure: z.boolean(),
});
export type MatrixRowDto = z.infer<typeof matrixRowDto>;

export const coverageMatrixDto = z.object({
  functions: z.array(functionRef),
  rows: z.array(matrixRowDto),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type CoverageMatrixDto = z.infer<typeof coverageMatrixDto>;

/* The public directory: no session, only what a partner needs to reach their librarian. */

export const publicDirectoryParams = z.object({ institutionId: idSchema });
export const publicUnitParams = z.object({ institutionId: idSchema, id: idSchema });

export const publicDepartmentDto = z.object({ id: z.string(), name: z.string(), parentName: z.string().nullable() });
export type PublicDepartmentDto = z.infer<typeof publicDepartmentDto>;
export const publicDepartmentsDto = pageOf(publicDepartmentDto);

export const publicLibrariansDto = z.object({
  orgUnit: z.object({ id: z.string(), name: z.string() }),
  functions: z.array(
    z.object({
      label: z.string(),
      staff: z.array(z.object({ name: z.string(), jobTitle: z.string().nullable(), email: z.string() })),
      /** the name of the unit whose cover this is, when not the unit itself */
      inheritedFrom: z.string().nullable(),
    }),
  ),
});
export type PublicLibrariansDto = z.infer<typeof publicLibrariansDto>;
