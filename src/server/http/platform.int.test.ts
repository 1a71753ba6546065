import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../test/app.ts';
import { lane } from '../../../test/db.ts';

let t: TestApp;
let a: Tenant;

beforeAll(async () => {
  t = await buildTestApp();
  a = await newTenant(t);
});
afterAll(() => t?.close());

/** Every error leaves in one shape, carrying the id of the request for the logs. */
function expectErrorBody(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/json');
  const body = res.json<Record<string, unknown>>();
  expect(body.code).toBe(code);
  expect(typeof body.message).toBe('string');
  expect(typeof body.requestId).toBe('string');
  expect(String(body.requestId).length).toBeGreaterThan(0);
  expect(Object.keys(body).every((k) => ['code', 'message', 'details', 'requestId'].includes(k))).toBe(true);
  expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.ts:\d+/);
  return body;
}

describe('health and documentation', () => {
  it('GET /api/v1/health answers without a session, naming the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: lane() });
  });

  it('GET /api/openapi.json is an OpenAPI 3 document of the API', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; info: { title: string }; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('Rapport API');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/org-units', '/api/v1/auth/login', '/api/v1/users', '/api/v1/audit', '/api/v1/health']));
    expect(Object.keys(doc.paths['/api/v1/org-units'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
  });

  it('GET /api/docs answers with the API explorer', async () => {
    let res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    if (res.statusCode >= 300 && res.statusCode < 400) {
      const location = new URL(String(res.headers.location), 'http://localhost/api/docs');
      expect(location.pathname.startsWith('/api/docs')).toBe(true);
      res = await t.app.inject({ method: 'GET', url: location.pathname });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body.toLowerCase()).toContain('swagger');
  });
});

describe('routing and errors', () => {
  it('an unknown /api/v1 route is 401 without a session and 404 with one', async () => {
    expectErrorBody(await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' }), 401, 'UNAUTHENTICATED');
    expectErrorBody(await a.viewer.get('/api/v1/no-such-thing'), 404, 'NOT_FOUND');
    expectErrorBody(await a.viewer.request('POST', '/api/v1/no-such-thing', {}), 404, 'NOT_FOUND');
  });

  it('a malformed JSON body is 400 VALIDATION, never 500', async () => {
    expectErrorBody(await a.manager.request('POST', '/api/v1/org-units', undefined, { 'content-type': 'application/json' }), 400, 'VALIDATION');
    for (const payload of ['{"name": ', '{name: "x"}', 'null', '[1,2', '"just a string"']) {
      const bad = await t.app.inject({ method: 'POST', url: '/api/v1/org-units', headers: { cookie: a.manager.cookie, 'x-csrf-token': a.manager.csrf, 'content-type': 'application/json' }, payload });
      expectErrorBody(bad, 400, 'VALIDATION');
    }
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expectErrorBody(login, 400, 'VALIDATION');
  });

  it('a body over 1 MB is 413 and nothing is written', async () => {
    const before = (await a.manager.get('/api/v1/org-units')).json<{ total: number }>().total;
    const big = JSON.stringify({ name: 'Huge', type: 'faculty', code: 'x'.repeat(1024 * 1024) });
    expectErrorBody(await a.manager.request('POST', '/api/v1/org-units', JSON.parse(big)), 413, 'PAYLOAD_TOO_LARGE');
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: big });
    expectErrorBody(anon, 413, 'PAYLOAD_TOO_LARGE');
    expect((await a.manager.get('/api/v1/org-units')).json<{ total: number }>().total).toBe(before);
  });

  it('every kind of error carries {code, message, requestId}', async () => {
    expectErrorBody(await t.app.inject({ method: 'GET', url: '/api/v1/users' }), 401, 'UNAUTHENTICATED');
    expectErrorBody(await a.viewer.post('/api/v1/org-units', { name: 'X', type: 'faculty' }), 403, 'FORBIDDEN');
    expectErrorBody(await a.viewer.request('POST', '/api/v1/auth/logout', {}, { 'x-csrf-token': 'nope' }), 403, 'CSRF');
    expectErrorBody(await a.viewer.get('/api/v1/org-units/does-not-exist'), 404, 'NOT_FOUND');
    const v = expectErrorBody(await a.manager.post('/api/v1/org-units', { name: '', type: 'faculty' }), 400, 'VALIDATION');
    expect((v.details as { field: string }[]).map((d) => d.field)).toEqual(['name']);
    expectErrorBody(await a.viewer.get('/api/v1/org-units?pageSize=9999'), 400, 'VALIDATION');
    const conflict = await a.manager.post('/api/v1/teams', { name: 'Same Team' });
    expect(conflict.statusCode).toBe(201);
    expectErrorBody(await a.manager.post('/api/v1/teams', { name: 'Same Team' }), 409, 'CONFLICT');
    expectErrorBody(await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'x' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('request ids differ per request', async () => {
    const one = errorOf(await t.app.inject({ method: 'GET', url: '/api/v1/users' })) as { requestId?: string };
    const two = errorOf(await t.app.inject({ method: 'GET', url: '/api/v1/users' })) as { requestId?: string };
    expect(one.requestId).not.toBe(two.requestId);
  });
});

describe('security headers', () => {
  it('helmet sets CSP, nosniff and friends on API answers and errors', async () => {
    for (const res of [await t.app.inject({ method: 'GET', url: '/api/v1/health' }), await t.app.inject({ method: 'GET', url: '/api/v1/users' })]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});
