import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';

let t: TestApp;
let a: Tenant;
let b: Tenant;

type Hits = { hits: { type: string; id: string; title: string }[] };

beforeAll(async () => {
  t = await buildTestApp();
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  await a.manager.post('/api/v1/org-units', { name: 'Zoë Ångström Centre', type: 'research_centre', code: 'ZAC' });
  await a.manager.post('/api/v1/org-units', { name: 'School of Music', type: 'department', description: 'Works closely with the Zoë Ångström Centre' });
  await a.manager.post('/api/v1/org-units', { name: 'Økonomi Unit', type: 'department' });
  await b.manager.post('/api/v1/org-units', { name: 'Zoë Private Unit', type: 'department' });
});
afterAll(() => t?.close());

describe('search', () => {
  it('401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/search?q=zoe' })).statusCode).toBe(401);
  });

  it('folds case and diacritics and matches prefixes: "zoe" and "ANGST" find "Zoë Ångström"', async () => {
    for (const q of ['zoe', 'ZOË', 'angst', 'zoe ang']) {
      const res = await a.viewer.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(res.json<Hits>().hits.map((h) => h.title), q).toContain('Zoë Ångström Centre');
    }
    const oko = await a.viewer.get('/api/v1/search?q=okonomi');
    expect(oko.json<Hits>().hits.map((h) => h.title)).toEqual(['Økonomi Unit']);
  });

  it('ranks a title match above a match in the description', async () => {
    const res = await a.viewer.get('/api/v1/search?q=angstrom');
    expect(res.json<Hits>().hits.map((h) => h.title)).toEqual(['Zoë Ångström Centre', 'School of Music']);
  });

  it("never shows another institution's documents", async () => {
    const res = await a.viewer.get('/api/v1/search?q=private');
    expect(res.json<Hits>().hits).toEqual([]);
    const theirs = await b.viewer.get('/api/v1/search?q=zoe');
    expect(theirs.json<Hits>().hits.map((h) => h.title)).toEqual(['Zoë Private Unit']);
  });

  it('filters by type and keeps the index in step with renames', async () => {
    const unit = (await a.manager.post('/api/v1/org-units', { name: 'Temporary Name', type: 'committee' })).json<{ id: string }>();
    await a.manager.patch(`/api/v1/org-units/${unit.id}`, { name: 'Library Committee' });
    expect((await a.viewer.get('/api/v1/search?q=temporary')).json<Hits>().hits).toEqual([]);
    const found = await a.viewer.get('/api/v1/search?q=library%20comm&types=org_unit');
    expect(found.json<Hits>().hits.map((h) => h.id)).toEqual([unit.id]);
    expect((await a.viewer.get('/api/v1/search?q=library&types=person')).json<Hits>().hits).toEqual([]);
  });

  it('400 naming q for an empty or punctuation-only query, and for an unknown type', async () => {
    for (const url of ['/api/v1/search?q=', '/api/v1/search?q=%22%22%2A', '/api/v1/search?q=x&types=planet']) {
      const res = await a.viewer.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(errorOf(res).details?.[0]?.field, url).toMatch(/^(q|types)/);
    }
  });
});
