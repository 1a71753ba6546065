export type TableFormat = 'csv' | 'tsv' | 'xlsx';

/** line: where the row starts (1 = the file's first line), or the sheet's row number in XLSX */
export interface TableRow { line: number; cells: string[] }
