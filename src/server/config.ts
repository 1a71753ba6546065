import { z } from 'zod';

/** Every setting Rapport reads from the environment, parsed once. Nothing else reads process.env. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** postgres://… selects PostgreSQL; otherwise SQLite at SQLITE_PATH. */
  DATABASE_URL: z.string().optional(),
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
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
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
  logLevel: string;
}>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const url = e.DATABASE_URL;
  const database =
    url && /^postgres(ql)?:\/\//.test(url)
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
    logLevel: e.LOG_LEVEL,
  });
}
