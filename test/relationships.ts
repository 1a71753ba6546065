import { expect } from 'vitest';
import type { EngagementWriteDto } from '../src/shared/contracts/engagements.ts';
import type { PersonDto } from '../src/shared/contracts/people.ts';
import type { MaturityAssessmentDto, PersonSignalsDto, SignalWindowDto, UnitSignalsDto } from '../src/shared/contracts/relationships.ts';
import type { Agent, Tenant, TestApp } from './app.ts';
import { engagementFixtures } from './engagements.ts';

/** "Today" for the relationship tests: 15 March 2026 in Europe/London, in the 2025–26 academic year. */
export const clock = { now: () => new Date('2026-03-15T12:00:00Z') };

export interface Engage {
  type?: string;
  on: string;
  by?: 'library' | 'partner';
  people?: string[];
  units?: string[];
  themes?: string[];
  staff?: string[];
  milestone?: string;
  summary?: string;
}

/** Factories over the HTTP API for the relationship tests; `app` is read when called. */
export function relationshipFixtures(app: () => TestApp) {
  const base = engagementFixtures(app);

  async function orgUnit(tenant: Tenant, name: string, type: 'faculty' | 'department', parentId?: string): Promise<string> {
    const res = await tenant.manager.post('/api/v1/org-units', { name, type, ...(parentId ? { parentId } : {}) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  }

  /** A partner contact through POST /api/v1/people (created "today" by the test clock). */
  async function person(tenant: Tenant, name: string, body: Record<string, unknown> = {}): Promise<string> {
    const res = await tenant.librarian.post('/api/v1/people', { name, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<PersonDto>().id;
  }

  /** Logs an engagement by type key and theme keys. */
  async function engage(agent: Agent, tenant: Tenant, e: Engage): Promise<EngagementWriteDto> {
    const typeId = base.types(tenant)[e.type ?? 'meeting'];
    expect(typeId, `engagement type ${e.type}`).toBeDefined();
    const res = await agent.post('/api/v1/engagements', {
      typeId, occurredOn: e.on, summary: e.summary ?? `${e.type ?? 'meeting'} on ${e.on}`, initiatedBy: e.by ?? 'library',
      personIds: e.people ?? [], orgUnitIds: e.units ?? [], themeIds: (e.themes ?? []).map((k) => base.themes(tenant)[k]),
      ...(e.staff ? { staffIds: e.staff } : {}), ...(e.milestone ? { milestone: e.milestone } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<EngagementWriteDto>();
  }

  async function unitSignals(agent: Agent, unitId: string, query = ''): Promise<{ window: SignalWindowDto; signals: UnitSignalsDto }> {
    const res = await agent.get(`/api/v1/org-units/${unitId}/signals${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  async function personSignals(agent: Agent, personId: string, query = ''): Promise<PersonSignalsDto> {
    const res = await agent.get(`/api/v1/people/${personId}/signals${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  async function assess(agent: Agent, body: Record<string, unknown>): Promise<MaturityAssessmentDto> {
    const res = await agent.post('/api/v1/maturity-assessments', { rationale: 'Judged from the year\'s work', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  async function settings(tenant: Tenant, body: Record<string, unknown>) {
    const res = await tenant.admin.patch('/api/v1/institution', body);
    expect(res.statusCode, res.body).toBe(200);
  }

  return { ...base, orgUnit, person, engage, unitSignals, personSignals, assess, settings };
}

/** The figures of a unit's signals a test crafts (everything but the unit, maturity and cadence). */
export const figures = (s: UnitSignalsDto) => ({
  engagements: s.engagements, perMonth: s.perMonth, people: s.people, keyPeople: s.keyPeople, themes: s.themes, depth: s.depth,
  partnerShare: s.partnerShare, lastEngagementOn: s.lastEngagementOn, daysSinceLast: s.daysSinceLast,
});

/** Cadence is tested with the partnership model; here only its shape. */
export function expectCadenceShape(c: UnitSignalsDto['cadence']) {
  if (c === null) return;
  for (const k of ['done', 'due', 'overdue'] as const) expect(Number.isInteger(c[k]) && c[k] >= 0, `cadence.${k}`).toBe(true);
}

/**
 * The crafted department of the signal tests: Chemistry (and Physics) in the Faculty of Science.
 * Key titles are the defaults ("Head of", "Dean", "Director"). Weights: meeting 2, email 0.5, call 1,
 * teaching_session 3, curriculum_review 4, workshop 3.
 *
 *   e0 2025-03-01 call              library  Sam     community_citizens   (2024–25, before the 365 days to today)
 *   e1 2025-07-20 meeting           library  Hannah  skills               (2024–25)
 *   e2 2025-08-01 teaching_session  library  Mo      skills               (2025–26, its first day)
 *   e3 2025-10-10 email             partner  Hannah  visibility
 *   e4 2026-01-20 curriculum_review partner  Quinn   skills, research_knowledge
 *   e5 2026-03-05 meeting           library  Rob     —
 *   e6 2026-04-20 workshop          library  Priya   education_learning   (planned: after today)
 *   e7 2025-11-01 meeting           library  Hannah  relations            (Physics, not Chemistry)
 *
 * Hannah is Head of Department (key), Quinn Associate Dean at the faculty (key: "Dean"), Mo a
 * module convenor, Rob a lecturer whose "Head of Teaching" post ended on 2025-12-31, Priya a
 * lecturer, Sam holds no position.
 */
export async function craftChemistry(f: ReturnType<typeof relationshipFixtures>, tenant: Tenant) {
  const science = await f.orgUnit(tenant, 'Faculty of Science', 'faculty');
  const chemistry = await f.orgUnit(tenant, 'Chemistry', 'department', science);
  const physics = await f.orgUnit(tenant, 'Physics', 'department', science);
  const at = (orgUnitId: string, title: string, dates: Record<string, string> = {}) => ({ orgUnitId, title, ...dates });
  const people = {
    hannah: await f.person(tenant, 'Hannah Head', { positions: [at(chemistry, 'Head of Department')] }),
    mo: await f.person(tenant, 'Mo Convenor', { positions: [at(chemistry, 'Module convenor')] }),
    quinn: await f.person(tenant, 'Quinn Dean', { positions: [at(science, 'Associate Dean (Research)')] }),
    rob: await f.person(tenant, 'Rob Lecturer', { positions: [at(chemistry, 'Lecturer'), at(chemistry, 'Head of Teaching', { startDate: '2020-01-01', endDate: '2025-12-31' })] }),
    priya: await f.person(tenant, 'Priya Lecturer', { positions: [at(chemistry, 'Lecturer in Organic Chemistry')] }),
    sam: await f.person(tenant, 'Sam Nobody'),
  };
  const lib = tenant.librarian;
  const e = {
    e0: await f.engage(lib, tenant, { type: 'call', on: '2025-03-01', people: [people.sam], units: [chemistry], themes: ['community_citizens'] }),
    e1: await f.engage(lib, tenant, { type: 'meeting', on: '2025-07-20', people: [people.hannah], units: [chemistry], themes: ['skills'] }),
    e2: await f.engage(lib, tenant, { type: 'teaching_session', on: '2025-08-01', people: [people.mo], units: [chemistry], themes: ['skills'] }),
    e3: await f.engage(lib, tenant, { type: 'email', on: '2025-10-10', by: 'partner', people: [people.hannah], units: [chemistry], themes: ['visibility'] }),
    e4: await f.engage(lib, tenant, { type: 'curriculum_review', on: '2026-01-20', by: 'partner', people: [people.quinn], units: [chemistry], themes: ['skills', 'research_knowledge'] }),
    e5: await f.engage(lib, tenant, { type: 'meeting', on: '2026-03-05', people: [people.rob], units: [chemistry] }),
    e6: await f.engage(lib, tenant, { type: 'workshop', on: '2026-04-20', people: [people.priya], units: [chemistry], themes: ['education_learning'] }),
    e7: await f.engage(lib, tenant, { type: 'meeting', on: '2025-11-01', people: [people.hannah], units: [physics], themes: ['relations'] }),
  };
  return { science, chemistry, physics, people, e };
}
