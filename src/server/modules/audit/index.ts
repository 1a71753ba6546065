import type { FastifyInstance } from 'fastify';
import { pageOf } from '../../../shared/contracts/common.ts';
import { auditEntryDto, listAuditQuery, type AuditEntryDto, type ListAuditQuery } from '../../../shared/contracts/audit.ts';
import { assertRole, actorOf, type Actor } from '../../http/actor.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { listAudit } from './audit.repository.ts';

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString();

export function auditService({ db }: Pick<AppDeps, 'db'>) {
  return {
    async list(actor: Actor, q: ListAuditQuery) {
      assertRole(actor, 'admin');
      const { rows, total } = await listAudit(db, actor.institutionId, { ...q, from: q.from ? `${q.from}T00:00:00.000Z` : undefined, to: q.to ? nextDay(q.to) : undefined }, (q.page - 1) * q.pageSize, q.pageSize);
      const ids = [...new Set(rows.map((r) => r.user_id).filter((x): x is string => !!x))];
      const names = ids.length ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute() : [];
      const items: AuditEntryDto[] = rows.map((r) => ({
        id: r.id, at: r.at, userId: r.user_id, userName: names.find((n) => n.id === r.user_id)?.name ?? null,
        action: r.action, entityType: r.entity_type, entityId: r.entity_id, changes: JSON.parse(r.changes) as AuditEntryDto['changes'],
      }));
      return { items, page: q.page, pageSize: q.pageSize, total };
    },
  };
}

export function registerAudit(app: FastifyInstance, deps: AppDeps) {
  const svc = auditService(deps);
  typed(app).get('/api/v1/audit', { schema: { tags: ['audit'], querystring: listAuditQuery, response: { 200: pageOf(auditEntryDto), ...errorResponses } } }, (req) =>
    svc.list(actorOf(req), req.query));
}
