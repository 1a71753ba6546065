import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { captureRoutes, MAX_CAPTURE_BYTES } from './capture.routes.ts';
import { captureService } from './capture.service.ts';
import { startSmtpListener, type SmtpListener } from './smtp.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The SMTP listener's port once it listens; null when it is off (RAPPORT_SMTP_LISTEN_PORT unset). */
    captureSmtpPort(): number | null;
  }
}

/** Low-effort capture: calendar and email uploads, the optional SMTP listener, and the review queue. */
export function registerCapture(app: FastifyInstance, deps: AppDeps) {
  const svc = captureService(deps);
  captureRoutes(app, svc, Math.min(deps.config.imports.maxUploadBytes, MAX_CAPTURE_BYTES));
  const smtp = deps.config.capture.smtp;
  let listener: SmtpListener | null = null;
  app.decorate('captureSmtpPort', () => listener?.port() ?? null);
  if (!smtp) return;
  app.addHook('onReady', async () => {
    listener = await startSmtpListener(smtp, { db: deps.db, capture: svc }, app.log);
  });
  app.addHook('onClose', async () => {
    await listener?.close();
    listener = null;
  });
}
