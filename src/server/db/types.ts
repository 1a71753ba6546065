import type { Generated, Kysely, Transaction } from 'kysely';
import type { EvidenceTables } from './evidence-types.ts';
import type { PlanningTables } from './planning-types.ts';
import type { ReportTables } from './report-types.ts';
import type { SourceTables } from './source-types.ts';

export type * from './evidence-types.ts';
export type * from './planning-types.ts';
export type * from './source-types.ts';
export type * from './figures-types.ts';
export type * from './counter-types.ts';
export type * from './capture-types.ts';
export type * from './report-types.ts';

/**
 * Kysely table types: the one description of the database the code relies on.
 * Portable types only: ids and timestamps are text (ISO-8601 UTC), dates are
 * 'YYYY-MM-DD' text, booleans are 0/1 integers, lists are JSON text.
 */
export interface InstitutionTable {
  id: string;
  name: string;
  academic_year_start_month: number;
  academic_year_start_day: number;
  time_zone: string;
  public_directory: number;
  /** library-initiated engagements a person may receive in contact_cap_days before Rapport warns; null = no default cap */
  contact_cap: number | null;
  contact_cap_days: number;
  /** JSON array of title fragments that make a position "key" for the breadth signal, e.g. "Head of" */
  key_titles: string;
  /** an open opportunity with no engagement or stage change for this many days is going cold */
  opportunity_cold_days: number;
  created_at: string;
  updated_at: string;
}

export interface TeamTable {
  id: string;
  institution_id: string;
  name: string;
  description: string | null;
  created_at: string;
  updated_at: string;
}

export type Role = 'admin' | 'manager' | 'librarian' | 'viewer';

