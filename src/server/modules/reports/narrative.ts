import type { ReportDataDto } from '../../../shared/contracts/reports.ts';
import { listInWords } from '../../../shared/report-charts.ts';

/*
 * First drafts of a report's introduction and conclusion, written from its figures by plain
 * templates (no outside service sees the data). They are drafts: the librarian edits them, and what
 * they write is stored in place of the draft.
 */

type Figures = Omit<ReportDataDto, 'narrative'>;

const n = (x: number) => x.toLocaleString('en-GB');
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

function change(now: number, before: number): string {
  if (before === 0) return now === 0 ? '' : ' (none were logged the year before)';
  if (now === before) return ', as many as the year before';
  const pct = Math.round((Math.abs(now - before) / before) * 100);
  return now > before ? `, ${pct}% more than the ${n(before)} of the year before` : `, ${pct}% fewer than the ${n(before)} of the year before`;
}

export function introductionDraft(d: Figures): string {
  const e = d.engagements;
  const parts: string[] = [`This report looks back on ${d.year.label} in the library’s partnership with ${d.orgUnit.name}.`];
  if (e.total === 0) {
    parts.push('No engagements were logged with the department this year.');
  } else {
    parts.push(`We logged ${plural(e.total, 'engagement')}${change(e.total, e.previousYearTotal)}, with ${plural(e.peopleEngaged, 'person', 'people')} in the department${e.keyPeopleEngaged ? `, ${n(e.keyPeopleEngaged)} of them in key roles` : ''}.`);
    const top = e.byType.slice(0, 2).map((t) => `${t.label.toLowerCase()} (${n(t.count)})`);
    if (top.length) parts.push(`Most were ${listInWords(top)}.`);
    if (e.initiated.partner > 0) parts.push(`${plural(e.initiated.partner, 'engagement was', 'engagements were')} started by the department itself.`);
  }
  if (e.teaching.sessions > 0) {
    parts.push(`The library taught ${plural(e.teaching.sessions, 'session')} reaching ${plural(e.teaching.attendees, 'attendee')}: ${n(e.teaching.userHours)} user hours of teaching in all.`);
  }
  const m = d.relationship.maturity;
  if (m) {
    const stepped = d.relationship.journey.some((j) => j.kind === 'maturity');
    parts.push(`The partnership stands as ${m.label.toLowerCase()}${stepped ? ', assessed during the year' : ''}.`);
  }
  return parts.join(' ');
}

export function conclusionDraft(d: Figures): string {
  const parts: string[] = [];
  const r = d.plan.reviewed;
  if (r) {
    const total = r.actions.length;
    parts.push(`Of this year’s action plan, ${n(r.done)} of ${plural(total, 'action')} ${r.done === 1 ? 'was' : 'were'} completed${r.carriedForward ? ` and ${n(r.carriedForward)} carried forward` : ''}.`);
  }
  const themes = d.discussion.themes;
  if (themes.length) parts.push(`Our discussion with the department raised ${listInWords(themes.map((t) => t.toLowerCase()))}.`);
  const next = `${Number(d.year.key) + 1}–${String((Number(d.year.key) + 2) % 100).padStart(2, '0')}`;
  const proposed = d.plan.proposed;
  parts.push(proposed.length
    ? `For ${next} we propose ${plural(proposed.length, 'action')}, beginning with “${proposed[0]?.title ?? ''}”, to agree with the department as next year’s plan.`
    : `The actions for ${next} are still to be agreed with the department.`);
  return parts.join(' ');
}
