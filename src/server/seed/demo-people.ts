import { fold } from '../lib/text.ts';
import { DEMO_DOMAIN } from './demo-data.ts';
import type { PlanPerson, PlanPosition, PlanUnit } from './demo-plan.ts';
import { addDays, daysBetween, type Rng } from './demo-random.ts';
import { storyPeople } from './demo-story.ts';
import { challenges, channels, firstNames, moduleTitles, motivations, needs, surnames, tagsByVoice, type Voice } from './demo-text.ts';

/*
 * About 500 partner contacts: for each unit the positions a liaison librarian
 * would know (head, directors of teaching and research, module convenors,
 * student representatives, society officers), with "understanding the other"
 * sentences assembled from fragments.
 */

interface Slot {
  key: string;
  title: string;
  voice: Voice;
  influence: [number, number];
  interest: [number, number];
  /** the unit the position is held at, when not the slot's own unit */
  unit?: string;
}

const slot = (key: string, title: string, voice: Voice, influence: [number, number], interest: [number, number], unit?: string): Slot => ({
  key, title, voice, influence, interest, unit,
});

const academicTitles = ['Professor', 'Reader', 'Senior Lecturer', 'Senior Lecturer', 'Lecturer', 'Lecturer', 'Research Fellow'];

const serviceSlots: Record<string, [string, string, string]> = {
  REG: ['Academic Registrar', 'Assessment Officer', 'Quality Officer'],
  CTE: ['Director of Teaching Excellence', 'Educational Developer', 'Educational Developer'],
  RES: ['Director of Research Services', 'Research Development Manager', 'Research Funding Officer'],
  CAREERS: ['Head of Careers', 'Careers Consultant', 'Employability Officer'],
  WP: ['Widening Participation Manager', 'Outreach Officer', 'Outreach Officer'],
};

const notesPool = [
  'Prefers not to be contacted in August.',
  'Part-time: Tuesdays to Thursdays.',
  'On research leave next semester.',
  'Joint appointment with the Data Science Institute.',
  'Met at the faculty away day; keen to stay in touch.',
  'Sits on the University Education Committee.',
];

function slotsFor(u: PlanUnit, rng: Rng, units: Map<string, PlanUnit>): Slot[] {
  switch (u.type) {
    case 'department': {
      const ssc = units.has(`${u.code}-SSC`) ? `${u.code}-SSC` : undefined;
      const list = [
        slot('head', u.name.includes('School') ? 'Head of School' : 'Head of Department', 'leader', [5, 5], [1, 4]),
        slot('dugt', 'Director for Undergraduate Teaching', 'teaching', [4, 4], [3, 5]),
        slot('dpgr', 'Director of Postgraduate Research', 'research', [3, 4], [2, 4]),
        slot('manager', 'Department Manager', 'professional', [3, 3], [2, 4]),
      ];
      const modules = rng.sample(moduleTitles, rng.int(6, 9));
      modules.forEach((m, i) => list.push(slot('convenor', `Module Convenor (${u.code}${1 + (i % 4)}${String(rng.int(10, 99))} ${m})`, 'teaching', [2, 3], [1, 5])));
      for (let i = rng.int(2, 5); i > 0; i--) list.push(slot('academic', rng.pick(academicTitles), 'research', [2, 4], [1, 4]));
      for (let i = rng.int(1, 2); i > 0; i--) list.push(slot('studentRep', `Student Representative (Year ${rng.int(1, 3)})`, 'student', [1, 2], [2, 4], ssc));
      if (ssc) list.push(slot('chair', 'Chair', 'teaching', [4, 4], [3, 5], ssc));
      return list;
    }
    case 'faculty':
      return [
        slot('dean', 'Executive Dean', 'leader', [5, 5], [1, 3]),
        slot('adEducation', 'Associate Dean (Education)', 'leader', [4, 5], [3, 5]),
        slot('adResearch', 'Associate Dean (Research)', 'research', [4, 5], [2, 4]),
        slot('coo', 'Faculty Operating Officer', 'professional', [4, 4], [2, 3]),
      ];
    case 'research_centre':
      return [
        slot('head', 'Director', 'research', [4, 4], [2, 4]),
        slot('manager', 'Research Manager', 'professional', [3, 3], [3, 4]),
        slot('academic', 'Research Fellow', 'research', [2, 2], [2, 5]),
        slot('academic', 'Research Fellow', 'research', [2, 2], [2, 5]),
      ];
    case 'professional_service': {
      const [head, a, b] = serviceSlots[u.code] ?? ['Head of Service', 'Officer', 'Adviser'];
      return [slot('head', head, 'professional', [3, 4], [2, 4]), slot('officer', a, 'professional', [2, 3], [2, 4]), slot('officer', b, 'professional', [2, 3], [2, 4])];
    }
    case 'committee':
      return u.code === 'UEC'
        ? [slot('chair', 'Chair (Pro-Vice-Chancellor for Education)', 'leader', [5, 5], [2, 4]), slot('secretary', 'Committee Secretary', 'professional', [2, 2], [2, 3])]
        : [];
    case 'student_society':
      return [slot('president', 'President', 'student', [1, 2], [2, 5]), slot('secretary', 'Secretary', 'student', [1, 2], [2, 5]), slot('treasurer', 'Treasurer', 'student', [1, 1], [1, 4])];
  }
}

