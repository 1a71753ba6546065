import nodemailer from 'nodemailer';
import { nudgeKindLabels, type NudgeDto } from '../../../shared/contracts/nudges.ts';
import type { Config } from '../../config.ts';
import { hasRole } from '../../http/actor.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { nudgesService } from './nudges.service.ts';

export interface DigestResult {
  sent: number;
  /** active users with nothing needing attention */
  quiet: number;
  /** addresses the SMTP server refused or could not take: the run goes on without them */
  failed: string[];
}

/** The plain-text body: one line per nudge with its link, grouped by kind. */
export function digestText(name: string, items: NudgeDto[], publicUrl: string): string {
  const lines = [`Hello ${name},`, '', `${items.length} ${items.length === 1 ? 'thing needs' : 'things need'} your attention in Rapport this week.`];
  for (const kind of Object.keys(nudgeKindLabels) as (keyof typeof nudgeKindLabels)[]) {
    const group = items.filter((n) => n.kind === kind);
    if (!group.length) continue;
    lines.push('', `${nudgeKindLabels[kind]} (${group.length})`);
    for (const n of group) lines.push(`- ${n.title}. ${n.detail}`, `  ${publicUrl}${n.href}`);
  }
  lines.push('', `Snooze or dismiss any of these on your home page: ${publicUrl}/`);
  return lines.join('\n');
}

/**
 * Emails each active user their nudges (managers and admins: the team's) over SMTP. Off unless
 * RAPPORT_SMTP_URL is set; run weekly by `rapport digest` from cron or a systemd timer.
 */
export async function sendDigests(deps: Pick<AppDeps, 'db' | 'clock' | 'dialect'>, mail: Config['mail'], onProgress?: (done: number, total: number) => void): Promise<DigestResult> {
  if (!mail.smtpUrl) throw new Error('The digest is off: set RAPPORT_SMTP_URL to an smtp:// address');
  const transport = nodemailer.createTransport(mail.smtpUrl);
  const feed = nudgesService(deps);
  const users = await deps.db.selectFrom('users').select(['id', 'institution_id', 'email', 'name', 'role']).where('active', '=', 1).orderBy('email').execute();
  const result: DigestResult = { sent: 0, quiet: 0, failed: [] };
  try {
    for (const [i, u] of users.entries()) {
      const actor = { userId: u.id, institutionId: u.institution_id, role: u.role, requestId: 'digest' };
      const { items } = await feed.feed(actor, hasRole(actor, 'manager') ? 'team' : 'mine');
      if (items.length) {
        try {
          await transport.sendMail({
            from: mail.from, to: { name: u.name, address: u.email }, subject: `Rapport: ${items.length} ${items.length === 1 ? 'thing needs' : 'things need'} your attention`,
            text: digestText(u.name, items, mail.publicUrl),
          });
          result.sent++;
        } catch {
          result.failed.push(u.email);
        }
      } else result.quiet++;
      onProgress?.(i + 1, users.length);
    }
  } finally {
    transport.close();
  }
  return result;
}
