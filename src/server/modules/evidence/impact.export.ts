import type { EvidenceKind } from '../../../shared/contracts/evidence.ts';
import { impactSectionTitle, impactStatusLabels, type ImpactEvaluationDto, type ImpactExportFormat } from '../../../shared/contracts/impact.ts';
import { fold } from '../../lib/text.ts';

/*
 * An impact evaluation told as a story, in the template's order, as Markdown or a standalone HTML page.
 * Both are rendered from one outline so they cannot drift apart. PDF comes with the reports (issue 7).
 */

// the evidence page's words for its kinds (src/web/modules/evidence/labels.ts); the server cannot import the web's
const kindWords: Record<EvidenceKind, string> = {
  quote: 'Quote', feedback: 'Feedback', observation: 'Observation', external_examiner: "External examiner's comment",
  student_comment: 'Student comment', survey_result: 'Survey result', figure: 'Figure',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "12 Mar 2025", as the web app writes dates (Intl's en-GB would say "Sept"). */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return y && m && d ? `${d} ${MONTHS[m - 1] ?? ''} ${y}` : iso;
}

type Block =
  | { kind: 'text'; text: string | null }
  | { kind: 'subheading'; text: string }
  | { kind: 'list'; label: string; ordered: boolean; items: string[] }
  | { kind: 'table'; caption: string; head: string[]; rows: string[][] };
interface Outline { title: string; facts: string[]; sections: { title: string; blocks: Block[] }[] }

const NOT_RECORDED = 'Not recorded.';
const list = (label: string, items: string[], ordered = false): Block[] => (items.length ? [{ kind: 'list', label, ordered, items }] : []);

export function outline(e: ImpactEvaluationDto, exportedAt: Date): Outline {
  const goal = (g: ImpactEvaluationDto['goals'][number]) => (g.parent ? `${g.parent.title} › ${g.title}` : g.title);
  const facts = [
    `Status: ${impactStatusLabels[e.status]}`,
    `Departments: ${e.orgUnits.length ? e.orgUnits.map((u) => u.name).join(', ') : 'none named'}`,
    `Strategic goals: ${e.goals.length ? e.goals.map(goal).join('; ') : 'none aligned'}`,
    `${e.createdBy ? `Written by ${e.createdBy.name}; l` : 'L'}ast updated ${formatDay(e.updatedAt)}; exported ${formatDay(exportedAt.toISOString())}.`,
  ];
  const text = (t: string | null): Block => ({ kind: 'text', text: t });
  const section = (key: Parameters<typeof impactSectionTitle>[0], blocks: Block[]) => ({ title: impactSectionTitle(key), blocks });
  return {
    title: e.initiative,
    facts,
    sections: [
      section('aims', [text(e.aims), ...list('Objectives', e.objectives, true)]),
      section('successCriteria', [text(e.successCriteria)]),
      section('impactIndicators', [text(e.impactIndicators)]),
      section('whatWeDid', [text(e.whatWeDid), ...list('Linked engagements', e.engagements.map((x) => `${formatDay(x.occurredOn)}: ${x.summary}`))]),
      section('whatWeLearned', [text(e.whatWeLearned)]),
      section('howWeActed', [text(e.howWeActed)]),
      section('howWeMeasured', [
        text(e.howWeMeasured),
        ...list('Metrics', e.metrics.map((m) => `${m.name} (${m.unit})`)),
        ...list('Evidence', e.evidence.map((x) => `${kindWords[x.kind]}, ${formatDay(x.occurredOn)}: “${x.text}”`)),
      ]),
      section('communications', e.communications.length
        ? [{ kind: 'table', caption: 'How we communicated impact: to whom, when and how', head: ['To whom', 'When', 'How'], rows: e.communications.map((c) => [c.audience, c.on ? formatDay(c.on) : 'Not yet', c.how]) }]
        : [text(null)]),
      section('outcomes', [{ kind: 'subheading', text: 'Short-term outcomes' }, text(e.shortTermOutcomes), { kind: 'subheading', text: 'Long-term outcomes' }, text(e.longTermOutcomes)]),
    ],
  };
}

/* Markdown: the writer's own Markdown (lists, emphasis) stays, but raw HTML and headings that would break the outline do not. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const mdInline = (s: string) => oneLine(s).replace(/[\\<`]/g, (c) => `\\${c}`);
const mdBlock = (s: string) => s.replace(/\r\n?/g, '\n').replace(/[\\<]/g, (c) => `\\${c}`).replace(/^(\s*)#/gm, '$1\\#');
const mdCell = (s: string) => mdInline(s).replace(/\|/g, '\\|');

export function toMarkdown(o: Outline): string {
  const out = [`# ${mdInline(o.title)}`, '', `*Impact evaluation.* ${o.facts.map(mdInline).join('  \n')}`];
  for (const s of o.sections) {
    out.push('', `## ${s.title}`);
    for (const b of s.blocks) {
      out.push('');
      if (b.kind === 'text') out.push(b.text ? mdBlock(b.text) : `*${NOT_RECORDED}*`);
      if (b.kind === 'subheading') out.push(`### ${b.text}`);
      if (b.kind === 'list') out.push(`${b.label}:`, '', ...b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${mdInline(item)}`));
      if (b.kind === 'table') out.push(`| ${b.head.join(' | ')} |`, `| ${b.head.map(() => '---').join(' | ')} |`, ...b.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`));
    }
  }
  return `${out.join('\n')}\n`;
}

/* HTML: every piece of text escaped; paragraphs from blank lines, line breaks kept. */
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
const paragraphs = (s: string) => s.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)
  .map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>\n')}</p>`).join('\n');

