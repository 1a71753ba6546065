import type { EngagementTable, Executor } from '../../../db/types.ts';
import { invalid } from '../../../http/errors.ts';
import { systemClock } from '../../../lib/clock.ts';
import { newId } from '../../../lib/ids.ts';
import type { LinkKey, LinkSets } from '../../engagements/engagements.repository.ts';
import { latestOccurredOn } from '../../engagements/engagements.service.ts';
import { changeEngagement, indexEngagements, insertEngagementsWithLinks, linkSetsOf, sortedSets, type Writer } from '../../engagements/engagements.writes.ts';
import { defaultVocab } from '../../org/defaults.ts';
import { institutionRow } from '../../org/org.repository.ts';
import { refreshSummaries } from '../../relationships/summaries.ts';
import { optionText } from '../mapping.ts';
import type { DateOrder } from './engagement-cells.ts';
import { knownRefs, saveRefs } from './engagement-refs.ts';
import { checkEngagement, loadLookups, type EngagementImportRow } from './engagement-rows.ts';
import type { ImportSource } from './types.ts';

/** Fields a mapped column rewrites on a re-import; an unmapped one keeps what the engagement has (a hand-added outcome survives). */
const COLUMNS: [field: string, column: keyof EngagementTable, value: (r: EngagementImportRow) => unknown][] = [
  ['type', 'type_id', (r) => r.typeId],
  ['date', 'occurred_on', (r) => r.occurredOn],
  ['summary', 'summary', (r) => r.summary],
  ['duration', 'duration_minutes', (r) => r.durationMinutes],
  ['outcome', 'outcome', (r) => r.outcome],
  ['initiatedBy', 'initiated_by', (r) => r.initiatedBy],
  ['attendance', 'attendance', (r) => r.attendance],
];
const LINKS: [field: string, key: LinkKey][] = [['departments', 'orgUnitIds'], ['people', 'personIds'], ['staff', 'staffIds']];

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Engagements from booking and statistics tools (LibCal appointments, LibInsight teaching records)
 * or a team's own spreadsheet. Written through the engagements module's own write steps, so links,
 * per-unit summaries, search and the audit trail stay in step; a row with a booking reference
 * already imported updates that engagement.
 */
