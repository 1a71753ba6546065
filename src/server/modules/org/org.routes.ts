import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, pageOf } from '../../../shared/contracts/common.ts';
import {
  createOrgUnitBody, createTeamBody, createVocabBody, institutionDto, listOrgUnitsQuery, listVocabQuery, orgUnitDto,
  teamDto, updateInstitutionBody, updateOrgUnitBody, updateTeamBody, updateVocabBody, vocabTermDto,
} from '../../../shared/contracts/org.ts';
import { actorOf } from '../../http/actor.ts';
import { errorResponses, typed } from '../../http/route.ts';
import { csvColumns, sendCsv } from '../../http/csv.ts';
import type { OrgService } from './org.service.ts';

export function orgRoutes(app: FastifyInstance, svc: OrgService) {
  const r = typed(app);
  const tags = ['org'];

  r.get('/api/v1/institution', { schema: { tags, response: { 200: institutionDto, ...errorResponses } } }, (req) => svc.institution(actorOf(req)));
  r.patch('/api/v1/institution', { schema: { tags, body: updateInstitutionBody, response: { 200: institutionDto, ...errorResponses } } }, (req) =>
    svc.updateInstitution(actorOf(req), req.body));

  r.get('/api/v1/org-units', { schema: { tags, querystring: listOrgUnitsQuery, response: { 200: pageOf(orgUnitDto), ...errorResponses } } }, (req) =>
    svc.listOrgUnits(actorOf(req), req.query));
  r.get('/api/v1/org-units.csv', { schema: { tags, querystring: listOrgUnitsQuery.omit({ page: true, pageSize: true }) } }, (req, reply) => {
    const actor = actorOf(req);
    return sendCsv(reply, 'org-units.csv', csvColumns<z.infer<typeof orgUnitDto>>({
      id: (u) => u.id, name: (u) => u.name, type: (u) => u.type, code: (u) => u.code, parent: (u) => u.parentName,
      status: (u) => u.status, last_engagement_on: (u) => u.lastEngagementOn,
    }), (page, pageSize) => svc.listOrgUnits(actor, { ...req.query, page, pageSize }).then((p) => p.items));
  });
  r.get('/api/v1/org-units/:id', { schema: { tags, params: idParams, response: { 200: orgUnitDto, ...errorResponses } } }, (req) =>
    svc.orgUnit(actorOf(req), req.params.id));
  r.post('/api/v1/org-units', { schema: { tags, body: createOrgUnitBody, response: { 201: orgUnitDto, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.createOrgUnit(actorOf(req), req.body)));
  r.patch('/api/v1/org-units/:id', { schema: { tags, params: idParams, body: updateOrgUnitBody, response: { 200: orgUnitDto, ...errorResponses } } }, (req) =>
    svc.updateOrgUnit(actorOf(req), req.params.id, req.body));
  r.delete('/api/v1/org-units/:id', { schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await svc.deleteOrgUnit(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.get('/api/v1/teams', { schema: { tags, response: { 200: z.array(teamDto), ...errorResponses } } }, (req) => svc.teams(actorOf(req)));
  r.post('/api/v1/teams', { schema: { tags, body: createTeamBody, response: { 201: teamDto, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.createTeam(actorOf(req), req.body)));
  r.patch('/api/v1/teams/:id', { schema: { tags, params: idParams, body: updateTeamBody, response: { 200: teamDto, ...errorResponses } } }, (req) =>
    svc.updateTeam(actorOf(req), req.params.id, req.body));

  r.get('/api/v1/vocab', { schema: { tags, querystring: listVocabQuery, response: { 200: z.array(vocabTermDto), ...errorResponses } } }, (req) =>
    svc.vocab(actorOf(req), req.query.kind, req.query.includeInactive === 'true'));
  r.post('/api/v1/vocab', { schema: { tags, body: createVocabBody, response: { 201: vocabTermDto, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.createVocab(actorOf(req), req.body)));
  r.patch('/api/v1/vocab/:id', { schema: { tags, params: idParams, body: updateVocabBody, response: { 200: vocabTermDto, ...errorResponses } } }, (req) =>
    svc.updateVocab(actorOf(req), req.params.id, req.body));
}
