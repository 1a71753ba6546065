/*
 * Word pools the demo assembles its people and prose from. All fictional; some
 * names carry diacritics on purpose (search folds them, sorting must cope).
 */

export const firstNames = [
  'Aaliyah', 'Abdul', 'Adaeze', 'Agnieszka', 'Aidan', 'Aisha', 'Alasdair', 'Alejandro', 'Alice', 'Amara', 'Amir', 'Ana',
  'Andrew', 'Anjali', 'Anna', 'Ayşe', 'Beatriz', 'Bethan', 'Bogdan', 'Bronwen', 'Caitríona', 'Callum', 'Carmen', 'Catherine',
  'Chen', 'Chidi', 'Ciarán', 'Claire', 'Dafydd', 'Daniel', 'Deepa', 'Dominika', 'Eilidh', 'Elena', 'Elif', 'Emeka',
  'Emily', 'Éric', 'Eszter', 'Fatou', 'Fernando', 'Fiona', 'Gareth', 'Grace', 'Hamza', 'Harriet', 'Heike', 'Hiroshi',
  'Ingrid', 'Isabel', 'Jack', 'James', 'Jasmine', 'Javier', 'Jessica', 'Jonas', 'Joseph', 'Julia', 'Kamala', 'Karim',
  'Katarzyna', 'Kwame', 'Lars', 'Laura', 'Leila', 'Liam', 'Lucía', 'Mairéad', 'Malik', 'Margaret', 'Mariam', 'Mark',
  'Mateusz', 'Mei', 'Michael', 'Miguel', 'Mohammed', 'Naomi', 'Nasrin', 'Niamh', 'Nikolai', 'Noor', 'Olivia', 'Oluwaseun',
  'Òscar', 'Pádraig', 'Pavel', 'Peter', 'Rachel', 'Rhodri', 'Rohan', 'Rosa', 'Ruth', 'Samir', 'Sandra', 'Sarah',
  'Seo-yeon', 'Simon', 'Sinéad', 'Sofia', 'Stephen', 'Sunita', 'Tariq', 'Thomas', 'Tomasz', 'Ursula', 'Valentina', 'Victoria',
  'Wei', 'William', 'Xin', 'Yasmin', 'Yusuf', 'Zainab', 'Zofia', 'Zsófia',
];

export const surnames = [
  'Abara', 'Adeyemi', 'Ahmed', 'Andersson', 'Appleby', 'Arnott', 'Ashcroft', 'Bailey', 'Banerjee', 'Barlow', 'Becker', 'Bennett',
  'Bhatt', 'Blackwood', 'Bradshaw', 'Brennan', 'Byrne', 'Carver', 'Chatterjee', 'Chowdhury', 'Costa', 'Crawford', 'Dąbrowski', 'Dalton',
  'Davies', 'Delacroix', 'Dimitrov', 'Doherty', 'Eastwood', 'Edwards', 'Ellison', 'Evans', 'Fairclough', 'Farouk', 'Fenwick', 'Fitzgerald',
  'Fletcher', 'García', 'Gill', 'Gonçalves', 'Greenhalgh', 'Grimshaw', 'Gupta', 'Halloran', 'Hargreaves', 'Haworth', 'Hernández', 'Holt',
  'Hussain', 'Ibrahim', 'Iqbal', 'Jankowski', 'Jensen', 'Johansson', 'Kang', 'Kaur', 'Kelly', 'Khan', 'Kovács', 'Kumar',
  'Larsen', 'Lee', 'Lindgren', 'Llewellyn', 'López', 'MacLeod', 'Mahmood', 'McAllister', 'Mensah', 'Moreno', 'Morris', 'Müller',
  'Nakamura', 'Nguyen', 'Novak', 'Nowak', 'Ó Briain', 'O’Connell', 'Okonkwo', 'Oliveira', 'Osei', 'Owusu', 'Parkinson', 'Pereira',
  'Petrov', 'Pilkington', 'Popescu', 'Quigley', 'Rahman', 'Ramsbottom', 'Rees', 'Richter', 'Rossi', 'Sánchez', 'Schmidt', 'Shah',
  'Silva', 'Singh', 'Sutcliffe', 'Szabó', 'Takahashi', 'Thornton', 'Tiwari', 'Tomlinson', 'Turner', 'Usman', 'Varga', 'Wainwright',
  'Walsh', 'Wang', 'Whitaker', 'Wiśniewski', 'Wright', 'Yilmaz', 'Yusuf', 'Zhang', 'Zieliński',
];

