import { describe, expect, it } from 'vitest';
import { createPersonBody, normalizeTags, updatePositionBody } from '../../../shared/contracts/people.ts';
import { isCurrent, positionSubtitle, sortPositions, toPersonPatch } from './people.mapper.ts';

const pos = (id: string, current: boolean, startDate: string | null, title = id) => ({
  id, current, startDate, title, personId: 'p', orgUnitId: 'u', orgUnitName: `Unit ${id}`, endDate: null,
});

describe('people rules', () => {
  it('normalizes tags: trims, drops blanks and case-insensitive duplicates, keeps the first spelling', () => {
    expect(normalizeTags([' NSS ', 'nss', '', '  ', 'Curriculum', 'curriculum ', 'RDM'])).toEqual(['NSS', 'Curriculum', 'RDM']);
  });

  it('a position is current through its end date', () => {
    expect(isCurrent(null, '2025-03-15')).toBe(true);
    expect(isCurrent('2025-03-15', '2025-03-15')).toBe(true);
    expect(isCurrent('2025-03-14', '2025-03-15')).toBe(false);
  });

  it('sorts current first, then newest start, undated last, then newest record', () => {
    const sorted = sortPositions([pos('01', false, '2024-01-01'), pos('02', true, null), pos('03', true, '2020-01-01'), pos('04', true, '2023-01-01'), pos('05', true, null)]);
    expect(sorted.map((p) => p.id)).toEqual(['04', '03', '05', '02', '01']);
  });

  it('builds the subtitle from the first current position', () => {
    expect(positionSubtitle([pos('a', false, null, 'Old'), pos('b', true, null, 'Head of Department')])).toBe('Head of Department, Unit b');
    expect(positionSubtitle([pos('a', false, null)])).toBeNull();
  });

  it('maps only the fields a body sets, with booleans as 0/1 and tags as JSON', () => {
    expect(toPersonPatch({ isChampion: false, tags: ['a'], email: null })).toEqual({ is_champion: 0, tags: '["a"]', email: null });
    expect(toPersonPatch({})).toEqual({});
  });

  it('contract: lower-cases email, treats blank as none, checks date order and grid scores', () => {
    expect(createPersonBody.parse({ name: ' Ann ', email: ' Ann@X.AC.UK ', phone: '' })).toMatchObject({ name: 'Ann', email: 'ann@x.ac.uk', phone: null });
    expect(createPersonBody.parse({ name: 'Ann', email: '' }).email).toBeNull();
    const bad = createPersonBody.safeParse({ name: 'Ann', interest: 0, positions: [{ orgUnitId: 'u', title: 'T', startDate: '2024-02-01', endDate: '2024-01-31' }] });
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['interest', 'positions.0.endDate']));
    expect(updatePositionBody.safeParse({ endDate: '2024-01-31' }).success).toBe(true);
  });
});
