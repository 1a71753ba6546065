import type { Insertable } from 'kysely';
import type { Database, VocabKind } from '../db/types.ts';
import { newId } from '../lib/ids.ts';
import { searchTitle } from '../modules/engagements/engagements.service.ts';
import { searchRow } from '../modules/search/search.index.ts';
import { TEAMS, type TeamKey } from './demo-data.ts';
import type { DemoPlan, PlanEngagement } from './demo-plan.ts';

/* The plan turned into table rows: ids are given here, in date order for engagements. */

type Rows<T extends keyof Database> = Insertable<Database[T]>[];

export interface DemoRows {
  teams: Rows<'teams'>;
  users: Rows<'users'>;
  org_units: Rows<'org_units'>;
  people: Rows<'people'>;
  positions: Rows<'positions'>;
  coverage: Rows<'coverage'>;
  engagements: Rows<'engagements'>;
  engagement_people: Rows<'engagement_people'>;
  engagement_staff: Rows<'engagement_staff'>;
  engagement_org_units: Rows<'engagement_org_units'>;
  engagement_themes: Rows<'engagement_themes'>;
  search_documents: Rows<'search_documents'>;
  maturity_assessments: Rows<'maturity_assessments'>;
  maturity_engagements: Rows<'maturity_engagements'>;
}

export interface RowContext {
  institutionId: string;
  /** ISO timestamp of the seeding */
  now: string;
  passwordHash: string;
  vocab: { id: string; kind: VocabKind; key: string; label: string }[];
}

function lookup<K, V>(map: Map<K, V>, key: K, what: string): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`demo data refers to an unknown ${what} "${typeof key === 'string' ? key : JSON.stringify(key)}"`);
  return v;
}

