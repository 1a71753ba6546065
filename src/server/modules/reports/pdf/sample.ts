import type { ReportDataDto } from '../../../../shared/contracts/reports.ts';

/*
 * A realistic report: the School of Computing's 2025–26, with five years of two metrics (one year
 * missing), a year of engagements, a maturity step, people's words, a reviewed plan and the meeting's
 * themes. The PDF tests and the bench both render it.
 */
export function sampleReportData(): ReportDataDto {
  return {
    id: '0197a1c0-0000-7000-8000-000000000001',
    institution: { name: 'University of Northfield' },
    orgUnit: { id: '0197a1c0-0000-7000-8000-0000000000c1', name: 'School of Computing', code: 'COMP', type: 'department', parentName: 'Faculty of Science and Engineering' },
    year: { key: '2025', label: '2025–26', start: '2025-08-01', end: '2026-07-31' },
    generatedAt: '2026-07-14T09:30:00.000Z',
    metrics: [
      {
        id: 'm-loans', name: 'Loans per student', unit: 'loans', direction: 'higher_better', source: 'Alma Analytics',
        points: [
          { period: '2021', label: '2021–22', value: 12, average: 11.2 },
          { period: '2022', label: '2022–23', value: 12.8, average: 11.9 },
          { period: '2023', label: '2023–24', value: null, average: 12.4 },
          { period: '2024', label: '2024–25', value: 14.1, average: 12.7 },
          { period: '2025', label: '2025–26', value: 15, average: 13 },
        ],
      },
      {
        id: 'm-nss', name: 'NSS learning resources', unit: '%', direction: 'higher_better', source: 'NSS',
        points: [
          { period: '2021', label: '2021–22', value: 78.5, average: 81 },
          { period: '2022', label: '2022–23', value: 80.2, average: 81.6 },
          { period: '2023', label: '2023–24', value: 83.9, average: 82.3 },
          { period: '2024', label: '2024–25', value: 84.4, average: 82.8 },
          { period: '2025', label: '2025–26', value: 86.1, average: 83.5 },
        ],
      },
    ],
    engagements: {
      total: 47,
      previousYearTotal: 39,
      byType: [
        { key: 'teaching', label: 'Teaching session', count: 18 },
        { key: 'meeting', label: 'Meeting', count: 11 },
        { key: 'consultation', label: 'Consultation', count: 9 },
        { key: 'committee', label: 'Committee', count: 5 },
        { key: 'email', label: 'Email exchange', count: 4 },
      ],
      byTheme: [
        { key: 'information-literacy', label: 'Information literacy', count: 16 },
        { key: 'reading-lists', label: 'Reading lists', count: 12 },
        { key: 'open-research', label: 'Open research', count: 8 },
        { key: 'generative-ai', label: 'Generative AI and academic integrity', count: 7 },
        { key: 'collections', label: 'Collections', count: 4 },
      ],
      initiated: { library: 26, partner: 21 },
      peopleEngaged: 34,
      keyPeopleEngaged: 9,
      teaching: { sessions: 18, attendees: 1240, userHours: 2150.5 },
    },
    relationship: {
      maturity: {
        level: 'partner', label: 'Trusted partner', assessedOn: '2026-03-12',
        rationale: 'The library is now consulted before modules are validated, and the Director of Teaching invites the liaison librarian to the programme board.',
      },
      journey: [
        { date: '2025-09-22', kind: 'milestone', label: 'Embedded information-literacy sessions in all first-year project modules' },
        { date: '2025-11-05', kind: 'milestone', label: 'External examiner’s report praised students’ use of sources' },
        { date: '2026-03-12', kind: 'maturity', label: 'Maturity moved from Reliable provider to Trusted partner' },
      ],
      cadence: { done: 5, due: 1, overdue: 1 },
      champions: [
        { id: 'p-1', name: 'Dr Amara Okafor', since: '2023-10-01' },
        { id: 'p-2', name: 'Prof. Siân Llewellyn', since: null },
      ],
    },
    highlights: {
      evidence: [
        {
          id: 'e-1', kind: 'quote', kindLabel: 'Quote', occurredOn: '2026-02-18', source: 'Dr Amara Okafor, Director of Teaching',
          text: 'The referencing workshop changed how our final-year students approach their dissertations. Markers noticed the difference within a term.',
        },
        {
          id: 'e-2', kind: 'student_comment', kindLabel: 'Student comment', occurredOn: '2025-12-03', source: 'Module evaluation, COMP2041',
          text: 'I finally understand how to search the ACM Digital Library properly instead of just using Google.',
        },
        {
          id: 'e-3', kind: 'figure', kindLabel: 'Figure', occurredOn: '2026-05-20', source: 'Leganto',
          text: 'Reading-list coverage for the school rose to 94% of modules, up from 71% two years ago.',
        },
      ],
      impact: [
        {
          id: 'i-1', title: 'Dissertation literature-search clinic', status: 'complete',
          outcomes: 'Forty-two students attended; average marks for the literature review component rose by four points compared with the previous cohort.',
        },
        { id: 'i-2', title: 'Generative AI guidance for coursework', status: 'in_progress', outcomes: null },
      ],
    },
    plan: {
      reviewed: {
        id: 'plan-2025', status: 'reviewed', agreedBy: 'Prof. Siân Llewellyn', agreedOn: '2025-10-14', done: 4, open: 1, carriedForward: 1,
        actions: [
          { title: 'Embed a referencing session in every first-year project module', status: 'done', due: '2025-12-19', owner: 'Hannah Price' },
          { title: 'Review the reading lists of all core modules before semester two', status: 'done', due: '2026-01-16', owner: 'Hannah Price' },
          { title: 'Run a dissertation literature-search clinic', status: 'done', due: '2026-03-27', owner: 'Tom Fairweather' },
          { title: 'Present library support at the school’s away day', status: 'done', due: '2026-04-22', owner: 'Hannah Price' },
          { title: 'Agree a research-data management workflow with the research committee', status: 'in_progress', due: '2026-06-30', owner: 'Tom Fairweather' },
          { title: 'Pilot an online induction for distance learners', status: 'not_started', due: '2026-07-31', owner: null },
        ],
      },
      proposed: [
        { id: 'a-1', title: 'Co-design guidance on generative AI and academic integrity with the school', notes: 'Start with the second-year software engineering project; share with the faculty learning and teaching committee.' },
        { id: 'a-2', title: 'Agree a research-data management workflow with the research committee', notes: 'Carried forward from 2025–26.' },
        { id: 'a-3', title: 'Extend the literature-search clinic to taught postgraduates', notes: null },
      ],
    },
    narrative: {
      introduction: null,
      conclusion: 'This has been a year of deepening partnership. The school now brings the library in early, and students’ work shows it. Next year we will build on this with guidance on generative AI and a settled approach to research data.',
      introductionDraft: 'This report reviews the library’s partnership with the School of Computing in 2025–26. We recorded 47 engagements, up from 39 last year, and reached 1,240 students through 18 teaching sessions. The relationship moved from reliable provider to trusted partner in March.\n\nThe figures that follow set the school’s use of the library against the institution average, and the highlights let staff and students speak for themselves.',
      conclusionDraft: 'The partnership grew in 2025–26.',
    },
    discussion: {
      discussedOn: '2026-07-02',
      notes: 'We met Prof. Llewellyn and Dr Okafor. They were pleased with the clinic and asked whether it could run for taught postgraduates. Concern about generative AI in coursework came up several times; the school wants joint guidance before September. Research-data management remains a gap.',
      themes: ['Generative AI and academic integrity', 'Postgraduate skills', 'Research data management'],
    },
  };
}
