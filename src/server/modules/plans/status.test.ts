import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.ts';
import { allowedMoves, planPatch } from './status.ts';

const today = '2025-03-15';
const draft = { status: 'draft' as const, agreed_by: null, agreed_on: null, agreed_via: null, review_notes: null };
const agreed = { ...draft, status: 'agreed' as const, agreed_by: 'Prof. Ada Byron', agreed_on: '2025-02-01', agreed_via: 'share_link' as const };

/** The fields a failing patch names. */
function failing(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return (err.details ?? []).map((d) => d.field);
    throw err;
  }
  throw new Error('expected a 400');
}

describe('the action plan status machine', () => {
  it('moves one step either way', () => {
    expect(allowedMoves('draft')).toEqual(['agreed']);
    expect(allowedMoves('agreed')).toEqual(['draft', 'in_progress']);
    expect(allowedMoves('in_progress')).toEqual(['agreed', 'reviewed']);
    expect(allowedMoves('reviewed')).toEqual(['in_progress']);
  });

  it('agreeing needs who and when, given now or recorded before, and records it as staff-recorded', () => {
    expect(failing(() => planPatch(draft, { status: 'agreed' }, today))).toEqual(['agreedBy', 'agreedOn']);
    expect(failing(() => planPatch(draft, { status: 'agreed', agreedBy: 'Dr Lee' }, today))).toEqual(['agreedOn']);
    expect(planPatch(draft, { status: 'agreed', agreedBy: 'Dr Lee', agreedOn: today }, today))
      .toEqual({ status: 'agreed', agreed_by: 'Dr Lee', agreed_on: today, agreed_via: 'recorded' });
    const recorded = { ...draft, agreed_by: 'Dr Lee', agreed_on: '2025-03-01', agreed_via: 'recorded' as const };
    expect(planPatch(recorded, { status: 'agreed' }, today)).toEqual({ status: 'agreed' });
  });

  it('an agreement is not dated after today', () => {
    expect(failing(() => planPatch(draft, { status: 'agreed', agreedBy: 'Dr Lee', agreedOn: '2025-03-16' }, today))).toEqual(['agreedOn']);
  });

  it('reviewing needs the review notes; skipping a step names the allowed moves', () => {
    const working = { ...agreed, status: 'in_progress' as const };
    expect(failing(() => planPatch(working, { status: 'reviewed' }, today))).toEqual(['reviewNotes']);
    expect(planPatch(working, { status: 'reviewed', reviewNotes: 'Most done.' }, today)).toEqual({ status: 'reviewed', review_notes: 'Most done.' });
    try {
      planPatch(draft, { status: 'reviewed', reviewNotes: 'x' }, today);
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).details?.[0]).toEqual({ field: 'status', message: "a plan at 'draft' can move to 'agreed'" });
    }
  });

  it('going back to draft clears the agreement; an agreed plan cannot lose it otherwise', () => {
    expect(planPatch(agreed, { status: 'draft' }, today)).toEqual({ status: 'draft', agreed_by: null, agreed_on: null, agreed_via: null });
    expect(failing(() => planPatch(agreed, { agreedBy: null }, today))).toEqual(['agreedBy']);
  });
});
