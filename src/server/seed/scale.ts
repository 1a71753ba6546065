import { sql, type Insertable } from 'kysely';
import type { Database, Db, Executor, OrgUnitType, Role } from '../db/types.ts';
import { newId } from '../lib/ids.ts';
import { hashPassword } from '../modules/identity/passwords.ts';
import { insertInstitution } from '../modules/org/org.repository.ts';
import { rebuildSummaries } from '../modules/relationships/summaries.ts';
import { searchRow } from '../modules/search/search.index.ts';
import { insertBatched } from './batch.ts';
import { seedReportInputs } from './scale-reports.ts';

/**
 * A synthetic "Scale University" for load testing: at scale 1 about 300 org units,
 * 20,000 people, 60 staff and 1,000,000 engagements with their link rows and search
 * documents, and ten years of what the departments' annual reports read (scale-reports.ts). Content is deterministic from the seed (ids are not: they are UUIDv7).
 */
export const SCALE_INSTITUTION = 'Scale University';
export const SCALE_SIGN_IN = { email: 'bench@scale.example', password: 'rapport-scale-bench' } as const;

const BASE = { faculty: 8, department: 120, research_centre: 60, professional_service: 20, committee: 72, student_society: 20, people: 20_000, staff: 60, engagements: 1_000_000 };
const UNIT_TYPES = ['faculty', 'department', 'research_centre', 'professional_service', 'committee', 'student_society'] as const;

export function scaleCounts(scale: number) {
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`scale must be a positive number, not ${scale}`);
  const n = (base: number) => Math.max(1, Math.round(base * scale));
  const units = Object.fromEntries(UNIT_TYPES.map((t) => [t, n(BASE[t])])) as Record<OrgUnitType, number>;
  const orgUnits = UNIT_TYPES.reduce((s, t) => s + units[t], 0);
  return { units, orgUnits, people: n(BASE.people), staff: n(BASE.staff), engagements: n(BASE.engagements) };
}

export interface ScaleOptions {
  scale: number;
  seed?: number;
  onProgress?: (done: number, total: number, what: string) => void;
}

// ---- deterministic randomness ------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int = (n: number) => Math.floor(this.next() * n);
  chance = (p: number) => this.next() < p;
  pick = <T>(list: readonly T[]): T => list[this.int(list.length)] as T;
  /** Biased towards the start of the list: the first people of a unit are its regulars. */
  front = <T>(list: readonly T[]): T => list[Math.floor(list.length * this.next() ** 2)] as T;
}

