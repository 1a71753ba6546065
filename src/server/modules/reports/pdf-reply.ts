import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { ReportDataDto } from '../../../shared/contracts/reports.ts';
import { renderReportPdf } from './pdf/index.ts';

/** A file name people recognise in their downloads: "computing-library-report-2025-26.pdf". */
export const pdfFileName = (r: ReportDataDto) =>
  `${(r.orgUnit.code ?? r.orgUnit.name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-library-report-${r.year.label.replace('–', '-')}.pdf`;

/**
 * The report's PDF, and the report's PDF as the response. The renderer lays the whole document out before writing a byte
 * (see pdf/index.ts), so it is collected (tens of kilobytes) and sent with its length; a failure
 * becomes an ordinary error answer, never half a file.
 */
export async function reportPdf(report: ReportDataDto): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  await renderReportPdf(report, sink);
  return Buffer.concat(chunks);
}

export async function sendReportPdf(reply: FastifyReply, report: ReportDataDto) {
  const body = await reportPdf(report);
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${pdfFileName(report)}"`)
    .header('content-length', body.length)
    .send(body);
}
