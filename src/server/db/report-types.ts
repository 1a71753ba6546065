/* Annual departmental reports (issue 7): only what people write; the figures are computed. */

export interface AnnualReportTable {
  id: string;
  institution_id: string;
  org_unit_id: string;
  year: number;
  introduction: string | null;
  conclusion: string | null;
  discussed_on: string | null;
  discussion_notes: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface ReportThemeTable { report_id: string; institution_id: string; theme: string; theme_key: string }
export interface ReportProposedActionTable { id: string; report_id: string; institution_id: string; title: string; notes: string | null; sort_order: number }

export interface ReportTables {
  annual_reports: AnnualReportTable;
  report_themes: ReportThemeTable;
  report_proposed_actions: ReportProposedActionTable;
}