/** O(log n) weighted choice over fixed weights. */
function weighted(weights: number[]): (r: Rng) => number {
  const cum: number[] = [];
  let sum = 0;
  for (const w of weights) cum.push((sum += w));
  return (r) => {
    const x = r.next() * sum;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

// ---- word pools (split once; compact on purpose) -----------------------------------------

const words = (s: string) => s.split('|');
const SUBJECTS = words('History|Chemistry|Physics|Computing|Mathematics|English Literature|Law|Economics|Psychology|Sociology|Philosophy|Music|Architecture|Nursing|Medicine|Pharmacy|Biosciences|Geography|Politics|Linguistics|Education|Management|Accounting and Finance|Marketing|Civil Engineering|Mechanical Engineering|Electrical Engineering|Chemical Engineering|Materials Science|Environmental Science|Earth Sciences|Archaeology|Classics|Theology|Modern Languages|Film and Television|Fine Art|Design|Journalism|Criminology|Social Work|Sport and Exercise Science|Dentistry|Veterinary Science|Statistics|Astrophysics|Neuroscience|Public Health|Midwifery|Creative Writing|Drama|International Relations|Anthropology|Data Science|Cyber Security|Robotics|Marine Biology|Zoology|Plant Sciences|Food Science');
const FACULTIES = words('Arts|Science|Engineering|Medicine and Health|Social Sciences|Business and Law|Education|Humanities');
const SERVICES = words('Careers Service|Student Support|Academic Registry|Research Office|Digital Learning|Widening Participation|Graduate School|International Office|Disability Service|Quality Office');
const FIRST = words('Amira|Ben|Chloé|Dev|Eilidh|Farah|George|Hana|Ifeoma|Jakub|Kwame|Léa|Mohammed|Niamh|Olusegun|Priya|Rhys|Siobhán|Tomasz|Uma|Victor|Wen|Yusuf|Zoë|Ana|Bjørn|Carys|Dmitri|Emeka|Fatima|Gareth|Hamza|Ingrid|Jun|Kirsty|Lars|Maya|Nikolai|Orla|Paolo|Rosa|Sanjay|Tariq|Ursula|Wiktoria|Xavier|Yara|Ángel|Łucja|Søren');
const LAST = words('Okafor|Nguyễn|Smith|Ångström|Patel|Kowalski|Murphy|Haddad|Jones|Müller|Ferreira|O\'Brien|Chen|Adeyemi|MacLeod|Rossi|Novák|Kaur|Williams|Dubois|Ibrahim|Lindqvist|Taylor|García|Mensah|Brown|Sato|Evans|Kovačević|Hughes|Ahmed|Fitzgerald|Schmidt|Da Silva|Owusu|Walsh|Yilmaz|Morgan|Bianchi|Khan|Davies|Nakamura|Reid|Popescu|Campbell|Żak|Thompson|Eriksen|Bakr|Øvergaard|Price|Moreau|Stewart|Hussain|Fraser|Lopez|Wright|Abubakar|Jansen|Collins');
const TITLES = words('Lecturer|Senior Lecturer|Professor|Associate Professor|Module Convenor|Programme Leader|Teaching Fellow|Research Fellow|PhD Researcher|Departmental Administrator');
const TOPICS = words('reading lists for next term|NSS learning resources results|dissertation support|open access compliance|the research data management plan|embedding information literacy|the new programme validation|library induction for new students|e-book requests|referencing and academic integrity|systematic review support|the external examiner report|the curriculum review|skills for the final-year project|REF impact case studies|journal cancellations|digital skills for researchers|the module handbook|archive material for teaching|copyright in teaching materials|the library champion network|postgraduate research training|the student feedback survey|citation metrics for promotion|the collection budget');
const SKILLS = words('literature searching|referencing|critical evaluation of sources|data management|open access publishing|using archives|avoiding plagiarism|finding standards and patents|systematic searching|academic writing|digital literacy|bibliometrics');
const OUTCOMES = words('Agreed to embed a session next term|Reading list updated|Champion identified in the department|They will circulate our guide|Follow-up meeting booked|Requested a tailored workshop|Positive feedback from students|No action needed|Added to the action plan|Shared evidence for the annual report');
const FOLLOW_UPS = words('Send the slides|Check the reading list in two weeks|Book a room for the session|Share the open access guide|Introduce to the research support team|Update the action plan|Ask for the module outline');
const EVENTS = words('Library open day|Research showcase|Welcome fair|Book launch|Open access week|Exhibition opening');
const FUNDS = words('curriculum innovation fund|open research grant|digital skills project|student success initiative');
const TEAMS: [string, string][] = [['Academic Services', 'Faculty Librarian'], ['Learning Development', 'Learning Developer'], ['Research Services', 'Research Support Librarian'], ['Special Collections', 'Archivist']];
// engagement type key → relative frequency
const TYPE_WEIGHTS: Record<string, number> = { meeting: 25, email: 20, call: 8, committee: 8, teaching_session: 12, workshop: 6, consultation: 10, event: 4, curriculum_review: 3, joint_bid: 2, other: 2 };
const UNIT_WEIGHT: Record<OrgUnitType, number> = { faculty: 3, department: 10, research_centre: 4, professional_service: 1, committee: 3, student_society: 1 };
const HEAD: Record<OrgUnitType, string> = { faculty: 'Dean', department: 'Head of Department', research_centre: 'Director', professional_service: 'Head of Service', committee: 'Chair', student_society: 'President' };

// Ten academic years ending 31 July 2026, fixed so that the content is reproducible.
const FIRST_DAY = Date.UTC(2016, 7, 1);
const DAYS = 3652;
const DATES = Array.from({ length: DAYS }, (_, i) => new Date(FIRST_DAY + i * 86_400_000).toISOString().slice(0, 10));
/** Later dates are likelier: engagement logging grows over the years. */
const dayOf = (r: Rng) => DATES[Math.floor(DAYS * r.next() ** 0.7)] as string;
const stamp = (r: Rng, date: string) => `${date}T${String(8 + r.int(10)).padStart(2, '0')}:${String(r.int(60)).padStart(2, '0')}:00.000Z`;
const ascii = (s: string) => s.normalize('NFKD').replace(/[^A-Za-z]/g, '').toLowerCase();

// ---- batched writes ----------------------------------------------------------------------

/** Engagements per transaction: with their links and search documents ≈ 50k rows. */
const ENGAGEMENTS_PER_CHUNK = 6_000;
const PEOPLE_PER_CHUNK = 10_000;

type Rows = { [T in keyof Database]?: Insertable<Database[T]>[] };
const push = <T extends keyof Database>(rows: Rows, table: T, row: Insertable<Database[T]>) => ((rows[table] ??= [] as never) as Insertable<Database[T]>[]).push(row);

const FK_ORDER = ['teams', 'users', 'org_units', 'coverage', 'people', 'positions', 'engagements', 'engagement_people', 'engagement_staff', 'engagement_org_units', 'engagement_themes', 'search_documents'] as const;

/** Rows sorted by the key of their busiest secondary index touch fewer B-tree pages per chunk. */
const INDEX_ORDER: { [T in keyof Database]?: keyof Database[T] } = {
  engagements: 'occurred_on', engagement_people: 'person_id', engagement_staff: 'user_id', engagement_org_units: 'org_unit_id', engagement_themes: 'theme_id',
};

/** Tables in foreign-key order, each sorted by its busiest secondary index. */
async function insertRows(trx: Executor, rows: Rows): Promise<void> {
  for (const [table, col] of Object.entries(INDEX_ORDER) as [keyof Database, string][]) {
    (rows[table] as Record<string, string>[] | undefined)?.sort((a, b) => ((a[col] ?? '') < (b[col] ?? '') ? -1 : (a[col] ?? '') > (b[col] ?? '') ? 1 : 0));
  }
  for (const table of FK_ORDER) await insertBatched(trx, table, rows[table] ?? []);
}

/** One chunk, one transaction: memory stays bounded and progress is real. */
const commit = (db: Db, rows: Rows) => db.transaction().execute((trx) => insertRows(trx, rows));

function summaryOf(r: Rng, type: string | undefined, c: { unit: Unit; lead: string; topic: string }): string {
  const module = () => `${c.unit.subject} module ${100 + r.int(400)}`;
  switch (type) {
    case 'meeting': return `${r.pick(['Liaison meeting', 'Catch-up', 'Termly meeting', 'Planning meeting'])} with the ${c.lead} on ${c.topic}`;
    case 'email': return `Email about ${c.topic}`;
    case 'call': return `Call with the ${c.lead} about ${c.topic}`;
    case 'committee': return `Attended ${c.unit.name} meeting: ${c.topic}`;
    case 'teaching_session': return `${r.pick(['Embedded', 'Co-taught', 'Guest'])} session on ${r.pick(SKILLS)} for ${module()}`;
    case 'workshop': return `Workshop on ${r.pick(SKILLS)} for ${c.unit.subject} students`;
    case 'consultation': return `Consultation on ${c.topic}`;
    case 'event': return `${r.pick(EVENTS)} with ${c.unit.name}`;
    case 'curriculum_review': return `Curriculum review of ${module()}`;
    case 'joint_bid': return `Joint bid to the ${r.pick(FUNDS)}`;
    default: return `Note on ${c.topic}`;
  }
}

// ---- the generator -----------------------------------------------------------------------

interface Unit { id: string; name: string; type: OrgUnitType; subject: string; people: number[]; staff: number[] }
type Term = { id: string; kind: string; key: string; label: string };

/** What the phases share: the random stream, the tenant and what earlier phases made. */
interface Ctx {
  r: Rng;
  inst: string;
  base: { institution_id: string; created_at: string; updated_at: string };
  units: Unit[];
  pickUnit: (r: Rng) => number;
  staff: string[];
  vocab: Term[];
  people: { id: string; name: string; title: string }[];
}

const NOW = '2026-08-01T00:00:00.000Z';
const doc = (c: Ctx, type: 'org_unit' | 'person' | 'engagement', id: string, title: string, subtitle: string | null, body: (string | null)[]) =>
  searchRow({ type, id, institutionId: c.inst, title, subtitle, body });

export async function seedScale(db: Db, opts: ScaleOptions): Promise<{ orgUnits: number; people: number; engagements: number }> {
  const counts = scaleCounts(opts.scale);
  const taken = await db.selectFrom('users').select('id').where('email', '=', SCALE_SIGN_IN.email).executeTakeFirst();
  if (taken) throw new Error(`A scale dataset already exists in this database (${SCALE_SIGN_IN.email}); use a fresh database`);
  const progress = opts.onProgress ?? (() => {});
  const passwordHash = await hashPassword(SCALE_SIGN_IN.password); // argon2 is slow on purpose: once for every account
  const inst = newId();
  const c: Ctx = { r: new Rng(opts.seed ?? 1), inst, base: { institution_id: inst, created_at: NOW, updated_at: NOW }, units: [], pickUnit: () => 0, staff: [], vocab: [], people: [] };
  await db.transaction().execute(async (trx) => {
    await insertInstitution(trx, SCALE_INSTITUTION, NOW, inst);
    c.vocab = await trx.selectFrom('vocab_terms').select(['id', 'kind', 'key', 'label']).where('institution_id', '=', inst).orderBy('sort_order').execute();
    await insertRows(trx, structure(c, counts, passwordHash));
  });
  progress(c.units.length, c.units.length, 'org units');
  for (let start = 0; start < counts.people; start += PEOPLE_PER_CHUNK) {
    const end = Math.min(counts.people, start + PEOPLE_PER_CHUNK);
    await commit(db, peopleRows(c, start, end));
    progress(end, counts.people, 'people');
  }
  for (let start = 0; start < counts.engagements; start += ENGAGEMENTS_PER_CHUNK) {
    const end = Math.min(counts.engagements, start + ENGAGEMENTS_PER_CHUNK);
    await commit(db, engagementRows(c, start, end));
    progress(end, counts.engagements, 'engagements');
  }
  await seedReportInputs(db, inst, { seed: (opts.seed ?? 1) + 1, onProgress: (done, total) => progress(done, total, 'report inputs (departments)') });
  progress(0, 1, 'signal summaries');
  await db.transaction().execute((trx) => rebuildSummaries(trx, { id: inst, academic_year_start_month: 8, academic_year_start_day: 1 }));
  progress(1, 1, 'signal summaries');
  // Fresh planner statistics, as a long-running database would have; portable SQL.
  await sql`ANALYZE`.execute(db);
  return { orgUnits: c.units.length, people: c.people.length, engagements: counts.engagements };
}

/** Org units (a faculty tree plus centres, services, committees, societies), teams, staff, the bench user and coverage. */
function structure(c: Ctx, counts: ReturnType<typeof scaleCounts>, passwordHash: string): Rows {
  const { r, base, units } = c;
  const rows: Rows = {};
  const byType = (t: OrgUnitType) => units.filter((u) => u.type === t);
  for (const type of UNIT_TYPES) {
    const faculties = byType('faculty');
    const departments = byType('department');
    for (let i = 0; i < counts.units[type]; i++) {
      const round = Math.floor(i / SUBJECTS.length);
      const subject = type === 'faculty' ? (FACULTIES[i % FACULTIES.length] as string) : (SUBJECTS[(i * (type === 'department' ? 1 : 7) + (type === 'committee' ? 3 : 0)) % SUBJECTS.length] as string);
      const nth = (n: number, size: number) => (n >= size ? ` ${Math.floor(n / size) + 1}` : '');
      const [name, parent] = {
        faculty: () => [`Faculty of ${subject}${nth(i, FACULTIES.length)}`, null] as const,
        department: () => [`${['School of', 'Department of', 'Institute of', 'Centre for Applied'][round % 4]} ${subject}${round >= 4 ? ` ${round}` : ''}`, faculties[i % faculties.length]] as const,
        research_centre: () => [`${subject} Research Centre${nth(i, SUBJECTS.length)}`, departments[(i * 3) % departments.length]] as const,
        professional_service: () => [`${SERVICES[i % SERVICES.length]}${nth(i, SERVICES.length)}`, null] as const,
        committee: () => {
          const d = departments[i % departments.length];
          const f = faculties[i % faculties.length];
          return i % 4 === 3 ? ([`${f?.name ?? 'Faculty'} Teaching Committee`, f] as const) : ([`${d?.name ?? subject} Staff-Student Committee`, d] as const);
        },
        student_society: () => [`${subject} Society${nth(i, SUBJECTS.length)}`, null] as const,
      }[type]();
      const u: Unit = { id: newId(), name, type, subject: type === 'department' || type === 'research_centre' ? subject : (parent?.subject ?? subject), people: [], staff: [] };
      units.push(u);
      const code = `${{ faculty: 'FAC', department: 'DEP', research_centre: 'RC', professional_service: 'PS', committee: 'COM', student_society: 'SOC' }[type]}${String(i + 1).padStart(3, '0')}`;
      push(rows, 'org_units', { id: u.id, ...base, parent_id: parent?.id ?? null, type, name, code, status: 'active', description: null });
      push(rows, 'search_documents', doc(c, 'org_unit', u.id, name, parent?.name ?? null, [code, parent?.name ?? null]));
    }
  }
  // how busy each unit is: by type, times a long-tailed random factor
  c.pickUnit = weighted(units.map((u) => UNIT_WEIGHT[u.type] * (0.25 + 4 * r.next() ** 3)));

  const teamIds = TEAMS.map(() => newId());
  TEAMS.forEach(([name], i) => push(rows, 'teams', { id: teamIds[i] as string, ...base, name, description: null }));
  const user = (email: string, name: string, role: Role, team: number | null) => {
    const id = newId();
    push(rows, 'users', { id, ...base, email, name, password_hash: passwordHash, role, job_title: team === null ? null : (TEAMS[team]?.[1] ?? null), team_id: team === null ? null : (teamIds[team] ?? null), active: 1 });
    return id;
  };
  for (let i = 0; i < counts.staff; i++) {
    c.staff.push(user(`staff-${String(i + 1).padStart(4, '0')}@scale.example`, `${r.pick(FIRST)} ${r.pick(LAST)}`, i % 12 === 0 ? 'manager' : 'librarian', i % TEAMS.length));
  }
  user(SCALE_SIGN_IN.email, 'Bench Administrator', 'admin', null);
  const fn = (key: string) => c.vocab.find((v) => v.kind === 'function' && v.key === key)?.id ?? '';
  const cover = (u: Unit, s: number, func: string, ended = false) => {
    push(rows, 'coverage', { id: newId(), ...base, user_id: c.staff[s] as string, org_unit_id: u.id, function_id: fn(func), start_date: ended ? '2016-08-01' : '2021-08-01', end_date: ended ? '2021-07-31' : null });
    if (!ended) u.staff.push(s);
  };
  units.forEach((u, i) => {
    const s = (k: number) => (i * 7 + k) % c.staff.length;
    if (u.type === 'department' && !r.chance(0.05)) { // ~5% are coverage gaps
      if (r.chance(0.15)) cover(u, s(5), 'subject_liaison', true); // a predecessor
      cover(u, s(0), 'subject_liaison');
      if (r.chance(0.6)) cover(u, s(1), 'teaching_learning');
      if (r.chance(0.5)) cover(u, s(2), 'research_support');
    } else if (u.type === 'research_centre' && r.chance(0.7)) cover(u, s(2), 'research_support');
    else if ((u.type === 'committee' || u.type === 'faculty') && r.chance(0.4)) cover(u, s(0), 'subject_liaison');
  });
  return rows;
}

/** People [start, end) with their positions; a unit's first people are its heads and regulars. */
function peopleRows(c: Ctx, start: number, end: number): Rows {
  const { r, base, units } = c;
  const rows: Rows = {};
  const position = (personId: string, p: number, unit: number, title: string, ended: boolean) => {
    const from = ended ? (DATES[r.int(DAYS / 2)] as string) : r.chance(0.3) ? null : dayOf(r);
    push(rows, 'positions', { id: newId(), ...base, person_id: personId, org_unit_id: units[unit]?.id as string, title, start_date: from, end_date: ended ? (DATES[DAYS / 2 + r.int(DAYS / 2)] as string) : null });
    if (!ended) units[unit]?.people.push(p);
  };
  for (let p = start; p < end; p++) {
    const id = newId();
    const first = r.pick(FIRST);
    const last = r.pick(LAST);
    const name = `${r.chance(0.3) ? (r.chance(0.5) ? 'Dr ' : 'Prof. ') : ''}${first} ${last}`;
    const unit = c.pickUnit(r);
    const u = units[unit] as Unit;
    const rank = u.people.length;
    const title = rank === 0 ? HEAD[u.type] : rank === 1 && u.type === 'department' ? 'Director of Teaching' : rank === 2 && u.type === 'department' ? 'Director of Research' : u.type === 'student_society' ? 'Society Officer' : r.pick(TITLES);
    c.people.push({ id, name, title });
    const tags = r.chance(0.2) ? [r.pick(['nss', 'curriculum review', 'research active', 'new starter', 'REF'])] : [];
    push(rows, 'people', {
      id, ...base, name, email: `${ascii(first)}.${ascii(last)}.${p + 1}@scale-university.example`, phone: null,
      motivations: r.chance(0.3) ? `Wants better outcomes in ${r.pick(TOPICS)}` : null, needs: r.chance(0.3) ? `Help with ${r.pick(SKILLS)}` : null, challenges: null,
      preferred_channel: r.pick(['email', 'meeting', 'teams', 'phone']), is_champion: r.chance(0.05) ? 1 : 0,
      influence: 1 + r.int(5), interest: 1 + r.int(5), stay_in_touch_days: r.pick([30, 60, 90, null]), tags: JSON.stringify(tags), notes: null,
    });
    position(id, p, unit, title, false);
    if (r.chance(0.2)) position(id, p, c.pickUnit(r), r.pick(TITLES), r.chance(0.5));
    push(rows, 'search_documents', doc(c, 'person', id, name, `${title}, ${u.name}`, [u.name, ...tags]));
  }
  return rows;
}

/** Engagements [start, end) with their people, staff, org units, themes and search documents. */
function engagementRows(c: Ctx, start: number, end: number): Rows {
  const { r, units, people, staff } = c;
  const types = c.vocab.filter((v) => v.kind === 'engagement_type');
  const themes = c.vocab.filter((v) => v.kind === 'theme');
  const pickType = weighted(types.map((t) => TYPE_WEIGHTS[t.key] ?? 1));
  const rows: Rows = {};
  for (let e = start; e < end; e++) {
    const id = newId();
    const ref = { engagement_id: id, institution_id: c.inst };
    const u = units[c.pickUnit(r)] as Unit;
    const linkedUnits = [u];
    if (r.chance(0.4)) {
      const other = units[c.pickUnit(r)] as Unit;
      if (other !== u) linkedUnits.push(other);
    }
    const nPeople = r.chance(0.5) ? 1 : r.chance(0.6) ? 2 : 3;
    const who = new Set<number>();
    for (let k = 0; k < nPeople * 2 && who.size < nPeople; k++) who.add(u.people.length && r.chance(0.9) ? r.front(u.people) : r.int(people.length));
    const crew = new Set<number>([u.staff.length && r.chance(0.8) ? r.pick(u.staff) : r.int(staff.length)]);
    if (r.chance(0.25)) crew.add(r.int(staff.length));
    const nThemes = r.chance(0.25) ? 0 : r.chance(0.67) ? 1 : 2;
    const themeIdx = new Set<number>();
    while (themeIdx.size < Math.min(nThemes, themes.length)) themeIdx.add(r.int(themes.length));
    const type = types[pickType(r)];
    const date = dayOf(r);
    const lead = people[[...who][0] as number];
    const summary = summaryOf(r, type?.key, { unit: u, lead: lead?.title ?? 'department', topic: r.pick(TOPICS) });
    const teaching = type?.key === 'teaching_session' || type?.key === 'workshop';
    const outcome = r.chance(0.5) ? r.pick(OUTCOMES) : null;
    const followUp = r.chance(0.3) ? r.pick(FOLLOW_UPS) : null;
    const at = stamp(r, date);
    // drawn in the order the generator always drew them, so a seed gives the same data as before
    const duration = type?.key === 'email' ? null : r.pick([15, 30, 45, 60, 90, 120]);
    const initiatedBy = r.chance(0.35) ? 'partner' : 'library';
    push(rows, 'engagements', {
      id, institution_id: c.inst, type_id: type?.id ?? '', occurred_on: date, duration_minutes: duration,
      summary, outcome, follow_up: followUp, initiated_by: initiatedBy, attendance: teaching ? 5 + r.int(120) : null,
      created_by: staff[[...crew][0] as number] ?? null, created_at: at, updated_at: at,
    });
    for (const p of who) push(rows, 'engagement_people', { ...ref, person_id: people[p]?.id as string, occurred_on: date });
    for (const s of crew) push(rows, 'engagement_staff', { ...ref, user_id: staff[s] as string });
    for (const lu of linkedUnits) push(rows, 'engagement_org_units', { ...ref, org_unit_id: lu.id, occurred_on: date, type_id: type?.id ?? '', initiated_by: initiatedBy });
    for (const t of themeIdx) push(rows, 'engagement_themes', { ...ref, theme_id: themes[t]?.id as string });
    push(rows, 'search_documents', doc(c, 'engagement', id, summary, `${type?.label ?? ''} · ${date}`, [...linkedUnits.map((x) => x.name), ...[...who].map((p) => people[p]?.name ?? ''), outcome, followUp]));
  }
  return rows;
}
