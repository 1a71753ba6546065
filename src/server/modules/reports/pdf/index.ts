import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ReportDataDto } from '../../../../shared/contracts/reports.ts';
import { writeSections } from './sections.ts';
import { longDate, pdfText } from './text.ts';
import { ReportWriter, colours, contentWidth, fonts, page, type SectionMark } from './writer.ts';

export { reportSections } from './sections.ts';

/*
 * The annual departmental report as a designed, accessible PDF, drawn without a browser: a cover, a
 * contents page with real page numbers, the sections in the contract's order with vector charts, a
 * running header and "Page n of N" footers. Pages are buffered so the contents page and the footers
 * can be written once the page count is known; the bytes go to `out` only after the whole document
 * has been laid out, so a failure part-way leaves `out` untouched rather than half-written.
 */

type Doc = InstanceType<typeof PDFDocument>;

export function reportTitle(data: ReportDataDto): string {
  return `Library report: ${data.orgUnit.name}, ${data.year.label}`;
}

export async function renderReportPdf(data: ReportDataDto, out: Writable): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: page.top, bottom: page.bottom, left: page.left, right: page.right },
    bufferPages: true,
    tagged: true,
    lang: 'en-GB',
    pdfVersion: '1.7',
    displayTitle: true,
    font: fonts.regular,
    info: {
      Title: pdfText(reportTitle(data)),
      Author: pdfText(data.institution.name),
      Subject: pdfText(`The library's annual report for ${data.orgUnit.name}, academic year ${data.year.label}`),
      Creator: 'Rapport',
      CreationDate: new Date(data.generatedAt),
    },
  });
  const root = doc.struct('Document');
  doc.addStructure(root);

  cover(doc, root, data);
  doc.addPage();
  // reserved now so the contents come second in reading order; filled in once the page numbers are known
  const contents = doc.struct('TOC');
  root.add(contents);
  doc.addPage();

  const w = new ReportWriter(doc, root);
  writeSections(w, data);

  doc.switchToPage(1);
  writeContents(doc, contents, w.sections);
  contents.end();
  runningHeadAndFoot(doc, data);
  root.end();

  const written = finished(out);
  doc.pipe(out);
  doc.end();
  await written;
}

function cover(doc: Doc, root: PDFKit.PDFStructureElement, data: ReportDataDto): void {
  const band = 360;
  const x = page.left;
  const tag = (type: string, draw: () => void) => root.add(doc.struct(type, {}, draw));
  const artifact = (draw: () => void) => {
    doc.markContent('Artifact', { type: 'Layout' });
    draw();
    doc.endMarkedContent();
  };
  artifact(() => {
    doc.rect(0, 0, page.width, band).fill(colours.brand);
    doc.rect(x, band - 56, 64, 5).fill('#ffffff');
  });
  tag('P', () => doc.font(fonts.bold).fontSize(13).fillColor('#ffffff').text(pdfText(data.institution.name), x, 72, { width: contentWidth }));
  tag('H1', () => doc.font(fonts.bold).fontSize(38).fillColor('#ffffff').text('Library report', x, 150, { width: contentWidth }));
  tag('P', () => doc.font(fonts.regular).fontSize(24).fillColor('#ffffff').text(pdfText(data.orgUnit.name), x, doc.y + 8, { width: contentWidth }));
  tag('P', () => doc.font(fonts.regular).fontSize(18).fillColor('#ffffff').text(`Academic year ${pdfText(data.year.label)}`, x, doc.y + 6, { width: contentWidth }));
  const details = [
    data.orgUnit.parentName ? `Part of ${data.orgUnit.parentName}` : null,
    `Covering ${longDate(data.year.start)} to ${longDate(data.year.end)}`,
    `Prepared on ${longDate(data.generatedAt)}`,
  ].filter((d): d is string => d !== null);
  doc.y = band + 48;
  for (const d of details) tag('P', () => doc.font(fonts.regular).fontSize(12).fillColor(colours.ink).text(pdfText(d), x, doc.y + 4, { width: contentWidth }));
}

function writeContents(doc: Doc, toc: PDFKit.PDFStructureElement, sections: SectionMark[]): void {
  const x = page.left;
  const right = page.left + contentWidth;
  toc.add(doc.struct('H1', {}, () => doc.font(fonts.bold).fontSize(20).fillColor(colours.brand).text('Contents', x, page.top, { width: contentWidth })));
  let y = page.top + 48;
  sections.forEach((s, i) => {
    const label = `${i + 1}   ${pdfText(s.title)}`;
    const number = String(s.page);
    doc.font(fonts.regular).fontSize(12);
    const labelWidth = doc.widthOfString(label);
    const numberWidth = doc.widthOfString(number);
    toc.add(doc.struct('TOCI', {}, () => {
      doc.fillColor(colours.ink).text(`${label} `, x, y, { lineBreak: false, goTo: s.key });
      doc.text(`page ${number}`, right - numberWidth - doc.widthOfString('page '), y, { lineBreak: false, goTo: s.key });
    }));
    // dot leaders from the title to the page number: decoration only
    doc.markContent('Artifact', { type: 'Layout' });
    const from = x + labelWidth + 8;
    const to = right - numberWidth - doc.widthOfString('page ') - 8;
    if (to > from) doc.save().moveTo(from, y + 10).lineTo(to, y + 10).dash(1, { space: 3 }).lineWidth(0.8).strokeColor(colours.rule).stroke().undash().restore();
    doc.endMarkedContent();
    y += 30;
  });
}

/** On every page: the footer's "Page n of N"; after the cover, a running header naming the report. */
function runningHeadAndFoot(doc: Doc, data: ReportDataDto): void {
  const { start, count } = doc.bufferedPageRange();
  const head = pdfText(`${data.orgUnit.name} · Library report ${data.year.label}`);
  const institution = pdfText(data.institution.name);
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font(fonts.regular).fontSize(8.5).fillColor(colours.muted);
    if (i > start) {
      doc.text(head, page.left, 40, { lineBreak: false });
      doc.text(institution, page.left + contentWidth - doc.widthOfString(institution), 40, { lineBreak: false });
      doc.moveTo(page.left, 54).lineTo(page.left + contentWidth, 54).lineWidth(0.5).strokeColor(colours.rule).stroke();
    }
    const footer = `Page ${i + 1} of ${count}`;
    doc.fontSize(9).text(footer, (page.width - doc.widthOfString(footer)) / 2, page.height - 44, { lineBreak: false });
    doc.endMarkedContent();
  }
}
