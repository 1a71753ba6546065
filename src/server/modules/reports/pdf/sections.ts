import type { ReportDataDto } from '../../../../shared/contracts/reports.ts';
import { directionLabels } from '../../../../shared/contracts/metrics.ts';
import { formatFigure, reportCharts, type ReportChart } from '../../../../shared/report-charts.ts';
import { fonts, colours, type ReportWriter } from './writer.ts';
import { highlightsSection, planSection, discussionSection } from './sections-people.ts';
import { longDate, paragraphs, plural } from './text.ts';

/** The report's sections, in the contract's order; the contents page and the tests use these titles. */
export const reportSections = [
  { key: 'introduction', title: 'Introduction' },
  { key: 'metrics', title: 'Headline metrics' },
  { key: 'engagements', title: 'Engagements' },
  { key: 'relationship', title: 'The relationship' },
  { key: 'highlights', title: 'Highlights' },
  { key: 'plan', title: 'Action plan: reviewed and proposed' },
  { key: 'discussion', title: 'Discussion and key themes' },
  { key: 'conclusion', title: 'Conclusion' },
] as const;
export type SectionKey = (typeof reportSections)[number]['key'];

type Draw = (w: ReportWriter, data: ReportDataDto, charts: ReturnType<typeof reportCharts>) => void;

/** Written words win over the generated draft; a blank written text falls back to the draft too. */
function narrative(w: ReportWriter, written: string | null, draft: string, missing: string): void {
  const text = paragraphs(written).length > 0 ? written : draft;
  const parts = paragraphs(text);
  if (parts.length === 0) w.nothing(missing);
  for (const p of parts) w.paragraph(p);
}

function chartWithCaption(w: ReportWriter, chart: ReportChart): void {
  w.heading(chart.title, chart.height + 12);
  w.figure(chart);
  w.paragraph(chart.alt, { size: 9.5, colour: colours.muted });
}

const metricsSection: Draw = (w, data, charts) => {
  if (data.metrics.length === 0) {
    w.nothing(`No headline metrics have been recorded for ${data.orgUnit.name} yet.`);
    return;
  }
  w.paragraph(`Each chart sets ${data.orgUnit.name}’s figures (solid line, round markers) against the institution average (dashed line, triangles: the mean over the institution’s units of the same kind that have a figure) over up to five academic years. A year without a figure is left as a gap.`);
  data.metrics.forEach((m, i) => {
    const chart = charts.metrics[i];
    if (!chart) return;
    w.heading(m.name, chart.height + 30);
    w.paragraph([m.source ? `Source: ${m.source}` : null, directionLabels[m.direction], m.unit === '%' ? 'per cent' : m.unit].filter(Boolean).join(' · '), { size: 9, colour: colours.muted });
    if (m.points.every((p) => p.value === null)) {
      w.nothing(chart.alt);
      return;
    }
    w.figure(chart);
    w.paragraph(chart.alt, { size: 9.5, colour: colours.muted });
    const figure = (v: number | null) => (v === null ? 'no figure' : formatFigure(v, m.unit));
    w.table(['Year', data.orgUnit.name, 'Institution average'], m.points.map((p) => [p.label, figure(p.value), figure(p.average)]), ['*', 150, 150]);
  });
};

const engagementsSection: Draw = (w, data, charts) => {
  const e = data.engagements;
  if (e.total === 0) {
    w.nothing(`No engagements with ${data.orgUnit.name} were recorded in ${data.year.label}.`);
    return;
  }
  w.keyFigures([
    { value: formatFigure(e.total), label: `engagements (${formatFigure(e.previousYearTotal)} last year)` },
    { value: formatFigure(e.peopleEngaged), label: `people engaged, ${formatFigure(e.keyPeopleEngaged)} of them key people` },
    { value: formatFigure(e.teaching.sessions), label: 'teaching sessions' },
    { value: formatFigure(e.teaching.attendees), label: 'attendees at teaching' },
  ]);
  const change = e.total > e.previousYearTotal ? `up from ${formatFigure(e.previousYearTotal)}` : e.total < e.previousYearTotal ? `down from ${formatFigure(e.previousYearTotal)}` : 'the same as';
  w.paragraph(`The library recorded ${plural(e.total, 'engagement')} with ${data.orgUnit.name} in ${data.year.label}, ${change} the year before. They involved ${plural(e.peopleEngaged, 'person', 'people')}, ${formatFigure(e.keyPeopleEngaged)} of them key people in the department.`);
  for (const chart of charts.engagements) chartWithCaption(w, chart);
};

const relationshipSection: Draw = (w, data) => {
  const r = data.relationship;
  w.heading('Maturity');
  if (r.maturity) {
    w.paragraph(`${r.maturity.label}, as assessed on ${longDate(r.maturity.assessedOn)}.`, { font: fonts.bold });
    if (r.maturity.rationale) w.paragraph(r.maturity.rationale);
  } else w.nothing('The relationship’s maturity has not been assessed yet.');
  w.heading('This year’s journey');
  if (r.journey.length > 0) w.list(r.journey.map((j) => ({ title: j.label, detail: longDate(j.date) })));
  else w.nothing(`No steps in the relationship’s journey were recorded in ${data.year.label}.`);
  w.heading('Cadence');
  // done, due (its period still open) and overdue are separate counts of the partnership model's key activities
  const c = r.cadence;
  const total = c ? c.done + c.due + c.overdue : 0;
  if (c && total > 0) {
    const more = [c.due > 0 ? `${formatFigure(c.due)} due now` : '', c.overdue > 0 ? `${formatFigure(c.overdue)} overdue` : 'none overdue'].filter(Boolean).join(', ');
    w.paragraph(`Partnership model: ${formatFigure(c.done)} of ${plural(total, 'key activity', 'key activities')} done this year; ${more}.`);
  } else w.nothing('No partnership model with key activities is set for this relationship yet.');
  w.heading('Champions');
  if (r.champions.length > 0) w.list(r.champions.map((c) => (c.since ? `${c.name}, a champion since ${longDate(c.since)}` : c.name)));
  else w.nothing('No champions have been named in the department yet.');
};

const draws: Record<SectionKey, Draw> = {
  introduction: (w, data) => narrative(w, data.narrative.introduction, data.narrative.introductionDraft, 'No introduction has been written yet.'),
  metrics: metricsSection,
  engagements: engagementsSection,
  relationship: relationshipSection,
  highlights: highlightsSection,
  plan: planSection,
  discussion: discussionSection,
  conclusion: (w, data) => narrative(w, data.narrative.conclusion, data.narrative.conclusionDraft, 'No conclusion has been written yet.'),
};

/** Every section, in order, each starting where the last ended (on a new page when little room is left). */
export function writeSections(w: ReportWriter, data: ReportDataDto): void {
  const charts = reportCharts(data);
  for (const s of reportSections) w.section(s.key, s.title, () => draws[s.key](w, data, charts));
}