const asciiName = (s: string) => fold(s).replace(/[^a-z]+/g, '');

export function buildPeople(rng: Rng, o: { units: PlanUnit[]; firstYearStart: string; today: string; currentYearStart: string }): PlanPerson[] {
  const units = new Map(o.units.map((u) => [u.code, u]));
  const story = storyPeople(o.firstYearStart, o.currentYearStart, o.today);
  const people: PlanPerson[] = story.map((s) => s.person);
  const usedNames = new Set(people.map((p) => fold(p.name)));
  // Slots the story's named people fill ("COMP:convenor" several times, the others once).
  const filled = new Map<string, PlanPerson[]>();
  for (const s of story) for (const f of s.fills) filled.set(f, [...(filled.get(f) ?? []), s.person]);
  const span = daysBetween(o.firstYearStart, o.today);
  const studentStart = addDays(o.currentYearStart, 14) <= o.today ? addDays(o.currentYearStart, 14) : addDays(o.currentYearStart, -351);
  const holders = new Map<string, PlanPerson>();

  const newName = () => {
    for (;;) {
      const name = `${rng.pick(firstNames)} ${rng.pick(surnames)}`;
      if (!usedNames.has(fold(name))) {
        usedNames.add(fold(name));
        return name;
      }
    }
  };
  const sentences = (pool: string[], max: number, p: number) => (rng.chance(p) ? rng.sample(pool, rng.int(1, max)).join(' ') : null);

  for (const u of o.units) {
    for (const s of slotsFor(u, rng, units)) {
      const fillKey = `${u.code}:${s.key}`;
      const named = filled.get(fillKey)?.shift();
      if (named) {
        holders.set(fillKey, named);
        continue;
      }
      // committee chairs are the department's director of teaching, not new people
      if (s.key === 'chair' && s.unit) {
        const dugt = holders.get(`${u.code}:dugt`);
        dugt?.positions.push({ unit: s.unit, title: 'Chair', start: dugt.positions[0]?.start ?? null, end: null });
        continue;
      }
      const student = s.voice === 'student';
      const name = newName();
      const [first = '', ...rest] = name.split(' ');
      const local = `${asciiName(first)}.${asciiName(rest.join(''))}`;
      const newcomer = !student && rng.chance(0.05);
      const start = student ? studentStart : newcomer ? addDays(o.firstYearStart, rng.int(30, Math.max(31, span - 60))) : addDays(o.firstYearStart, -rng.int(100, 4000));
      const tags = rng.sample(tagsByVoice[s.voice], rng.weighted([[0, 3], [1, 4], [2, 2], [3, 1]]));
      if (newcomer) tags.push('new to role');
      const p: PlanPerson = {
        key: `p${String(people.length + 1).padStart(4, '0')}`,
        name,
        email: rng.chance(0.03) ? null : `${local}@${student ? 'students.' : ''}${DEMO_DOMAIN}`,
        phone: !student && rng.chance(0.45) ? `+44 1632 960${String(rng.int(0, 999)).padStart(3, '0')}` : null,
        voice: s.voice,
        motivations: sentences(motivations[s.voice], 2, 0.85),
        needs: sentences(needs[s.voice], 2, 0.8),
        challenges: sentences(challenges[s.voice], 1, 0.7),
        channel: rng.chance(0.7) ? rng.pick(channels[s.voice]) : null,
        champion: false,
        influence: rng.int(...s.influence),
        interest: rng.int(...s.interest),
        stayInTouchDays: stayInTouch(rng, s.voice),
        tags,
        notes: rng.chance(0.05) ? rng.pick(notesPool) : null,
        positions: [{ unit: s.unit ?? u.code, title: s.title, start, end: null }],
      };
      people.push(p);
      holders.set(fillKey, p);
      if (s.key === 'adEducation' && u.code === 'FSE') p.positions.push({ unit: 'FSE-TLC', title: 'Chair', start, end: null });
      if (s.key === 'adEducation') p.positions.push({ unit: 'UEC', title: 'Member', start, end: null });
    }
  }
  addTeachingCommittee(holders, o.units);
  addFormerHeads(rng, holders, o.units, o.firstYearStart);
  chooseChampions(rng, people);
  return people;
}

