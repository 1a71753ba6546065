import { academicYearOf, academicYearStarting } from '../../../shared/academic-year.ts';
import { evidenceKindLabels } from '../../../shared/contracts/evidence.ts';
import { maturityLabels } from '../../../shared/contracts/relationships.ts';
import type { ReportDataDto, ReportMetricDto } from '../../../shared/contracts/reports.ts';
import { TRAINING_TYPE_KEYS } from '../../../shared/contracts/sconul.ts';
import type { Actor } from '../../http/actor.ts';
import { notFound } from '../../http/errors.ts';
import { isoNow, localDate } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import type { OrgUnitType } from '../../db/types.ts';
import { roundAverage } from '../evidence/metrics.mapper.ts';
import * as metricsRepo from '../evidence/metrics.repository.ts';
import * as sconul from '../evidence/sconul.repository.ts';
import { findOrgUnit, institutionRow } from '../org/org.repository.ts';
import { relationshipsService } from '../relationships/relationships.service.ts';
import { conclusionDraft, introductionDraft } from './narrative.ts';
import * as repo from './reports.repository.ts';

/** Years of trend a headline metric shows, ending with the report's. */
export const TREND_YEARS = 5;
const EVIDENCE_SHOWN = 6;
const IMPACT_SHOWN = 3;

const oneDecimal = (x: number) => Math.round((x + Number.EPSILON) * 10) / 10;

/**
 * One department's annual report, computed from the data: metrics, engagements, the relationship,
 * highlights and the plan, beside the words people wrote (or the generated drafts).
 */
