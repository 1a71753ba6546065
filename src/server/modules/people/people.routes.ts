import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, pageOf } from '../../../shared/contracts/common.ts';
import {
  createPersonBody, listPeopleQuery, personDto, personSummaryDto, positionBody, positionDto, updatePersonBody, updatePositionBody,
  type PersonSummaryDto,
} from '../../../shared/contracts/people.ts';
import { actorOf } from '../../http/actor.ts';
import { csvColumns, sendCsv } from '../../http/csv.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { PeopleService } from './people.service.ts';

const csv = csvColumns<PersonSummaryDto>({
  id: (p) => p.id,
  name: (p) => p.name,
  email: (p) => p.email,
  phone: (p) => p.phone,
  champion: (p) => (p.isChampion ? 'yes' : 'no'),
  influence: (p) => p.influence,
  interest: (p) => p.interest,
  stay_in_touch_days: (p) => p.stayInTouchDays,
  tags: (p) => p.tags.join('; '),
  positions: (p) => p.currentPositions.map((x) => `${x.title}, ${x.orgUnitName}`).join('; '),
});

export function peopleRoutes(app: FastifyInstance, svc: PeopleService) {
  const r = typed(app);
  const tags = ['people'];

  r.get('/api/v1/people', { schema: { tags, querystring: listPeopleQuery, response: { 200: pageOf(personSummaryDto), ...errorResponses } } }, (req) =>
    svc.list(actorOf(req), req.query));
  r.get('/api/v1/people.csv', { schema: { tags, querystring: listPeopleQuery.omit({ page: true, pageSize: true }) } }, (req, reply) => {
    const actor = actorOf(req);
    return sendCsv(reply, 'people.csv', csv, (page, pageSize) => svc.list(actor, { ...req.query, page, pageSize }).then((p) => p.items));
  });
  r.get('/api/v1/people/:id', { schema: { tags, params: idParams, response: { 200: personDto, ...errorResponses } } }, (req) =>
    svc.person(actorOf(req), req.params.id));
  r.post('/api/v1/people', { schema: { tags, body: createPersonBody, response: { 201: personDto, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(actorOf(req), req.body)));
  r.patch('/api/v1/people/:id', { schema: { tags, params: idParams, body: updatePersonBody, response: { 200: personDto, ...errorResponses } } }, (req) =>
    svc.update(actorOf(req), req.params.id, req.body));
  r.delete('/api/v1/people/:id', { schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await svc.remove(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.post('/api/v1/people/:id/positions', { schema: { tags, params: idParams, body: positionBody, response: { 201: positionDto, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.addPosition(actorOf(req), req.params.id, req.body)));
  r.patch('/api/v1/positions/:id', { schema: { tags, params: idParams, body: updatePositionBody, response: { 200: positionDto, ...errorResponses } } }, (req) =>
    svc.updatePosition(actorOf(req), req.params.id, req.body));
  r.delete('/api/v1/positions/:id', { schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await svc.removePosition(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}
