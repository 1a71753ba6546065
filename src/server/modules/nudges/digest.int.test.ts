import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, newTenant, PASSWORD, uniq, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';
import { runRapport } from '../../../../test/cli.ts';
import type { NudgesDto } from '../../../shared/contracts/nudges.ts';
import { sendDigests } from './digest.ts';

/*
 * The weekly digest, sent by nodemailer to a real SMTP server on 127.0.0.1 that keeps each message.
 * "Today" is 15 March 2026: in the 2025–26 academic year the default partnership model already
 * has overdue key activities in every department.
 */
const clock = { now: () => new Date('2026-03-15T12:00:00Z') };
const FROM = 'Rapport <rapport@test>';
const PUBLIC = 'https://rapport.test';

interface Received {
  from: string | null;
  to: string[];
  headers: Record<string, string>;
  text: string;
}
const inbox: Received[] = [];

/** Headers (unfolded, names lower-cased) and the plain-text body, decoded from its transfer encoding. */
function parse(raw: string, from: string | null, to: string[]): Received {
  const split = raw.indexOf('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  const body = raw.slice(split + 4);
  const encoding = headers['content-transfer-encoding']?.toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
      : encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body;
  return { from, to, headers, text: text.replace(/\r\n/g, '\n') };
}

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const { mailFrom, rcptTo } = session.envelope;
      inbox.push(parse(Buffer.concat(chunks).toString('latin1'), mailFrom ? mailFrom.address : null, rcptTo.map((r) => r.address)));
      callback();
    });
  },
});
let smtpUrl = '';

let t: TestApp;
let a: Tenant;
let b: Tenant;
let second: { agent: Agent; email: string };
let gone = '';
const fx = { chem: '', ada: '', history: '' };

const ok = <T>(res: { statusCode: number; body: string; json: <U>() => U }, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
};
const emailOf = async (agent: Agent) => ok<{ user: { email: string } }>(await agent.get('/api/v1/auth/me')).user.email;
const feedOf = async (agent: Agent, scope: 'mine' | 'team') => ok<NudgesDto>(await agent.get(`/api/v1/nudges?scope=${scope}`));
const to = (email: string) => inbox.filter((m) => m.to.includes(email));
const digests = () => sendDigests({ db: t.handle.db, dialect: t.handle.dialect, clock }, { smtpUrl, from: FROM, publicUrl: PUBLIC });

async function unit(agent: Agent, name: string, type: 'faculty' | 'department', parentId?: string) {
  return ok<{ id: string }>(await agent.post('/api/v1/org-units', { name, type, ...(parentId ? { parentId } : {}) }), 201).id;
}
async function staff(tenant: Tenant, name: string) {
  const email = `${uniq('staff')}@example.test`;
  const user = ok<{ id: string }>(await tenant.admin.post('/api/v1/users', { email, name, password: PASSWORD, role: 'librarian' }), 201);
  return { id: user.id, email };
}

