import { MAX_SUMMARY, type InitiatedBy } from '../../../../shared/contracts/engagements.ts';
import type { Executor } from '../../../db/types.ts';
import { fold } from '../../../lib/text.ts';
import { codeKey, loadUnitCodes } from '../code-maps.ts';
import { parseCount, parseDuration, parseInitiator, parseWhen, splitEmails, splitList, type DateOrder } from './engagement-cells.ts';
import { MAX_REFERENCE, naturalKey, referenceKey } from './engagement-refs.ts';
import type { Checked, RowIssue } from './types.ts';

/** One row as it will be written: ids resolved, cells read. */
export interface EngagementImportRow {
  /** the natural key: the booking reference within its system, else derived from the row (engagement-refs.ts) */
  refKey: string;
  sourceRef: string | null;
  typeId: string;
  occurredOn: string;
  durationMinutes: number | null;
  summary: string;
  outcome: string | null;
  initiatedBy: InitiatedBy;
  attendance: number | null;
  personIds: string[];
  /** empty: the importer, on a new engagement */
  staffIds: string[];
  orgUnitIds: string[];
}

interface Type { id: string; label: string; active: boolean }

/** What checking rows needs, loaded once per job. */
export interface Lookups {
  /** folded label, key, and key with spaces → type */
  types: Map<string, Type>;
  defaultType: Type | null;
  units: Map<string, string>;
  /** folded email → the people with it (normally one) */
  people: Map<string, string[]>;
  users: Map<string, string>;
  /** the last date an engagement may carry (a year ahead) */
  latest: string;
  order: DateOrder;
  system: string;
}

const MAX_DURATION = 1440;
const MAX_ATTENDANCE = 100_000;
const MAX_OUTCOME = 5000;

const typeNames = (t: { key: string; label: string }) => [fold(t.label.trim()), fold(t.key), fold(t.key.replace(/_/g, ' '))];

/** The engagement types (retired ones too, to say so), departments by code, people and staff by address. */
export async function loadLookups(ex: Executor, institutionId: string): Promise<Omit<Lookups, 'defaultType' | 'latest' | 'order' | 'system'> & { typeByKey: Map<string, Type> }> {
  const terms = await ex.selectFrom('vocab_terms').select(['id', 'key', 'label', 'active']).where('institution_id', '=', institutionId).where('kind', '=', 'engagement_type')
    .orderBy('sort_order').execute();
  const types = new Map<string, Type>();
  const typeByKey = new Map<string, Type>();
  for (const t of terms) {
    const type = { id: t.id, label: t.label, active: t.active === 1 };
    typeByKey.set(t.key, type);
    // an active type wins a name shared with a retired one
    for (const name of typeNames(t)) if (!types.get(name)?.active) types.set(name, type);
  }
  const people = new Map<string, string[]>();
  const persons = await ex.selectFrom('people').select(['id', 'email']).where('institution_id', '=', institutionId).where('email', 'is not', null).execute();
  for (const p of persons) {
    const key = (p.email ?? '').trim().toLowerCase();
    if (key) people.set(key, [...(people.get(key) ?? []), p.id]);
  }
  // staff who have left still ran the sessions they ran: inactive accounts are matched too
  const staff = await ex.selectFrom('users').select(['id', 'email']).where('institution_id', '=', institutionId).execute();
  return { types, typeByKey, units: await loadUnitCodes(ex, institutionId), people, users: new Map(staff.map((u) => [u.email.trim().toLowerCase(), u.id])), };
}

const quoted = (items: string[]) => items.map((i) => `“${i}”`).join(', ');

/** Resolves each address through `ids`; the ones that match nobody (or several) become one issue on `field`. */
function matchEmails(text: string, field: string, ids: (email: string) => string[], what: string, issues: RowIssue[]): string[] {
  const out = new Set<string>();
  const unknown: string[] = [];
  const ambiguous: string[] = [];
  for (const email of splitEmails(text)) {
    const found = ids(email.toLowerCase());
    if (found.length === 1) out.add(found[0] as string);
    else (found.length ? ambiguous : unknown).push(email);
  }
  if (unknown.length) issues.push({ field, message: `${quoted(unknown)} ${unknown.length > 1 ? 'match' : 'matches'} no ${what} in Rapport` });
  if (ambiguous.length) issues.push({ field, message: `${quoted(ambiguous)} ${ambiguous.length > 1 ? 'are each' : 'is'} the address of several people; give each their own` });
  return [...out];
}