export type Voice = 'leader' | 'teaching' | 'research' | 'professional' | 'student';

/** Short sentences per voice; a person gets one or two of each kind. */
export const motivations: Record<Voice, string[]> = {
  leader: [
    'Wants the department to climb the subject league tables.',
    'Keen to lift the NSS learning-resources score after a dip last year.',
    'Measured on student continuation and graduate outcomes.',
    'Wants a coherent skills thread across all years of the degree.',
    'Driven by the next research assessment exercise.',
    'Values partners who bring evidence rather than requests.',
  ],
  teaching: [
    'Cares a great deal about the quality of final-year dissertations.',
    'Wants students to read beyond the lecture slides.',
    'Proud of the module’s feedback scores and wants to keep them.',
    'Interested in authentic assessment and open educational resources.',
    'Wants first-year students to settle into independent study quickly.',
    'Looking for ways to reduce academic misconduct cases.',
  ],
  research: [
    'Wants research outputs to be found and cited.',
    'Building a case for promotion on research impact.',
    'Keen to share data openly but unsure where to start.',
    'Motivated by the centre’s funder requirements.',
    'Wants doctoral students to have a strong literature-review method.',
  ],
  professional: [
    'Wants processes that run without last-minute chasing.',
    'Measured on student satisfaction with support services.',
    'Keen to join up services so students are not passed around.',
    'Wants clear, consistent messages to pass on to students.',
  ],
  student: [
    'Wants the society to offer something useful beyond socials.',
    'Represents classmates who find the library confusing in first year.',
    'Keen to build a CV with leadership experience.',
    'Wants longer opening hours around the exam period.',
  ],
};

export const needs: Record<Voice, string[]> = {
  leader: [
    'A one-page summary of library use by the department each year.',
    'Evidence of impact to take to the faculty executive.',
    'Early warning of changes to subscriptions the department relies on.',
    'A named contact who understands the discipline.',
  ],
  teaching: [
    'Reading lists checked and available before term starts.',
    'A session on literature searching timed with the dissertation proposal.',
    'Help with referencing guidance that matches the marking criteria.',
    'Short online guides to point students to.',
    'Support with digitised readings for large modules.',
  ],
  research: [
    'Help with data management plans for grant applications.',
    'Advice on open access routes and funder compliance.',
    'Systematic review support for a funded project.',
    'Bibliometric evidence for a fellowship application.',
  ],
  professional: [
    'Library input to the induction programme.',
    'Accessible information to share with students on placement.',
    'A contact for queries the team cannot answer.',
  ],
  student: [
    'Study space for group work in the evenings.',
    'Someone to speak at a society event.',
    'Clear guidance on referencing for coursework.',
  ],
};

export const challenges: Record<Voice, string[]> = {
  leader: [
    'Very little time; meetings are booked weeks ahead.',
    'A large staff turnover this year.',
    'Budget pressure across the faculty.',
    'Sees the library as a provider rather than a partner, for now.',
  ],
  teaching: [
    'Modules are full; adding a library session means dropping something.',
    'Large cohorts make hands-on sessions difficult.',
    'Students skip sessions that are not assessed.',
    'Teaching load leaves little time to redesign the module.',
  ],
  research: [
    'Fieldwork takes them away for weeks at a time.',
    'Unsure which funder rules apply to which project.',
    'Competing deadlines between teaching and grant writing.',
  ],
  professional: [
    'Stretched team covering several departments.',
    'Systems that do not talk to each other.',
    'Information reaches students too late in the year.',
  ],
  student: [
    'Hard to reach members outside term time.',
    'Committee changes every year, so contacts are lost.',
    'Balancing society work with assessments.',
  ],
};

