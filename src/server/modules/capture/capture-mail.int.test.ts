import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorOf, type TestApp } from '../../../../test/app.ts';
import { captureWorld, fixedClock, fixture, queue, uploaded, uploadTo, type World } from '../../../../test/fixtures/capture/world.ts';

let t: TestApp;
let w: World;

beforeAll(async () => {
  // port 0 takes a free one
  t = await buildTestApp({ clock: fixedClock, env: { RAPPORT_SMTP_LISTEN_PORT: '0' } });
  w = await captureWorld(t);
});
afterAll(() => t.close());

const items = async (subject: string) => (await queue(w.liaison)).items.filter((i) => i.subject === subject);

describe('capture: .eml uploads', () => {
  it('matches From, To and Cc to people by address and keeps the date, subject and a text excerpt', async () => {
    expect(await uploaded(w.liaison, 'eml', 'reply-from-partner.eml')).toMatchObject({ suggested: 1, unmatched: 0, skipped: 0, alreadyKnown: 0 });
    const [reply] = await items('Re: Reading lists for MSc Data Science');
    expect(reply).toMatchObject({
      kind: 'message', status: 'suggested', source: 'eml', startsAt: '2026-10-06T15:42:10.000Z', occurredOn: '2026-10-06', durationMinutes: null,
      fromAddress: 'ada.byron@maths.example.ac.uk', initiatedBy: 'partner', suggestedType: { label: 'Email' },
      toAddresses: ['ada.byron@maths.example.ac.uk', 'g.hopper@computing.example.ac.uk'],
    });
    expect(reply?.people.map((p) => [p.name, p.address])).toEqual([['Ada Byron', 'ada.byron@maths.example.ac.uk'], ['Grace Hopper', 'g.hopper@computing.example.ac.uk']]);
    expect(reply?.departments.map((d) => d.name)).toEqual(['Computing', 'Mathematics']);
    // the quoted reply below is not part of the excerpt
    expect(reply?.excerpt).toMatch(/^Thanks — the core list is now on the VLE\./);
    expect(reply?.excerpt).not.toContain('Here are the titles');

    expect(await uploaded(w.liaison, 'eml', 'reply-from-partner.eml')).toMatchObject({ suggested: 0, alreadyKnown: 1 });
  });

  it('reads an HTML message as text and queues it when nobody on it is known', async () => {
    expect(await uploaded(w.liaison, 'eml', 'induction-html.eml')).toMatchObject({ suggested: 0, unmatched: 1 });
    const [induction] = await items('Library induction for your module');
    expect(induction).toMatchObject({ status: 'unmatched', fromAddress: null, initiatedBy: 'library', toAddresses: ['sam.newton@history.example.ac.uk'], people: [] });
    expect(induction?.excerpt).toContain('liaison for History & Classics');
    expect(induction?.excerpt).not.toMatch(/<|color: #333|JVBERi/);
  });

  it('names the file when it is not an email', async () => {
    const res = await uploadTo(w.liaison, 'eml', 'note.eml', 'just some words, no headers at all');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).details?.[0]?.field).toBe('file');
    expect((await uploadTo(w.tenant.viewer, 'eml', 'reply.eml', fixture('reply-from-partner.eml'))).statusCode).toBe(403);
  });
});

