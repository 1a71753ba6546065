import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, pageOf } from '../../../shared/contracts/common.ts';
import {
  createMaturityBody, journeyDto, losingTouchItemDto, losingTouchQuery, maturityAssessmentDto, maturityDistributionDto, maturityLabels, overviewDto,
  overviewQuery, personSignalsDto, signalWindowQuery, stakeholderMapDto, unitSignalsResponse, type UnitSignalsDto,
} from '../../../shared/contracts/relationships.ts';
import { actorOf } from '../../http/actor.ts';
import { csvColumns, sendCsv } from '../../http/csv.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { RelationshipsService } from './relationships.service.ts';

const csv = csvColumns<UnitSignalsDto>({
  department: (s) => s.orgUnit.name,
  code: (s) => s.orgUnit.code,
  faculty: (s) => s.orgUnit.parentName,
  maturity: (s) => (s.maturity ? maturityLabels[s.maturity] : ''),
  maturity_assessed_on: (s) => s.maturityOn,
  last_engagement_on: (s) => s.lastEngagementOn,
  days_since_last: (s) => s.daysSinceLast,
  engagements: (s) => s.engagements,
  per_month: (s) => s.perMonth,
  people: (s) => s.people,
  key_people: (s) => s.keyPeople,
  themes: (s) => s.themes,
  depth: (s) => s.depth,
  partner_share: (s) => s.partnerShare,
  cadence_done: (s) => s.cadence?.done,
  cadence_due: (s) => s.cadence?.due,
  cadence_overdue: (s) => s.cadence?.overdue,
});

export function relationshipsRoutes(app: FastifyInstance, svc: RelationshipsService) {
  const r = typed(app);
  const tags = ['relationships'];

  r.get('/api/v1/org-units/:id/signals', { schema: { tags, params: idParams, querystring: signalWindowQuery, response: { 200: unitSignalsResponse, ...errorResponses } } }, (req) =>
    svc.unitSignals(actorOf(req), req.params.id, req.query));
  r.get('/api/v1/org-units/:id/maturity', { schema: { tags, params: idParams, response: { 200: z.array(maturityAssessmentDto), ...errorResponses } } }, (req) =>
    svc.maturityOf(actorOf(req), { orgUnitId: req.params.id }));
  r.get('/api/v1/org-units/:id/journey', { schema: { tags, params: idParams, response: { 200: journeyDto, ...errorResponses } } }, (req) =>
    svc.journey(actorOf(req), req.params.id));
  r.get('/api/v1/org-units/:id/stakeholders', { schema: { tags, params: idParams, response: { 200: stakeholderMapDto, ...errorResponses } } }, (req) =>
    svc.stakeholders(actorOf(req), req.params.id));

  r.get('/api/v1/people/:id/signals', { schema: { tags, params: idParams, querystring: signalWindowQuery, response: { 200: personSignalsDto, ...errorResponses } } }, (req) =>
    svc.personSignals(actorOf(req), req.params.id, req.query));
  r.get('/api/v1/people/:id/maturity', { schema: { tags, params: idParams, response: { 200: z.array(maturityAssessmentDto), ...errorResponses } } }, (req) =>
    svc.maturityOf(actorOf(req), { personId: req.params.id }));

  r.post('/api/v1/maturity-assessments', { schema: { tags, body: createMaturityBody, response: { 201: maturityAssessmentDto, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.assess(actorOf(req), req.body)));
  r.delete('/api/v1/maturity-assessments/:id', { schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await svc.removeAssessment(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.get('/api/v1/relationships/overview', { schema: { tags, querystring: overviewQuery, response: { 200: overviewDto, ...errorResponses } } }, (req) =>
    svc.overview(actorOf(req), req.query));
  r.get('/api/v1/relationships/overview.csv', { schema: { tags, querystring: overviewQuery } }, async (req, reply) => {
    // every department at once (hundreds of rows), so one fetch; checked before the response starts
    const { items } = await svc.overview(actorOf(req), req.query);
    return sendCsv(reply, 'relationships-overview.csv', csv, (page) => Promise.resolve(page === 1 ? items : []));
  });
  r.get('/api/v1/relationships/maturity-distribution', {
    schema: { tags, querystring: z.strictObject({ years: z.coerce.number().int().min(1).max(10).default(5) }), response: { 200: maturityDistributionDto, ...errorResponses } },
  }, (req) => svc.distribution(actorOf(req), req.query.years));
  r.get('/api/v1/relationships/losing-touch', { schema: { tags, querystring: losingTouchQuery, response: { 200: pageOf(losingTouchItemDto), ...errorResponses } } }, (req) =>
    svc.losingTouch(actorOf(req), req.query));
}
