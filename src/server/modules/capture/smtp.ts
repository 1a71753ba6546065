import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Db } from '../../db/types.ts';
import { roleRank } from '../../../shared/contracts/common.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import * as repo from './capture.repository.ts';
import type { CaptureService } from './capture.service.ts';
import type { Config } from '../../config.ts';

type SmtpListenConfig = NonNullable<Config['capture']['smtp']>;
import { addressOf } from './text.ts';

export interface SmtpListener { port(): number; close(): Promise<void> }

const MAX_RECIPIENTS = 20;

const refusal = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/** The From header's address, read from the raw header block (unfolded) without parsing the whole message. */
function headerFrom(raw: Buffer): string | null {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, end < 0 ? Math.min(raw.length, 65_536) : end).toString('utf8').replace(/\r?\n[ \t]+/g, ' ');
  const line = /^from:(.*)$/im.exec(head)?.[1] ?? '';
  return addressOf(/<([^>]+)>/.exec(line)?.[1] ?? line);
}

function collect(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    stream.on('data', (c: Buffer) => {
      // past the size limit the listener only counts; nothing more is held in memory
      if (!stream.sizeExceeded) parts.push(c);
    });
    stream.on('end', () => resolve(Buffer.concat(parts)));
    stream.on('error', reject);
  });
}

/**
 * The optional SMTP listener: a member of staff forwards (or Bccs) a message to it and it waits in
 * their review queue. It relays nothing and takes mail only from an active librarian (or higher) of
 * some institution, named by the envelope sender or the From header; anyone else gets a 550. Plain
 * SMTP without AUTH or STARTTLS: it listens on loopback by default, behind the institution's own
 * mail server.
 */
export async function startSmtpListener(cfg: SmtpListenConfig, deps: { db: Db; capture: CaptureService }, log: FastifyBaseLogger): Promise<SmtpListener> {
  async function sender(session: SMTPServerSession, raw: Buffer) {
    const envelope = session.envelope.mailFrom ? addressOf(session.envelope.mailFrom.address) : null;
    for (const address of [envelope, headerFrom(raw)]) {
      if (!address) continue;
      const user = await repo.activeUserByEmail(deps.db, address);
      if (user && roleRank[user.role] >= roleRank.librarian) return user;
    }
    return null;
  }

  async function receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<string> {
    const raw = await collect(stream);
    if (stream.sizeExceeded) throw refusal(552, `Message is larger than ${cfg.maxBytes} bytes`);
    const user = await sender(session, raw);
    if (!user) throw refusal(550, 'No Rapport librarian has this sender address; nothing was captured');
    const actor: Actor = { userId: user.id, institutionId: user.institution_id, role: user.role, requestId: `smtp-${session.id}-${newId()}` };
    const rcpts = session.envelope.rcptTo.map((r) => r.address);
    try {
      const done = await deps.capture.uploadEml(actor, raw, 'smtp', rcpts);
      log.info({ userId: user.id, items: done.itemIds.length }, 'capture: message received by SMTP');
      return done.alreadyKnown ? 'Already captured' : 'Captured for review';
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION') throw refusal(554, err.message);
      log.error({ err }, 'capture: SMTP message could not be stored');
      throw refusal(451, 'Could not store the message; try again later');
    }
  }

  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: cfg.maxBytes,
    banner: 'Rapport capture',
    logger: false,
    disableReverseLookup: true,
    maxClients: 20,
    socketTimeout: 60_000,
    closeTimeout: 5_000,
    onRcptTo(_address, session, callback) {
      callback(session.envelope.rcptTo.length >= MAX_RECIPIENTS ? refusal(452, 'Too many recipients') : null);
    },
    onData(stream, session, callback) {
      receive(stream, session).then((message) => callback(null, message), (err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(cfg.port, cfg.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => log.error({ err }, 'capture: SMTP listener error'));
  const port = (server.server.address() as AddressInfo).port;
  log.info({ host: cfg.host, port }, 'capture: SMTP listener started');
  return {
    port: () => port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
