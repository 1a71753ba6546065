import { z } from 'zod';
import { idSchema, pageQuery } from './common.ts';

/** 'view': a share link was opened; every use of one is recorded */
export const auditActions = ['create', 'update', 'delete', 'login', 'logout', 'view'] as const;
export const auditEntryDto = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  action: z.enum(auditActions),
  entityType: z.string(),
  entityId: z.string(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});
export type AuditEntryDto = z.infer<typeof auditEntryDto>;

export const listAuditQuery = pageQuery.extend({
  entityType: z.string().max(64).optional(),
  entityId: idSchema.optional(),
  userId: idSchema.optional(),
  action: z.enum(auditActions).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type ListAuditQuery = z.infer<typeof listAuditQuery>;
