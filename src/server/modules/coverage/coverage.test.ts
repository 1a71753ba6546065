import { localDate } from '../../lib/clock.ts';
import { describe, expect, it } from 'vitest';
import type { CoverRow, TreeUnit } from './coverage.repository.ts';
import { chainOf, indexCover, isCurrent, isSinglePointOfFailure, resolveUnit } from './coverage.mapper.ts';

const cover = (org_unit_id: string, function_id: string, user_id: string): CoverRow => ({
  org_unit_id, function_id, user_id, name: `Name ${user_id}`, job_title: null, email: `${user_id}@example.test`,
});

describe('localDate', () => {
  it("gives the calendar date in the institution's time zone", () => {
    expect(localDate(new Date('2025-03-15T23:30:00Z'), 'Europe/London')).toBe('2025-03-15');
    expect(localDate(new Date('2025-07-01T23:30:00Z'), 'Europe/London')).toBe('2025-07-02'); // BST
    expect(localDate(new Date('2025-03-15T23:30:00Z'), 'Asia/Tokyo')).toBe('2025-03-16');
    expect(localDate(new Date('2025-03-15T03:00:00Z'), 'America/New_York')).toBe('2025-03-14');
  });
});

describe('isCurrent', () => {
  it('treats both ends as inclusive and a missing end as open', () => {
    expect(isCurrent(null, null, '2025-03-15')).toBe(true);
    expect(isCurrent('2025-03-15', '2025-03-15', '2025-03-15')).toBe(true);
    expect(isCurrent('2025-03-16', null, '2025-03-15')).toBe(false);
    expect(isCurrent(null, '2025-03-14', '2025-03-15')).toBe(false);
  });
});

describe('chainOf', () => {
  const tree = new Map<string, TreeUnit>([
    ['dep', { id: 'dep', parent_id: 'fac', name: 'Department' }],
    ['fac', { id: 'fac', parent_id: null, name: 'Faculty' }],
    ['x', { id: 'x', parent_id: 'y', name: 'X' }],
    ['y', { id: 'y', parent_id: 'x', name: 'Y' }],
  ]);
  it('walks from the unit to the root', () => expect(chainOf('dep', tree).map((u) => u.id)).toEqual(['dep', 'fac']));
  it('stops at a cycle instead of looping', () => expect(chainOf('x', tree).map((u) => u.id)).toEqual(['x', 'y']));
  it('is empty for an unknown unit', () => expect(chainOf('nope', tree)).toEqual([]));
});

describe('resolveUnit', () => {
  const chain: TreeUnit[] = [
    { id: 'dep', parent_id: 'fac', name: 'Department' },
    { id: 'fac', parent_id: 'uni', name: 'Faculty' },
    { id: 'uni', parent_id: null, name: 'University' },
  ];
  const fns = [{ id: 'liaison', label: 'Subject liaison' }, { id: 'research', label: 'Research support' }, { id: 'oa', label: 'Open research' }];

  it("uses the unit's own cover, else the nearest ancestor's, else reports a gap", () => {
    const index = indexCover([cover('dep', 'liaison', 'ann'), cover('fac', 'liaison', 'bob'), cover('fac', 'research', 'bob'), cover('uni', 'research', 'cat')]);
    const resolved = resolveUnit(chain, fns, index);
    expect(resolved.map((r) => [r.function.id, r.staff.map((s) => s.id), r.inheritedFrom?.id ?? null])).toEqual([
      ['liaison', ['ann'], null],
      ['research', ['bob'], 'fac'],
      ['oa', [], null],
    ]);
  });

  it('lists a person once even when two assignments of theirs touch today', () => {
    const resolved = resolveUnit(chain, fns, indexCover([cover('dep', 'liaison', 'ann'), cover('dep', 'liaison', 'ann')]));
    expect(resolved[0]?.staff.map((s) => s.id)).toEqual(['ann']);
  });

  it('flags a single point of failure only when exactly one person covers everything covered', () => {
    expect(isSinglePointOfFailure(resolveUnit(chain, fns, indexCover([cover('dep', 'liaison', 'ann'), cover('fac', 'research', 'ann')])))).toBe(true);
    expect(isSinglePointOfFailure(resolveUnit(chain, fns, indexCover([cover('dep', 'liaison', 'ann'), cover('dep', 'research', 'bob')])))).toBe(false);
    expect(isSinglePointOfFailure(resolveUnit(chain, fns, indexCover([])))).toBe(false);
  });
});
