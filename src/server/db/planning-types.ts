/**
 * The planning tables (migration 0006): strategic goals, campaigns, opportunities, action plans and
 * share links. Same portable conventions as types.ts, which re-exports these and adds them to Database.
 */

/** A library's or the institution's strategic goal (parent_id null) or an objective under one. */
export interface GoalTable {
  id: string;
  institution_id: string;
  parent_id: string | null;
  owner: 'library' | 'institution';
  title: string;
  description: string | null;
  sort_order: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface CampaignTable {
  id: string;
  institution_id: string;
  name: string;
  purpose: string | null;
  message: string | null;
  starts_on: string;
  ends_on: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface CampaignOrgUnitTable { campaign_id: string; org_unit_id: string; institution_id: string }
export interface CampaignGoalTable { campaign_id: string; goal_id: string; institution_id: string }
export interface EngagementGoalTable { engagement_id: string; goal_id: string; institution_id: string }
export interface EngagementCampaignTable { engagement_id: string; campaign_id: string; institution_id: string }

export type OpportunityStage = 'spotted' | 'hook_found' | 'approached' | 'piloting' | 'embedded' | 'declined' | 'lapsed';
export type TriggerKind = 'external_examiner' | 'nss_results' | 'curriculum_review' | 'new_programme' | 'funding_call' | 'incoming_request' | 'other';

export interface OpportunityTable {
  id: string;
  institution_id: string;
  title: string;
  trigger_kind: TriggerKind;
  trigger_text: string | null;
  trigger_engagement_id: string | null;
  /** the evidence it was spotted in (migration 0015) */
  trigger_evidence_id: string | null;
  hook: string | null;
  /** 1–5 */
  value: number;
  /** 1–5 */
  effort: number;
  window_closes_on: string | null;
  east_easy: string | null;
  east_attractive: string | null;
  east_social: string | null;
  east_timely: string | null;
  is_pilot: number;
  owner_id: string | null;
  stage: OpportunityStage;
  closed_reason: string | null;
  stage_changed_on: string;
  milestone: string | null;
  milestone_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface OpportunityOrgUnitTable { opportunity_id: string; org_unit_id: string; institution_id: string }
export interface OpportunityPersonTable { opportunity_id: string; person_id: string; institution_id: string }
export interface OpportunityGoalTable { opportunity_id: string; goal_id: string; institution_id: string }
export interface OpportunityEngagementTable { opportunity_id: string; engagement_id: string; institution_id: string }
export interface OpportunityProofTable { opportunity_id: string; proof_id: string; institution_id: string }
export interface OpportunityStageChangeTable {
  id: string;
  institution_id: string;
  opportunity_id: string;
  from_stage: OpportunityStage | null;
  to_stage: OpportunityStage;
  reason: string | null;
  changed_on: string;
  changed_by: string | null;
  created_at: string;
}

export type PlanStatus = 'draft' | 'agreed' | 'in_progress' | 'reviewed';
export type ActionStatus = 'not_started' | 'in_progress' | 'done' | 'dropped';

export interface ActionPlanTable {
  id: string;
  institution_id: string;
  org_unit_id: string;
  year: number;
  status: PlanStatus;
  agreed_by: string | null;
  agreed_on: string | null;
  agreed_via: 'recorded' | 'share_link' | null;
  review_notes: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface PlanObjectiveTable {
  id: string;
  institution_id: string;
  plan_id: string;
  title: string;
  goal_id: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
}
export interface PlanActionTable {
  id: string;
  institution_id: string;
  plan_id: string;
  objective_id: string | null;
  title: string;
  owner_id: string | null;
  partner_person_id: string | null;
  due_on: string | null;
  status: ActionStatus;
  notes: string | null;
  carried_from_id: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
}
export interface PlanActionEngagementTable { action_id: string; engagement_id: string; institution_id: string }
export interface PlanCommentTable {
  id: string;
  institution_id: string;
  plan_id: string;
  author_name: string;
  user_id: string | null;
  via: 'staff' | 'share_link';
  body: string;
  created_at: string;
}

export type ShareSubject = 'action_plan' | 'annual_report';
export interface ShareLinkTable {
  id: string;
  institution_id: string;
  token_hash: string;
  subject_type: ShareSubject;
  subject_id: string;
  label: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** The planning part of the Database interface. */
export interface PlanningTables {
  goals: GoalTable;
  campaigns: CampaignTable;
  campaign_org_units: CampaignOrgUnitTable;
  campaign_goals: CampaignGoalTable;
  engagement_goals: EngagementGoalTable;
  engagement_campaigns: EngagementCampaignTable;
  opportunities: OpportunityTable;
  opportunity_org_units: OpportunityOrgUnitTable;
  opportunity_people: OpportunityPersonTable;
  opportunity_goals: OpportunityGoalTable;
  opportunity_engagements: OpportunityEngagementTable;
  opportunity_proofs: OpportunityProofTable;
  opportunity_stage_changes: OpportunityStageChangeTable;
  action_plans: ActionPlanTable;
  plan_objectives: PlanObjectiveTable;
  plan_actions: PlanActionTable;
  plan_action_engagements: PlanActionEngagementTable;
  plan_comments: PlanCommentTable;
  share_links: ShareLinkTable;
}
