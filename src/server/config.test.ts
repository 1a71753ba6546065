import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to SQLite at SQLITE_PATH with safe session settings', () => {
    const c = loadConfig({});
    expect(c.database).toEqual({ kind: 'sqlite', path: './data/rapport.sqlite' });
    expect(c).toMatchObject({ env: 'development', port: 3000, secureCookies: false, sessionIdleMs: 8 * 3_600_000, sessionAbsoluteMs: 7 * 24 * 3_600_000, loginRateLimit: 10, bootstrapAdmin: undefined });
    expect(Object.isFrozen(c)).toBe(true);
    expect(loadConfig({ SQLITE_PATH: '/var/lib/rapport/db.sqlite' }).database).toEqual({ kind: 'sqlite', path: '/var/lib/rapport/db.sqlite' });
  });

  it('picks PostgreSQL for postgres:// and postgresql:// URLs', () => {
    for (const url of ['postgres://rapport:secret@db:5432/rapport', 'postgresql://db/rapport?sslmode=require']) {
      expect(loadConfig({ DATABASE_URL: url, SQLITE_PATH: '/ignored.sqlite' }).database).toEqual({ kind: 'postgres', url });
    }
  });

  it('takes a sqlite: URL as a SQLite path', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:/data/r.sqlite' }).database).toEqual({ kind: 'sqlite', path: '/data/r.sqlite' });
  });

  it('rejects a DATABASE_URL of any other kind, naming the variable, rather than silently using SQLite', () => {
    for (const DATABASE_URL of ['mysql://db/rapport', './data/rapport.sqlite', 'postgresx://db']) {
      expect(() => loadConfig({ DATABASE_URL }), DATABASE_URL).toThrow(/DATABASE_URL/);
    }
  });

  it('reads sessions, cookies, the rate limit and the port', () => {
    const c = loadConfig({ SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '2', RAPPORT_SECURE_COOKIES: 'true', LOGIN_RATE_LIMIT: '3', PORT: '8080', NODE_ENV: 'production' });
    expect(c).toMatchObject({ sessionIdleMs: 30 * 60_000, sessionAbsoluteMs: 2 * 3_600_000, secureCookies: true, loginRateLimit: 3, port: 8080, env: 'production' });
  });

  it('rejects a half-set admin pair, naming both variables', () => {
    for (const env of [{ RAPPORT_ADMIN_EMAIL: 'head@example.ac.uk' }, { RAPPORT_ADMIN_PASSWORD: 'a long enough password' }]) {
      expect(() => loadConfig(env)).toThrow(/RAPPORT_ADMIN_EMAIL.*RAPPORT_ADMIN_PASSWORD/);
    }
    const c = loadConfig({ RAPPORT_ADMIN_EMAIL: 'head@example.ac.uk', RAPPORT_ADMIN_PASSWORD: 'a long enough password', RAPPORT_ADMIN_INSTITUTION: 'University of Example' });
    expect(c.bootstrapAdmin).toEqual({ email: 'head@example.ac.uk', password: 'a long enough password', institution: 'University of Example' });
  });

  it('rejects a short admin password and a bad admin email, naming the variable', () => {
    expect(() => loadConfig({ RAPPORT_ADMIN_EMAIL: 'head@example.ac.uk', RAPPORT_ADMIN_PASSWORD: 'short' })).toThrow(/RAPPORT_ADMIN_PASSWORD/);
    expect(() => loadConfig({ RAPPORT_ADMIN_EMAIL: 'not-an-email', RAPPORT_ADMIN_PASSWORD: 'a long enough password' })).toThrow(/RAPPORT_ADMIN_EMAIL/);
  });

  it('rejects a bad PORT, naming the variable', () => {
    for (const PORT of ['http', '70000', '-1', '80.5', '0x50', '1e3']) {
      expect(() => loadConfig({ PORT }), `PORT=${PORT}`).toThrow(/PORT/);
    }
  });

  it('treats a variable set to nothing as unset, so a blank PORT is not port 0', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ', RAPPORT_ADMIN_EMAIL: '', RAPPORT_ADMIN_PASSWORD: '' })).toMatchObject({
      port: 3000,
      database: { kind: 'sqlite', path: './data/rapport.sqlite' },
      bootstrapAdmin: undefined,
    });
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
  });

  it('rejects other bad values, naming each variable', () => {
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '0' })).toThrow(/SESSION_IDLE_MINUTES/);
    expect(() => loadConfig({ LOGIN_RATE_LIMIT: 'lots' })).toThrow(/LOGIN_RATE_LIMIT/);
    expect(() => loadConfig({ RAPPORT_SECURE_COOKIES: 'yes' })).toThrow(/RAPPORT_SECURE_COOKIES/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    let message = '';
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/LOG_LEVEL/);
  });

  it('leaves the capture SMTP listener off unless a port is given, and reads its host and size limit', () => {
    expect(loadConfig({}).capture.smtp).toBeNull();
    expect(loadConfig({ RAPPORT_SMTP_LISTEN_PORT: ' ', RAPPORT_SMTP_LISTEN_HOST: '0.0.0.0' }).capture.smtp).toBeNull();
    expect(loadConfig({ RAPPORT_SMTP_LISTEN_PORT: '2525' }).capture.smtp).toEqual({ port: 2525, host: '127.0.0.1', maxBytes: 25 * 1024 * 1024 });
    expect(loadConfig({ RAPPORT_SMTP_LISTEN_PORT: '0', RAPPORT_SMTP_LISTEN_HOST: '::1', RAPPORT_SMTP_LISTEN_MAX_MB: '2' }).capture.smtp).toEqual({ port: 0, host: '::1', maxBytes: 2 * 1024 * 1024 });
    expect(() => loadConfig({ RAPPORT_SMTP_LISTEN_PORT: '70000' })).toThrow(/RAPPORT_SMTP_LISTEN_PORT: must be a whole number/);
    expect(() => loadConfig({ RAPPORT_SMTP_LISTEN_PORT: '25', RAPPORT_SMTP_LISTEN_MAX_MB: '-1' })).toThrow(/RAPPORT_SMTP_LISTEN_MAX_MB/);
  });
});
