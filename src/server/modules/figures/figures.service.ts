import { academicYearStarting } from '../../../shared/academic-year.ts';
import {
  UNMAPPED_LIST_MAX, unmappedKinds, type FigureYearDto, type NssDepartmentDto, type NssFiguresDto, type NssFiguresQuery, type ReadingListCoverageDto,
  type ReadingListsQuery, type UnmappedDto, type UnmappedQuery,
} from '../../../shared/contracts/figures.ts';
import type { Actor } from '../../http/actor.ts';
import { notFound } from '../../http/errors.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { loadCodeMap, loadUnitCodes } from '../imports/code-maps.ts';
import { oneDecimal } from '../imports/sources/derived-metrics.ts';
import { findOrgUnit, institutionRow } from '../org/org.repository.ts';
import { coverageByUnit, coveragePct } from './coverage.ts';
import * as repo from './figures.repository.ts';
import { isPublished, questionOrder, weighted } from './nss-rules.ts';

type MappedRow = Awaited<ReturnType<typeof repo.nssMappedRows>>[number];

/** Sorted here, not by the database's collation (which differs between SQLite and PostgreSQL). */
const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1);

/**
 * One department's results by question. Only published results are summed; a withheld one is counted
 * and nothing more, so its figures never leave the server.
 */
function department(rows: MappedRow[]): NssDepartmentDto {
  const first = rows[0] as MappedRow;
  const subjects = new Map<string, { cahCode: string; subject: string | null }>();
  const byQuestion = new Map<string, MappedRow[]>();
  for (const r of rows) {
    if (!subjects.has(r.cah_key)) subjects.set(r.cah_key, { cahCode: r.cah_code, subject: r.subject });
    byQuestion.set(r.question, [...(byQuestion.get(r.question) ?? []), r]);
  }
  const questions = [...byQuestion.entries()].sort(([a], [b]) => questionOrder(a, b)).map(([question, qs]) => {
    const w = weighted(qs);
    const published = qs.filter(isPublished).length;
    return {
      question, questionText: qs.find((r) => r.question_text)?.question_text ?? null, theme: qs.find((r) => r.theme)?.theme ?? null,
      published: w !== null, agreePct: w ? oneDecimal(w.agreePct) : null, responses: w ? w.responses : null, publishedSubjects: published, withheldSubjects: qs.length - published,
    };
  });
  return {
    orgUnit: { id: first.org_unit_id, name: first.name, code: first.code },
    subjects: [...subjects.values()].sort((a, b) => (a.cahCode < b.cahCode ? -1 : 1)),
    questions,
  };
}

/** NSS results, reading-list coverage and the outside codes still waiting for a department. Everyone signed in reads them. */
export function figuresService({ db }: Pick<AppDeps, 'db'>) {
  async function yearsOf(actor: Actor, held: string[], asked: number | undefined) {
    const inst = await institutionRow(db, actor.institutionId);
    const label = (y: number): FigureYearDto => ({ year: y, label: academicYearStarting(y, inst.academic_year_start_month, inst.academic_year_start_day).label });
    const years = held.map((y) => label(Number(y)));
    const year = asked !== undefined ? label(asked) : (years[0] ?? null);
    return { year, years };
  }

  return {
    async nss(actor: Actor, q: NssFiguresQuery): Promise<NssFiguresDto> {
      if (q.orgUnitId && !(await findOrgUnit(db, actor.institutionId, q.orgUnitId))) throw notFound('Org unit');
      const { year, years } = await yearsOf(actor, await repo.nssYears(db, actor.institutionId), q.year);
      if (!year) return { year, years, departments: [] };
      const rows = await repo.nssMappedRows(db, actor.institutionId, String(year.year), q.orgUnitId);
      const units = new Map<string, MappedRow[]>();
      for (const r of rows) units.set(r.org_unit_id, [...(units.get(r.org_unit_id) ?? []), r]);
      const departments = [...units.values()].map(department).sort((a, b) => byName(a.orgUnit, b.orgUnit));
      return { year, years, departments };
    },

    async unmapped(actor: Actor, q: UnmappedQuery): Promise<UnmappedDto> {
      const kinds = q.kind ? [q.kind] : [...unmappedKinds];
      return {
        kinds: await Promise.all(kinds.map(async (kind) => {
          const [held, placed] = await Promise.all([
            repo.heldCodes(db, actor.institutionId, kind),
            kind === 'hierarchy' ? loadUnitCodes(db, actor.institutionId) : loadCodeMap(db, actor.institutionId, kind),
          ]);
          const waiting = held.filter((c) => !placed.has(c.key)).sort((a, b) => b.rows - a.rows || (a.code < b.code ? -1 : 1));
          return {
            kind, codes: waiting.length, rows: waiting.reduce((s, c) => s + c.rows, 0),
            items: waiting.slice(0, UNMAPPED_LIST_MAX).map((c) => ({ code: c.code, name: c.name, rows: c.rows })),
          };
        })),
      };
    },

    async readingLists(actor: Actor, q: ReadingListsQuery): Promise<ReadingListCoverageDto> {
      const { year, years } = await yearsOf(actor, await repo.readingListYears(db, actor.institutionId), q.year);
      const empty = { modules: 0, withList: 0, coveragePct: null };
      if (!year) return { year, years, items: [], unplaced: empty };
      const [rows, codes] = await Promise.all([repo.readingListRows(db, actor.institutionId, String(year.year)), loadUnitCodes(db, actor.institutionId)]);
      const coverage = coverageByUnit(rows, (k) => codes.get(k));
      const units = new Map((await repo.unitsById(db, actor.institutionId, coverage.flatMap((c) => (c.orgUnitId ? [c.orgUnitId] : [])))).map((u) => [u.id, u]));
      const items = coverage.flatMap((c) => {
        const u = c.orgUnitId ? units.get(c.orgUnitId) : undefined;
        return u ? [{ orgUnit: { id: u.id, name: u.name, code: u.code }, modules: c.modules, withList: c.withList, coveragePct: coveragePct(c) }] : [];
      }).sort((a, b) => byName(a.orgUnit, b.orgUnit));
      const stray = coverage.filter((c) => !c.orgUnitId).reduce((s, c) => ({ modules: s.modules + c.modules, withList: s.withList + c.withList }), { modules: 0, withList: 0 });
      return { year, years, items, unplaced: { ...stray, coveragePct: coveragePct(stray) } };
    },
  };
}

export type FiguresService = ReturnType<typeof figuresService>;
