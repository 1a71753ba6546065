import { z } from 'zod';
import { idSchema, isoDate, pageQuery } from './common.ts';

/* Relationship health: maturity, the journey, signals, stay-in-touch, contact caps. */

export const maturityLevels = ['none', 'provider', 'partner', 'pioneer'] as const;
export const maturityLevelSchema = z.enum(maturityLevels);
export type MaturityLevel = z.infer<typeof maturityLevelSchema>;
/** The talk's journey: from reliable provider to trusted partner to inspiring pioneer. */
export const maturityLabels: Record<MaturityLevel, string> = {
  none: 'No engagement',
  provider: 'Reliable provider',
  partner: 'Trusted partner',
  pioneer: 'Inspiring pioneer',
};

const named = z.object({ id: z.string(), name: z.string() });

export const maturityAssessmentDto = z.object({
  id: z.string(),
  orgUnit: named.nullable(),
  person: named.nullable(),
  level: maturityLevelSchema,
  assessedOn: z.string(),
  rationale: z.string(),
  assessedBy: named.nullable(),
  /** the engagements behind the judgement */
  engagements: z.array(z.object({ id: z.string(), occurredOn: z.string(), summary: z.string() })),
  createdAt: z.string(),
});
export type MaturityAssessmentDto = z.infer<typeof maturityAssessmentDto>;

export const createMaturityBody = z
  .strictObject({
    orgUnitId: idSchema.optional(),
    personId: idSchema.optional(),
    level: maturityLevelSchema,
    assessedOn: isoDate,
    rationale: z.string().trim().min(1, 'is required').max(5000),
    engagementIds: z.array(idSchema).max(50).transform((ids) => [...new Set(ids)]).default([]),
  })
  .refine((b) => (b.orgUnitId ? 1 : 0) + (b.personId ? 1 : 0) === 1, { path: ['orgUnitId'], message: 'give exactly one of orgUnitId or personId' });
export type CreateMaturityBody = z.infer<typeof createMaturityBody>;

/** The journey: one timeline of maturity changes, milestones and champions gained, oldest first. */
export const journeyKinds = ['maturity', 'milestone', 'champion'] as const;
export const journeyItemDto = z.object({
  kind: z.enum(journeyKinds),
  date: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  /** maturity items: the level reached */
  level: maturityLevelSchema.nullable(),
  /** where the item lives: the assessment, the engagement or the person */
  ref: z.object({ type: z.enum(['assessment', 'engagement', 'person', 'opportunity']), id: z.string() }),
});
export type JourneyItemDto = z.infer<typeof journeyItemDto>;
export const journeyDto = z.object({ items: z.array(journeyItemDto) });
export type JourneyDto = z.infer<typeof journeyDto>;

/**
 * The window a signal counts over. `year`: the academic year starting in `year` (default: the
 * current one), up to `asOf` or its end; `365`: the 365 days ending `asOf` (default today).
 */
export const signalWindowQuery = z.strictObject({
  window: z.enum(['year', '365']).default('year'),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  asOf: isoDate.optional(),
});
export type SignalWindowQuery = z.infer<typeof signalWindowQuery>;
export const signalWindowDto = z.object({ kind: z.enum(['year', '365']), from: z.string(), to: z.string(), label: z.string(), months: z.number() });
export type SignalWindowDto = z.infer<typeof signalWindowDto>;

export const cadenceSummaryDto = z.object({ done: z.number().int(), due: z.number().int(), overdue: z.number().int() });
export type CadenceSummaryDto = z.infer<typeof cadenceSummaryDto>;

/** Signals for one org unit over a window; each is explained in `signalExplanations`. */
export const unitSignalsDto = z.object({
  orgUnit: z.object({ id: z.string(), name: z.string(), code: z.string().nullable(), parentId: z.string().nullable(), parentName: z.string().nullable() }),
  maturity: maturityLevelSchema.nullable(),
  maturityOn: z.string().nullable(),
  /** any engagement, ever, up to the window's end */
  lastEngagementOn: z.string().nullable(),
  daysSinceLast: z.number().int().nullable(),
  engagements: z.number().int(),
  perMonth: z.number(),
  people: z.number().int(),
  keyPeople: z.number().int(),
  themes: z.number().int(),
  /** sum of the engagement types' weights */
  depth: z.number(),
  /** partner-initiated ÷ all, or null with no engagements */
  partnerShare: z.number().nullable(),
  /** key activities of the partnership model this academic year; null when no template applies */
  cadence: cadenceSummaryDto.nullable(),
});
export type UnitSignalsDto = z.infer<typeof unitSignalsDto>;
export const unitSignalsResponse = z.object({ window: signalWindowDto, signals: unitSignalsDto });

