/* Outside figures kept as they arrived (migration 0011); department figures are derived into metric_values. */

export interface NssResultTable {
  institution_id: string;
  /** academic year surveyed, 'YYYY' ('2024' = 2024–25 = NSS 2025) */
  year: string;
  cah_code: string;
  cah_key: string;
  subject: string | null;
  /** 'Q19' */
  question: string;
  question_text: string | null;
  theme: string | null;
  /** 0–100, null when unpublished in the file */
  agree_pct: number | null;
  responses: number | null;
  population: number | null;
  /** 0–100 */
  response_rate: number | null;
  import_job_id: string | null;
  updated_at: string;
}

export interface LoanCountTable {
  institution_id: string;
  user_group: string;
  user_group_key: string;
  /** 'YYYY-MM' or 'YYYY' */
  period: string;
  count: number;
  import_job_id: string | null;
  updated_at: string;
}

export interface ReadingListTable {
  institution_id: string;
  year: string;
  module_code: string;
  module_key: string;
  module_name: string | null;
  hierarchy_code: string;
  hierarchy_key: string;
  /** '' for a module row without a list */
  list_key: string;
  list_id: string | null;
  list_title: string | null;
  item_count: number | null;
  /** 0/1 */
  has_list: number;
  import_job_id: string | null;
  updated_at: string;
}

export interface FiguresTables {
  nss_results: NssResultTable;
  loan_counts: LoanCountTable;
  reading_lists: ReadingListTable;
}
