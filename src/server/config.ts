import { z } from 'zod';

/** Every setting Rapport reads from the environment, parsed once. Nothing else reads process.env. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  // digits only: z.coerce would read a blank value as port 0, a random port
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a whole number from 0 to 65535')
    .transform(Number)
    .pipe(z.number().max(65535, 'must be a whole number from 0 to 65535'))
    .default(3000),
  /** postgres://… selects PostgreSQL, sqlite:<path> SQLite at that path; unset: SQLite at SQLITE_PATH. */
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres://, postgresql:// or sqlite:')
    .optional(),
  SQLITE_PATH: z.string().default('./data/rapport.sqlite'),
  /** Load the demo university on first start when the database is empty. */
  RAPPORT_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  RAPPORT_ADMIN_EMAIL: z.email().optional(),
  RAPPORT_ADMIN_PASSWORD: z.string().min(12).optional(),
  RAPPORT_ADMIN_INSTITUTION: z.string().default('My University'),
  /** Set when served behind HTTPS so cookies carry Secure. */
  RAPPORT_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(60 * 8),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(24 * 7),
  /**
   * Which X-Forwarded-For hops to believe: unset/false trusts none (the client address is the
   * socket's), true trusts all, a number trusts that many hops, otherwise a comma list of proxy
   * addresses or CIDR ranges. The sign-in rate limit keys on the resulting address.
   */
  TRUST_PROXY: z.string().optional(),
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  /** smtp://user:pass@host:port (or smtps://): where the weekly nudge digest is sent from; unset, the digest is off. */
  RAPPORT_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  RAPPORT_MAIL_FROM: z.string().default('Rapport <rapport@localhost>'),
  /** The address people use to reach Rapport, for links in email. */
  RAPPORT_PUBLIC_URL: z.url().default('http://localhost:3000'),
  /** Where uploaded import files wait while their import runs (removed when it ends). */
  RAPPORT_UPLOAD_DIR: z.string().default('./data/uploads'),
  /** The largest file an import accepts, in megabytes. */
  RAPPORT_UPLOAD_MAX_MB: z.coerce.number().positive().max(10_240).default(200),
  /** Rows an import writes per transaction: its checkpoint, so a stopped import resumes after the last one. */
  RAPPORT_IMPORT_BATCH_ROWS: z.coerce.number().int().min(1).max(100_000).default(5000),
  /** The built-in SMTP listener for forwarded mail (capture); unset, it is off. 0 picks a free port (tests). */
  RAPPORT_SMTP_LISTEN_PORT: z.string().regex(/^\d{1,5}$/, 'must be a whole number from 0 to 65535').transform(Number)
    .pipe(z.number().max(65535, 'must be a whole number from 0 to 65535')).optional(),
  /** Where it listens: loopback by default, so only a mail server on this machine can hand it mail. */
  RAPPORT_SMTP_LISTEN_HOST: z.string().default('127.0.0.1'),
  /** The largest message it accepts, in megabytes. */
  RAPPORT_SMTP_LISTEN_MAX_MB: z.coerce.number().positive().max(100).default(25),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  database: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };
  demo: boolean;
  bootstrapAdmin?: { email: string; password: string; institution: string };
  secureCookies: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  loginRateLimit: number;
  trustProxy: boolean | number | string[];
  logLevel: string;
  mail: { smtpUrl: string | null; from: string; publicUrl: string };
  imports: { uploadDir: string; maxUploadBytes: number; batchRows: number };
  /** null: the SMTP listener is off */
  capture: { smtp: { host: string; port: number; maxBytes: number } | null };
}>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // A variable set to nothing (`PORT=` in an env file) means "not set", so its default applies.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const url = e.DATABASE_URL;
  const database =
    url?.startsWith('postgres')
      ? ({ kind: 'postgres', url } as const)
      : ({ kind: 'sqlite', path: url?.startsWith('sqlite:') ? url.slice('sqlite:'.length) : e.SQLITE_PATH } as const);
  if ((e.RAPPORT_ADMIN_EMAIL === undefined) !== (e.RAPPORT_ADMIN_PASSWORD === undefined)) {
    throw new Error('Invalid configuration: set both RAPPORT_ADMIN_EMAIL and RAPPORT_ADMIN_PASSWORD, or neither');
  }
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database,
    demo: e.RAPPORT_DEMO,
    bootstrapAdmin:
      e.RAPPORT_ADMIN_EMAIL && e.RAPPORT_ADMIN_PASSWORD
        ? { email: e.RAPPORT_ADMIN_EMAIL, password: e.RAPPORT_ADMIN_PASSWORD, institution: e.RAPPORT_ADMIN_INSTITUTION }
        : undefined,
    secureCookies: e.RAPPORT_SECURE_COOKIES,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    logLevel: e.LOG_LEVEL,
    mail: { smtpUrl: e.RAPPORT_SMTP_URL ?? null, from: e.RAPPORT_MAIL_FROM, publicUrl: e.RAPPORT_PUBLIC_URL.replace(/\/$/, '') },
    imports: { uploadDir: e.RAPPORT_UPLOAD_DIR, maxUploadBytes: Math.floor(e.RAPPORT_UPLOAD_MAX_MB * 1024 * 1024), batchRows: e.RAPPORT_IMPORT_BATCH_ROWS },
    capture: {
      smtp: e.RAPPORT_SMTP_LISTEN_PORT === undefined ? null
        : { host: e.RAPPORT_SMTP_LISTEN_HOST, port: e.RAPPORT_SMTP_LISTEN_PORT, maxBytes: Math.floor(e.RAPPORT_SMTP_LISTEN_MAX_MB * 1024 * 1024) },
    },
  });
}

function parseTrustProxy(v: string | undefined): boolean | number | string[] {
  if (v === undefined || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}