function stayInTouch(rng: Rng, voice: Voice): number | null {
  const p = { leader: 0.6, teaching: 0.3, research: 0.2, professional: 0.15, student: 0.1 }[voice];
  if (!rng.chance(p)) return null;
  return voice === 'student' ? 30 : rng.pick(voice === 'leader' ? [60, 90, 90, 120] : [30, 60, 90, 180]);
}

/** The science faculty's directors of teaching sit on its teaching committee (Computing's joins later, off the record). */
function addTeachingCommittee(holders: Map<string, PlanPerson>, units: PlanUnit[]) {
  for (const u of units) {
    if (u.parent !== 'FSE' || u.type !== 'department' || u.code === 'COMP') continue;
    const dugt = holders.get(`${u.code}:dugt`);
    dugt?.positions.push({ unit: 'FSE-TLC', title: 'Member', start: dugt.positions[0]?.start ?? null, end: null });
  }
}

/** A few departments changed head during the three years: the former head stays as an academic. */
function addFormerHeads(rng: Rng, holders: Map<string, PlanPerson>, units: PlanUnit[], firstYearStart: string) {
  const candidates = units.filter((u) => u.type === 'department' && !['COMP', 'HIST'].includes(u.code));
  for (const u of rng.sample(candidates, 4)) {
    const head = holders.get(`${u.code}:head`);
    const former = [...holders.entries()].find(([k, p]) => k.startsWith(`${u.code}:`) && p.voice === 'research')?.[1];
    const headPos: PlanPosition | undefined = head?.positions[0];
    if (!head || !former || !headPos) continue;
    headPos.start = addDays(firstYearStart, rng.int(60, 400));
    former.positions.push({ unit: u.code, title: headPos.title, start: addDays(headPos.start, -rng.int(1200, 2000)), end: addDays(headPos.start, -1) });
    head.tags.push('new to role');
  }
}

/** A handful of library champions among engaged teaching staff, beyond the story's. */
function chooseChampions(rng: Rng, people: PlanPerson[]) {
  const pool = people.filter((p) => p.voice === 'teaching' && !p.champion && (p.interest ?? 0) >= 4 && !p.positions.some((x) => x.unit.startsWith('COMP')));
  for (const p of rng.sample(pool, 6)) p.champion = true;
}
