import { PassThrough } from 'node:stream';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import type { ReportDataDto } from '../../../../shared/contracts/reports.ts';
import { renderReportPdf, reportSections } from './index.ts';
import { sampleReportData } from './sample.ts';

async function render(data: ReportDataDto): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await renderReportPdf(data, out);
  return Buffer.concat(chunks);
}

/** Each page's text with whitespace collapsed, so wrapped lines read as the sentences they are. */
async function read(pdf: Buffer): Promise<{ pages: string[]; all: string; info: Record<string, unknown> | undefined }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo();
    expect(text.total).toBe(info.total);
    const pages = text.pages.sort((a, b) => a.num - b.num).map((p) => p.text.replace(/\s+/g, ' ').trim());
    return { pages, all: pages.join(' '), info: info.info as Record<string, unknown> | undefined };
  } finally {
    await parser.destroy();
  }
}

/** The contents page's "n   Title … page p" entries. */
function contentsEntries(contents: string): Map<string, number> {
  const entries = new Map<string, number>();
  for (const s of reportSections) {
    const escaped = s.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = new RegExp(`\\d+ ${escaped} page (\\d+)`).exec(contents);
    if (m) entries.set(s.key, Number(m[1]));
  }
  return entries;
}

function emptyReport(): ReportDataDto {
  const d = sampleReportData();
  return {
    ...d,
    metrics: [],
    engagements: {
      total: 0, previousYearTotal: 0, byType: [], byTheme: [], initiated: { library: 0, partner: 0 },
      peopleEngaged: 0, keyPeopleEngaged: 0, teaching: { sessions: 0, attendees: 0, userHours: 0 },
    },
    relationship: { maturity: null, journey: [], cadence: null, champions: [] },
    highlights: { evidence: [], impact: [] },
    plan: { reviewed: null, proposed: [] },
    narrative: { introduction: null, conclusion: null, introductionDraft: '', conclusionDraft: '' },
    discussion: { discussedOn: null, notes: null, themes: [] },
  };
}

