import type { LibraryYearDto, ReportDataDto, ReportListDto, ReportListQuery, SaveReportBody } from '../../../shared/contracts/reports.ts';
import type { AnnualReportTable, Executor } from '../../db/types.ts';
import { assertRole, type Actor } from '../../http/actor.ts';
import { notFound } from '../../http/errors.ts';
import { isoNow } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { foldedLike, fold } from '../../lib/text.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findOrgUnit } from '../org/org.repository.ts';
import { libraryYear } from './library-year.ts';
import { reportData } from './report-data.ts';
import * as repo from './reports.repository.ts';

/** The words of a report as the audit trail records them. */
async function wordsOf(ex: Executor, r: AnnualReportTable) {
  const [themes, proposed] = await Promise.all([repo.reportThemes(ex, r.id), repo.proposedActions(ex, r.id)]);
  return {
    introduction: r.introduction, conclusion: r.conclusion, discussedOn: r.discussed_on, discussionNotes: r.discussion_notes,
    themes: themes.map((t) => t.theme), proposed: proposed.map((p) => ({ title: p.title, notes: p.notes })),
  };
}

/** One theme per folded spelling ("Research data" and "research data " are one), first spelling kept. */
function distinctThemes(themes: string[]) {
  const seen = new Map<string, string>();
  for (const t of themes) {
    const theme = t.replace(/\s+/g, ' ').trim();
    const key = fold(theme);
    if (!seen.has(key)) seen.set(key, theme);
  }
  return [...seen].map(([key, theme]) => ({ key, theme }));
}

export function reportsService(deps: Pick<AppDeps, 'db' | 'clock' | 'dialect'>) {
  const { db, clock } = deps;
  const data = reportData(deps);

  return {
    data: (actor: Actor, orgUnitId: string, year: number | undefined): Promise<ReportDataDto> => data.compute(actor, orgUnitId, year),

    libraryYear: (actor: Actor, year: number | undefined): Promise<LibraryYearDto> => libraryYear(db, data, actor, year),

    /** Saves what people wrote (librarians and up); each omitted part stays as it was. Audited. */
    async save(actor: Actor, orgUnitId: string, year: number, body: SaveReportBody): Promise<ReportDataDto> {
      assertRole(actor, 'librarian');
      const unit = await findOrgUnit(db, actor.institutionId, orgUnitId);
      if (!unit) throw notFound('Org unit');
      const now = isoNow(clock);
      await db.transaction().execute(async (trx) => {
        const { row, created } = await repo.reportRowOrNew(trx, actor.institutionId, unit.id, year, actor.userId, now);
        const before = created ? null : await wordsOf(trx, row);
        const patch: Partial<AnnualReportTable> = { updated_at: now };
        if (body.introduction !== undefined) patch.introduction = body.introduction || null;
        if (body.conclusion !== undefined) patch.conclusion = body.conclusion || null;
        if (body.discussedOn !== undefined) patch.discussed_on = body.discussedOn;
        if (body.discussionNotes !== undefined) patch.discussion_notes = body.discussionNotes || null;
        await trx.updateTable('annual_reports').set(patch).where('id', '=', row.id).execute();
        if (body.themes) {
          await trx.deleteFrom('report_themes').where('report_id', '=', row.id).execute();
          const themes = distinctThemes(body.themes);
          if (themes.length) await trx.insertInto('report_themes').values(themes.map((t) => ({ report_id: row.id, institution_id: actor.institutionId, theme: t.theme, theme_key: t.key }))).execute();
        }
        if (body.proposed) {
          await trx.deleteFrom('report_proposed_actions').where('report_id', '=', row.id).execute();
          if (body.proposed.length) {
            await trx.insertInto('report_proposed_actions').values(body.proposed.map((p, i) => ({ id: newId(), report_id: row.id, institution_id: actor.institutionId, title: p.title, notes: p.notes || null, sort_order: i }))).execute();
          }
        }
        const after = await wordsOf(trx, { ...row, ...patch });
        await recordAudit(trx, actor, { action: before ? 'update' : 'create', entityType: 'annual_report', entityId: row.id, before, after: { orgUnitId: unit.id, year, ...after } }, now);
      });
      return data.compute(actor, unit.id, year);
    },

    /** Every active department for a year, with how far its report has got. */
    async list(actor: Actor, q: ReportListQuery): Promise<ReportListDto> {
      const { y } = await data.yearOf(actor, q.year);
      let base = db.selectFrom('org_units as o')
        .leftJoin('org_units as p', 'p.id', 'o.parent_id')
        .leftJoin('annual_reports as r', (j) => j.onRef('r.org_unit_id', '=', 'o.id').on('r.year', '=', y.year))
        .where('o.institution_id', '=', actor.institutionId).where('o.type', '=', 'department').where('o.status', '=', 'active');
      if (q.q) base = base.where(foldedLike('o.name', q.q));
      const [{ total }, rows] = await Promise.all([
        base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
        base.select(['o.id', 'o.name', 'o.code', 'p.name as parent_name', 'r.id as report_id', 'r.introduction', 'r.conclusion', 'r.discussed_on', 'r.updated_at'])
          .orderBy('o.name').orderBy('o.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      ]);
      const ids = rows.flatMap((r) => (r.report_id ? [r.report_id] : []));
      const themes = ids.length ? await db.selectFrom('report_themes').select(['report_id', 'theme']).where('report_id', 'in', ids).orderBy('theme_key').execute() : [];
      return {
        year: { key: String(y.year), label: y.label, start: y.start, end: y.end },
        items: rows.map((r) => ({
          orgUnit: { id: r.id, name: r.name, code: r.code, parentName: r.parent_name },
          reportId: r.report_id,
          written: Boolean(r.introduction ?? r.conclusion),
          discussedOn: r.discussed_on,
          themes: themes.filter((t) => t.report_id === r.report_id).map((t) => t.theme),
          updatedAt: r.updated_at,
        })),
        page: q.page, pageSize: q.pageSize, total: Number(total),
      };
    },
  };
}

export type ReportsService = ReturnType<typeof reportsService>;