const style = `body{font:1rem/1.6 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1a1a;background:#fff;margin:0}
main{max-width:46rem;margin:0 auto;padding:2rem 1.25rem}h1{line-height:1.25}h2{margin-top:2rem;border-bottom:1px solid #767676}
.facts{color:#333;padding:0;list-style:none}.missing{color:#444;font-style:italic}
table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:600;padding-bottom:.25rem}th,td{border:1px solid #767676;padding:.4rem .6rem;text-align:left;vertical-align:top}`;

export function toHtml(o: Outline): string {
  const body: string[] = [`<h1>${escapeHtml(o.title)}</h1>`, `<p><strong>Impact evaluation</strong></p>`, `<ul class="facts">${o.facts.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>`];
  for (const s of o.sections) {
    body.push(`<section>\n<h2>${escapeHtml(s.title)}</h2>`);
    for (const b of s.blocks) {
      if (b.kind === 'text') body.push(b.text ? paragraphs(b.text) : `<p class="missing">${NOT_RECORDED}</p>`);
      if (b.kind === 'subheading') body.push(`<h3>${escapeHtml(b.text)}</h3>`);
      if (b.kind === 'list') {
        const tag = b.ordered ? 'ol' : 'ul';
        body.push(`<h3>${escapeHtml(b.label)}</h3>`, `<${tag}>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`);
      }
      if (b.kind === 'table') {
        body.push(`<table><caption>${escapeHtml(b.caption)}</caption><thead><tr>${b.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
          `<tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
      }
    }
    body.push('</section>');
  }
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`Impact evaluation: ${oneLine(o.title)}`)}</title>
<style>${style}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}

/** "Research skills in Computing" → "research-skills-in-computing"; ASCII, so the header needs no encoding. */
export function fileStem(initiative: string): string {
  return fold(initiative).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '') || 'impact-evaluation';
}

export function exportDocument(e: ImpactEvaluationDto, format: ImpactExportFormat, exportedAt: Date) {
  const o = outline(e, exportedAt);
  return format === 'html'
    ? { fileName: `${fileStem(e.initiative)}.html`, contentType: 'text/html; charset=utf-8', body: toHtml(o) }
    : { fileName: `${fileStem(e.initiative)}.md`, contentType: 'text/markdown; charset=utf-8', body: toMarkdown(o) };
}
