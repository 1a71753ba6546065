import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { clock, relationshipFixtures, type Engage } from '../../../../test/relationships.ts';

/* A person's signals: figures over a window, stay in touch, contact caps and the warnings they raise. */

let t: TestApp;
let a: Tenant;
let b: Tenant;
const f = relationshipFixtures(() => t);
let dept = '';
let pat = '';

beforeAll(async () => {
  t = await buildTestApp({ clock, env: { LOGIN_RATE_LIMIT: '100' } });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  await Promise.all([f.loadVocab(a), f.loadVocab(b)]);
  dept = await f.orgUnit(a, 'Geography', 'department', await f.orgUnit(a, 'Faculty of Environment', 'faculty'));
  // added today (15 March 2026): stay in touch every 30 days; at most 2 library-initiated engagements in 30 days
  pat = await f.person(a, 'Pat Partner', { positions: [{ orgUnitId: dept, title: 'Lecturer' }], stayInTouchDays: 30, contactCap: 2, contactCapDays: 30 });
});
afterAll(() => t?.close());

const withPat = (e: Omit<Engage, 'people'>) => f.engage(a.librarian, a, { units: [dept], ...e, people: [pat] });

describe('stay in touch and the person\'s own contact cap', () => {
  it('never engaged: due an interval after they were added', async () => {
    expect(await f.personSignals(a.viewer, pat)).toMatchObject({
      window: { from: '2025-08-01', to: '2026-03-15' }, lastEngagementOn: null, daysSinceLast: null, engagements: 0, perMonth: 0, themes: 0, depth: 0,
      partnerShare: null, maturity: null,
      stayInTouch: { intervalDays: 30, lastEngagementOn: null, dueOn: '2026-04-14', overdue: false },
      contactCap: { cap: 2, days: 30, count: 0, exceeded: false, source: 'person' },
    });
  });

  it('the last engagement sets the due date: 10 January + 30 days is overdue by today', async () => {
    expect((await withPat({ type: 'meeting', on: '2026-01-10', themes: ['skills'] })).warnings).toEqual([]);
    const s = await f.personSignals(a.viewer, pat);
    expect(s.stayInTouch).toEqual({ intervalDays: 30, lastEngagementOn: '2026-01-10', dueOn: '2026-02-09', overdue: true });
    // the cap counts 16 February .. 15 March only
    expect(s.contactCap).toMatchObject({ count: 0, exceeded: false });
  });

  it('any engagement resets it, even a partner\'s email', async () => {
    expect((await withPat({ type: 'email', on: '2026-02-20', by: 'partner', themes: ['visibility'] })).warnings).toEqual([]);
    const s = await f.personSignals(a.viewer, pat);
    expect(s.stayInTouch).toEqual({ intervalDays: 30, lastEngagementOn: '2026-02-20', dueOn: '2026-03-22', overdue: false });
    expect(s.contactCap).toMatchObject({ count: 0, exceeded: false }); // partner-initiated: not counted
  });

  it('reaching the cap is not exceeding it', async () => {
    expect((await withPat({ type: 'call', on: '2026-03-01' })).warnings).toEqual([]);
    expect((await withPat({ type: 'teaching_session', on: '2026-03-10' })).warnings).toEqual([]);
    expect((await f.personSignals(a.viewer, pat)).contactCap).toEqual({ cap: 2, days: 30, count: 2, exceeded: false, source: 'person' });
  });

  it('a third library-initiated engagement passes the cap: the POST warns, naming the person', async () => {
    const e = await withPat({ type: 'meeting', on: '2026-03-12' });
    expect(e.warnings).toHaveLength(1);
    expect(e.warnings[0]).toContain('Pat Partner');
    expect(e.warnings[0]).toContain('3 library-initiated engagements in the last 30 days');
    expect(e.warnings[0]).toContain('contact cap of 2');
    expect((await f.personSignals(a.viewer, pat)).contactCap).toEqual({ cap: 2, days: 30, count: 3, exceeded: true, source: 'person' });
  });

  it('a partner-initiated engagement raises no warning', async () => {
    expect((await withPat({ type: 'consultation', on: '2026-03-13', by: 'partner' })).warnings).toEqual([]);
    expect((await f.personSignals(a.viewer, pat)).contactCap).toMatchObject({ count: 3, exceeded: true });
  });

  it('the window\'s figures: six engagements this academic year', async () => {
    // planned, after today: outside the default window and the stay-in-touch clock
    await withPat({ type: 'workshop', on: '2026-04-01', by: 'partner', themes: ['relations'] });
    expect(await f.personSignals(a.viewer, pat)).toMatchObject({
      lastEngagementOn: '2026-03-13', daysSinceLast: 2, engagements: 6, perMonth: 0.8, themes: 2,
      depth: 10.5, // 2 + 0.5 + 1 + 3 + 2 + 2
      partnerShare: 0.333,
      stayInTouch: { lastEngagementOn: '2026-03-13', dueOn: '2026-04-12', overdue: false },
      contactCap: { count: 3 },
    });
    // a window ending later sees the planned workshop; stay in touch still runs from today
    expect(await f.personSignals(a.viewer, pat, '?asOf=2026-04-30')).toMatchObject({
      window: { to: '2026-04-30' }, lastEngagementOn: '2026-04-01', daysSinceLast: 29, engagements: 7, themes: 3, depth: 13.5,
      stayInTouch: { lastEngagementOn: '2026-03-13', dueOn: '2026-04-12', overdue: false },
    });
    expect(await f.personSignals(a.viewer, pat, '?year=2024')).toMatchObject({ lastEngagementOn: null, engagements: 0, partnerShare: null });
  });

  it('the person\'s maturity is the latest assessment on or before the window end', async () => {
    await f.assess(a.librarian, { personId: pat, level: 'provider', assessedOn: '2025-05-01' });
    await f.assess(a.librarian, { personId: pat, level: 'pioneer', assessedOn: '2026-03-01' });
    expect((await f.personSignals(a.viewer, pat)).maturity).toBe('pioneer');
    expect((await f.personSignals(a.viewer, pat, '?asOf=2026-02-28')).maturity).toBe('provider');
    expect((await f.personSignals(a.viewer, pat, '?year=2024')).maturity).toBe('provider');
    expect((await f.personSignals(a.viewer, pat, '?year=2023')).maturity).toBeNull();
  });

  it('no interval, no cap: both null', async () => {
    const plain = await f.person(a, 'Plain Person');
    expect(await f.personSignals(a.viewer, plain)).toMatchObject({ stayInTouch: null, contactCap: null });
  });
});

