import type { FastifyInstance } from 'fastify';
import { orgUnitTypeLabels } from '../../../shared/contracts/org.ts';
import { trainingHoursDto, trainingHoursQuery, type TrainingFiguresDto, type TrainingHoursDto } from '../../../shared/contracts/sconul.ts';
import { actorOf } from '../../http/actor.ts';
import { csvColumns, sendCsv } from '../../http/csv.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { SconulService } from './sconul.service.ts';

type CsvRow = TrainingFiguresDto & { orgUnit: string; type: string };

const csv = csvColumns<CsvRow>({
  org_unit: (r) => r.orgUnit,
  type: (r) => r.type,
  sessions: (r) => r.sessions,
  attendees: (r) => r.attendees,
  user_hours: (r) => r.userHours,
  missing_attendance_or_duration: (r) => r.missing,
});

/** The JSON's rows, then the engagements linked to no unit (when there are any), then the total (each engagement once). */
function csvRows(d: TrainingHoursDto): CsvRow[] {
  return [
    ...d.rows.map((r) => ({ ...r, orgUnit: r.orgUnit.name, type: orgUnitTypeLabels[r.orgUnit.type] })),
    ...(d.unlinked.sessions ? [{ ...d.unlinked, orgUnit: 'No department (people only)', type: '' }] : []),
    { ...d.total, orgUnit: `Total ${d.year.label}`, type: '' },
  ];
}

export function sconulRoutes(app: FastifyInstance, svc: SconulService) {
  const r = typed(app);
  const tags = ['metrics'];

  r.get('/api/v1/sconul/training-hours', { schema: { tags, querystring: trainingHoursQuery, response: { 200: trainingHoursDto, ...errorResponses } } }, (req) =>
    svc.trainingHours(actorOf(req), req.query));
  r.get('/api/v1/sconul/training-hours.csv', { schema: { tags, querystring: trainingHoursQuery } }, async (req, reply) => {
    // one row per unit with teaching (hundreds at most), so one fetch; errors are answered before the response starts
    const d = await svc.trainingHours(actorOf(req), req.query);
    const rows = csvRows(d);
    return sendCsv(reply, `sconul-training-hours-${d.year.year}-${String((d.year.year + 1) % 100).padStart(2, '0')}.csv`, csv, (page) => Promise.resolve(page === 1 ? rows : []));
  });
}
