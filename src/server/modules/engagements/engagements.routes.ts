import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, pageOf } from '../../../shared/contracts/common.ts';
import {
  createEngagementBody, engagementDto, engagementFilters, engagementWriteDto, listEngagementsQuery, updateEngagementBody, type EngagementDto,
} from '../../../shared/contracts/engagements.ts';
import { actorOf } from '../../http/actor.ts';
import { csvColumns, sendCsv } from '../../http/csv.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { EngagementsService } from './engagements.service.ts';

const joined = (list: { name?: string; label?: string }[]) => list.map((x) => x.name ?? x.label).join('; ');

const csv = csvColumns<EngagementDto>({
  id: (e) => e.id,
  occurred_on: (e) => e.occurredOn,
  type: (e) => e.type.label,
  summary: (e) => e.summary,
  outcome: (e) => e.outcome,
  follow_up: (e) => e.followUp,
  initiated_by: (e) => e.initiatedBy,
  duration_minutes: (e) => e.durationMinutes,
  attendance: (e) => e.attendance,
  org_units: (e) => joined(e.orgUnits),
  people: (e) => joined(e.people),
  staff: (e) => joined(e.staff),
  themes: (e) => joined(e.themes),
});

export function engagementsRoutes(app: FastifyInstance, svc: EngagementsService) {
  const r = typed(app);
  const tags = ['engagements'];

  r.get('/api/v1/engagements', { schema: { tags, querystring: listEngagementsQuery, response: { 200: pageOf(engagementDto), ...errorResponses } } }, (req) =>
    svc.list(actorOf(req), req.query));
  r.get('/api/v1/engagements.csv', { schema: { tags, querystring: engagementFilters } }, async (req, reply) => {
    const fetchPage = await svc.exportPages(actorOf(req), req.query);
    return sendCsv(reply, 'engagements.csv', csv, fetchPage);
  });
  r.get('/api/v1/engagements/:id', { schema: { tags, params: idParams, response: { 200: engagementDto, ...errorResponses } } }, (req) =>
    svc.engagement(actorOf(req), req.params.id));
  r.post('/api/v1/engagements', { schema: { tags, body: createEngagementBody, response: { 201: engagementWriteDto, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(actorOf(req), req.body)));
  r.patch('/api/v1/engagements/:id', { schema: { tags, params: idParams, body: updateEngagementBody, response: { 200: engagementWriteDto, ...errorResponses } } }, (req) =>
    svc.update(actorOf(req), req.params.id, req.body));
  r.delete('/api/v1/engagements/:id', { schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await svc.remove(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}
