import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureItemDto, ConfirmCaptureDto } from '../../../shared/contracts/capture.ts';
import type { EngagementDto } from '../../../shared/contracts/engagements.ts';
import { buildTestApp, errorOf, type TestApp } from '../../../../test/app.ts';
import { captureWorld, fixedClock, fixture, queue, uploaded, uploadTo, type World } from '../../../../test/fixtures/capture/world.ts';

let t: TestApp;
let w: World;
let other: World;

beforeAll(async () => {
  // a 50 KB upload limit: the fixtures fit, the oversized file does not
  t = await buildTestApp({ clock: fixedClock, env: { RAPPORT_UPLOAD_MAX_MB: '0.05' } });
  w = await captureWorld(t);
  other = await captureWorld(t, 'liaison@library.other.example.ac.uk');
});
afterAll(() => t.close());

const bySubject = (items: CaptureItemDto[], subject: string) => items.filter((i) => i.subject === subject);

describe('capture: .ics calendars', () => {
  it('suggests meetings with known people, queues the rest, skips cancelled, all-day, declined and out-of-window ones, and adds nothing the second time', async () => {
    expect(await uploaded(w.liaison, 'ics', 'outlook.ics')).toMatchObject({ suggested: 12, unmatched: 1, skipped: 4, alreadyKnown: 0 });

    const suggested = (await queue(w.liaison, '&status=suggested')).items;
    expect(suggested).toHaveLength(12);
    const [reading] = bySubject(suggested, 'Reading lists for the new MSc');
    // 14:00 "GMT Standard Time" in June is British Summer Time: 13:00 UTC
    expect(reading).toMatchObject({
      kind: 'meeting', status: 'suggested', source: 'ics', startsAt: '2026-06-10T13:00:00.000Z', occurredOn: '2026-06-10', durationMinutes: 60,
      people: [{ id: w.people.ada, name: 'Ada Byron', matchedBy: 'address', address: 'ada.byron@maths.example.ac.uk' }],
      departments: [{ id: w.units.maths, name: 'Mathematics' }], suggestedType: { label: 'Meeting' }, initiatedBy: 'library',
      toAddresses: ['ada.byron@maths.example.ac.uk'], owner: { id: w.liaison.userId },
    });
    // the Teams join block is not part of the excerpt
    expect(reading?.excerpt).toContain('Core reading for the new MSc Data Science');
    expect(reading?.excerpt).not.toContain('Microsoft Teams');

    // the monthly series: 13 in the window, less an EXDATE and a cancelled occurrence, one of them moved
    const series = suggested.filter((i) => i.subject.startsWith('Library liaison catch-up'));
    expect(series).toHaveLength(11);
    expect(series.map((i) => i.occurredOn).sort()).toEqual([
      '2025-12-15', '2026-01-15', '2026-03-16', '2026-05-15', '2026-06-15', '2026-07-15', '2026-08-15', '2026-09-15', '2026-10-15', '2026-11-15', '2026-12-15',
    ]);
    expect(series.find((i) => i.occurredOn === '2026-03-16')).toMatchObject({ subject: 'Library liaison catch-up (moved)', startsAt: '2026-03-16T11:00:00.000Z' });
    expect(series.find((i) => i.occurredOn === '2026-07-15')).toMatchObject({ startsAt: '2026-07-15T09:00:00.000Z', durationMinutes: 30, initiatedBy: 'partner' });
    // the meeting room is not a person
    expect(series.every((i) => i.toAddresses.join() === 'g.hopper@computing.example.ac.uk' && i.departments[0]?.id === w.units.computing)).toBe(true);

    const unmatched = (await queue(w.liaison, '&status=unmatched')).items;
    expect(unmatched.map((i) => [i.subject, i.toAddresses, i.people])).toEqual([['Coffee with a new History lecturer', ['sam.newton@history.example.ac.uk'], []]]);

    expect(await uploaded(w.liaison, 'ics', 'outlook.ics')).toMatchObject({ suggested: 0, unmatched: 0, skipped: 4, alreadyKnown: 13, itemIds: [] });
    expect((await queue(w.liaison)).total).toBe(13);
  });

  it('reads a Google export: organizer and attendees matched whatever their case, rooms and the owner left out', async () => {
    expect(await uploaded(w.liaison, 'ics', 'google.ics')).toMatchObject({ suggested: 1, unmatched: 1, skipped: 2, alreadyKnown: 0 });
    const [nss] = bySubject((await queue(w.liaison, '&status=suggested')).items, 'NSS action planning');
    expect(nss).toMatchObject({
      startsAt: '2026-09-22T08:30:00.000Z', durationMinutes: 90, initiatedBy: 'partner', fromAddress: 'ada.byron@maths.example.ac.uk',
      toAddresses: ['ada.byron@maths.example.ac.uk', 'g.hopper@computing.example.ac.uk'],
      excerpt: 'Working through the NSS comments on learning resources & agreeing actions.',
    });
    expect(nss?.people.map((p) => p.name)).toEqual(['Ada Byron', 'Grace Hopper']);
    expect(nss?.departments.map((d) => d.name)).toEqual(['Computing', 'Mathematics']);
    // declined ("Faculty board") and nobody-else ("Focus time") were skipped
    const subjects = (await queue(w.liaison)).items.map((i) => i.subject);
    expect(subjects).not.toContain('Faculty board');
    expect(subjects).not.toContain('Focus time');
    expect(subjects).toContain('Chat about open access in Law');
  });

  it('names the file when it is not a calendar, is empty or is missing', async () => {
    for (const res of [await uploadTo(w.liaison, 'ics', 'notes.ics', 'Dear diary'), await uploadTo(w.liaison, 'ics', 'empty.ics', ''), await w.liaison.post('/api/v1/capture/ics', {})]) {
      expect(res.statusCode, res.body).toBe(400);
      expect(errorOf(res).details?.[0]?.field).toBe('file');
    }
  });

  it('refuses an upload over the limit with a 413 naming the file, and writes nothing', async () => {
    const before = (await queue(w.liaison)).total;
    const big = fixture('outlook.ics').toString().replace('END:VCALENDAR', `X-PADDING:${'x'.repeat(60_000)}\r\nEND:VCALENDAR`);
    const res = await uploadTo(w.liaison, 'ics', 'big.ics', big);
    expect(res.statusCode, res.body).toBe(413);
    expect(errorOf(res).details?.[0]?.field).toBe('file');
    expect((await queue(w.liaison)).total).toBe(before);
  });
});

