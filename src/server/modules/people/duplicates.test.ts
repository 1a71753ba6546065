import { describe, expect, it } from 'vitest';
import { parseDay } from '../imports/sources/directory-people.ts';
import { unitType } from '../imports/sources/directory-units.ts';
import { groupDuplicates } from './duplicates.ts';

const p = (id: string, name: string, email: string | null = null) => ({ id, name, email });

describe('groupDuplicates', () => {
  it('groups names that differ only in case, diacritics and spacing, and emails that differ only in case', () => {
    const groups = groupDuplicates([p('1', 'Zoë Ångström'), p('2', 'zoe  angstrom'), p('3', 'Ann Lee', 'ANN@uni.example'), p('4', 'Ann Leigh', 'ann@uni.example'), p('5', 'Sam Ray')]);
    expect(groups).toEqual([
      { ids: ['1', '2'], reasons: [{ kind: 'name', value: 'Zoë Ångström' }] },
      { ids: ['3', '4'], reasons: [{ kind: 'email', value: 'ann@uni.example' }] },
    ]);
  });

  it('matches an initial to a full first name, but not two different first names on their own', () => {
    expect(groupDuplicates([p('1', 'John Smith'), p('2', 'Jane Smith')])).toEqual([]);
    const [g] = groupDuplicates([p('1', 'John Smith'), p('2', 'J. Smith'), p('3', 'Jo Smithers')]);
    expect(g).toEqual({ ids: ['1', '2'], reasons: [{ kind: 'initials', value: 'John Smith / J. Smith' }] });
  });
});

describe('directory cells', () => {
  it('reads ISO and day-first dates, and refuses impossible ones', () => {
    expect(['2024-09-01', '1/9/2024', '01.09.2024', '31/02/2024', '2024-13-01', 'Sept 2024'].map(parseDay)).toEqual(['2024-09-01', '2024-09-01', '2024-09-01', null, null, null]);
  });

  it('understands the usual spellings of kinds of unit', () => {
    expect(['School', 'Dept.', 'FACULTY', 'Research Center', 'Professional Services', 'Spaceship'].map(unitType)).toEqual(['department', 'department', 'faculty', 'research_centre', 'professional_service', undefined]);
  });
});
