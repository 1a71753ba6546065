/* COUNTER Release 5 / 5.1 usage (migration 0012); same portable conventions as types.ts. */

/** One count: a report line (title, platform, breakdown, metric type) in one month, for the whole institution. */
export interface CounterUsageTable {
  institution_id: string;
  report_id: string;
  /** counterLineKey of the line's parts (migration 0016): the key, with month */
  line_key: string;
  platform: string;
  platform_key: string;
  title: string;
  title_key: string;
  item_key: string;
  publisher: string | null;
  doi: string | null;
  proprietary_id: string | null;
  isbn: string | null;
  print_issn: string | null;
  online_issn: string | null;
  data_type: string;
  access_type: string;
  access_method: string;
  yop: string;
  metric_type: string;
  /** 'YYYY-MM' */
  month: string;
  count: number;
  import_job_id: string | null;
  updated_at: string;
}

export interface CounterTables {
  counter_usage: CounterUsageTable;
}