export const channels: Record<Voice, string[]> = {
  leader: ['Email, with a short agenda', 'Face to face', 'Fifteen minutes after the staff meeting', 'Via the department manager'],
  teaching: ['Email', 'Microsoft Teams', 'Face to face', 'Catch them after the lecture'],
  research: ['Email', 'Microsoft Teams', 'Phone'],
  professional: ['Email', 'Microsoft Teams', 'Phone'],
  student: ['Instagram direct message', 'Email', 'Society Discord server', 'Face to face at society events'],
};

export const tagsByVoice: Record<Voice, string[]> = {
  leader: ['NSS', 'strategy', 'new to role', 'committee chair', 'REF'],
  teaching: ['dissertations', 'reading lists', 'digital skills', 'academic integrity', 'first year', 'library rep', 'online learning'],
  research: ['open access', 'REF', 'research data', 'early career', 'systematic reviews', 'grants'],
  professional: ['induction', 'student support', 'widening participation', 'placements'],
  student: ['student rep', 'society', 'widening participation', 'first year'],
};

export const moduleTitles = [
  'Research Methods', 'Dissertation', 'Independent Project', 'Professional Practice', 'Academic Skills', 'Critical Perspectives',
  'Group Project', 'Introduction to the Discipline', 'Advanced Topics', 'Work Placement', 'Data Analysis', 'Field Course',
  'Contemporary Debates', 'Global Challenges', 'Qualitative Methods', 'Quantitative Methods',
];

/** Topics to talk about, by strategic theme key. */
export const topics: Record<string, string[]> = {
  visibility: [
    'the library’s new subject guides', 'the library’s page on the department website', 'adding the librarian to the department mailing list',
    'promoting the new reading-list service to staff', 'a library slot at the staff away day',
  ],
  relations: [
    'priorities for the coming year', 'the department’s annual library report', 'this year’s action plan',
    'how the library can support new staff', 'feedback on library services from the department',
  ],
  skills: [
    'literature searching for dissertations', 'referencing and academic integrity', 'digital skills for placements',
    'information literacy in first-year modules', 'critical evaluation of sources', 'using reference management software',
  ],
  research_knowledge: [
    'open access requirements for the next research assessment', 'a data management plan for a grant application',
    'depositing theses in the repository', 'research impact tracking', 'a systematic review protocol', 'bibliometrics for a fellowship case',
  ],
  education_learning: [
    'reading-list coverage for next term', 'the new MSc programme', 'the NSS learning-resources score',
    'embedding skills sessions in the curriculum', 'digitised readings for a large module', 'assessment design that rewards wider reading',
  ],
  community_citizens: [
    'a widening participation summer school', 'public access to the special collections', 'a schools outreach day',
    'alumni access to e-resources', 'a community history project',
  ],
};

export const outcomes = [
  'Agreed to add a library session to the module next term.',
  'They will share the draft programme handbook for comment.',
  'Agreed to review the reading list together before the summer.',
  'Invited to the next departmental meeting to give an update.',
  'Useful context on the department’s priorities; no action needed yet.',
  'They asked for the session slides to share with colleagues.',
  'Agreed a joint message to students about referencing.',
  'Library contact details added to the module pages.',
  'They will raise the issue at the next teaching committee.',
  'Positive feedback; they want to repeat it next year.',
];

export const followUps = [
  'Send the guide link and the session outline.',
  'Book a room for the session in week 5.',
  'Check reading-list coverage and report back.',
  'Follow up after the exam board.',
  'Share the usage figures for the department.',
  'Introduce them to the Research Data Manager.',
  'Draft a paragraph for the programme handbook.',
  'Arrange a short call in a month.',
];

export const events = [
  'the Welcome Week fair', 'the faculty research showcase', 'the postgraduate research conference', 'the open day',
  'the teaching and learning conference', 'the careers fair',
];

export const bidPurposes = [
  'a digital skills programme for first-year students', 'a widening participation summer school', 'an open data service for the department',
  'a community archive project', 'a paid student research internship scheme', 'an inclusive reading-list pilot',
];

export const funders = ['the Office for Students challenge fund', 'the university’s education innovation fund', 'a research council call', 'a charitable trust'];