describe('capture: the SMTP listener', () => {
  const transport = () => nodemailer.createTransport({ host: '127.0.0.1', port: t.app.captureSmtpPort() ?? 0, secure: false, ignoreTLS: true });

  it('listens when configured', () => {
    expect(t.app.captureSmtpPort()).toBeGreaterThan(0);
  });

  it('captures a message from a known librarian for their queue, matched to the people on it', async () => {
    const info = await transport().sendMail({
      envelope: { from: 'liaison@library.example.ac.uk', to: 'capture@rapport.example.ac.uk' },
      from: 'Liaison Librarian <liaison@library.example.ac.uk>', to: 'Ada Byron <ada.byron@maths.example.ac.uk>', bcc: 'capture@rapport.example.ac.uk',
      subject: 'Referencing session in week 3', text: 'Confirming the referencing session for MSc Data Science in week 3.', messageId: '<bcc-1@library.example.ac.uk>',
      date: new Date('2026-11-18T10:00:00Z'),
    });
    expect(info.response).toMatch(/^250 .*Captured for review/);
    const [item] = await items('Referencing session in week 3');
    expect(item).toMatchObject({ source: 'smtp', status: 'suggested', owner: { id: w.liaison.userId }, people: [{ id: w.people.ada }], occurredOn: '2026-11-18', initiatedBy: 'library' });
    // the listener's own address is not a partner
    expect(item?.toAddresses).toEqual(['ada.byron@maths.example.ac.uk']);
  });

  it('reads a forwarded message as the partner’s who wrote it', async () => {
    await transport().sendMail({
      envelope: { from: 'liaison@library.example.ac.uk', to: 'capture@rapport.example.ac.uk' },
      from: 'liaison@library.example.ac.uk', to: 'capture@rapport.example.ac.uk', subject: 'Fwd: Open access fees',
      text: 'For the record.\n\n---------- Forwarded message ---------\nFrom: Grace Hopper <g.hopper@computing.example.ac.uk>\nDate: Mon, 16 Nov 2026 at 09:12\nSubject: Open access fees\nTo: Liaison Librarian <liaison@library.example.ac.uk>\n\nCan the library cover the APC for our Nature paper?\n',
    });
    const [item] = await items('Open access fees');
    expect(item).toMatchObject({ source: 'smtp', fromAddress: 'g.hopper@computing.example.ac.uk', initiatedBy: 'partner', people: [{ id: w.people.grace }], occurredOn: '2026-11-16' });
    expect(item?.excerpt).toBe('Can the library cover the APC for our Nature paper?');
  });

  it('trusts the envelope sender only: a librarian’s address in the From header does not let a stranger in', async () => {
    const before = await t.handle.db.selectFrom('capture_items').select('id').execute();
    const forged = transport().sendMail({
      envelope: { from: 'bounces+srs=x@relay.example.ac.uk', to: 'capture@rapport.example.ac.uk' },
      from: 'liaison@library.example.ac.uk', to: 'capture@rapport.example.ac.uk', subject: 'Forged', text: 'Not from the librarian at all',
    });
    await expect(forged).rejects.toMatchObject({ responseCode: 550 });
    expect(await t.handle.db.selectFrom('capture_items').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses an unknown sender with a 550 and writes nothing', async () => {
    const before = await t.handle.db.selectFrom('capture_items').select('id').execute();
    const sent = transport().sendMail({
      envelope: { from: 'stranger@elsewhere.example.com', to: 'capture@rapport.example.ac.uk' },
      from: 'stranger@elsewhere.example.com', to: 'ada.byron@maths.example.ac.uk', subject: 'Hello', text: 'Let me in',
    });
    await expect(sent).rejects.toMatchObject({ responseCode: 550 });
    // a viewer's address is not enough either
    const viewer = (await w.tenant.viewer.get('/api/v1/auth/me')).json<{ user: { email: string } }>().user.email;
    await expect(transport().sendMail({ envelope: { from: viewer, to: 'capture@rapport.example.ac.uk' }, from: viewer, to: 'ada.byron@maths.example.ac.uk', subject: 'Hi', text: 'x' }))
      .rejects.toMatchObject({ responseCode: 550 });
    expect(await t.handle.db.selectFrom('capture_items').select('id').execute()).toHaveLength(before.length);
  });

  it('is off unless configured', async () => {
    const quiet = await buildTestApp();
    try {
      expect(quiet.app.captureSmtpPort()).toBeNull();
    } finally {
      await quiet.close();
    }
  });
});

