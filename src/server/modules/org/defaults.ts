import type { Cadence, VocabKind } from '../../db/types.ts';

/** The lists every new institution starts with; each is editable in its settings. */
/** Depth weights (the talk: teaching, curriculum review and joint bids weigh more than an email); unlisted types weigh 1. */
export const defaultWeights: Record<string, number> = {
  meeting: 2, email: 0.5, call: 1, committee: 2, teaching_session: 3, workshop: 3, consultation: 2,
  event: 1, curriculum_review: 4, joint_bid: 4, other: 1, annual_review: 3, promotion: 0.5,
};

/** The library's top-level strategic goals: the talk's six themes (migration 0006 gives them to existing institutions). */
export const defaultLibraryGoals = ['Visibility', 'Relations', 'Skills', 'Research & Knowledge', 'Education & Learning', 'Community & Citizens'];

export const defaultVocab: Record<VocabKind, [key: string, label: string][]> = {
  engagement_type: [
    ['meeting', 'Meeting'],
    ['email', 'Email'],
    ['call', 'Call'],
    ['committee', 'Committee'],
    ['teaching_session', 'Teaching session'],
    ['workshop', 'Workshop'],
    ['consultation', 'Consultation'],
    ['event', 'Event'],
    ['curriculum_review', 'Curriculum review'],
    ['joint_bid', 'Joint bid'],
    ['annual_review', 'Annual review'],
    ['promotion', 'Promotion (website, newsletter, mailing list)'],
    ['other', 'Other'],
  ],
  // the six strategic themes of the talk Rapport is built from
  theme: [
    ['visibility', 'Visibility'],
    ['relations', 'Relations'],
    ['skills', 'Skills'],
    ['research_knowledge', 'Research & Knowledge'],
    ['education_learning', 'Education & Learning'],
    ['community_citizens', 'Community & Citizens'],
  ],
  function: [
    ['subject_liaison', 'Subject liaison'],
    ['teaching_learning', 'Teaching and learning'],
    ['research_support', 'Research support'],
    ['collections', 'Collections'],
    ['open_research', 'Open research'],
  ],
};

export interface DefaultPartnershipActivity {
  name: string;
  /** the engagement type's key in defaultVocab */
  typeKey: string;
  positionTitle: string | null;
  cadence: Cadence;
  perYear: number | null;
}

/**
 * The partnership model of the talk (Loughborough University Library): the key activities every
 * department should see each year. New institutions start with it, active for all departments.
 */
export const defaultPartnershipTemplate: { name: string; description: string; activities: DefaultPartnershipActivity[] } = {
  name: 'Loughborough partnership model',
  description: 'The key activities every school should see from its library each year, after Loughborough University Library\'s partnership model.',
  activities: [
    { name: 'Regular meeting with the Associate Dean', typeKey: 'meeting', positionTitle: 'Associate Dean', cadence: 'termly', perYear: null },
    { name: 'Annual meeting with the School Leadership Team', typeKey: 'meeting', positionTitle: 'Head of', cadence: 'yearly', perYear: null },
    { name: 'Annual review of teaching and research support', typeKey: 'annual_review', positionTitle: null, cadence: 'yearly', perYear: null },
    { name: 'Attendance at the staff-student committee', typeKey: 'committee', positionTitle: null, cadence: 'per_meeting', perYear: 3 },
    { name: 'Listed on the school website and mailing lists', typeKey: 'promotion', positionTitle: null, cadence: 'once', perYear: null },
  ],
};