export const overviewSorts = ['name', 'maturity', 'daysSinceLast', 'engagements', 'perMonth', 'people', 'keyPeople', 'themes', 'depth', 'partnerShare', 'cadence'] as const;
export const overviewQuery = signalWindowQuery.extend({
  /** only departments within this faculty (any depth) */
  facultyId: idSchema.optional(),
  sort: z.enum(overviewSorts).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;
/** Every active department of the institution at once (a heatmap needs them all; an institution has hundreds, not millions). */
export const overviewDto = z.object({ window: signalWindowDto, items: z.array(unitSignalsDto) });
export type OverviewDto = z.infer<typeof overviewDto>;

export const maturityDistributionDto = z.object({
  /** one point per academic year: the latest assessment of each active department on or before `date` */
  points: z.array(z.object({ label: z.string(), date: z.string(), counts: z.record(z.enum([...maturityLevels, 'unassessed']), z.number().int()) })),
});
export type MaturityDistributionDto = z.infer<typeof maturityDistributionDto>;

export const contactCapDto = z.object({
  cap: z.number().int(),
  days: z.number().int(),
  /** library-initiated engagements with the person in the last `days` days, today included */
  count: z.number().int(),
  exceeded: z.boolean(),
  source: z.enum(['person', 'institution']),
});
export type ContactCapDto = z.infer<typeof contactCapDto>;

export const stayInTouchDto = z.object({ intervalDays: z.number().int(), lastEngagementOn: z.string().nullable(), dueOn: z.string(), overdue: z.boolean() });
export type StayInTouchDto = z.infer<typeof stayInTouchDto>;

export const personSignalsDto = z.object({
  window: signalWindowDto,
  lastEngagementOn: z.string().nullable(),
  daysSinceLast: z.number().int().nullable(),
  engagements: z.number().int(),
  perMonth: z.number(),
  themes: z.number().int(),
  depth: z.number(),
  partnerShare: z.number().nullable(),
  maturity: maturityLevelSchema.nullable(),
  stayInTouch: stayInTouchDto.nullable(),
  contactCap: contactCapDto.nullable(),
});
export type PersonSignalsDto = z.infer<typeof personSignalsDto>;

/** People past their stay-in-touch date; `mine`: at units the caller covers now. */
export const losingTouchQuery = pageQuery.extend({ mine: z.enum(['true', 'false']).default('false') });
export type LosingTouchQuery = z.infer<typeof losingTouchQuery>;
export const losingTouchItemDto = z.object({
  id: z.string(),
  name: z.string(),
  isChampion: z.boolean(),
  intervalDays: z.number().int(),
  lastEngagementOn: z.string().nullable(),
  dueOn: z.string(),
  daysOverdue: z.number().int(),
});
export type LosingTouchItemDto = z.infer<typeof losingTouchItemDto>;

/** Words for each signal, shown beside it in the UI and in the CSV's notes. */
export const signalExplanations = {
  maturity: 'The latest maturity assessment: no engagement, reliable provider, trusted partner or inspiring pioneer.',
  daysSinceLast: 'Days since the last engagement of any type, up to the end of the window.',
  engagements: 'Engagements in the window.',
  perMonth: 'Engagements in the window divided by the months it spans.',
  people: 'Distinct partner contacts engaged in the window.',
  keyPeople: 'Of those, people who hold a key position (a title containing one of the key titles set by the admin, e.g. "Head of") at any unit now.',
  themes: 'Distinct strategic themes the window\'s engagements touched.',
  depth: 'The sum of each engagement\'s type weight (teaching, curriculum review and joint bids weigh more than an email; admins set the weights).',
  partnerShare: 'The share of engagements the partner initiated: partnership can feel one-sided.',
  cadence: 'Key activities of the partnership model this academic year: done, due now, overdue.',
} as const;
export type SignalKey = keyof typeof signalExplanations;

/** Stakeholder map: people with a current position at the unit, placed by influence × interest (1–5, null when not yet judged). */
export const stakeholderDto = z.object({
  id: z.string(),
  name: z.string(),
  titles: z.array(z.string()),
  influence: z.number().int().nullable(),
  interest: z.number().int().nullable(),
  isChampion: z.boolean(),
  /** library staff who hold the relationship: who engaged them most over the last 365 days, most first (at most 3) */
  holders: z.array(z.object({ id: z.string(), name: z.string(), engagements: z.number().int() })),
});
export type StakeholderDto = z.infer<typeof stakeholderDto>;
export const stakeholderMapDto = z.object({ items: z.array(stakeholderDto) });
export type StakeholderMapDto = z.infer<typeof stakeholderMapDto>;
