import type { PlanEngagement, PlanPerson } from './demo-plan.ts';
import { addDays, daysBetween, onWorkingDay } from './demo-random.ts';

/*
 * The talk's "short history", retold at the fictional School of Computing:
 * no engagement → an external examiner's critical report on dissertations →
 * the library finds its champion (the dissertation module convenor) → the
 * library joins the curriculum review → embedded teaching in years 3 and 4,
 * with the Computer Science Society and a joint widening-participation bid
 * alongside. Dates are fractions of the time between the report and today,
 * so the story fits whatever "today" is.
 */

/** Named people of the story, and the generic slots they fill ("unit:slot"). */
export interface StoryPerson {
  person: PlanPerson;
  fills: string[];
}

const person = (p: Partial<PlanPerson> & Pick<PlanPerson, 'key' | 'name' | 'email' | 'voice' | 'positions'>): PlanPerson => ({
  phone: null,
  motivations: null,
  needs: null,
  challenges: null,
  channel: 'Email',
  champion: false,
  influence: 3,
  interest: 3,
  stayInTouchDays: null,
  tags: [],
  notes: null,
  ...p,
});

export function storyPeople(firstYearStart: string, currentYearStart: string, today: string): StoryPerson[] {
  const staffSince = (days: number) => addDays(firstYearStart, -days);
  const studentSince = addDays(currentYearStart, 14) <= today ? addDays(currentYearStart, 14) : addDays(currentYearStart, -351);
  const at = (unit: string, title: string, start: string | null) => ({ unit, title, start, end: null });
  return [
    {
      fills: ['COMP:convenor'],
      person: person({
        key: 'zoe', name: 'Zoë Ångström', email: 'zoe.angstrom@northmoor.example', phone: '+44 1632 960417', voice: 'teaching',
        motivations: 'Cares a great deal about the quality of final-year dissertations. Stung by the external examiner’s comments and wants them answered.',
        needs: 'Literature searching and referencing taught inside the dissertation module, timed with the proposal deadline.',
        challenges: 'The module is full; anything new has to replace something.',
        channel: 'Face to face, then a short email summary', champion: true, influence: 3, interest: 5, stayInTouchDays: 30,
        tags: ['dissertations', 'library rep', 'academic integrity'],
        notes: 'Our library champion in the School of Computing: introduced the library to the curriculum review group.',
        positions: [at('COMP', 'Module Convenor (COMP390 Final-Year Dissertation)', staffSince(900)), at('COMP', 'Senior Lecturer', staffSince(1600))],
      }),
    },
    {
      fills: ['COMP:dugt', 'COMP:chair'],
      person: person({
        key: 'dugt', name: 'Patrick Oyelaran', email: 'patrick.oyelaran@northmoor.example', voice: 'teaching', influence: 4, interest: 3,
        motivations: 'Measured on the external examiners’ reports and the NSS; wants both to improve.', stayInTouchDays: 60,
        positions: [at('COMP', 'Director for Undergraduate Teaching', staffSince(700)), at('COMP-SSC', 'Chair', staffSince(700))],
      }),
    },
    {
      fills: ['COMP:head'],
      person: person({
        key: 'hod', name: 'Gwen Harrow', email: 'gwen.harrow@northmoor.example', voice: 'leader', influence: 5, interest: 2,
        challenges: 'Very little time; meetings are booked weeks ahead.', channel: 'Via the school manager',
        positions: [at('COMP', 'Head of School', staffSince(1200))],
      }),
    },
    {
      fills: ['COMP:convenor'],
      person: person({
        key: 'conv4', name: 'Michael Hartley', email: 'michael.hartley@northmoor.example', voice: 'teaching', influence: 2, interest: 4,
        positions: [at('COMP', 'Module Convenor (COMP401 Fourth-Year Project)', staffSince(1400))],
      }),
    },
    {
      fills: ['COMP:convenor'],
      person: person({
        key: 'conv3', name: 'Jae-joon Park', email: 'jaejoon.park@northmoor.example', voice: 'teaching', influence: 2, interest: 4,
        positions: [at('COMP', 'Module Convenor (COMP350 Research Methods for Computing)', staffSince(500))],
      }),
    },
    {
      fills: ['COMP:convenor'],
      person: person({
        key: 'conv_msci', name: 'Barry Quinlan', email: 'barry.quinlan@northmoor.example', voice: 'teaching', influence: 2, interest: 3,
        positions: [at('COMP', 'Module Convenor (COMP402 MSci Group Project)', staffSince(2200))],
      }),
    },
    {
      fills: ['CSSOC:president'],
      person: person({
        key: 'soc_pres', name: 'Timothy Achebe', email: 'timothy.achebe@students.northmoor.example', voice: 'student', influence: 2, interest: 4,
        channel: 'Society Discord server', tags: ['society'], positions: [at('CSSOC', 'President', studentSince)],
      }),
    },
    {
      fills: ['CSSOC:secretary', 'COMP:studentRep'],
      person: person({
        key: 'soc_sec', name: 'Lucas Moreau', email: 'lucas.moreau@students.northmoor.example', voice: 'student', influence: 1, interest: 4,
        tags: ['society', 'student rep'],
        positions: [at('CSSOC', 'Secretary', studentSince), at('COMP-SSC', 'Student Representative (Year 3)', studentSince)],
      }),
    },
    {
      fills: ['WP:head'],
      person: person({
        key: 'wp', name: 'Grace Fenwick', email: 'grace.fenwick@northmoor.example', voice: 'professional', influence: 3, interest: 4,
        positions: [at('WP', 'Widening Participation Manager', staffSince(800))],
      }),
    },
    {
      fills: ['HIST:head'],
      person: person({
        key: 'siobhan', name: 'Siobhán Ó Briain', email: 'siobhan.obriain@northmoor.example', voice: 'leader', influence: 5, interest: 4, stayInTouchDays: 90,
        positions: [at('HIST', 'Head of Department', staffSince(400))],
      }),
    },
    {
      fills: ['LAW:dugt'],
      person: person({
        key: 'jose', name: 'José Núñez', email: 'jose.nunez@northmoor.example', voice: 'teaching', influence: 4, interest: 5, champion: true, stayInTouchDays: 60,
        tags: ['reading lists'], positions: [at('LAW', 'Director for Undergraduate Teaching', staffSince(1000))],
      }),
    },
  ];
}

