import type { OrgUnitType } from '../db/types.ts';
import type { PlanUnit } from './demo-plan.ts';
import type { Rng } from './demo-random.ts';
import { bidPurposes, events, funders, topics } from './demo-text.ts';

/* One-line engagement summaries in a librarian's voice, assembled from fragments. */

const allThemes = [['relations', 2], ['education_learning', 2], ['skills', 1.5], ['research_knowledge', 1.2], ['visibility', 1], ['community_citizens', 0.3]] as const;

/** The strategic themes an engagement of this type usually serves. */
export function themesFor(rng: Rng, type: string, unitType: OrgUnitType): string[] {
  const researchy = unitType === 'research_centre';
  switch (type) {
    case 'meeting':
      return rng.chance(0.5) ? ['relations', rng.weighted(allThemes.filter(([t]) => t !== 'relations'))] : ['relations'];
    case 'email':
      return [rng.weighted(allThemes)];
    case 'call':
      return ['relations'];
    case 'committee':
      return rng.chance(0.5) ? ['relations', 'visibility'] : ['relations'];
    case 'teaching_session':
      return ['education_learning', 'skills'];
    case 'workshop':
      return researchy || rng.chance(0.25) ? ['skills', 'research_knowledge'] : ['skills'];
    case 'consultation':
      return researchy || rng.chance(0.6) ? ['research_knowledge'] : ['skills'];
    case 'event':
      return rng.chance(0.5) ? ['visibility', 'community_citizens'] : ['visibility'];
    case 'curriculum_review':
      return ['education_learning'];
    case 'joint_bid':
      return [rng.chance(0.6) ? 'research_knowledge' : 'community_citizens'];
    default:
      return ['visibility'];
  }
}

interface Who {
  person: { name: string };
  title: string;
}

export interface SummaryInput {
  type: string;
  unit: PlanUnit;
  people: Who[];
  themes: string[];
  partner: boolean;
  module: string | null;
  year: number;
}

const the = (u: PlanUnit) => (u.name.startsWith('Northmoor') ? u.name : `the ${u.name}`);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const attendanceByYear = [[60, 220], [40, 160], [20, 110], [8, 45]] as const;

export function summarize(rng: Rng, s: SummaryInput): { summary: string; attendance: number | null } {
  const [first, ...others] = s.people;
  const role = (title: string) => title.replace(/^Module Convenor \((.*)\)$/, 'convenor, $1');
  const named = (w: Who) => (rng.chance(0.35) ? `${w.person.name} (${role(w.title)})` : w.person.name);
  const who = first ? (others.length ? `${first.person.name} and ${others.map((w) => w.person.name).join(', ')}` : named(first)) : the(s.unit);
  const themeForTopic = rng.pick(s.themes.filter((t) => t !== 'relations').length ? s.themes.filter((t) => t !== 'relations') : s.themes);
  const topic = rng.pick(topics[themeForTopic] ?? topics.relations ?? ['library services']);
  // "first-year modules" reads oddly as the subject of a session in a final-year module
  const skill = rng.pick((topics.skills ?? ['literature searching']).filter((t) => !t.includes('first-year')));
  const unit = the(s.unit);
  const one = (library: string[], partner: string[]) => rng.pick(s.partner ? partner : library);
  let attendance: number | null = null;
  let summary: string;
  switch (s.type) {
    case 'meeting':
      summary = one(
        [`Met ${who} to discuss ${topic}`, `Catch-up with ${who} on ${topic}`, `Introduced the library’s offer to ${who}; talked about ${topic}`, `Termly meeting with ${who}: ${topic}`],
        [`${who} asked to meet about ${topic}`, `Meeting requested by ${who} to talk about ${topic}`],
      );
      break;
    case 'email':
      summary = one([`Emailed ${who} about ${topic}`, `Sent ${who} an update on ${topic}`], [`${who} emailed asking about ${topic}`, `Query from ${who} about ${topic}`]);
      break;
    case 'call':
      summary = one([`Called ${who} about ${topic}`], [`${who} phoned about ${topic}`]);
      break;
    case 'committee': {
      const meeting = s.unit.type === 'committee' ? unit : `${unit} staff meeting`;
      summary = rng.pick([`Attended ${meeting}: library update on ${topic}`, `${cap(meeting)}: raised ${topic}`, `Attended ${meeting}; discussion of ${topic}`]);
      break;
    }
    case 'teaching_session': {
      const [lo, hi] = attendanceByYear[Math.min(3, Math.max(0, s.year - 1))] ?? [20, 80];
      attendance = rng.int(lo, hi);
      summary = s.module
        ? rng.pick([`Taught a session on ${skill} in ${s.module} (Year ${s.year})`, `Embedded session in ${s.module} (Year ${s.year}): ${skill}`])
        : `Taught a session on ${skill} for ${unit} students`;
      if (first && rng.chance(0.3)) summary += `, co-taught with ${first.person.name}`;
      break;
    }
    case 'workshop':
      attendance = rng.int(6, 40);
      summary = `Workshop on ${skill} for ${unit} ${rng.pick(['undergraduates', 'postgraduate taught students', 'doctoral researchers', 'staff'])}`;
      break;
    case 'consultation':
      summary = one([`Offered ${who} a consultation on ${topic}`], [`One-to-one consultation with ${who} on ${topic}`, `${who} booked a consultation on ${topic}`]);
      break;
    case 'event':
      summary = rng.pick([`Library stand at ${rng.pick(events)} with ${unit}`, `Spoke at ${unit} event about ${topic}`]);
      break;
    case 'curriculum_review':
      summary = rng.pick([`${cap(unit)} programme review: commented on ${topic}`, `Curriculum review meeting with ${who}: ${topic}`]);
      break;
    case 'joint_bid':
      summary = `Joint bid with ${unit} to ${rng.pick(funders)} for ${rng.pick(bidPurposes)}`;
      break;
    default:
      summary = `Sent ${unit} a note on ${topic}`;
  }
  return { summary: cap(summary), attendance };
}