export function reportData(deps: Pick<AppDeps, 'db' | 'clock' | 'dialect'>) {
  const { db, clock } = deps;
  const relationships = relationshipsService(deps);

  /** The academic year starting in `year`, or the current one. */
  async function yearOf(actor: Actor, year: number | undefined) {
    const inst = await institutionRow(db, actor.institutionId);
    const [m, d] = [inst.academic_year_start_month, inst.academic_year_start_day];
    const y = year !== undefined ? academicYearStarting(year, m, d) : academicYearOf(localDate(clock.now(), inst.time_zone), m, d);
    return { inst, y, previous: academicYearStarting(y.year - 1, m, d) };
  }

  /**
   * The unit's academic-year metrics over the trend window, beside the mean of the units of its type:
   * three queries shaped for the report, rather than the Metrics tab's every period and statistic.
   */
  async function headlineMetrics(inst: string, unit: { id: string; type: OrgUnitType }, yearKey: number): Promise<ReportMetricDto[]> {
    const periods = Array.from({ length: TREND_YEARS }, (_, k) => String(yearKey - TREND_YEARS + 1 + k));
    const definitions = (await metricsRepo.listDefinitions(db, inst)).filter((d) => d.period_kind === 'academic_year');
    const own = (await metricsRepo.unitValues(db, inst, unit.id, definitions.map((d) => d.id))).filter((v) => periods.includes(v.period));
    const shown = definitions.filter((d) => own.some((v) => v.metric_id === d.id));
    const averages = await metricsRepo.averagesByType(db, inst, unit.type, shown.map((d) => d.id), periods);
    const key = (metricId: string, period: string) => `${metricId}\u0000${period}`;
    const values = new Map(own.map((v) => [key(v.metric_id, v.period), v.value]));
    const means = new Map(averages.map((a) => [key(a.metric_id, a.period), roundAverage(a.average)]));
    return shown.map((d) => ({
      id: d.id, name: d.name, unit: d.unit, direction: d.direction, source: d.source,
      // every year of the window, so a missing year shows as a gap rather than closing up
      points: periods.map((period) => ({
        period, label: academicYearStarting(Number(period)).label,
        value: values.get(key(d.id, period)) ?? null, average: means.get(key(d.id, period)) ?? null,
      })),
    }));
  }

  return {
    yearOf,

    /**
     * `forPartner`: the report as the department reads it through a share link, without what the
     * library keeps to itself: named evidence whose source has not consented, and the reasoning
     * behind its maturity judgement.
     */
    async compute(actor: Actor, unitId: string, year: number | undefined, opts: { forPartner?: boolean } = {}): Promise<ReportDataDto> {
      const outsider = opts.forPartner === true;
      const inst = actor.institutionId;
      const unit = await findOrgUnit(db, inst, unitId);
      if (!unit) throw notFound('Org unit');
      const { inst: institution, y, previous } = await yearOf(actor, year);
      const range = { from: y.start, to: y.end };
      const trainingTypes = await sconul.typesByKeys(db, inst, TRAINING_TYPE_KEYS);
      const [parent, metricItems, byType, byTheme, prevTotal, signals, assessments, journey, champs, teaching, evidence, impact, plan, report] = await Promise.all([
        unit.parent_id ? findOrgUnit(db, inst, unit.parent_id) : Promise.resolve(undefined),
        headlineMetrics(inst, unit, y.year),
        repo.engagementsByType(db, inst, unitId, range),
        repo.engagementsByTheme(db, inst, unitId, range),
        repo.engagementCount(db, inst, unitId, { from: previous.start, to: previous.end }),
        relationships.unitSignals(actor, unitId, { window: 'year', year: y.year }),
        relationships.maturityOf(actor, { orgUnitId: unitId }),
        relationships.journey(actor, unitId),
        repo.champions(db, inst, unitId, y.end),
        trainingTypes.length ? sconul.byOrgUnit(db, inst, { typeIds: trainingTypes.map((t) => t.id), from: y.start, to: y.end, orgUnitIds: [unitId] }) : Promise.resolve([]),
        repo.evidenceIn(db, inst, unitId, range, EVIDENCE_SHOWN, outsider),
        repo.impactFor(db, inst, unitId, IMPACT_SHOWN),
        repo.planOf(db, inst, unitId, y.year),
        repo.reportRow(db, inst, unitId, y.year),
      ]);
      const actions = plan ? await repo.planActions(db, plan.id) : [];
      const [carried, themes, proposed] = await Promise.all([
        repo.carriedCount(db, inst, actions.map((a) => a.id)),
        report ? repo.reportThemes(db, report.id) : Promise.resolve([]),
        report ? repo.proposedActions(db, report.id) : Promise.resolve([]),
      ]);
      const latest = assessments.filter((a) => a.assessedOn <= y.end).sort((a, b) => (a.assessedOn < b.assessedOn ? 1 : -1))[0];
      const taught = teaching[0];
      const s = signals.signals;
      const partner = byType.reduce((sum, t) => sum + t.partner, 0);
      const figures: Omit<ReportDataDto, 'narrative'> = {
        id: report?.id ?? null,
        institution: { name: institution.name },
        orgUnit: { id: unit.id, name: unit.name, code: unit.code, type: unit.type, parentName: parent?.name ?? null },
        year: { key: String(y.year), label: y.label, start: y.start, end: y.end },
        generatedAt: isoNow(clock),
        metrics: metricItems,
        engagements: {
          total: s.engagements,
          previousYearTotal: prevTotal,
          byType: byType.map(({ key, label, count }) => ({ key, label, count })),
          byTheme,
          initiated: { library: s.engagements - partner, partner },
          peopleEngaged: s.people,
          keyPeopleEngaged: s.keyPeople,
          teaching: { sessions: taught?.sessions ?? 0, attendees: Math.round(taught?.attendees ?? 0), userHours: oneDecimal((taught?.minutes ?? 0) / 60) },
        },
        relationship: {
          maturity: latest ? { level: latest.level, label: maturityLabels[latest.level], assessedOn: latest.assessedOn, rationale: outsider ? null : latest.rationale || null } : null,
          journey: journey.items.filter((j) => j.date >= y.start && j.date <= y.end).map((j) => ({ date: j.date, kind: j.kind, label: j.title })),
          cadence: s.cadence,
          champions: champs.map((c) => ({ id: c.id, name: c.name, since: c.champion_since })),
        },
        highlights: {
          evidence: evidence.map((e) => ({
            id: e.id, kind: e.kind, kindLabel: evidenceKindLabels[e.kind], text: e.text, occurredOn: e.occurred_on,
            // anonymous evidence never names its person, in the report as anywhere else
            source: e.attribution === 'anonymous' ? (e.source_text ?? null) : (e.person_name ?? e.source_text ?? null),
          })),
          impact: impact.map((i) => ({ id: i.id, title: i.initiative, status: i.status, outcomes: i.short_term_outcomes ?? i.long_term_outcomes ?? null })),
        },
        plan: {
          reviewed: plan ? {
            id: plan.id, status: plan.status, agreedBy: plan.agreed_by, agreedOn: plan.agreed_on,
            done: actions.filter((a) => a.status === 'done').length,
            open: actions.filter((a) => a.status === 'not_started' || a.status === 'in_progress').length,
            carriedForward: carried,
            actions: actions.map((a) => ({ title: a.title, status: a.status, due: a.due_on, owner: a.owner_name })),
          } : null,
          proposed: proposed.map((p) => ({ id: p.id, title: p.title, notes: p.notes })),
        },
        discussion: { discussedOn: report?.discussed_on ?? null, notes: report?.discussion_notes ?? null, themes: themes.map((t) => t.theme) },
      };
      return {
        ...figures,
        narrative: { introduction: report?.introduction ?? null, conclusion: report?.conclusion ?? null, introductionDraft: introductionDraft(figures), conclusionDraft: conclusionDraft(figures) },
      };
    },
  };
}

export type ReportData = ReturnType<typeof reportData>;
