import { academicYearOf, academicYearStarting } from '../../../shared/academic-year.ts';
import { TRAINING_TYPE_KEYS, type TrainingFiguresDto, type TrainingHoursDto, type TrainingHoursQuery } from '../../../shared/contracts/sconul.ts';
import type { Executor } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { invalid } from '../../http/errors.ts';
import { localDate } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { institutionRow } from '../org/org.repository.ts';
import * as repo from './sconul.repository.ts';

const EMPTY: repo.RawFigures = { sessions: 0, attendees: 0, minutes: 0, missing: 0 };

// Number.EPSILON so that 12.25 rounds up as a person would, not down as its binary form would
const oneDecimal = (n: number) => Math.round((n + Number.EPSILON) * 10) / 10;

const toFigures = (r: repo.RawFigures): TrainingFiguresDto =>
  ({ sessions: r.sessions, attendees: oneDecimal(r.attendees), userHours: oneDecimal(r.minutes / 60), missing: r.missing });

/** Sorted here, not by the database's collation (which differs between SQLite and PostgreSQL). */
const byName = (a: { name: string; orgUnitId: string }, b: { name: string; orgUnitId: string }) =>
  a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) || (a.orgUnitId < b.orgUnitId ? -1 : 1);

/** SCONUL's "user hours of information-literacy training", from the engagement log. Everyone signed in reads it. */
export function sconulService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  /** The types asked for (each must be this institution's), or the teaching-like ones. */
  async function typesCounted(ex: Executor, institutionId: string, typeIds: string[] | undefined) {
    if (!typeIds) return repo.typesByKeys(ex, institutionId, TRAINING_TYPE_KEYS);
    const found = await repo.typesByIds(ex, institutionId, typeIds);
    const unknown = typeIds.filter((id) => !found.some((t) => t.id === id));
    if (unknown.length) throw invalid('typeIds', `unknown engagement type ${unknown.join(', ')}`);
    return found;
  }

  return {
    async trainingHours(actor: Actor, q: TrainingHoursQuery): Promise<TrainingHoursDto> {
      const inst = await institutionRow(db, actor.institutionId);
      const [month, day] = [inst.academic_year_start_month, inst.academic_year_start_day];
      const year = q.year !== undefined ? academicYearStarting(q.year, month, day) : academicYearOf(localDate(clock.now(), inst.time_zone), month, day);
      const types = await typesCounted(db, actor.institutionId, q.typeIds);
      const w: repo.Window = { typeIds: types.map((t) => t.id), from: year.start, to: year.end };
      const [units, unlinked, total] = w.typeIds.length
        ? await Promise.all([repo.byOrgUnit(db, actor.institutionId, w), repo.unlinkedTotals(db, actor.institutionId, w), repo.totals(db, actor.institutionId, w)])
        : [[], EMPTY, EMPTY];
      return {
        year: { start: year.start, end: year.end, label: year.label, year: year.year },
        typesCounted: types.map((t) => ({ id: t.id, label: t.label })),
        rows: [...units].sort(byName).map((u) => ({ orgUnit: { id: u.orgUnitId, name: u.name, type: u.type }, ...toFigures(u) })),
        unlinked: toFigures(unlinked),
        total: toFigures(total),
      };
    },
  };
}

export type SconulService = ReturnType<typeof sconulService>;
