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
 * their review queue. It relays nothing and takes mail only when the envelope sender (MAIL FROM) is
 * an active librarian (or higher) of some institution; anyone else gets a 550. The From header is not
 * trusted: anyone can write it. Plain SMTP without AUTH or STARTTLS, so the envelope is only as good
 * as whoever hands the message over: it listens on loopback by default, for the institution's own
 * mail server, which has authenticated the sender, to deliver to.
 */
export async function startSmtpListener(cfg: SmtpListenConfig, deps: { db: Db; capture: CaptureService }, log: FastifyBaseLogger): Promise<SmtpListener> {
  async function sender(session: SMTPServerSession) {
    const address = session.envelope.mailFrom ? addressOf(session.envelope.mailFrom.address) : null;
    if (!address) return null;
    const user = await repo.activeUserByEmail(deps.db, address);
    return user && roleRank[user.role] >= roleRank.librarian ? user : null;
  }

  async function receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<string> {
    const raw = await collect(stream);
    if (stream.sizeExceeded) throw refusal(552, `Message is larger than ${cfg.maxBytes} bytes`);
    const user = await sender(session);
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