export const engagementsSource: ImportSource<EngagementImportRow> = {
  key: 'engagements',
  label: 'Engagements',
  description: 'Teaching sessions, consultations and meetings exported from a booking or statistics tool (LibCal, LibInsight) or kept in a spreadsheet. Departments are matched by code, people and staff by email address, types by name. Importing the same export again updates the engagements it logged rather than adding them twice.',
  // a librarian may log any engagement by hand (any department, any colleague as staff): importing their own bookings grants nothing more
  minRole: 'librarian',
  fields: [
    { key: 'date', label: 'Date', required: true, help: 'The day it happened, optionally with a time: 2026-03-04, 04/03/2026, 4 Mar 2026 or 04/03/2026 14:00.', hints: ['session date', 'appointment date', 'start time', 'from', 'date', 'start', 'when'] },
    { key: 'type', label: 'Type', required: false, help: 'An engagement type’s name, e.g. Teaching session or Consultation; otherwise choose the type below.', hints: ['engagement type', 'session type', 'category', 'type', 'format'] },
    { key: 'summary', label: 'Summary', required: false, help: 'What it was about; the type’s name when empty.', hints: ['session title', 'title', 'subject', 'question', 'summary', 'description', 'topic'] },
    { key: 'departments', label: 'Department codes', required: false, help: 'One or more department codes (COMP; MATH).', hints: ['department code', 'dept code', 'school code', 'department', 'school', 'dept'] },
    { key: 'people', label: 'People', required: false, help: 'Email addresses of the partners involved, separated by ; or ,. Each must be a person in Rapport.', hints: ['instructor email', 'academic email', 'contact email', 'attendee email', 'email'] },
    { key: 'staff', label: 'Library staff', required: false, help: 'Email addresses of the library staff who took part; the person importing when empty.', hints: ['librarian email', 'staff email', 'librarian', 'owner', 'staff'] },
    { key: 'duration', label: 'Duration', required: false, help: 'Minutes, h:mm, or words: 90, 1:30, 1.5 hours.', hints: ['duration', 'length', 'minutes', 'mins'] },
    { key: 'attendance', label: 'Attendance', required: false, help: 'How many attended (a whole number).', hints: ['number of attendees', 'attendees', 'attendance', 'participants', 'headcount', 'students'] },
    { key: 'initiatedBy', label: 'Initiated by', required: false, help: 'library or partner; library when empty.', hints: ['initiated by', 'initiated', 'requested by'] },
    { key: 'outcome', label: 'Outcome', required: false, help: 'What came of it.', hints: ['outcome', 'notes', 'follow up', 'comments'] },
    { key: 'reference', label: 'Reference', required: false, help: 'The booking or record id in the system the file comes from; a row with a reference already imported updates that engagement.', hints: ['booking id', 'appointment id', 'record id', 'reference', 'ref', 'id'] },
  ],
  options: [
    { key: 'defaultType', label: 'Type when the row names none', kind: 'select', required: false, help: 'Every row without a type is logged as this.', choices: defaultVocab.engagement_type.map(([value, label]) => ({ value, label })) },
    { key: 'dateOrder', label: 'Numeric dates are written', kind: 'select', required: false, help: '04/03/2026 is 4 March (UK) unless the file comes from a US-set system.', choices: [{ value: 'dmy', label: 'day first (04/03/2026 is 4 March)' }, { value: 'mdy', label: 'month first (03/04/2026 is 4 March)' }] },
    { key: 'system', label: 'System the references come from', kind: 'text', required: false, help: 'e.g. LibCal or LibInsight. References are matched within this name, so two systems’ numbers never collide: use the same name each time.', choices: null },
  ],

  async prepare(ex, institutionId, mapping, options) {
    const loaded = await loadLookups(ex, institutionId);
    const typeKey = optionText(options, 'defaultType');
    const defaultType = typeKey === undefined ? null : (loaded.typeByKey.get(typeKey) ?? null);
    if (typeKey !== undefined && !defaultType?.active) throw invalid('options.defaultType', 'is not an engagement type in use here');
    if (!mapping.type && !defaultType) throw invalid('options.defaultType', 'choose the type of these engagements, or map a Type column');
    if (!mapping.departments && !mapping.people) throw invalid('mapping.departments', 'map a Department codes column or a People column: every engagement is with someone');
    const system = optionText(options, 'system') ?? '';
    if (system.length > 100) throw invalid('options.system', 'is longer than 100 characters');
    const mapped = new Set(Object.keys(mapping).filter((k) => mapping[k]));
    // the chosen type speaks for the whole file, as a Type column would
    if (defaultType) mapped.add('type');
    // SourceContext carries no clock: "a year from today" is read from the system clock once per run
    const lookups = { ...loaded, defaultType, system, order: (optionText(options, 'dateOrder') ?? 'dmy') as DateOrder, latest: latestOccurredOn(systemClock) };

    return {
      check: (v) => checkEngagement(v, lookups),
      key: (r) => r.refKey,
      async write(trx: Executor, rows, job, now) {
        const writer: Writer = { institutionId: job.institution_id, userId: job.created_by, requestId: `import-${job.id}` };
        const known = await knownRefs(trx, job.institution_id, rows.map((r) => r.refKey));
        const ids = [...new Set(known.values())];
        const befores = new Map<string, EngagementTable>();
        for (let i = 0; i < ids.length; i += 500) {
          const found = await trx.selectFrom('engagements').selectAll().where('institution_id', '=', job.institution_id).where('id', 'in', ids.slice(i, i + 500)).execute();
          for (const e of found) befores.set(e.id, e);
        }
        const beforeSets = await linkSetsOf(trx, ids);
        const touched: LinkSets[] = [];
        const dates: string[] = [];
        const written: string[] = [];
        const refs: { refKey: string; sourceRef: string | null; engagementId: string }[] = [];
        const created: { row: EngagementTable; sets: LinkSets }[] = [];

        for (const r of rows) {
          const staffIds = r.staffIds.length || !job.created_by ? r.staffIds : [job.created_by];
          const fileSets = { orgUnitIds: r.orgUnitIds, personIds: r.personIds, staffIds };
          const knownId = known.get(r.refKey);
          const before = knownId ? befores.get(knownId) : undefined;
          const sets = knownId ? beforeSets.get(knownId) : undefined;
          if (before && sets) {
            const patch: Partial<EngagementTable> = {};
            for (const [field, column, value] of COLUMNS) {
              if (mapped.has(field) && before[column] !== value(r)) Object.assign(patch, { [column]: value(r) });
            }
            const given: Partial<LinkSets> = {};
            for (const [field, key] of LINKS) {
              const next = [...fileSets[key as keyof typeof fileSets]].sort();
              if (mapped.has(field) && !same(next, sets[key])) given[key] = next;
            }
            refs.push({ refKey: r.refKey, sourceRef: r.sourceRef, engagementId: before.id });
            // the same export again changes nothing: no write, no audit entry
            if (!Object.keys(patch).length && !Object.keys(given).length) continue;
            const after = await changeEngagement(trx, writer, before, sets, { ...patch, updated_at: now }, given, now);
            touched.push(sets, after);
            dates.push(before.occurred_on, patch.occurred_on ?? before.occurred_on);
            written.push(before.id);
          } else {
            const row: EngagementTable = {
              id: newId(), institution_id: job.institution_id, type_id: r.typeId, occurred_on: r.occurredOn, duration_minutes: r.durationMinutes, summary: r.summary,
              outcome: r.outcome, follow_up: null, initiated_by: r.initiatedBy, attendance: r.attendance, milestone: null, created_by: job.created_by, created_at: now, updated_at: now,
            };
            const sets = sortedSets({ ...fileSets, themeIds: [], goalIds: [], campaignIds: [] });
            created.push({ row, sets });
            touched.push(sets);
            dates.push(row.occurred_on);
            written.push(row.id);
            refs.push({ refKey: r.refKey, sourceRef: r.sourceRef, engagementId: row.id });
          }
        }
        await insertEngagementsWithLinks(trx, writer, created, now);
        await saveRefs(trx, refs, job.institution_id, job.id, now);
        if (written.length) {
          // once for the batch: recomputing a superset of unit × person × year rows gives the same rows as one write at a time
          const all = (k: keyof LinkSets) => [...new Set(touched.flatMap((s) => s[k]))];
          await refreshSummaries(trx, await institutionRow(trx, job.institution_id), { unitIds: all('orgUnitIds'), personIds: all('personIds'), themeIds: all('themeIds'), dates });
          for (let i = 0; i < written.length; i += 500) await indexEngagements(trx, job.institution_id, written.slice(i, i + 500));
        }
        return rows.length;
      },
    };
  },
};