/** One row's cells → the engagement to write, or its problems by field. */
export function checkEngagement(v: Record<string, string>, l: Lookups): Checked<EngagementImportRow> {
  const issues: RowIssue[] = [];
  const when = v.date ? parseWhen(v.date, l.order) : null;
  if (!when) issues.push({ field: 'date', message: v.date ? `“${v.date}” is not a date (e.g. 2026-03-04, 04/03/2026 or 4 Mar 2026)` : 'is empty' });
  else if (when.date > l.latest) issues.push({ field: 'date', message: `${when.date} is more than a year from today` });

  let type: Type | null = l.defaultType;
  if (v.type) {
    type = l.types.get(fold(v.type.replace(/\s+/g, ' '))) ?? null;
    if (!type) issues.push({ field: 'type', message: `no engagement type is called “${v.type}”; add it under engagement types, or correct the cell` });
    else if (!type.active) issues.push({ field: 'type', message: `“${type.label}” is a retired engagement type; choose one in use` });
  } else if (!type) issues.push({ field: 'type', message: 'is empty' });

  const summary = (v.summary ?? '').trim() || (type?.label ?? '');
  if (summary.length > MAX_SUMMARY) issues.push({ field: 'summary', message: `is longer than ${MAX_SUMMARY} characters` });
  const outcome = (v.outcome ?? '').trim() || null;
  if (outcome && outcome.length > MAX_OUTCOME) issues.push({ field: 'outcome', message: `is longer than ${MAX_OUTCOME} characters` });

  const codes = splitList(v.departments ?? '');
  const unknownCodes = codes.filter((c) => !l.units.has(codeKey(c)));
  if (unknownCodes.length) issues.push({ field: 'departments', message: `no department has the code ${quoted(unknownCodes)}` });
  const orgUnitIds = [...new Set(codes.flatMap((c) => l.units.get(codeKey(c)) ?? []))];
  const personIds = matchEmails(v.people ?? '', 'people', (e) => l.people.get(e) ?? [], 'person', issues);
  const staffIds = matchEmails(v.staff ?? '', 'staff', (e) => { const id = l.users.get(e); return id ? [id] : []; }, 'member of staff', issues);
  // an engagement is always with someone (the service's rule): a department or a person
  if (!codes.length && !(v.people ?? '').trim()) issues.push({ field: 'departments', message: 'name a department (or map a people column): every engagement is with someone' });

  let durationMinutes: number | null = null;
  if (v.duration) {
    durationMinutes = parseDuration(v.duration);
    if (durationMinutes === null) issues.push({ field: 'duration', message: `“${v.duration}” is not a duration (e.g. 90, 1:30 or 1.5 hours)` });
    else if (durationMinutes > MAX_DURATION) issues.push({ field: 'duration', message: `“${v.duration}” is more than a day` });
  }
  let attendance: number | null = null;
  if (v.attendance) {
    attendance = parseCount(v.attendance);
    if (attendance === null) issues.push({ field: 'attendance', message: `“${v.attendance}” is not a whole number` });
    else if (attendance > MAX_ATTENDANCE) issues.push({ field: 'attendance', message: `is more than ${MAX_ATTENDANCE.toLocaleString('en-GB')}` });
  }
  const initiatedBy = parseInitiator(v.initiatedBy ?? '');
  if (!initiatedBy) issues.push({ field: 'initiatedBy', message: `“${v.initiatedBy}” is neither library nor partner` });
  const reference = (v.reference ?? '').trim();
  if (reference.length > MAX_REFERENCE) issues.push({ field: 'reference', message: `is longer than ${MAX_REFERENCE} characters` });

  if (issues.length || !when || !type || !initiatedBy) return { ok: false, issues };
  const refKey = reference ? referenceKey(l.system, reference) : naturalKey({ occurredOn: when.date, time: when.time, typeId: type.id, summary, orgUnitIds });
  return {
    ok: true,
    value: { refKey, sourceRef: reference || null, typeId: type.id, occurredOn: when.date, durationMinutes, summary, outcome, initiatedBy, attendance, personIds, staffIds, orgUnitIds },
  };
}
