/**
 * The evidence tables (migration 0007): evidence snapshots, impact evaluations, metrics and the
 * import framework. Same portable conventions as types.ts, which re-exports these and adds them to Database.
 */

export type EvidenceKind = 'quote' | 'feedback' | 'observation' | 'external_examiner' | 'student_comment' | 'survey_result' | 'figure';

export interface EvidenceTable {
  id: string;
  institution_id: string;
  kind: EvidenceKind;
  text: string;
  source_person_id: string | null;
  source_text: string | null;
  occurred_on: string;
  attribution: 'named' | 'anonymous';
  consent_recorded: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface EvidenceOrgUnitTable { evidence_id: string; org_unit_id: string; institution_id: string }
export interface EvidenceThemeTable { evidence_id: string; theme_id: string; institution_id: string }
export interface EvidenceGoalTable { evidence_id: string; goal_id: string; institution_id: string }
export interface EvidenceEngagementTable { evidence_id: string; engagement_id: string; institution_id: string }
export interface EvidenceOpportunityTable { evidence_id: string; opportunity_id: string; institution_id: string }
export interface EvidenceActionTable { evidence_id: string; action_id: string; institution_id: string }
export interface EvidenceCampaignTable { evidence_id: string; campaign_id: string; institution_id: string }

export type MetricDirection = 'higher_better' | 'lower_better';
export type MetricPeriodKind = 'academic_year' | 'month';

export interface MetricDefinitionTable {
  id: string;
  institution_id: string;
  name: string;
  unit: string;
  direction: MetricDirection;
  source: string | null;
  period_kind: MetricPeriodKind;
  description: string | null;
  created_at: string;
  updated_at: string;
}

/** One figure: natural key (metric_id, org_unit_id, period); period is 'YYYY' (academic year starting) or 'YYYY-MM'. */
export interface MetricValueTable {
  metric_id: string;
  org_unit_id: string;
  period: string;
  institution_id: string;
  value: number;
  import_job_id: string | null;
  updated_at: string;
}

export type ImpactStatus = 'planned' | 'in_progress' | 'complete';

export interface ImpactEvaluationTable {
  id: string;
  institution_id: string;
  initiative: string;
  aims: string | null;
  success_criteria: string | null;
  impact_indicators: string | null;
  what_we_did: string | null;
  what_we_learned: string | null;
  how_we_acted: string | null;
  how_we_measured: string | null;
  short_term_outcomes: string | null;
  long_term_outcomes: string | null;
  status: ImpactStatus;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface ImpactObjectiveTable { id: string; evaluation_id: string; institution_id: string; text: string; sort_order: number }
export interface ImpactCommunicationTable {
  id: string;
  evaluation_id: string;
  institution_id: string;
  audience: string;
  communicated_on: string | null;
  how: string;
  sort_order: number;
}
export interface ImpactEvaluationOrgUnitTable { evaluation_id: string; org_unit_id: string; institution_id: string }
export interface ImpactEvaluationGoalTable { evaluation_id: string; goal_id: string; institution_id: string }
export interface ImpactEvaluationEngagementTable { evaluation_id: string; engagement_id: string; institution_id: string }
export interface ImpactEvaluationEvidenceTable { evaluation_id: string; evidence_id: string; institution_id: string }
export interface ImpactEvaluationMetricTable { evaluation_id: string; metric_id: string; institution_id: string }

export type ImportStatus = 'uploaded' | 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export type ImportFormat = 'csv' | 'tsv' | 'xlsx';

export interface ImportJobTable {
  id: string;
  institution_id: string;
  source: string;
  file_name: string;
  format: ImportFormat;
  byte_size: number;
  sha256: string;
  stored_path: string;
  status: ImportStatus;
  columns: string;
  /** JSON object: a report's header block (COUNTER), or null */
  preamble: string | null;
  mapping: string | null;
  options: string | null;
  total_rows: number | null;
  processed_rows: number;
  imported_rows: number;
  rejected_rows: number;
  error: string | null;
  created_by: string | null;
  started_at: string | null;
  heartbeat_at: string | null;
  finished_at: string | null;
  created_at: string;
  updated_at: string;
}
export interface ImportRowErrorTable { job_id: string; institution_id: string; line: number; column_name: string | null; message: string }
export interface ImportMappingTable { institution_id: string; source: string; mapping: string; options: string | null; updated_at: string }

/** The evidence part of the Database interface. */
export interface EvidenceTables {
  evidence: EvidenceTable;
  evidence_org_units: EvidenceOrgUnitTable;
  evidence_themes: EvidenceThemeTable;
  evidence_goals: EvidenceGoalTable;
  evidence_engagements: EvidenceEngagementTable;
  evidence_opportunities: EvidenceOpportunityTable;
  evidence_actions: EvidenceActionTable;
  evidence_campaigns: EvidenceCampaignTable;
  metric_definitions: MetricDefinitionTable;
  metric_values: MetricValueTable;
  impact_evaluations: ImpactEvaluationTable;
  impact_objectives: ImpactObjectiveTable;
  impact_communications: ImpactCommunicationTable;
  impact_evaluation_org_units: ImpactEvaluationOrgUnitTable;
  impact_evaluation_goals: ImpactEvaluationGoalTable;
  impact_evaluation_engagements: ImpactEvaluationEngagementTable;
  impact_evaluation_evidence: ImpactEvaluationEvidenceTable;
  impact_evaluation_metrics: ImpactEvaluationMetricTable;
  import_jobs: ImportJobTable;
  import_row_errors: ImportRowErrorTable;
  import_mappings: ImportMappingTable;
}
