import { expect } from 'vitest';
import type { EngagementWriteDto } from '../src/shared/contracts/engagements.ts';
import { newId } from '../src/server/lib/ids.ts';
import type { Agent, Tenant, TestApp } from './app.ts';

type Vocab = Record<string, string>;

/** Factories for the engagement tests; `app` is read when called, so files may build their app in beforeAll. */
export function engagementFixtures(app: () => TestApp) {
  const vocab: Record<string, { types: Vocab; themes: Vocab }> = {};

  async function loadVocab(tenant: Tenant) {
    const get = async (kind: string) =>
      Object.fromEntries((await tenant.viewer.get(`/api/v1/vocab?kind=${kind}`)).json<{ key: string; id: string }[]>().map((v) => [v.key, v.id]));
    vocab[tenant.institutionId] = { types: await get('engagement_type'), themes: await get('theme') };
  }
  const types = (tenant: Tenant) => vocab[tenant.institutionId]?.types ?? {};
  const themes = (tenant: Tenant) => vocab[tenant.institutionId]?.themes ?? {};

  async function unit(tenant: Tenant, name: string, parentId?: string): Promise<string> {
    const res = await tenant.manager.post('/api/v1/org-units', { name, type: parentId ? 'department' : 'faculty', ...(parentId ? { parentId } : {}) });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  }

  /** A bare person row is all an engagement needs. */
  async function person(tenant: Tenant, name: string): Promise<string> {
    const id = newId();
    const now = new Date().toISOString();
    await app().handle.db.insertInto('people').values({
      id, institution_id: tenant.institutionId, name, email: null, phone: null, motivations: null, needs: null, challenges: null,
      preferred_channel: null, is_champion: 0, influence: null, interest: null, stay_in_touch_days: null, tags: '[]', notes: null, created_at: now, updated_at: now,
    }).execute();
    return id;
  }

  async function log(agent: Agent, tenant: Tenant, body: Record<string, unknown>): Promise<EngagementWriteDto> {
    const res = await agent.post('/api/v1/engagements', { typeId: types(tenant).meeting, occurredOn: '2024-05-01', summary: 'A meeting', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<EngagementWriteDto>();
  }

  return { loadVocab, types, themes, unit, person, log };
}
