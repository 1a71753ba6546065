import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { pageOf } from '../../../shared/contracts/common.ts';
import { codeMapDto, deleteCodeMapQuery, listCodeMapsQuery, putCodeMapBody, type CodeMapDto } from '../../../shared/contracts/code-maps.ts';
import type { Db } from '../../db/types.ts';
import { actorOf, assertRole } from '../../http/actor.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { errorResponses, typed } from '../../http/route.ts';
import { isoNow, type Clock } from '../../lib/clock.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { codeKey } from './code-maps.ts';

/** Code maps by hand: list them, map one code (or move it), remove one. Files of them import through the codeMaps source. */
export function codeMapsRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: Clock }) {
  const r = typed(app);
  const tags = ['imports'];

  r.get('/api/v1/code-maps', { schema: { tags, querystring: listCodeMapsQuery, response: { 200: pageOf(codeMapDto), ...errorResponses } } }, async (req) => {
    const actor = actorOf(req);
    const q = req.query;
    let base = db.selectFrom('code_maps as m').innerJoin('org_units as u', 'u.id', 'm.org_unit_id').where('m.institution_id', '=', actor.institutionId);
    if (q.kind) base = base.where('m.kind', '=', q.kind);
    // a code's words, anywhere in it; % and _ in what was typed are matched as themselves
    if (q.q) base = base.where(sql<boolean>`m.code_key like ${`%${codeKey(q.q).replace(/[%_!]/g, '!$&')}%`} escape '!'`);
    const [{ total }, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      base.select(['m.kind', 'm.code', 'm.updated_at', 'u.id as unit_id', 'u.name as unit_name', 'u.code as unit_code'])
        .orderBy('m.kind').orderBy('m.code_key').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    ]);
    const items: CodeMapDto[] = rows.map((m) => ({ kind: m.kind, code: m.code, orgUnit: { id: m.unit_id, name: m.unit_name, code: m.unit_code }, updatedAt: m.updated_at }));
    return { items, page: q.page, pageSize: q.pageSize, total: Number(total) };
  });

  r.put('/api/v1/code-maps', { schema: { tags, body: putCodeMapBody, response: { 200: codeMapDto, ...errorResponses } } }, async (req) => {
    const actor = actorOf(req);
    assertRole(actor, 'manager');
    const { kind, code, orgUnitId } = req.body;
    const unit = await db.selectFrom('org_units').select(['id', 'name', 'code']).where('id', '=', orgUnitId).where('institution_id', '=', actor.institutionId).executeTakeFirst();
    if (!unit) throw invalid('orgUnitId', 'is not a department of this institution');
    const key = codeKey(code);
    const now = isoNow(clock);
    await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('code_maps').select('org_unit_id').where('institution_id', '=', actor.institutionId).where('kind', '=', kind).where('code_key', '=', key).executeTakeFirst();
      await trx.insertInto('code_maps')
        .values({ institution_id: actor.institutionId, kind, code, code_key: key, org_unit_id: unit.id, import_job_id: null, created_at: now, updated_at: now })
        .onConflict((oc) => oc.columns(['institution_id', 'kind', 'code_key']).doUpdateSet({ code, org_unit_id: unit.id, import_job_id: null, updated_at: now }))
        .execute();
      await recordAudit(trx, actor, { action: before ? 'update' : 'create', entityType: 'code_map', entityId: `${kind}:${key}`, before: before ? { orgUnitId: before.org_unit_id } : null, after: { kind, code, orgUnitId: unit.id } }, now);
    });
    return { kind, code, orgUnit: unit, updatedAt: now };
  });

  r.delete('/api/v1/code-maps', { schema: { tags, querystring: deleteCodeMapQuery, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    const actor = actorOf(req);
    assertRole(actor, 'manager');
    const { kind, code } = req.query;
    const key = codeKey(code);
    const now = isoNow(clock);
    await db.transaction().execute(async (trx) => {
      const gone = await trx.deleteFrom('code_maps').where('institution_id', '=', actor.institutionId).where('kind', '=', kind).where('code_key', '=', key).returning('org_unit_id').executeTakeFirst();
      if (!gone) throw notFound('Code mapping');
      await recordAudit(trx, actor, { action: 'delete', entityType: 'code_map', entityId: `${kind}:${key}`, before: { kind, code, orgUnitId: gone.org_unit_id } }, now);
    });
    return reply.status(204).send(null);
  });
}
