import type { CaptureItemDto, CaptureUploadDto, ConfirmCaptureBody, ConfirmCaptureDto, ListCaptureQuery, MatchCaptureBody } from '../../../shared/contracts/capture.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import { createEngagementBody } from '../../../shared/contracts/engagements.ts';
import type { CaptureItemTable, Executor } from '../../db/types.ts';
import { assertRole, hasRole, type Actor } from '../../http/actor.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { isoNow } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { assertPeopleInInstitution } from '../engagements/engagements.repository.ts';
import { engagementsService } from '../engagements/engagements.service.ts';
import { institutionRow } from '../org/org.repository.ts';
import * as repo from './capture.repository.ts';
import { toCaptureItemDto } from './capture.mapper.ts';
import { readMessage } from './eml.ts';
import { calendarWindow, readCalendar } from './ics.ts';
import { auditSnapshot, ingest } from './ingest.ts';

const OPEN: CaptureItemTable['status'][] = ['suggested', 'unmatched'];

/** "Meeting with Ada Byron" when the invitation had no subject. */
const summaryOf = (item: CaptureItemDto) =>
  item.subject || `${item.kind === 'meeting' ? 'Meeting' : 'Email'} with ${item.people.map((p) => p.name).join(', ') || 'a partner'}`;

export function captureService(deps: Pick<AppDeps, 'db' | 'clock' | 'dialect'>) {
  const { db, clock } = deps;
  const engagements = engagementsService(deps);

  async function dtos(executor: Executor, institutionId: string, rows: repo.ItemRow[]): Promise<CaptureItemDto[]> {
    const [links, types] = await Promise.all([repo.linksOf(executor, rows.map((r) => r.id)), repo.suggestedTypes(executor, institutionId)]);
    return rows.map((r) => toCaptureItemDto(r, links, types));
  }

  /** Whose items the actor may read and act on: their own; a manager's team's (everyone's without a team); an admin everyone's. */
  async function scopeOf(actor: Actor, scope: 'mine' | 'team'): Promise<repo.OwnerScope> {
    if (scope === 'mine') return { ownerId: actor.userId };
    assertRole(actor, 'manager');
    if (actor.role === 'admin') return null;
    const me = await repo.userRow(db, actor.institutionId, actor.userId);
    return me.team_id ? { teamId: me.team_id } : null;
  }

  /** The item if the actor may see it; another institution's, or a colleague's outside their view, is a 404. */
  async function visible(executor: Executor, actor: Actor, id: string): Promise<repo.ItemRow> {
    const row = await repo.getItem(executor, actor.institutionId, id);
    if (!row) throw notFound('Capture item');
    if (row.owner_id === actor.userId || actor.role === 'admin') return row;
    if (hasRole(actor, 'manager')) {
      const me = await repo.userRow(executor, actor.institutionId, actor.userId);
      if (!me.team_id || me.team_id === row.owner_team_id) return row;
    }
    throw notFound('Capture item');
  }

  const one = async (executor: Executor, actor: Actor, id: string) => {
    const [dto] = await dtos(executor, actor.institutionId, [await visible(executor, actor, id)]);
    return dto as CaptureItemDto;
  };

  async function ownerAddress(actor: Actor) {
    return (await repo.userRow(db, actor.institutionId, actor.userId)).email.toLowerCase();
  }

  const conflict = (status: CaptureItemTable['status']) =>
    new AppError('CONFLICT', status === 'confirmed' ? 'This was already logged as an engagement' : 'This was dismissed');

  return {
    async uploadIcs(actor: Actor, file: Buffer): Promise<CaptureUploadDto> {
      assertRole(actor, 'librarian');
      const inst = await institutionRow(db, actor.institutionId);
      const found = readCalendar(file.toString('utf8'), { owner: await ownerAddress(actor), ...calendarWindow(clock.now()), timeZone: inst.time_zone });
      return ingest(deps, actor, 'ics', found);
    },

    /** An .eml uploaded in the app, or (source 'smtp') forwarded to the listener by its owner. */
    async uploadEml(actor: Actor, file: Buffer, source: 'eml' | 'smtp' = 'eml', ignore: string[] = []): Promise<CaptureUploadDto> {
      assertRole(actor, 'librarian');
      const item = await readMessage(file, { owner: await ownerAddress(actor), now: clock.now(), ignore });
      return ingest(deps, actor, source, { items: [item], skipped: 0 });
    },

    async list(actor: Actor, q: ListCaptureQuery): Promise<Page<CaptureItemDto>> {
      const scope = await scopeOf(actor, q.scope);
      const { rows, total } = await repo.listItems(db, actor.institutionId, scope, q.status, (q.page - 1) * q.pageSize, q.pageSize);
      return { items: await dtos(db, actor.institutionId, rows), page: q.page, pageSize: q.pageSize, total };
    },

    get: (actor: Actor, id: string) => one(db, actor, id),

    /**
     * Logs the item as an engagement through the engagements service (so summaries, search and the
     * audit trail stay right), with the suggestion's type, people, departments and subject unless
     * overridden. Claim, engagement and link are one transaction: a second click gets a 409 rather
     * than a second engagement, and a refused engagement leaves the item as it was.
     */
    async confirm(actor: Actor, id: string, body: ConfirmCaptureBody): Promise<ConfirmCaptureDto> {
      assertRole(actor, 'librarian');
      const row = await visible(db, actor, id);
      if (!OPEN.includes(row.status)) throw conflict(row.status);
      const [item] = await dtos(db, actor.institutionId, [row]);
      if (!item) throw notFound('Capture item');
      const typeId = body.typeId ?? item.suggestedType?.id;
      if (!typeId) throw invalid('typeId', 'choose the engagement type: this institution has no active Meeting or Email type');
      const parsed = createEngagementBody.safeParse({
        typeId, occurredOn: item.occurredOn, durationMinutes: item.durationMinutes, summary: body.summary ?? summaryOf(item),
        initiatedBy: item.initiatedBy, personIds: body.personIds ?? item.people.map((p) => p.id),
        orgUnitIds: body.orgUnitIds ?? item.departments.map((d) => d.id), staffIds: [row.owner_id],
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw invalid(String(issue?.path[0] ?? 'personIds'), issue?.message ?? 'is invalid');
      }
      const now = isoNow(clock);
      const claim = { status: 'confirmed' as const, decided_by: actor.userId, decided_at: now, updated_at: now };
      // one change: the claim (guarded on the status, so a second click is a 409), the engagement and the link
      const { after, created } = await db.transaction().execute(async (trx) => {
        if (!await repo.moveItem(trx, actor.institutionId, id, [row.status], claim)) throw conflict('confirmed');
        const engagement = await engagements.createIn(trx, actor, parsed.data);
        await trx.updateTable('capture_items').set({ engagement_id: engagement.id }).where('id', '=', id).execute();
        await recordAudit(trx, actor, {
          action: 'update', entityType: 'capture_item', entityId: id,
          before: { status: row.status, engagement_id: null }, after: { status: 'confirmed', engagement_id: engagement.id },
        }, now);
        return { after: await one(trx, actor, id), created: engagement };
      });
      return { ...after, warnings: await engagements.warnings(actor, created) };
    },

    async dismiss(actor: Actor, id: string): Promise<CaptureItemDto> {
      assertRole(actor, 'librarian');
      return db.transaction().execute(async (trx) => {
        const row = await visible(trx, actor, id);
        const now = isoNow(clock);
        if (!await repo.moveItem(trx, actor.institutionId, id, OPEN, { status: 'dismissed', decided_by: actor.userId, decided_at: now, updated_at: now })) throw conflict(row.status);
        await recordAudit(trx, actor, { action: 'update', entityType: 'capture_item', entityId: id, before: { status: row.status }, after: { status: 'dismissed' } }, now);
        return one(trx, actor, id);
      });
    },

    /** Attaches people by hand (an unmatched item becomes a suggestion); departments follow their positions on its date. */
    async match(actor: Actor, id: string, body: MatchCaptureBody): Promise<CaptureItemDto> {
      assertRole(actor, 'librarian');
      return db.transaction().execute(async (trx) => {
        const row = await visible(trx, actor, id);
        if (!OPEN.includes(row.status)) throw conflict(row.status);
        await assertPeopleInInstitution(trx, actor.institutionId, body.personIds, 'personIds');
        const before = await one(trx, actor, id);
        const now = isoNow(clock);
        // claimed first, guarded on its status: a confirm or dismiss that got there first wins, and this is a 409
        if (!await repo.moveItem(trx, actor.institutionId, id, OPEN, { status: 'suggested', updated_at: now })) throw conflict(row.status);
        await repo.insertPeople(trx, body.personIds.map((p) => ({ item_id: id, person_id: p, institution_id: actor.institutionId, matched_by: 'manual' as const, address: null })));
        const personIds = [...new Set([...before.people.map((p) => p.id), ...body.personIds])].sort();
        const units = repo.unitsOn(await repo.positionsOf(trx, actor.institutionId, personIds), personIds, row.occurred_on);
        await repo.replaceUnits(trx, id, units.map((u) => ({ item_id: id, org_unit_id: u, institution_id: actor.institutionId })));
        await recordAudit(trx, actor, {
          action: 'update', entityType: 'capture_item', entityId: id,
          before: auditSnapshot(row, before.people.map((p) => p.id).sort(), before.departments.map((d) => d.id).sort()),
          after: auditSnapshot({ ...row, status: 'suggested', updated_at: now }, personIds, units),
        }, now);
        return one(trx, actor, id);
      });
    },
  };
}
export type CaptureService = ReturnType<typeof captureService>;
