import type PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { renderChartSvg, type ReportChart } from '../../../../shared/report-charts.ts';
import { pdfText } from './text.ts';

/*
 * The PDF's typographic vocabulary: headings, paragraphs, quotations, lists, key figures, charts and
 * tables, each drawn as real text inside its structure element (tagged PDF), so a screen reader hears
 * the document in reading order and a figure by its text alternative. Decoration is marked as artifact.
 */

type Doc = InstanceType<typeof PDFDocument>;
type Struct = PDFKit.PDFStructureElement;

export const page = { width: 595.28, height: 841.89, left: 64, right: 64, top: 76, bottom: 68 } as const;
export const contentWidth = page.width - page.left - page.right;
export const colours = { ink: '#1a1b1e', muted: '#4f5359', brand: '#1b3a6b', accent: '#1b4f9c', rule: '#c9ccd1', tint: '#eef2f8' } as const;
export const fonts = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique', boldItalic: 'Helvetica-BoldOblique' } as const;

const bodySize = 10.5;
const lineGap = 3;

export interface SectionMark { key: string; title: string; page: number }

export class ReportWriter {
  /** where each section starts, for the contents page */
  readonly sections: SectionMark[] = [];
  private parent: Struct;

  constructor(readonly doc: Doc, readonly root: Struct) {
    this.parent = root;
  }

  /** 1-based number of the page being written */
  get pageNumber(): number {
    const { start, count } = this.doc.bufferedPageRange();
    return start + count;
  }

  private get bottom(): number {
    return page.height - page.bottom;
  }

