import type { ReportDataDto } from '../../../../shared/contracts/reports.ts';
import { fonts, colours, type ReportWriter } from './writer.ts';
import { actionStatusLabel, impactStatusLabel, isSpoken, longDate, paragraphs, planStatusLabel, plural } from './text.ts';

/*
 * The sections made of people's words and decisions: highlights (evidence beside the figures),
 * the action plan reviewed and proposed, and the meeting with the head of department.
 */

export function highlightsSection(w: ReportWriter, data: ReportDataDto): void {
  const { evidence, impact } = data.highlights;
  const spoken = evidence.filter((e) => isSpoken(e.kind));
  const facts = evidence.filter((e) => !isSpoken(e.kind));
  if (evidence.length === 0) w.nothing(`No evidence has been captured for ${data.orgUnit.name} yet this year.`);
  if (spoken.length > 0) {
    w.heading('In their words');
    for (const e of spoken) w.quote(e.text, [e.source, e.kindLabel, longDate(e.occurredOn)].filter(Boolean).join(', '));
  }
  if (facts.length > 0) {
    w.heading('In figures and observations');
    for (const e of facts) {
      w.paragraph(e.text);
      w.paragraph([e.kindLabel, e.source, longDate(e.occurredOn)].filter(Boolean).join(' · '), { size: 9, colour: colours.muted });
    }
  }
  w.heading('Impact evaluations');
  if (impact.length === 0) {
    w.nothing('No impact evaluations are recorded for this year yet.');
    return;
  }
  for (const i of impact) {
    w.paragraph(`${i.title} (${impactStatusLabel(i.status).toLowerCase()})`, { font: fonts.bold });
    if (i.outcomes) w.paragraph(i.outcomes, { indent: 12 });
    else w.nothing('Outcomes not recorded yet.');
  }
}

export function planSection(w: ReportWriter, data: ReportDataDto): void {
  const { reviewed, proposed } = data.plan;
  w.heading(`The ${data.year.label} action plan reviewed`);
  if (!reviewed) w.nothing(`There was no action plan for ${data.year.label}.`);
  else {
    const agreed = reviewed.agreedBy && reviewed.agreedOn ? ` It was agreed with ${reviewed.agreedBy} on ${longDate(reviewed.agreedOn)}.`
      : reviewed.agreedOn ? ` It was agreed on ${longDate(reviewed.agreedOn)}.` : ' It was not formally agreed.';
    const total = reviewed.actions.length;
    w.paragraph(`Status: ${planStatusLabel(reviewed.status)}.${agreed}`);
    if (total === 0) w.nothing('The plan had no actions.');
    else {
      w.paragraph(`Of ${plural(total, 'action')}, ${formatCount(reviewed.done)} ${reviewed.done === 1 ? 'was' : 'were'} done, ${formatCount(reviewed.open)} ${reviewed.open === 1 ? 'is' : 'are'} still open and ${formatCount(reviewed.carriedForward)} ${reviewed.carriedForward === 1 ? 'is' : 'are'} carried forward into next year.`);
      w.table(
        ['Action', 'Status', 'Owner', 'Due'],
        reviewed.actions.map((a) => [a.title, actionStatusLabel(a.status), a.owner ?? '—', a.due ? longDate(a.due) : '—']),
        ['*', 72, 90, 80],
      );
    }
  }
  w.heading('Actions proposed for next year');
  if (proposed.length === 0) w.nothing('No actions have been proposed for next year yet.');
  else {
    w.paragraph('These become the draft of next year’s action plan, to be agreed with the department.');
    w.list(proposed.map((a) => ({ title: a.title, detail: a.notes })));
  }
}

export function discussionSection(w: ReportWriter, data: ReportDataDto): void {
  const d = data.discussion;
  if (d.discussedOn) w.paragraph(`This report was discussed with the head of department on ${longDate(d.discussedOn)}.`, { font: fonts.bold });
  else w.nothing('This report has not yet been discussed with the head of department.');
  const notes = paragraphs(d.notes);
  if (notes.length > 0) for (const p of notes) w.paragraph(p);
  else w.nothing('No discussion notes have been recorded yet.');
  w.heading('Key themes');
  if (d.themes.length > 0) w.list(d.themes);
  else w.nothing('No key themes have been recorded yet.');
}

const formatCount = (n: number) => n.toLocaleString('en-GB');
