import type { OrgUnitType, Role } from '../db/types.ts';

/*
 * The fixed shape of the demo university: a fictional "University of Northmoor"
 * modelled on the talk's medium-sized research university ("4 faculties with 27
 * departments", a library in three service areas with a hybrid structure).
 * Every name here is invented.
 */

export const DEMO_INSTITUTION = 'University of Northmoor';
export const DEMO_DOMAIN = 'northmoor.example';

export interface UnitSpec {
  code: string;
  name: string;
  type: OrgUnitType;
  /** the parent's code */
  parent?: string;
  description?: string;
}

export const faculties: UnitSpec[] = [
  { code: 'FASS', name: 'Faculty of Arts and Social Sciences', type: 'faculty' },
  { code: 'FSE', name: 'Faculty of Science and Engineering', type: 'faculty' },
  { code: 'FHM', name: 'Faculty of Health and Medicine', type: 'faculty' },
  { code: 'NBS', name: 'Northmoor Business School', type: 'faculty', description: 'The university’s management faculty' },
];

const dept = (parent: string, code: string, name: string): UnitSpec => ({ code, name, type: 'department', parent });

export const departments: UnitSpec[] = [
  dept('FASS', 'ENGL', 'Department of English Literature and Creative Writing'),
  dept('FASS', 'HIST', 'Department of History'),
  dept('FASS', 'PPR', 'Department of Philosophy, Politics and Religion'),
  dept('FASS', 'LING', 'Department of Linguistics and English Language'),
  dept('FASS', 'SOCI', 'Department of Sociology'),
  dept('FASS', 'LAW', 'Northmoor Law School'),
  dept('FASS', 'LANG', 'Department of Languages and Cultures'),
  dept('FASS', 'ARTS', 'School of Music, Theatre and Fine Art'),
  dept('FASS', 'EDUC', 'Department of Educational Research'),
  dept('FSE', 'COMP', 'School of Computing'),
  dept('FSE', 'MATH', 'Department of Mathematics and Statistics'),
  dept('FSE', 'PHYS', 'Department of Physics'),
  dept('FSE', 'CHEM', 'Department of Chemistry'),
  dept('FSE', 'ENGR', 'School of Engineering'),
  dept('FSE', 'ENVS', 'Department of Environmental Sciences'),
  dept('FSE', 'PSYC', 'Department of Psychology'),
  dept('FSE', 'GEOG', 'Department of Geography'),
  dept('FHM', 'MEDI', 'Northmoor Medical School'),
  dept('FHM', 'BLS', 'Department of Biomedical and Life Sciences'),
  dept('FHM', 'HRES', 'Division of Health Research'),
  dept('FHM', 'NURS', 'School of Nursing and Midwifery'),
  dept('FHM', 'SPRT', 'Department of Sport and Exercise Science'),
  dept('NBS', 'ACCF', 'Department of Accounting and Finance'),
  dept('NBS', 'ECON', 'Department of Economics'),
  dept('NBS', 'MSCI', 'Department of Management Science'),
  dept('NBS', 'MKTG', 'Department of Marketing'),
  dept('NBS', 'ENTS', 'Department of Entrepreneurship and Strategy'),
];

export const otherUnits: UnitSpec[] = [
  { code: 'DSI', name: 'Northmoor Data Science Institute', type: 'research_centre', parent: 'FSE', description: 'Interdisciplinary research centre for data science' },
  { code: 'CCC', name: 'Centre for Coastal Communities', type: 'research_centre', parent: 'FASS', description: 'Research on the towns and people of the northern coast' },
  { code: 'REG', name: 'Academic Registry', type: 'professional_service' },
  { code: 'CTE', name: 'Centre for Teaching Excellence', type: 'professional_service' },
  { code: 'RES', name: 'Research and Enterprise Services', type: 'professional_service' },
  { code: 'CAREERS', name: 'Careers and Employability', type: 'professional_service' },
  { code: 'WP', name: 'Widening Participation Office', type: 'professional_service' },
  { code: 'COMP-SSC', name: 'School of Computing Staff-Student Committee', type: 'committee', parent: 'COMP' },
  { code: 'HIST-SSC', name: 'History Staff-Student Committee', type: 'committee', parent: 'HIST' },
  { code: 'LAW-SSC', name: 'Law School Staff-Student Committee', type: 'committee', parent: 'LAW' },
  { code: 'NURS-SSC', name: 'Nursing and Midwifery Staff-Student Committee', type: 'committee', parent: 'NURS' },
  { code: 'PSYC-SSC', name: 'Psychology Staff-Student Committee', type: 'committee', parent: 'PSYC' },
  { code: 'FSE-TLC', name: 'Science and Engineering Teaching and Learning Committee', type: 'committee', parent: 'FSE' },
  { code: 'UEC', name: 'University Education Committee', type: 'committee' },
  { code: 'CSSOC', name: 'Computer Science Society', type: 'student_society', description: 'Students’ Union society for computing students' },
  { code: 'LAWSOC', name: 'Law Society', type: 'student_society' },
  { code: 'MATSOC', name: 'Mature Students’ Society', type: 'student_society' },
];

