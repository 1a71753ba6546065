import { z } from 'zod';
import { idSchema, optionalText, pageQuery, roleSchema } from './common.ts';

export const loginBody = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
});
export type LoginBody = z.infer<typeof loginBody>;

export const userDto = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  jobTitle: z.string().nullable(),
  teamId: z.string().nullable(),
  active: z.boolean(),
});
export type UserDto = z.infer<typeof userDto>;

export const meDto = z.object({
  user: userDto,
  institution: z.object({ id: z.string(), name: z.string() }),
  csrfToken: z.string(),
});
export type MeDto = z.infer<typeof meDto>;

export const passwordSchema = z.string().min(12, 'must be at least 12 characters').max(1024);

export const createUserBody = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  password: passwordSchema,
  role: roleSchema,
  jobTitle: optionalText(200),
  teamId: idSchema.nullable().optional(),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  role: roleSchema.optional(),
  jobTitle: optionalText(200),
  teamId: idSchema.nullable().optional(),
  active: z.boolean().optional(),
  password: passwordSchema.optional(),
});
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const listUsersQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  role: roleSchema.optional(),
  teamId: idSchema.optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;
