/* PLACEHOLDER: the tables of this import source, filled by the helper building it. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the source's own tables
export interface CounterTables {}