export const COMPUTING = 'COMP';
/** Units that stay silent until the story starts: the school, its committee and its society. */
export const COMPUTING_UNITS = ['COMP', 'COMP-SSC', 'CSSOC'];

export const TEAMS = {
  academic: { name: 'Academic Services', description: 'Faculty and subject librarians: liaison with departments' },
  learning: { name: 'Learning Development', description: 'Academic and digital skills teaching across the university' },
  research: { name: 'Research Services', description: 'Open access, research data management and research intelligence' },
} as const;
export type TeamKey = keyof typeof TEAMS;

export interface StaffSpec {
  key: string;
  name: string;
  email: string;
  role: Role;
  jobTitle: string;
  team: TeamKey | null;
}

const staff = (key: string, name: string, role: Role, jobTitle: string, team: TeamKey | null, email?: string): StaffSpec => ({
  key,
  name,
  role,
  jobTitle,
  team,
  email: email ?? `${name.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[^a-z]+/g, '.')}@${DEMO_DOMAIN}`,
});

/** The demo sign-ins (same password for each): librarian@, admin@ and manager@. */
export const librarianStaff: StaffSpec[] = [
  staff('admin', 'Helen Marsh', 'admin', 'Head of Academic Engagement', 'academic', `admin@${DEMO_DOMAIN}`),
  staff('manager', 'Rachel Okafor', 'manager', 'Academic Services Manager', 'academic', `manager@${DEMO_DOMAIN}`),
  staff('research_manager', 'David Lindqvist', 'manager', 'Research Services Manager', 'research'),
  staff('fse', 'Eleanor Whitfield', 'librarian', 'Faculty Librarian (Science and Engineering)', 'academic', `librarian@${DEMO_DOMAIN}`),
  staff('fass', 'Owen Pritchard', 'librarian', 'Faculty Librarian (Arts and Social Sciences)', 'academic'),
  staff('fhm', 'Priya Raman', 'librarian', 'Faculty Librarian (Health and Medicine)', 'academic'),
  staff('nbs', 'Marcus Bell', 'librarian', 'Faculty Librarian (Business School)', 'academic'),
  staff('fse2', 'Siân Hughes', 'librarian', 'Subject Librarian (Science and Engineering)', 'academic'),
  staff('fass2', 'Aoife Gallagher', 'librarian', 'Subject Librarian (Arts and Social Sciences)', 'academic'),
  staff('ld_lead', 'Fatima Begum', 'librarian', 'Senior Learning Developer', 'learning'),
  staff('ld_fse', 'Robert Nwosu', 'librarian', 'Learning Developer (Science and Engineering)', 'learning'),
  staff('ld_fass', 'Hannah Kowalski', 'librarian', 'Learning Developer (Arts and Social Sciences)', 'learning'),
  staff('ld_skills', 'Imogen Clarke', 'librarian', 'Academic Skills Adviser', 'learning'),
  staff('ld_digital', 'Daniel Ferreira', 'librarian', 'Digital Skills Developer', 'learning'),
  staff('research', 'Chloe Brennan', 'librarian', 'Research Support Librarian', 'research'),
  staff('open', 'Ravi Patel', 'librarian', 'Open Research Librarian', 'research'),
  staff('rdm', 'Laura Stein', 'librarian', 'Research Data Manager', 'research'),
  staff('intel', 'Ben Oduya', 'librarian', 'Research Intelligence Analyst', 'research'),
  staff('scholcomm', 'Nina Sørensen', 'librarian', 'Scholarly Communications Librarian', 'research'),
  staff('director', 'Alan Forsyth', 'viewer', 'Director of Library Services', null),
];

/** Which faculty librarian (and second subject librarian) covers each faculty's departments. */
export const subjectCover: Record<string, { lead: string; second?: { staff: string; departments: string[] } }> = {
  FASS: { lead: 'fass', second: { staff: 'fass2', departments: ['LAW', 'LANG', 'ARTS', 'EDUC'] } },
  FSE: { lead: 'fse', second: { staff: 'fse2', departments: ['PSYC', 'GEOG', 'ENVS'] } },
  FHM: { lead: 'fhm' },
  NBS: { lead: 'nbs' },
};

/** The learning developer who covers teaching and learning per faculty. */
export const teachingCover: Record<string, string> = { FASS: 'ld_fass', FSE: 'ld_fse', FHM: 'ld_skills', NBS: 'ld_lead' };
/** The research librarian who covers research support per faculty. */
export const researchCover: Record<string, string> = { FASS: 'research', FSE: 'rdm', FHM: 'research', NBS: 'intel' };

/**
 * Deliberate coverage gaps, so the demo shows what a gap looks like:
 * nobody teaches for Entrepreneurship and Strategy, nobody supports research in Nursing.
 */
export const coverageGaps: { code: string; fn: 'teaching_learning' | 'research_support' }[] = [
  { code: 'ENTS', fn: 'teaching_learning' },
  { code: 'NURS', fn: 'research_support' },
];

/** Departments that have gone quiet: no engagement in the last months (the "not engaged since" nudge). */
export const quietDepartments = ['ENTS', 'SPRT'];
