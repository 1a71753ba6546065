export const USAGE = `rapport: relationship management for university libraries

Usage:
  rapport digest
      Email every active user the nudges that need their attention (managers and admins: the
      team's) through RAPPORT_SMTP_URL. Off unless that is set; schedule it weekly (cron).
  rapport import <source> <file> [--map field=Column ...] [--option key=value ...] [--metric NAME] [--as EMAIL] [--institution-id ID]
      Import a CSV, TSV or XLSX file with a progress bar, through the same checks as the app's
      Imports page. Sources: directory, engagements, metrics, nss, counter, loans, readingLists,
      codeMaps. Columns are matched to fields by the mapping remembered from the last import of
      this source, else by their headers; --map overrides one. --option sets one of the source's
      choices (e.g. kind=cah for codeMaps). --metric names the metric for a file without a
      Metric column. Runs as --as EMAIL or the first admin.
      Exit code 1 when rows were rejected; their problems are on the import's page.
  rapport report --year YYYY --out DIR [--as EMAIL] [--institution-id ID]
      Write every active department's annual report for the academic year starting in YYYY as a
      PDF into DIR, one at a time, with a progress bar. Runs as --as EMAIL or the first admin.
  rapport migrate
      Bring the database schema up to date.
  rapport seed --demo [--seed S]
      Load the demo university (University of Northmoor); refuses if it is already there.
  rapport seed --scale N [--seed S]
      Load synthetic data at N times a large university (N may be a fraction, e.g. 0.01).
  rapport user create --email E --name N --role R [--institution-id ID | --institution-name NAME]
      Create a user. The password comes from RAPPORT_USER_PASSWORD (preferred: it stays out of
      the process list and shell history) or --password; at least 12 characters.
      R is admin, manager, librarian or viewer. Without an institution option the only
      institution is used; --institution-name uses the institution of that name or creates it.
  rapport help
      Show this help.

The database comes from the environment, as for the server: DATABASE_URL (postgres://…)
or SQLITE_PATH (default ./data/rapport.sqlite). Every command brings the schema up to date first.

Exit codes: 0 done, 1 failed, 2 bad usage.
`;