describe('the institution\'s default contact cap', () => {
  let quinn = '';
  let rae = '';
  let last = '';
  const engage = (on: string, people: string[]) => f.engage(b.librarian, b, { on, people });
  const cap = async (id: string) => (await f.personSignals(b.viewer, id)).contactCap;

  beforeAll(async () => {
    quinn = await f.person(b, 'Quinn Default');
    rae = await f.person(b, 'Rae Own', { contactCap: 5 });
  });

  it('applies to people without their own cap, once set', async () => {
    expect(await cap(quinn)).toBeNull();
    await f.settings(b, { contactCap: 1, contactCapDays: 7 });
    expect(await cap(quinn)).toEqual({ cap: 1, days: 7, count: 0, exceeded: false, source: 'institution' });
    // a person's own cap takes the institution's days when they have none
    expect(await cap(rae)).toEqual({ cap: 5, days: 7, count: 0, exceeded: false, source: 'person' });
  });

  it('counts the last 7 days, today included', async () => {
    expect((await engage('2026-03-09', [quinn])).warnings).toEqual([]); // the window's first day
    expect((await engage('2026-03-08', [quinn])).warnings).toEqual([]); // a day before it
    expect(await cap(quinn)).toMatchObject({ count: 1, exceeded: false });
  });

  it('warns only for the person past their cap', async () => {
    const e = await engage('2026-03-14', [quinn, rae]);
    last = e.id;
    expect(e.warnings).toHaveLength(1);
    expect(e.warnings[0]).toContain('Quinn Default');
    expect(e.warnings[0]).toContain('contact cap of 1');
    expect(await cap(quinn)).toMatchObject({ count: 2, exceeded: true });
    expect(await cap(rae)).toEqual({ cap: 5, days: 7, count: 1, exceeded: false, source: 'person' });
  });

  it('PATCH warns too, and stops once the engagement is the partner\'s', async () => {
    let res = await b.librarian.patch(`/api/v1/engagements/${last}`, { initiatedBy: 'partner' });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ warnings: string[] }>().warnings).toEqual([]);
    expect(await cap(quinn)).toMatchObject({ count: 1, exceeded: false });
    res = await b.librarian.patch(`/api/v1/engagements/${last}`, { initiatedBy: 'library' });
    expect(res.json<{ warnings: string[] }>().warnings).toEqual([expect.stringContaining('Quinn Default')]);
  });

  it('a raised cap silences it', async () => {
    await f.settings(b, { contactCap: 2 });
    expect(await cap(quinn)).toEqual({ cap: 2, days: 7, count: 2, exceeded: false, source: 'institution' });
    expect((await engage('2026-03-15', [rae])).warnings).toEqual([]);
  });
});