describe('capture: the review queue', () => {
  it('logs a suggestion as an engagement in one click, with its people, department, type and date; a second click is a 409', async () => {
    const [reading] = bySubject((await queue(w.liaison, '&status=suggested')).items, 'Reading lists for the new MSc');
    const res = await w.liaison.post(`/api/v1/capture/${reading?.id ?? ''}/confirm`);
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json<ConfirmCaptureDto>();
    expect(done).toMatchObject({ status: 'confirmed', warnings: [] });
    expect(done.engagementId).toBeTruthy();

    const eng = (await w.liaison.get(`/api/v1/engagements/${done.engagementId ?? ''}`)).json<EngagementDto>();
    expect(eng).toMatchObject({
      occurredOn: '2026-06-10', durationMinutes: 60, summary: 'Reading lists for the new MSc', initiatedBy: 'library',
      type: { label: 'Meeting' }, people: [{ id: w.people.ada }], orgUnits: [{ id: w.units.maths }], staff: [{ id: w.liaison.userId }], createdBy: w.liaison.userId,
    });
    // found through search like any engagement
    const found = await w.liaison.get('/api/v1/engagements?q=reading%20lists');
    expect(found.json<{ items: { id: string }[] }>().items.map((e) => e.id)).toContain(eng.id);

    const again = await w.liaison.post(`/api/v1/capture/${reading?.id ?? ''}/confirm`);
    expect(again.statusCode).toBe(409);
    expect((await w.liaison.post(`/api/v1/capture/${reading?.id ?? ''}/dismiss`)).statusCode).toBe(409);
    const engagements = await t.handle.db.selectFrom('engagements').select('id').where('institution_id', '=', w.tenant.institutionId).execute();
    expect(engagements).toHaveLength(1);
    const audit = await t.handle.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'capture_item').where('entity_id', '=', reading?.id ?? '').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
  });

  it('takes overrides on confirm and names a bad one', async () => {
    const [first, second] = (await queue(w.liaison, '&status=suggested')).items.filter((i) => i.subject === 'Library liaison catch-up');
    const bad = await w.liaison.post(`/api/v1/capture/${first?.id ?? ''}/confirm`, { personIds: [], orgUnitIds: [] });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details?.[0]?.field).toBe('orgUnitIds');
    const foreign = await w.liaison.post(`/api/v1/capture/${first?.id ?? ''}/confirm`, { personIds: [other.people.ada] });
    expect(foreign.statusCode).toBe(400);
    expect(errorOf(foreign).details?.[0]?.field).toBe('personIds');
    // a refused confirm leaves the suggestion as it was
    expect((await w.liaison.get(`/api/v1/capture/${first?.id ?? ''}`)).json<CaptureItemDto>().status).toBe('suggested');

    const res = await w.liaison.post(`/api/v1/capture/${second?.id ?? ''}/confirm`, { summary: 'Research data plans for two bids', personIds: [w.people.grace, w.people.ada], orgUnitIds: [w.units.computing] });
    expect(res.statusCode, res.body).toBe(200);
    const eng = (await w.liaison.get(`/api/v1/engagements/${res.json<ConfirmCaptureDto>().engagementId ?? ''}`)).json<EngagementDto>();
    expect(eng).toMatchObject({ summary: 'Research data plans for two bids', initiatedBy: 'partner', orgUnits: [{ id: w.units.computing }] });
    expect(eng.people.map((p) => p.name).sort()).toEqual(['Ada Byron', 'Grace Hopper']);
  });

  it('matches a person to an unmatched item, which becomes a suggestion at their department', async () => {
    const [coffee] = (await queue(w.liaison, '&status=unmatched')).items.filter((i) => i.subject === 'Coffee with a new History lecturer');
    const sam = (await w.liaison.post('/api/v1/people', { name: 'Sam Newton', positions: [{ orgUnitId: w.units.history, title: 'Lecturer' }] })).json<{ id: string }>().id;
    const foreign = await w.liaison.post(`/api/v1/capture/${coffee?.id ?? ''}/match`, { personIds: [other.people.ada] });
    expect(foreign.statusCode).toBe(400);
    expect(errorOf(foreign).details?.[0]?.field).toBe('personIds');
    expect((await w.liaison.post(`/api/v1/capture/${coffee?.id ?? ''}/match`, { personIds: [] })).statusCode).toBe(400);

    const res = await w.liaison.post(`/api/v1/capture/${coffee?.id ?? ''}/match`, { personIds: [sam] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CaptureItemDto>()).toMatchObject({ status: 'suggested', people: [{ id: sam, matchedBy: 'manual' }], departments: [{ id: w.units.history }] });
    const done = await w.liaison.post(`/api/v1/capture/${coffee?.id ?? ''}/confirm`);
    expect(done.statusCode, done.body).toBe(200);
    expect((await w.liaison.post(`/api/v1/capture/${coffee?.id ?? ''}/match`, { personIds: [sam] })).statusCode).toBe(409);
  });

  it('dismisses an item, once', async () => {
    const [law] = (await queue(w.liaison, '&status=unmatched')).items.filter((i) => i.subject === 'Chat about open access in Law');
    const res = await w.liaison.post(`/api/v1/capture/${law?.id ?? ''}/dismiss`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CaptureItemDto>().status).toBe('dismissed');
    expect((await w.liaison.post(`/api/v1/capture/${law?.id ?? ''}/dismiss`)).statusCode).toBe(409);
    expect((await w.liaison.post(`/api/v1/capture/${law?.id ?? ''}/confirm`)).statusCode).toBe(409);
    expect((await queue(w.liaison, '&status=dismissed')).items.map((i) => i.id)).toEqual([law?.id]);
  });
});