/** Where, between the report and today, the first embedded session falls. */
export const EMBEDDED_TEACHING_FROM = 0.34;

type Draft = Omit<PlanEngagement, 'duration' | 'outcome' | 'followUp' | 'attendance' | 'staff'> &
  Partial<Pick<PlanEngagement, 'duration' | 'outcome' | 'followUp' | 'attendance' | 'staff'>>;

export function buildStory({ reportDate, today }: { reportDate: string; today: string }): PlanEngagement[] {
  const gap = daysBetween(reportDate, today);
  // A fraction of the way from the report to today, on a working day, never after today.
  const at = (f: number) => {
    const d = onWorkingDay(addDays(reportDate, Math.round(gap * f)));
    return d > today ? today : d;
  };
  const e = (d: Draft): PlanEngagement => ({ duration: null, outcome: null, followUp: null, attendance: null, staff: ['fse'], ...d });
  const teaching = [
    { f: EMBEDDED_TEACHING_FROM, module: 'COMP390 Final-Year Dissertation (Year 3)', what: 'literature searching and referencing', with: 'zoe', name: 'Dr Zoë Ångström', n: 87 },
    { f: 0.4, module: 'COMP401 Fourth-Year Project (Year 4)', what: 'research methods and evaluating sources', with: 'conv4', name: 'Dr Michael Hartley', n: 37 },
    { f: 0.46, module: 'COMP350 Research Methods for Computing (Year 3)', what: 'structuring a literature review', with: 'conv3', name: 'Dr Jae-joon Park', n: 94 },
    { f: 0.6, module: 'COMP390 Final-Year Dissertation (Year 3)', what: 'writing up: citing software, datasets and standards', with: 'zoe', name: 'Dr Zoë Ångström', n: 80 },
    { f: 0.7, module: 'COMP401 Fourth-Year Project (Year 4)', what: 'systematic searching for the related-work chapter', with: 'conv4', name: 'Dr Michael Hartley', n: 34 },
    { f: 0.82, module: 'COMP390 Final-Year Dissertation (Year 3)', what: 'literature searching and referencing, second run', with: 'zoe', name: 'Dr Zoë Ångström', n: 94 },
    { f: 0.93, module: 'COMP401 Fourth-Year Project (Year 4)', what: 'research methods and evaluating sources, second run', with: 'conv4', name: 'Dr Michael Hartley', n: 40 },
  ];
  return [
    e({
      type: 'email', date: reportDate, initiatedBy: 'partner', people: ['dugt'], units: ['COMP'], themes: ['education_learning', 'skills'],
      milestone: 'External examiner’s critical report',
      summary: 'Patrick Oyelaran forwarded the external examiner’s report on the School of Computing: “disappointing quality of dissertations”, with weak research methods, literature searching and referencing',
      outcome: 'First contact with the school in over a year: the examiner’s report is the hook.',
      followUp: 'Arrange a meeting with Dr Zoë Ångström, convenor of the dissertation module (COMP390).',
    }),
    e({
      type: 'meeting', date: at(0.03), initiatedBy: 'library', people: ['zoe'], units: ['COMP'], themes: ['relations', 'skills'], staff: ['fse', 'ld_fse'], duration: 60,
      milestone: 'Found our library champion',
      summary: 'Met Dr Zoë Ångström, convenor of the final-year dissertation module (COMP390), to talk through the examiner’s comments and what students struggle with',
      outcome: 'Zoë will champion the library in the school: she offered a slot in the dissertation module and an introduction to the curriculum review group.',
      followUp: 'Send Zoë a one-page outline of a literature searching and referencing session.',
    }),
    e({
      type: 'email', date: at(0.05), initiatedBy: 'partner', people: ['zoe'], units: ['COMP'], themes: ['education_learning'],
      summary: 'Dr Zoë Ångström shared the dissertation handbook and marking criteria for the library’s comments',
    }),
    e({
      type: 'meeting', date: at(0.08), initiatedBy: 'library', people: ['dugt', 'zoe'], units: ['COMP'], themes: ['relations', 'education_learning'], duration: 45,
      milestone: 'Joined the curriculum review',
      summary: 'Met Patrick Oyelaran and Dr Zoë Ångström: agreed the library joins the School of Computing curriculum review',
      outcome: 'Library added to the curriculum review planning group.',
    }),
    e({
      type: 'curriculum_review', date: at(0.12), initiatedBy: 'partner', people: ['dugt', 'zoe', 'hod'], units: ['COMP'], themes: ['education_learning', 'skills'],
      staff: ['fse', 'ld_fse'], duration: 120,
      summary: 'School of Computing curriculum review planning: mapped literature searching, referencing and research methods across years 1 to 4',
      outcome: 'Gaps found in years 3 and 4; the library will propose embedded sessions.',
    }),
    e({
      type: 'committee', date: at(0.17), initiatedBy: 'partner', people: ['dugt', 'soc_sec'], units: ['COMP-SSC', 'COMP'], themes: ['relations', 'visibility'], duration: 90,
      summary: 'First attendance at the School of Computing Staff-Student Committee: library update and student feedback on dissertation support',
    }),
    e({
      type: 'curriculum_review', date: at(0.2), initiatedBy: 'library', people: ['zoe', 'conv3', 'conv4', 'conv_msci'], units: ['COMP'], themes: ['education_learning', 'skills'],
      staff: ['fse', 'ld_fse'], duration: 120,
      summary: 'Curriculum review workshop with the module convenors: co-designed a research-skills thread for years 3 and 4',
    }),
    e({
      type: 'meeting', date: at(0.24), initiatedBy: 'library', people: ['soc_pres', 'soc_sec'], units: ['CSSOC'], themes: ['community_citizens', 'visibility'], duration: 45,
      summary: 'Met the Computer Science Society committee (Timothy Achebe and Lucas Moreau) to plan an evening on finding datasets and research papers',
    }),
    e({
      type: 'curriculum_review', date: at(0.28), initiatedBy: 'partner', people: ['dugt', 'zoe'], units: ['COMP'], themes: ['education_learning'], duration: 90,
      milestone: 'Library sessions written into the learning outcomes',
      summary: 'Curriculum review sign-off: library-led sessions written into the learning outcomes of COMP350, COMP390 and COMP401',
      outcome: 'Embedded teaching agreed for years 3 and 4 from next term.',
    }),
    ...teaching.map((t, i) =>
      e({
        type: 'teaching_session', date: at(t.f), initiatedBy: i === 0 ? 'partner' : 'library', people: [t.with], units: ['COMP'], themes: ['education_learning', 'skills'],
        staff: ['fse', 'ld_fse'], duration: 90, attendance: t.n, ...(i === 0 ? { milestone: 'First embedded teaching session' } : {}),
        summary: `Embedded session in ${t.module}: ${t.what}, co-taught with ${t.name}`,
      }),
    ),
    e({
      type: 'event', date: at(0.45), initiatedBy: 'partner', people: ['soc_pres'], units: ['CSSOC'], themes: ['community_citizens', 'visibility'], duration: 180,
      summary: 'Computer Science Society hack night: library stand on finding datasets and research papers',
    }),
    e({
      type: 'workshop', date: at(0.52), initiatedBy: 'library', people: ['conv_msci'], units: ['COMP'], themes: ['skills'], staff: ['ld_fse'], duration: 120, attendance: 24,
      summary: 'Integrated dissertation writing workshop for the MSci group project (Year 4) with Barry Quinlan',
    }),
    e({
      type: 'joint_bid', date: at(0.55), initiatedBy: 'library', people: ['zoe', 'wp'], units: ['COMP', 'WP'], themes: ['community_citizens', 'education_learning'],
      staff: ['fse', 'ld_lead'], duration: 90,
      summary: 'Collaborative bid with the School of Computing and the Widening Participation Office for a coding and research-skills summer school',
    }),
    e({
      type: 'email', date: at(0.9), initiatedBy: 'partner', people: ['dugt'], units: ['COMP'], themes: ['education_learning'],
      milestone: 'The examiner notices better-referenced dissertations',
      summary: 'Patrick Oyelaran passed on this year’s external examiner’s comments: dissertations “markedly better referenced and better argued”',
      outcome: 'Evidence of impact for the annual report to the school.',
    }),
  ];
}