describe('renderReportPdf', () => {
  it('counts a finished year’s key activities as done and overdue, with none left due', async () => {
    const d = sampleReportData();
    const { all } = await read(await render({ ...d, relationship: { ...d.relationship, cadence: { done: 3, due: 0, overdue: 2 } } }));
    expect(all).toContain('Partnership model: 3 of 5 key activities done this year; 2 overdue.');
    const none = await read(await render({ ...d, relationship: { ...d.relationship, cadence: { done: 0, due: 0, overdue: 0 } } }));
    expect(none.all).toContain('No partnership model with key activities is set for this relationship yet.');
  });

  it('renders the sample report: cover, contents with real page numbers, every section, footers', async () => {
    const { pages, all, info } = await read(await render(sampleReportData()));
    const n = pages.length;
    expect(n).toBeGreaterThanOrEqual(6);

    expect(pages[0]).toContain('University of Northfield');
    expect(pages[0]).toContain('Library report');
    expect(pages[0]).toContain('School of Computing');
    expect(pages[0]).toContain('Academic year 2025–26');
    expect(pages[0]).toContain('Prepared on 14 July 2026');

    pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${n}`));
    // the running header on every page after the cover
    for (const text of pages.slice(1)) expect(text).toContain('School of Computing · Library report 2025–26');

    const entries = contentsEntries(pages[1]!);
    expect(pages[1]).toContain('Contents');
    expect([...entries.keys()]).toEqual(reportSections.map((s) => s.key));
    let previous = 3;
    for (const s of reportSections) {
      const at = entries.get(s.key)!;
      expect(at).toBeGreaterThanOrEqual(previous);
      expect(at).toBeLessThanOrEqual(n);
      // the heading really is on the page the contents give for it
      expect(pages[at - 1]).toContain(s.title);
      previous = at;
    }

    expect(all).toContain('Loans per student');
    expect(all).toContain('Loans per student rose from 12 in 2021–22 to 15 in 2025–26; the institution average was 13. There is no figure for 2023–24.');
    expect(all).toContain('2023–24 no figure 12.4');
    expect(all).toContain('“The referencing workshop changed how our final-year students approach their dissertations. Markers noticed the difference within a term.”');
    expect(all).toContain('— Dr Amara Okafor, Director of Teaching, Quote, 18 February 2026');
    expect(all).toContain('The library initiated 26 of 47 engagements (55%) and the department 21 (45%).');
    expect(all).toContain('Trusted partner, as assessed on 12 March 2026.');
    expect(all).toContain('Partnership model: 5 of 7 key activities done this year; 1 due now, 1 overdue.');
    expect(all).toContain('Of 6 actions, 4 were done, 1 is still open and 1 is carried forward into next year.');
    expect(all).toContain('Co-design guidance on generative AI and academic integrity with the school');
    expect(all).toContain('Research data management');
    // the written conclusion replaces the generated draft; the introduction is still the draft
    expect(all).toContain('This has been a year of deepening partnership.');
    expect(all).not.toContain('The partnership grew in 2025–26.');
    expect(all).toContain('This report reviews the library’s partnership with the School of Computing in 2025–26.');

    expect(info?.Title).toBe('Library report: School of Computing, 2025–26');
    expect(info?.Language).toBe('en-GB');
  });

  it('is a tagged PDF: marked, with a structure tree, headings and figures with alternative text', async () => {
    const raw = (await render(sampleReportData())).toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    const catalog = /<<\s*\/Type \/Catalog[\s\S]*?>>\s*endobj/.exec(raw)?.[0] ?? '';
    expect(catalog).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(catalog).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(catalog).toMatch(/\/Lang \(en-GB\)/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    for (const role of ['Document', 'TOC', 'TOCI', 'Sect', 'H1', 'H2', 'P', 'Figure', 'BlockQuote', 'L', 'LI', 'Table', 'TH', 'TD']) {
      expect(raw, role).toMatch(new RegExp(`/S /${role}\\b`));
    }
    const figures = raw.match(/\/S \/Figure[\s\S]*?>>/g) ?? [];
    expect(figures.length).toBe(6);
    for (const f of figures) expect(f).toMatch(/\/Alt [<(]/);
    // every page is linked into the structure tree's parent tree
    expect(raw.match(/\/StructParents \d+/g)?.length).toBe((raw.match(/\/Type \/Page\b/g) ?? []).length);
  });

  it('says in words when a section has nothing to show', async () => {
    const { pages, all } = await read(await render(emptyReport()));
    expect(all).toContain('No introduction has been written yet.');
    expect(all).toContain('No headline metrics have been recorded for School of Computing yet.');
    expect(all).toContain('No engagements with School of Computing were recorded in 2025–26.');
    expect(all).toContain('The relationship’s maturity has not been assessed yet.');
    expect(all).toContain('No evidence has been captured for School of Computing yet this year.');
    expect(all).toContain('No impact evaluations are recorded for this year yet.');
    expect(all).toContain('There was no action plan for 2025–26.');
    expect(all).toContain('No actions have been proposed for next year yet.');
    expect(all).toContain('This report has not yet been discussed with the head of department.');
    expect(all).toContain('No key themes have been recorded yet.');
    expect(all).toContain('No conclusion has been written yet.');
    expect(all).not.toContain('Loans per student');
    pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('says so when a metric has no figures, and notes a single year is no trend', async () => {
    const data = sampleReportData();
    const [loans, nss] = data.metrics;
    data.metrics = [
      { ...loans!, points: loans!.points.map((p) => ({ ...p, value: null })) },
      { ...nss!, points: nss!.points.map((p, i) => ({ ...p, value: i === 4 ? p.value : null })) },
    ];
    const { all } = await read(await render(data));
    expect(all).toContain('There are no figures for Loans per student yet.');
    expect(all).toContain('NSS learning resources was 86.1% in 2025–26; the institution average was 83.5%. One year of figures is not enough to show a trend.');
  });

  it('flows a very long introduction across pages and keeps the contents true', async () => {
    const data = sampleReportData();
    const paragraph = (i: number) => `Paragraph ${i} of the introduction. ` + 'The library and the school worked together on teaching, collections and research support throughout the year. '.repeat(6);
    data.narrative.introduction = Array.from({ length: 40 }, (_, i) => paragraph(i + 1)).join('\n\n');
    const { pages } = await read(await render(data));
    const entries = contentsEntries(pages[1]!);
    const intro = entries.get('introduction')!;
    const metrics = entries.get('metrics')!;
    expect(metrics - intro).toBeGreaterThanOrEqual(3);
    const first = pages.findIndex((p) => p.includes('Paragraph 1 of the introduction.'));
    const last = pages.findIndex((p) => p.includes('Paragraph 40 of the introduction.'));
    expect(first + 1).toBe(intro);
    expect(last).toBeGreaterThan(first + 2);
    expect(pages[metrics - 1]).toContain('Headline metrics');
    pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('shows letters the standard font lacks as their nearest plain letters rather than garbage', async () => {
    const data = sampleReportData();
    data.relationship.champions = [{ id: 'p-9', name: 'Dr Łucja Żółkiewska', since: null }];
    const { all } = await read(await render(data));
    expect(all).toContain('Dr Lucja Zólkiewska');
  });
});