beforeAll(async () => {
  const listening = smtp.listen(0, '127.0.0.1');
  await new Promise((resolve) => listening.once('listening', resolve));
  smtpUrl = `smtp://127.0.0.1:${(listening.address() as AddressInfo).port}`;

  t = await buildTestApp({ clock, env: { LOGIN_RATE_LIMIT: '1000' } });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  const fns = Object.fromEntries(ok<{ key: string; id: string }[]>(await a.viewer.get('/api/v1/vocab?kind=function')).map((v) => [v.key, v.id]));
  const meeting = ok<{ key: string; id: string }[]>(await a.viewer.get('/api/v1/vocab?kind=engagement_type')).find((v) => v.key === 'meeting')?.id;
  const science = await unit(a.manager, 'Faculty of Science', 'faculty');
  fx.chem = await unit(a.manager, 'Chemistry', 'department', science);
  fx.history = await unit(a.manager, 'History', 'department');
  const cover = (userId: string, orgUnitId: string) => a.manager.post('/api/v1/coverage', { userId, orgUnitId, functionId: fns.subject_liaison });
  ok(await cover(a.librarian.userId, science), 201);
  fx.ada = ok<{ id: string }>(await a.librarian.post('/api/v1/people', { name: 'Dr Ada Byron', positions: [{ orgUnitId: fx.chem, title: 'Lecturer' }], stayInTouchDays: 30 }), 201).id;
  ok(await a.librarian.post('/api/v1/engagements', { typeId: meeting, occurredOn: '2026-01-10', summary: 'Reading lists', initiatedBy: 'partner', personIds: [fx.ada], orgUnitIds: [fx.chem] }), 201);

  // a second librarian covers History and keeps one nudge; a third is deactivated with cover in place
  const s = await staff(a, 'Byron, Ann');
  ok(await cover(s.id, fx.history), 201);
  second = { agent: await login(t.app, s.email), email: s.email };
  const keep = (await feedOf(second.agent, 'mine')).items.find((n) => n.kind === 'not_engaged');
  for (const n of (await feedOf(second.agent, 'mine')).items.filter((x) => x.key !== keep?.key)) {
    expect((await second.agent.post('/api/v1/nudges/actions', { action: 'dismiss', key: n.key, reason: 'handled elsewhere' })).statusCode).toBe(204);
  }
  const leaver = await staff(a, 'Cat Leaver');
  ok(await cover(leaver.id, science), 201);
  ok(await a.admin.patch(`/api/v1/users/${leaver.id}`, { active: false }));
  gone = leaver.email;
  // the librarian has dealt with Chemistry's single point of failure
  expect((await a.librarian.post('/api/v1/nudges/actions', { action: 'dismiss', key: `single:${fx.chem}:2025`, reason: 'A colleague joins next term' })).statusCode).toBe(204);

  await unit(b.manager, 'Other Chemistry', 'department');
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
});

describe('the weekly digest', () => {
  it('mails each active user with nudges once, and nobody with none', async () => {
    inbox.length = 0;
    const progress: [number, number][] = [];
    const result = await sendDigests({ db: t.handle.db, dialect: t.handle.dialect, clock }, { smtpUrl, from: FROM, publicUrl: PUBLIC }, (done, total) => progress.push([done, total]));
    const [admin, manager, librarian, viewer] = [await emailOf(a.admin), await emailOf(a.manager), await emailOf(a.librarian), await emailOf(a.viewer)];
    for (const email of [admin, manager, librarian, second.email]) expect(to(email), email).toHaveLength(1);
    for (const email of [viewer, gone]) expect(to(email), email).toEqual([]);
    // this file's database: a's four and b's admin and manager are mailed; the viewers and librarians with no cover are quiet
    expect(result).toEqual({ sent: 6, quiet: 3, failed: [] });
    expect(inbox).toHaveLength(6);
    expect(progress.at(-1)).toEqual([9, 9]);
    for (const m of inbox) {
      expect(m.from).toBe('rapport@test');
      expect(m.to).toHaveLength(1);
      expect(m.headers.from).toBe(FROM);
    }
    expect(to(librarian)[0]?.headers.to).toBe(`librarian ${librarian.slice('librarian-'.length, librarian.indexOf('@'))} <${librarian}>`);
    expect(to(second.email)[0]?.headers.to).toBe(`"Byron, Ann" <${second.email}>`);
  });

  it("counts the items in the subject and lists each with a link, leaving out what the user dismissed", async () => {
    inbox.length = 0;
    await digests();
    const librarian = await emailOf(a.librarian);
    const [mail] = to(librarian);
    // Chemistry: the Associate Dean (autumn and spring) and the first committee meeting overdue; Ada due on 9 February
    expect(mail?.headers.subject).toBe('Rapport: 4 things need your attention');
    expect((await feedOf(a.librarian, 'mine')).items).toHaveLength(4);
    const text = mail?.text ?? '';
    expect(text).toMatch(/^Hello librarian t\w+,\n\n4 things need your attention in Rapport this week\./);
    expect(text).toContain('Time to get in touch (1)\n- Get in touch with Dr Ada Byron. Every 30 days; last engagement 2026-01-10, due 2026-02-09.\n');
    expect(text).toContain(`  ${PUBLIC}/people/${fx.ada}\n`);
    expect(text).toContain('Key activity overdue (3)\n- Attendance at the staff-student committee: overdue for Chemistry. Meeting 1 of 3 ended on 2025-11-30');
    expect(text).toContain('- Regular meeting with the Associate Dean: overdue for Chemistry. Spring term ended on 2026-02-28 without one (Loughborough partnership model).\n');
    expect(text).toContain(`  ${PUBLIC}/departments/${fx.chem}\n`);
    expect(text).not.toContain('Single point of failure');
    expect(text).toContain(`Snooze or dismiss any of these on your home page: ${PUBLIC}/`);
    const links = text.match(/https?:\/\/\S+/g) ?? [];
    expect(links).toHaveLength(5);
    for (const link of links) expect(link.startsWith(`${PUBLIC}/`), link).toBe(true);

    const [one] = to(second.email);
    expect(one?.headers.subject).toBe('Rapport: 1 thing needs your attention');
    expect(one?.text).toContain('1 thing needs your attention in Rapport this week.');
    expect(one?.text).toContain(`Not engaged this year (1)\n- History: not engaged this academic year. No engagement has been logged yet.\n  ${PUBLIC}/departments/${fx.history}\n`);
  });

  it("managers get the team's view, coverage gaps included, of their own institution only", async () => {
    inbox.length = 0;
    await digests();
    const [mine, theirs] = [to(await emailOf(a.manager))[0], to(await emailOf(b.manager))[0]];
    const team = (await feedOf(a.manager, 'team')).items;
    expect(mine?.headers.subject).toBe(`Rapport: ${team.length} things need your attention`);
    expect(team.length).toBeGreaterThan(4);
    // four functions each, Chemistry's subject liaison inherited from the faculty and History's covered
    expect(mine?.text).toContain('Coverage gap (8)\n');
    expect(mine?.text).toContain('- History: nobody covers research support. Assign someone on the staff and coverage page.\n');
    expect(mine?.text).toContain(`${PUBLIC}/coverage\n`);
    expect(mine?.text).toContain('Single point of failure (1)\n- Chemistry: one member of staff holds the relationship.');
    expect(theirs?.text).toContain('Other Chemistry');
    for (const id of [fx.chem, fx.history, fx.ada]) expect(theirs?.text).not.toContain(id);
    expect(mine?.text).not.toContain('Other Chemistry');
  });

  it('refuses clearly when no SMTP server is configured, and sends nothing', async () => {
    inbox.length = 0;
    await expect(sendDigests({ db: t.handle.db, dialect: t.handle.dialect, clock }, { smtpUrl: null, from: FROM, publicUrl: PUBLIC })).rejects.toThrow(
      'The digest is off: set RAPPORT_SMTP_URL to an smtp:// address',
    );
    expect(inbox).toEqual([]);
  });
});