describe('capture: access', () => {
  it('needs a session', async () => {
    for (const [method, url] of [['GET', '/api/v1/capture'], ['POST', '/api/v1/capture/ics'], ['POST', '/api/v1/capture/eml'], ['POST', '/api/v1/capture/x/confirm']] as const) {
      expect((await t.app.inject({ method, url })).statusCode, url).toBe(401);
    }
  });

  it('keeps viewers to reading: no uploads, no confirming', async () => {
    const [item] = (await queue(w.liaison, '&status=suggested')).items;
    expect((await uploadTo(w.tenant.viewer, 'ics', 'google.ics', fixture('google.ics'))).statusCode).toBe(403);
    expect((await w.tenant.viewer.post(`/api/v1/capture/${item?.id ?? ''}/confirm`)).statusCode).toBe(403);
    expect((await w.tenant.viewer.post(`/api/v1/capture/${item?.id ?? ''}/dismiss`)).statusCode).toBe(403);
    expect((await queue(w.tenant.viewer)).total).toBe(0);
  });

  it('shows librarians their own items only; managers may see and act on the team’s', async () => {
    const [item] = (await queue(w.liaison, '&status=suggested')).items;
    const id = item?.id ?? '';
    expect((await queue(w.tenant.librarian)).total).toBe(0);
    expect((await w.tenant.librarian.get(`/api/v1/capture/${id}`)).statusCode).toBe(404);
    expect((await w.tenant.librarian.post(`/api/v1/capture/${id}/confirm`)).statusCode).toBe(404);
    expect((await w.tenant.librarian.get('/api/v1/capture?scope=team')).statusCode).toBe(403);

    const team = await queue(w.tenant.manager, '&scope=team&status=suggested');
    expect(team.items.map((i) => i.id)).toContain(id);
    expect((await queue(w.tenant.manager)).total).toBe(0);
    const res = await w.tenant.manager.post(`/api/v1/capture/${id}/dismiss`);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('never shows or touches another institution’s items', async () => {
    const [item] = (await queue(w.liaison)).items;
    const id = item?.id ?? '';
    for (const agent of [other.liaison, other.tenant.admin]) {
      expect((await agent.get(`/api/v1/capture/${id}`)).statusCode).toBe(404);
      expect((await agent.post(`/api/v1/capture/${id}/confirm`)).statusCode).toBe(404);
      expect((await agent.post(`/api/v1/capture/${id}/match`, { personIds: [other.people.ada] })).statusCode).toBe(404);
    }
    expect((await queue(other.tenant.admin, '&scope=team')).total).toBe(0);
    // the same meeting in another institution's calendar is that institution's own item
    expect(await uploaded(other.liaison, 'ics', 'google.ics')).toMatchObject({ suggested: 2, unmatched: 1, skipped: 1, alreadyKnown: 0 });
  });
});