  /** Starts a new page unless `height` points still fit on this one (keeps headings with what follows). */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Decoration a screen reader should skip. */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    this.doc.save();
    draw();
    this.doc.restore();
    this.doc.endMarkedContent();
  }

  /** A tagged element in the current section, drawn by `draw`. */
  tag(type: string, draw: () => void, options: PDFKit.Mixins.StructureElementOptions = {}, into: Struct = this.parent): void {
    into.add(this.doc.struct(type, options, draw));
  }

  /** A top-level section: its own structure element, an outline entry and a place on the contents page. */
  section(key: string, title: string, body: () => void): void {
    const doc = this.doc;
    this.ensureSpace(140);
    this.sections.push({ key, title, page: this.pageNumber });
    doc.outline.addItem(title);
    doc.addNamedDestination(key);
    const sect = doc.struct('Sect', { title });
    this.root.add(sect);
    this.parent = sect;
    this.tag('H1', () => {
      doc.font(fonts.bold).fontSize(20).fillColor(colours.brand).text(pdfText(title), page.left, doc.y, { width: contentWidth });
    });
    const y = doc.y + 4;
    this.artifact(() => doc.moveTo(page.left, y).lineTo(page.left + 48, y).lineWidth(2.5).strokeColor(colours.accent).stroke());
    doc.y = y + 14;
    body();
    sect.end();
    this.parent = this.root;
    doc.y += 18;
  }

  /** A sub-heading; `keepWith` is the height of what must follow it on the same page. */
  heading(text: string, keepWith = 60): void {
    const doc = this.doc;
    this.ensureSpace(keepWith + 30);
    doc.y += 6;
    this.tag('H2', () => {
      doc.font(fonts.bold).fontSize(13).fillColor(colours.accent).text(pdfText(text), page.left, doc.y, { width: contentWidth });
    });
    doc.y += 4;
  }

  paragraph(text: string, style: { font?: string; size?: number; colour?: string; indent?: number } = {}): void {
    const doc = this.doc;
    const indent = style.indent ?? 0;
    this.ensureSpace(30);
    this.tag('P', () => {
      doc.font(style.font ?? fonts.regular).fontSize(style.size ?? bodySize).fillColor(style.colour ?? colours.ink)
        .text(pdfText(text), page.left + indent, doc.y, { width: contentWidth - indent, lineGap });
    });
    doc.y += 7;
  }

  /** The words a section uses when it has nothing to show. */
  nothing(text: string): void {
    this.paragraph(text, { font: fonts.italic, colour: colours.muted });
  }

  /** Someone's words, set as a quotation: a rule at the left, larger italic text, the speaker beneath. */
  quote(text: string, attribution: string): void {
    const doc = this.doc;
    const indent = 22;
    const width = contentWidth - indent;
    const body = pdfText(`“${text.trim()}”`);
    const by = pdfText(`— ${attribution}`);
    doc.font(fonts.italic).fontSize(12);
    const height = doc.heightOfString(body, { width, lineGap }) + 6 + doc.font(fonts.regular).fontSize(9.5).heightOfString(by, { width });
    this.ensureSpace(Math.min(height, 200) + 8);
    const top = doc.y;
    const startPage = this.pageNumber;
    const quote = doc.struct('BlockQuote');
    this.parent.add(quote);
    this.tag('P', () => doc.font(fonts.italic).fontSize(12).fillColor(colours.ink).text(body, page.left + indent, top, { width, lineGap }), {}, quote);
    doc.y += 4;
    this.tag('P', () => doc.font(fonts.regular).fontSize(9.5).fillColor(colours.muted).text(by, page.left + indent, doc.y, { width }), {}, quote);
    quote.end();
    // the rule only when the quotation stayed on one page
    const end = doc.y;
    if (this.pageNumber === startPage) this.artifact(() => doc.rect(page.left + 4, top, 3, end - top).fill(colours.accent));
    doc.y = end + 12;
  }

  /** A bulleted list, each item a list item with its label and body. */
  list(items: Array<string | { title: string; detail: string | null }>): void {
    const doc = this.doc;
    const list = doc.struct('L');
    this.parent.add(list);
    for (const item of items) {
      this.ensureSpace(22);
      const y = doc.y;
      const li = doc.struct('LI');
      list.add(li);
      this.tag('Lbl', () => doc.font(fonts.bold).fontSize(bodySize).fillColor(colours.accent).text('•', page.left + 4, y, { lineBreak: false }), {}, li);
      this.tag('LBody', () => {
        const [title, detail] = typeof item === 'string' ? [item, null] : [item.title, item.detail];
        doc.font(typeof item === 'string' ? fonts.regular : fonts.bold).fontSize(bodySize).fillColor(colours.ink)
          .text(pdfText(title), page.left + 18, y, { width: contentWidth - 18, lineGap });
        if (detail) doc.font(fonts.regular).fontSize(9.5).fillColor(colours.muted).text(pdfText(detail), page.left + 18, doc.y + 1, { width: contentWidth - 18, lineGap });
      }, {}, li);
      li.end();
      doc.y += 4;
    }
    list.end();
    doc.x = page.left;
    doc.y += 4;
  }

  /** A row of headline numbers, each read as one sentence-like paragraph ("47 engagements"). */
  keyFigures(figures: Array<{ value: string; label: string }>): void {
    const doc = this.doc;
    const gap = 10;
    const width = (contentWidth - gap * (figures.length - 1)) / figures.length;
    const height = 62;
    this.ensureSpace(height + 12);
    const top = doc.y;
    figures.forEach((f, i) => {
      const x = page.left + i * (width + gap);
      this.artifact(() => doc.rect(x, top, width, height).fill(colours.tint));
      this.tag('P', () => {
        // the trailing space keeps "47 engagements" two words when the text is read or copied
        doc.font(fonts.bold).fontSize(20).fillColor(colours.brand).text(`${pdfText(f.value)} `, x + 10, top + 9, { width: width - 20, lineBreak: false });
        doc.font(fonts.regular).fontSize(9).fillColor(colours.ink).text(pdfText(f.label), x + 10, top + 36, { width: width - 20, height: 24, ellipsis: true });
      });
    });
    doc.x = page.left;
    doc.y = top + height + 14;
  }

  /** A chart as vector graphics: the shared ECharts option rendered to SVG, tagged as a figure with its text alternative. */
  figure(chart: ReportChart): void {
    const doc = this.doc;
    const height = chart.height;
    this.ensureSpace(height + 12);
    const top = doc.y;
    const svg = pdfText(renderChartSvg(chart.option, Math.round(contentWidth), height));
    // pdfkit 0.19+ writes bbox/placement as the figure's layout attributes (PDF/UA); @types/pdfkit lags behind
    const options = { alt: pdfText(chart.alt), bbox: [page.left, top, page.left + contentWidth, top + height], placement: 'Block' };
    this.tag('Figure', () => {
      SVGtoPDF(doc, svg, page.left, top, { width: contentWidth, height, assumePt: true, fontCallback: svgFont, warningCallback: () => undefined });
    }, options);
    doc.x = page.left;
    doc.y = top + height + 10;
  }

  /** A data table with a header row; rows break across pages. */
  table(headers: string[], rows: string[][], widths: Array<number | '*'>): void {
    const doc = this.doc;
    this.ensureSpace(60);
    doc.font(fonts.regular).fontSize(9.5).fillColor(colours.ink);
    const header = headers.map((text) => ({ text: pdfText(text), type: 'TH' as const, scope: 'Column', font: { src: fonts.bold }, backgroundColor: colours.tint }));
    const body = rows.map((r) => r.map((text) => ({ text: pdfText(text) })));
    const options = {
      position: { x: page.left, y: doc.y },
      maxWidth: contentWidth,
      columnStyles: widths.map((width) => ({ width })),
      defaultStyle: { border: { top: 0, left: 0, right: 0, bottom: 0.75 }, borderColor: colours.rule, padding: 5 },
      structParent: this.parent,
      data: [header, ...body],
    };
    doc.table(options as unknown as PDFKit.Mixins.TableOptionsWithData);
    doc.x = page.left;
    doc.y += 12;
  }
}

/** Chart text in the document's own face; ECharts asks for its default sans-serif. */
function svgFont(_family: string, bold: boolean, italic: boolean): string {
  if (bold) return italic ? fonts.boldItalic : fonts.bold;
  return italic ? fonts.italic : fonts.regular;
}
