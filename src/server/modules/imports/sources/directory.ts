import { invalid } from '../../../http/errors.ts';
import { optionText } from '../mapping.ts';
import { loadPeopleLookups, peopleRun } from './directory-people.ts';
import { unitsRun } from './directory-units.ts';
import type { ImportSource } from './types.ts';

/** Fields each kind of file needs besides the name (required for both). */
const needs = { org_units: ['code'], people: ['orgUnitCode', 'title'] } as const;
const labels: Record<string, string> = { code: 'Unit code', orgUnitCode: 'Department code', title: 'Position title' };

/**
 * The directory: org units (with their parents) or people with their positions, from HR or a
 * spreadsheet. One file holds one kind, chosen with `contents`; import the org units first.
 * Manager, like every import that rewrites shared records: the structure and the contacts are the
 * whole team's, and a wrong file touches every department, so it is not a librarian's call; it is
 * not admin-only because keeping the directory current is routine work for whoever runs the team.
 */
export const directorySource: ImportSource = {
  key: 'directory',
  label: 'Directory: org units and people',
  description: 'Faculties, departments and other units with their parents, or people with their positions, from HR or a spreadsheet. Units are matched by code and people by staff id, then email, then by name within the department; a re-import updates them rather than adding them again. Import the org units before the people.',
  minRole: 'manager',
  fields: [
    { key: 'name', label: 'Name', required: true, help: 'The unit’s name, or the person’s full name.', hints: ['full name', 'unit name', 'name'] },
    { key: 'orgUnitCode', label: 'Department code', required: false, help: 'People: the code of the department the position is in (e.g. COMP).', hints: ['department code', 'dept code', 'school code', 'org unit code'] },
    { key: 'title', label: 'Position title', required: false, help: 'People: the job title held there (Head of Department, Director of Teaching).', hints: ['job title', 'position title', 'position', 'title', 'role'] },
    { key: 'email', label: 'Email', required: false, help: 'People: matched without regard to case; without one, a person of the same name in the same department is taken to be them.', hints: ['email address', 'email', 'e mail'] },
    { key: 'staffId', label: 'Staff id', required: false, help: 'People: the HR or payroll number; finds the person again when their email changes.', hints: ['staff id', 'staff number', 'employee id', 'employee number', 'payroll'] },
    { key: 'startDate', label: 'Start date', required: false, help: 'People: when the position began (2024-09-01 or 01/09/2024).', hints: ['start date', 'started', 'start'] },
    { key: 'endDate', label: 'End date', required: false, help: 'People: when it ended, if it has.', hints: ['end date', 'ended', 'leaving date', 'end'] },
    { key: 'code', label: 'Unit code', required: false, help: 'Org units: the code that identifies the unit (e.g. COMP); matched without regard to case.', hints: ['unit code', 'org unit code', 'code'] },
    { key: 'type', label: 'Kind of unit', required: false, help: 'Org units: Faculty, Department or School, Research centre, Professional service, Committee or Student society; a new unit without one is a department.', hints: ['unit type', 'type', 'kind'] },
    { key: 'parentCode', label: 'Parent code', required: false, help: 'Org units: the code of the unit it sits in (it may come later in the file, or be in Rapport already); empty: top level.', hints: ['parent code', 'parent unit code', 'parent'] },
  ],
  options: [
    {
      key: 'contents', label: 'What the file holds', kind: 'select', required: true, help: 'One file holds one kind; import the org units before the people who work in them.',
      choices: [{ value: 'org_units', label: 'Org units (faculties, departments, …) with their parents' }, { value: 'people', label: 'People with their positions' }],
    },
  ],

  async prepare(ex, institutionId, mapping, options) {
    const contents = optionText(options, 'contents') as keyof typeof needs;
    for (const f of needs[contents]) if (!mapping[f]) throw invalid(`mapping.${f}`, `choose the column that holds ${labels[f] ?? f}`);
    if (contents === 'org_units') return unitsRun(institutionId, !!mapping.parentCode);
    return peopleRun(institutionId, await loadPeopleLookups(ex, institutionId));
  },
};
