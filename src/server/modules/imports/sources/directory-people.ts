import { z } from 'zod';
import type { Executor, PersonTable, PositionTable } from '../../../db/types.ts';
import { newId } from '../../../lib/ids.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import { comparableName as nameKey } from '../../people/duplicates.ts';
import { reindexPerson } from '../../people/people.search.ts';
import { codeKey, loadUnitCodes } from '../code-maps.ts';
import type { Checked, JobRef, RowIssue, SourceRun } from './types.ts';

export interface PersonRow {
  name: string;
  /** folded, spaces collapsed: how a name is matched */
  nameKey: string;
  email: string | null;
  staffId: string | null;
  orgUnitId: string;
  title: string;
  titleKey: string;
  startDate: string | null;
  endDate: string | null;
}

const isEmail = (s: string) => z.email().safeParse(s).success;

/** '2024-09-01', '1/9/2024' or '01/09/2024' (day first, as UK HR systems write it) → 'YYYY-MM-DD'; else null. */
export function parseDay(text: string): string | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  let [y, mo, d] = m ? [m[1], m[2], m[3]] : [];
  if (!m && (m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text))) [y, mo, d] = [m[3], m[2], m[1]];
  if (!y || !mo || !d) return null;
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === iso ? iso : null;
}

interface Lookups { units: Map<string, string>; byEmail: Map<string, string>; byStaffId: Map<string, string> }

export async function loadPeopleLookups(ex: Executor, institutionId: string): Promise<Lookups> {
  const people = await ex.selectFrom('people').select(['id', 'email', 'external_id']).where('institution_id', '=', institutionId).execute();
  const byEmail = new Map<string, string>();
  const byStaffId = new Map<string, string>();
  for (const p of people) {
    if (p.email) byEmail.set(p.email.toLowerCase(), p.id);
    if (p.external_id) byStaffId.set(p.external_id, p.id);
  }
  return { units: await loadUnitCodes(ex, institutionId), byEmail, byStaffId };
}

function checkPerson(v: Record<string, string>, l: Lookups): Checked<PersonRow> {
  const issues: RowIssue[] = [];
  const too = (field: string, s: string, max: number) => s.length > max && issues.push({ field, message: `is longer than ${max} characters` });
  const name = (v.name ?? '').replace(/\s+/g, ' ');
  if (!name) issues.push({ field: 'name', message: 'is empty' });
  too('name', name, 200);
  const email = (v.email ?? '').toLowerCase() || null;
  if (email && (email.length > 320 || !isEmail(email))) issues.push({ field: 'email', message: `“${v.email}” is not an email address` });
  const staffId = v.staffId || null;
  if (staffId) too('staffId', staffId, 64);
  const orgUnitId = l.units.get(codeKey(v.orgUnitCode ?? ''));
  if (!orgUnitId) issues.push({ field: 'orgUnitCode', message: v.orgUnitCode ? `no department has the code “${v.orgUnitCode}”; import the org units first` : 'is empty' });
  const title = (v.title ?? '').replace(/\s+/g, ' ');
  if (!title) issues.push({ field: 'title', message: 'is empty' });
  too('title', title, 200);
  const day = (field: 'startDate' | 'endDate') => {
    const text = v[field] ?? '';
    const d = text ? parseDay(text) : null;
    if (text && !d) issues.push({ field, message: `“${text}” is not a date (2024-09-01 or 01/09/2024)` });
    return d;
  };
  const startDate = day('startDate');
  const endDate = day('endDate');
  if (startDate && endDate && endDate < startDate) issues.push({ field: 'endDate', message: 'is before the start date' });
  // the staff id names one person and the email another: which is right is for a person to decide
  const byStaff = staffId ? l.byStaffId.get(staffId) : undefined;
  const byEmail = email ? l.byEmail.get(email) : undefined;
  if (byStaff && byEmail && byStaff !== byEmail) issues.push({ field: 'email', message: `belongs to another person than staff id ${staffId ?? ''}; merge the two under People → Duplicates, or correct the file` });
  if (issues.length || !orgUnitId) return { ok: false, issues };
  return { ok: true, value: { name, nameKey: nameKey(name), email, staffId, orgUnitId, title, titleKey: nameKey(title), startDate, endDate } };
}

type PersonRef = Pick<PersonTable, 'id' | 'name' | 'email'> & { external_id: string | null };

/**
 * People with a position in each department: one row is one position. The person is found by staff
 * id, then by email, then (only when neither names someone else) by name among the department's
 * people; otherwise created. A row without an email whose name matches someone already in that
 * department is therefore not a problem but an update of that person. The position's natural key is
 * person + department + title; empty cells leave what Rapport holds alone.
 */
export function peopleRun(institutionId: string, lookups: Lookups): SourceRun<PersonRow> {
  return {
    check: (v) => checkPerson(v, lookups),
    key: (r) => `${r.staffId ? `s:${r.staffId}` : r.email ? `e:${r.email}` : `n:${r.nameKey}`}\u0000${r.orgUnitId}\u0000${r.titleKey}`,
    async write(trx, rows, job, now) {
      const inUnit = new Map<string, PersonRef[]>();
      const unitPeople = async (orgUnitId: string) => {
        let list = inUnit.get(orgUnitId);
        if (!list) {
          const found = await trx.selectFrom('people as p').innerJoin('positions as ps', 'ps.person_id', 'p.id').select(['p.id', 'p.name', 'p.email', 'p.external_id'])
            .where('p.institution_id', '=', institutionId).where('ps.org_unit_id', '=', orgUnitId).orderBy('p.id').execute();
          list = found.map((p) => ({ ...p, external_id: p.external_id ?? null }));
          inUnit.set(orgUnitId, list);
        }
        return list;
      };
      for (const r of rows) await writeRow(trx, job, now, r, unitPeople);
      return rows.length;
    },
  };
}