export interface UserTable {
  id: string;
  institution_id: string;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  job_title: string | null;
  team_id: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string; // sha-256 of the cookie token
  user_id: string;
  institution_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export type OrgUnitType =
  | 'faculty'
  | 'department'
  | 'research_centre'
  | 'professional_service'
  | 'committee'
  | 'student_society';

export interface OrgUnitTable {
  id: string;
  institution_id: string;
  parent_id: string | null;
  type: OrgUnitType;
  name: string;
  code: string | null;
  status: 'active' | 'archived';
  description: string | null;
  created_at: string;
  updated_at: string;
}

export type VocabKind = 'engagement_type' | 'theme' | 'function';

export interface VocabTermTable {
  id: string;
  institution_id: string;
  kind: VocabKind;
  key: string;
  label: string;
  sort_order: number;
  active: number;
  /** engagement types only: how much one engagement adds to the depth signal */
  weight: number;
  created_at: string;
  updated_at: string;
}

export interface PersonTable {
  id: string;
  institution_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  motivations: string | null;
  needs: string | null;
  challenges: string | null;
  preferred_channel: string | null;
  is_champion: number;
  influence: number | null;
  interest: number | null;
  stay_in_touch_days: number | null;
  contact_cap: number | null;
  contact_cap_days: number | null;
  /** when the person became a library champion (a journey milestone) */
  champion_since: string | null;
  tags: string; // JSON array of strings
  notes: string | null;
  /** the staff id HR knows them by (directory import, migration 0009); optional so older writers need not name it */
  external_id?: string | null;
  created_at: string;
  updated_at: string;
}

export interface PositionTable {
  id: string;
  institution_id: string;
  person_id: string;
  org_unit_id: string;
  title: string;
  start_date: string | null;
  end_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface CoverageTable {
  id: string;
  institution_id: string;
  user_id: string;
  org_unit_id: string;
  function_id: string;
  start_date: string | null;
  end_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface EngagementTable {
  id: string;
  institution_id: string;
  type_id: string;
  occurred_on: string;
  duration_minutes: number | null;
  summary: string;
  outcome: string | null;
  follow_up: string | null;
  initiated_by: 'library' | 'partner';
  attendance: number | null;
  /** a key moment on the department's journey ("found our library champion"), or null */
  milestone: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EngagementPersonTable {
  engagement_id: string;
  person_id: string;
  institution_id: string;
  /** the engagement's date, copied so a person's last engagement is one index seek (migration 0005) */
  occurred_on: string;
}
export interface EngagementStaffTable {
  engagement_id: string;
  user_id: string;
  institution_id: string;
}
export interface EngagementOrgUnitTable {
  engagement_id: string;
  org_unit_id: string;
  institution_id: string;
  /** the engagement's date, copied so "last engagement per unit" is one index seek (migration 0003) */
  occurred_on: string;
  /** the engagement's type and initiator, copied so a unit's signals come from its index (migration 0005) */
  type_id: string;
  initiated_by: 'library' | 'partner';
}

/** Per unit, person and academic year: when they were first and last engaged together, and how often (migration 0005). */
export interface UnitPersonYearTable {
  institution_id: string;
  org_unit_id: string;
  person_id: string;
  /** the calendar year the academic year starts in */
  ay: number;
  first_on: string;
  last_on: string;
  engagements: number;
}
export interface UnitThemeYearTable {
  institution_id: string;
  org_unit_id: string;
  theme_id: string;
  ay: number;
  first_on: string;
  last_on: string;
  engagements: number;
}
export interface EngagementThemeTable {
  engagement_id: string;
  theme_id: string;
  institution_id: string;
}

export type MaturityLevel = 'none' | 'provider' | 'partner' | 'pioneer';

export interface MaturityAssessmentTable {
  id: string;
  institution_id: string;
  org_unit_id: string | null;
  person_id: string | null;
  level: MaturityLevel;
  assessed_on: string;
  rationale: string;
  assessed_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface MaturityEngagementTable {
  assessment_id: string;
  engagement_id: string;
  institution_id: string;
}

export type Cadence = 'termly' | 'yearly' | 'per_meeting' | 'once';

export interface PartnershipTemplateTable {
  id: string;
  institution_id: string;
  name: string;
  description: string | null;
  applies_to: 'all_departments' | 'units';
  active: number;
  created_at: string;
  updated_at: string;
}

export interface PartnershipActivityTable {
  id: string;
  institution_id: string;
  template_id: string;
  name: string;
  /** the engagement type that counts */
  type_id: string;
  /** optionally: only when someone met holds a current position whose title contains this (folded) */
  position_title: string | null;
  cadence: Cadence;
  /** per_meeting only: meetings a year (1–12) */
  per_year: number | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface PartnershipTemplateUnitTable {
  template_id: string;
  org_unit_id: string;
  institution_id: string;
  include_descendants: number;
}

export interface NudgeStateTable {
  id: string;
  institution_id: string;
  user_id: string;
  nudge_key: string;
  state: 'snoozed' | 'dismissed';
  /** snoozed: the first day it shows again */
  until: string | null;
  reason: string | null;
  created_at: string;
}

export interface AuditTable {
  id: string;
  institution_id: string;
  user_id: string | null;
  /** 'view': a share link was opened (every use of a share link is audited) */
  action: 'create' | 'update' | 'delete' | 'login' | 'logout' | 'view';
  entity_type: string;
  entity_id: string;
  changes: string; // JSON: { field: { before, after } }
  request_id: string | null;
  at: string;
}

export type SearchEntityType = 'org_unit' | 'person' | 'engagement';

/**
 * Search documents, folded (lower case, no diacritics) in JS so both databases
 * see the same text. SQLite indexes them with an external-content FTS5 table,
 * PostgreSQL with a generated tsvector column; see dialect.ts.
 */
export interface SearchDocumentTable {
  doc_id: Generated<number>;
  entity_type: SearchEntityType;
  entity_id: string;
  institution_id: string;
  title: string;
  subtitle: string | null;
  folded_title: string;
  folded_body: string;
}

export interface Database extends PlanningTables, EvidenceTables, SourceTables, ReportTables {
  institutions: InstitutionTable;
  teams: TeamTable;
  users: UserTable;
  sessions: SessionTable;
  org_units: OrgUnitTable;
  vocab_terms: VocabTermTable;
  people: PersonTable;
  positions: PositionTable;
  coverage: CoverageTable;
  engagements: EngagementTable;
  engagement_people: EngagementPersonTable;
  engagement_staff: EngagementStaffTable;
  engagement_org_units: EngagementOrgUnitTable;
  engagement_themes: EngagementThemeTable;
  unit_person_years: UnitPersonYearTable;
  unit_theme_years: UnitThemeYearTable;
  maturity_assessments: MaturityAssessmentTable;
  maturity_engagements: MaturityEngagementTable;
  partnership_templates: PartnershipTemplateTable;
  partnership_activities: PartnershipActivityTable;
  partnership_template_units: PartnershipTemplateUnitTable;
  nudge_states: NudgeStateTable;
  audit_log: AuditTable;
  search_documents: SearchDocumentTable;
}

export type Db = Kysely<Database>;
/** A repository takes either the database or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;