export function demoRows(plan: DemoPlan, ctx: RowContext): DemoRows {
  const inst = ctx.institutionId;
  const stamp = { created_at: ctx.now, updated_at: ctx.now };
  const vocabId = new Map(ctx.vocab.map((v) => [`${v.kind}:${v.key}`, v.id]));
  const vocabLabel = new Map(ctx.vocab.map((v) => [`${v.kind}:${v.key}`, v.label]));

  const teamIds = new Map<string, string>();
  const teams = (Object.keys(TEAMS) as TeamKey[]).map((key) => {
    const id = newId();
    teamIds.set(key, id);
    return { id, institution_id: inst, name: TEAMS[key].name, description: TEAMS[key].description, ...stamp };
  });

  const staffIds = new Map<string, string>();
  const users = plan.staff.map((s) => {
    const id = newId();
    staffIds.set(s.key, id);
    return {
      id, institution_id: inst, email: s.email, name: s.name, password_hash: ctx.passwordHash, role: s.role, job_title: s.jobTitle,
      team_id: s.team ? lookup(teamIds, s.team, 'team') : null, active: 1, ...stamp,
    };
  });

  const unitIds = new Map<string, string>();
  const unitNames = new Map<string, string>();
  for (const u of plan.units) {
    unitIds.set(u.code, newId());
    unitNames.set(u.code, u.name);
  }
  const org_units = plan.units.map((u) => ({
    id: lookup(unitIds, u.code, 'unit'), institution_id: inst, parent_id: u.parent ? lookup(unitIds, u.parent, 'unit') : null, type: u.type,
    name: u.name, code: u.code, status: 'active' as const, description: u.description, ...stamp,
  }));
  const search_documents: Rows<'search_documents'> = plan.units.map((u) => {
    const parentName = u.parent ? lookup(unitNames, u.parent, 'unit') : null;
    return searchRow({ type: 'org_unit', id: lookup(unitIds, u.code, 'unit'), institutionId: inst, title: u.name, subtitle: parentName, body: [u.code, u.description, parentName] });
  });

  const personIds = new Map<string, string>();
  const personNames = new Map<string, string>();
  const people: Rows<'people'> = [];
  const positions: Rows<'positions'> = [];
  for (const p of plan.people) {
    const id = newId();
    personIds.set(p.key, id);
    personNames.set(p.key, p.name);
    const tags = [...new Set(p.tags)];
    people.push({
      id, institution_id: inst, name: p.name, email: p.email, phone: p.phone, motivations: p.motivations, needs: p.needs, challenges: p.challenges,
      preferred_channel: p.channel, is_champion: p.champion ? 1 : 0, champion_since: p.championSince ?? null, influence: p.influence, interest: p.interest, stay_in_touch_days: p.stayInTouchDays,
      tags: JSON.stringify(tags), notes: p.notes, ...stamp,
    });
    for (const pos of p.positions) {
      positions.push({ id: newId(), institution_id: inst, person_id: id, org_unit_id: lookup(unitIds, pos.unit, 'unit'), title: pos.title, start_date: pos.start, end_date: pos.end, ...stamp });
    }
    // as the people service shows it: the current position that started last
    const current = p.positions.filter((x) => !x.end || x.end >= plan.today).sort((a, b) => (b.start ?? '').localeCompare(a.start ?? ''))[0];
    const subtitle = current ? `${current.title}, ${lookup(unitNames, current.unit, 'unit')}` : null;
    search_documents.push(searchRow({
      type: 'person', id, institutionId: inst, title: p.name, subtitle,
      body: [p.email, ...tags, ...p.positions.map((x) => x.title), ...p.positions.map((x) => unitNames.get(x.unit)), p.motivations, p.needs],
    }));
  }

  const coverage = plan.coverage.map((c) => ({
    id: newId(), institution_id: inst, user_id: lookup(staffIds, c.staff, 'staff member'), org_unit_id: lookup(unitIds, c.unit, 'unit'),
    function_id: lookup(vocabId, `function:${c.fn}`, 'function'), start_date: c.start, end_date: c.end, ...stamp,
  }));

  const rows: DemoRows = {
    teams, users, org_units, people, positions, coverage, search_documents,
    engagements: [], engagement_people: [], engagement_staff: [], engagement_org_units: [], engagement_themes: [], maturity_assessments: [], maturity_engagements: [],
  };
  const engagementIds = new Map<PlanEngagement, string>();
  for (const e of plan.engagements) {
    const id = newId();
    engagementIds.set(e, id);
    const logged = `${e.date}T16:30:00.000Z`;
    const at = logged < ctx.now ? logged : ctx.now;
    const typeId = lookup(vocabId, `engagement_type:${e.type}`, 'engagement type');
    rows.engagements.push({
      id, institution_id: inst, type_id: typeId, occurred_on: e.date, duration_minutes: e.duration,
      summary: e.summary, outcome: e.outcome, follow_up: e.followUp, initiated_by: e.initiatedBy, attendance: e.attendance, milestone: e.milestone ?? null,
      created_by: e.staff[0] ? lookup(staffIds, e.staff[0], 'staff member') : null, created_at: at, updated_at: at,
    });
    for (const k of new Set(e.people)) rows.engagement_people.push({ engagement_id: id, person_id: lookup(personIds, k, 'person'), institution_id: inst, occurred_on: e.date });
    for (const k of new Set(e.staff)) rows.engagement_staff.push({ engagement_id: id, user_id: lookup(staffIds, k, 'staff member'), institution_id: inst });
    for (const k of new Set(e.units)) {
      rows.engagement_org_units.push({ engagement_id: id, org_unit_id: lookup(unitIds, k, 'unit'), institution_id: inst, occurred_on: e.date, type_id: typeId, initiated_by: e.initiatedBy });
    }
    for (const k of new Set(e.themes)) rows.engagement_themes.push({ engagement_id: id, theme_id: lookup(vocabId, `theme:${k}`, 'theme'), institution_id: inst });
    // the same document the engagements service writes, so seeded and logged engagements are found alike
    const unitList = e.units.map((u) => lookup(unitNames, u, 'unit'));
    search_documents.push(searchRow({
      type: 'engagement', id, institutionId: inst, title: searchTitle(e.summary),
      subtitle: [vocabLabel.get(`engagement_type:${e.type}`), e.date, unitList.join(', ')].filter(Boolean).join(' · '),
      body: [e.summary, e.outcome, e.followUp, ...e.people.map((k) => personNames.get(k)), ...unitList],
    }));
  }
  for (const m of plan.maturity) {
    const id = newId();
    rows.maturity_assessments.push({
      id, institution_id: inst, org_unit_id: lookup(unitIds, m.unit, 'unit'), person_id: null, level: m.level, assessed_on: m.date, rationale: m.rationale,
      assessed_by: lookup(staffIds, m.staff, 'staff member'), ...stamp,
    });
    for (const c of m.cites) rows.maturity_engagements.push({ assessment_id: id, engagement_id: lookup(engagementIds, c, 'engagement'), institution_id: inst });
  }
  return rows;
}