const personBy = async (trx: Executor, institutionId: string, column: 'email' | 'external_id', value: string): Promise<PersonTable | undefined> =>
  trx.selectFrom('people').selectAll().where('institution_id', '=', institutionId).where(column, '=', value).executeTakeFirst();

async function writeRow(trx: Executor, job: JobRef, now: string, r: PersonRow, unitPeople: (id: string) => Promise<PersonRef[]>): Promise<void> {
  const inst = job.institution_id;
  const actor = { institutionId: inst, userId: job.created_by, requestId: `import-${job.id}` };
  const emailHolder = r.email ? await personBy(trx, inst, 'email', r.email) : undefined;
  const staffHolder = r.staffId ? await personBy(trx, inst, 'external_id', r.staffId) : undefined;
  // someone else's staff id on the email's holder means they are two people
  const emailMatch = emailHolder && (!r.staffId || !emailHolder.external_id || emailHolder.external_id === r.staffId) ? emailHolder : undefined;
  let person = staffHolder ?? emailMatch;
  if (!person) {
    const same = (await unitPeople(r.orgUnitId)).find((p) => nameKey(p.name) === r.nameKey
      && (!r.email || !p.email || p.email === r.email) && (!r.staffId || !p.external_id || p.external_id === r.staffId));
    if (same) person = await trx.selectFrom('people').selectAll().where('id', '=', same.id).executeTakeFirstOrThrow();
  }
  let changed = false;
  if (person) {
    const patch: Partial<PersonTable> = {};
    if (person.name !== r.name) patch.name = r.name;
    if (r.email && person.email !== r.email && !emailHolder) patch.email = r.email;
    if (r.staffId && (person.external_id ?? null) !== r.staffId && !staffHolder) patch.external_id = r.staffId;
    if (Object.keys(patch).length) {
      await trx.updateTable('people').set({ ...patch, updated_at: now }).where('id', '=', person.id).execute();
      await recordAudit(trx, actor, { action: 'update', entityType: 'person', entityId: person.id, before: { ...person }, after: { ...person, ...patch } }, now);
      person = { ...person, ...patch };
      changed = true;
    }
  } else {
    person = {
      id: newId(), institution_id: inst, name: r.name, email: emailHolder ? null : r.email, external_id: r.staffId, phone: null, motivations: null, needs: null, challenges: null,
      preferred_channel: null, is_champion: 0, influence: null, interest: null, stay_in_touch_days: null, contact_cap: null, contact_cap_days: null, champion_since: null,
      tags: '[]', notes: null, created_at: now, updated_at: now,
    };
    await trx.insertInto('people').values(person).execute();
    await recordAudit(trx, actor, { action: 'create', entityType: 'person', entityId: person.id, after: { ...person } }, now);
    changed = true;
  }
  const list = await unitPeople(r.orgUnitId);
  if (!list.some((p) => p.id === person.id)) list.push({ id: person.id, name: person.name, email: person.email, external_id: person.external_id ?? null });
  if (await upsertPosition(trx, actor, person.id, r, now)) changed = true;
  if (changed) await reindexPerson(trx, inst, person.id, now.slice(0, 10));
}

/** The person's position with this title in this department, created or given the file's dates; true when written. */
async function upsertPosition(trx: Executor, actor: { institutionId: string; userId: string | null; requestId: string }, personId: string, r: PersonRow, now: string): Promise<boolean> {
  const held = await trx.selectFrom('positions').selectAll().where('person_id', '=', personId).where('org_unit_id', '=', r.orgUnitId).orderBy('id').execute();
  const before = held.find((p) => nameKey(p.title) === r.titleKey);
  if (!before) {
    const row: PositionTable = { id: newId(), institution_id: actor.institutionId, person_id: personId, org_unit_id: r.orgUnitId, title: r.title, start_date: r.startDate, end_date: r.endDate, created_at: now, updated_at: now };
    await trx.insertInto('positions').values(row).execute();
    await recordAudit(trx, actor, { action: 'create', entityType: 'position', entityId: row.id, after: { ...row } }, now);
    return true;
  }
  const patch: Partial<PositionTable> = {};
  if (r.startDate && r.startDate !== before.start_date) patch.start_date = r.startDate;
  if (r.endDate && r.endDate !== before.end_date) patch.end_date = r.endDate;
  if (!Object.keys(patch).length) return false;
  const after = { ...before, ...patch, updated_at: now };
  // a new start after the end Rapport holds: they took the post up again, so it is open once more (unless the file ends it)
  if (after.start_date && after.end_date && after.end_date < after.start_date) after.end_date = patch.end_date ?? null;
  await trx.updateTable('positions').set({ start_date: after.start_date, end_date: after.end_date, updated_at: now }).where('id', '=', before.id).execute();
  await recordAudit(trx, actor, { action: 'update', entityType: 'position', entityId: before.id, before: { ...before }, after: { ...after } }, now);
  return true;
}