describe('rapport digest', { timeout: 90_000 }, () => {
  const rapport = (env: Record<string, string>) => runRapport(['digest'], env);

  const database = (): Record<string, string> => (t.config.database.kind === 'sqlite' ? { SQLITE_PATH: t.config.database.path } : { DATABASE_URL: t.config.database.url });

  it('says the digest is off without RAPPORT_SMTP_URL, exit code 1, before touching the database', async () => {
    for (const env of [database(), { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }]) {
      const r = await rapport(env);
      expect(r.code).toBe(1);
      expect(r.err).toBe('rapport: The digest is off: set RAPPORT_SMTP_URL to an smtp:// address\n');
      expect(r.out).toBe('');
    }
  });

  it('sends through RAPPORT_SMTP_URL with links to RAPPORT_PUBLIC_URL', async () => {
    inbox.length = 0;
    const r = await rapport({ ...database(), RAPPORT_SMTP_URL: smtpUrl, RAPPORT_MAIL_FROM: 'Library Rapport <digest@rapport.test>', RAPPORT_PUBLIC_URL: 'https://crm.library.test/' });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Sent \d+ digests?; \d+ users? had nothing needing attention\n$/);
    expect(r.err).toContain('digest: 9/9 users');
    // the real date: the coverage gaps stand whatever the day
    const [mail] = to(await emailOf(a.manager));
    expect(mail?.from).toBe('digest@rapport.test');
    expect(mail?.text).toContain('https://crm.library.test/coverage\n');
    expect(mail?.text).not.toContain('https://crm.library.test//');
    expect(Number(/^Sent (\d+)/.exec(r.out)?.[1])).toBe(inbox.length);
  });
});
