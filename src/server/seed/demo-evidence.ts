import { addDays } from '../../shared/academic-year.ts';
import type { EvidenceKind, Executor } from '../db/types.ts';
import { newId } from '../lib/ids.ts';

/*
 * The demo's evidence snapshots (Sunderland's capture): quotes, an external examiner's comment, a
 * survey result and a figure, on the departments whose stories the other seeders tell (Computing's
 * embedded skills, History's draft plan, Marketing's AI pilot), each linked where it came from.
 */

interface Spec {
  kind: EvidenceKind;
  text: string;
  sourceText: string | null;
  /** a person in the unit whose name includes this, as the named source */
  sourcePerson?: string;
  anonymous: boolean;
  daysAgo: number;
  unit: string;
  theme: string;
  /** link the unit's latest engagement before the date */
  fromEngagement?: boolean;
  campaign?: string;
}

const SPECS: Spec[] = [
  { kind: 'external_examiner', text: 'The literature reviews in this year’s dissertations are markedly stronger: wider reading, better use of the research databases, and sources evaluated rather than listed.', sourceText: 'External examiner’s report, BSc Computer Science', anonymous: false, daysAgo: 40, unit: 'COMP', theme: 'research_knowledge' },
  { kind: 'student_comment', text: 'The session on finding papers saved my project. I wish we’d had it in first year.', sourceText: 'A final-year Computing student, in the module evaluation', anonymous: true, daysAgo: 75, unit: 'COMP', theme: 'skills', fromEngagement: true },
  { kind: 'figure', text: '212 students attended the embedded research-skills sessions this year, up from 48.', sourceText: 'Library teaching records', anonymous: false, daysAgo: 20, unit: 'COMP', theme: 'education_learning' },
  { kind: 'quote', text: 'Having the librarian in the module team meeting means the reading lists are ready before term, for the first time.', sourceText: 'Director of Teaching, History', anonymous: false, daysAgo: 60, unit: 'HIST', theme: 'relations', fromEngagement: true },
  { kind: 'feedback', text: 'Students said the AI workshop helped them check what the tools told them; two asked for a follow-up on citing AI use.', sourceText: 'MKTG201 workshop feedback forms', anonymous: false, daysAgo: 25, unit: 'MKTG', theme: 'skills', fromEngagement: true },
  { kind: 'survey_result', text: '84% of respondents agreed the library resources supported their learning well (NSS Q19), up from 72% two years ago.', sourceText: 'National Student Survey', anonymous: false, daysAgo: 120, unit: 'COMP', theme: 'education_learning' },
  { kind: 'observation', text: 'Three departments asked for their librarian’s name after the “Know your librarian” posters went up in the Science building.', sourceText: 'Noted at the faculty’s teaching committee', anonymous: false, daysAgo: 50, unit: 'PHYS', theme: 'visibility', campaign: 'Know your librarian' },
];

export async function seedDemoEvidence(c: { trx: Executor; institutionId: string; today: string; now: string }): Promise<{ evidence: number }> {
  const { trx, institutionId: inst, today, now } = c;
  const themes = new Map((await trx.selectFrom('vocab_terms').select(['id', 'key']).where('institution_id', '=', inst).where('kind', '=', 'theme').execute()).map((t) => [t.key, t.id]));
  let made = 0;
  for (const s of SPECS) {
    const unit = await trx.selectFrom('org_units').select('id').where('institution_id', '=', inst).where('code', '=', s.unit).executeTakeFirst();
    if (!unit) continue;
    const on = addDays(today, -s.daysAgo);
    const id = newId();
    await trx.insertInto('evidence').values({
      id, institution_id: inst, kind: s.kind, text: s.text, source_person_id: null, source_text: s.sourceText, occurred_on: on,
      attribution: s.anonymous ? 'anonymous' : 'named', consent_recorded: s.anonymous ? 0 : 1, created_by: null, created_at: now, updated_at: now,
    }).execute();
    const link = { evidence_id: id, institution_id: inst };
    await trx.insertInto('evidence_org_units').values({ ...link, org_unit_id: unit.id }).execute();
    const theme = themes.get(s.theme);
    if (theme) await trx.insertInto('evidence_themes').values({ ...link, theme_id: theme }).execute();
    if (s.fromEngagement) {
      const e = await trx.selectFrom('engagements as e').innerJoin('engagement_org_units as u', 'u.engagement_id', 'e.id').select('e.id')
        .where('e.institution_id', '=', inst).where('u.org_unit_id', '=', unit.id).where('e.occurred_on', '<=', on).orderBy('e.occurred_on', 'desc').executeTakeFirst();
      if (e) await trx.insertInto('evidence_engagements').values({ ...link, engagement_id: e.id }).execute();
    }
    if (s.campaign) {
      const camp = await trx.selectFrom('campaigns').select('id').where('institution_id', '=', inst).where('name', '=', s.campaign).executeTakeFirst();
      if (camp) await trx.insertInto('evidence_campaigns').values({ ...link, campaign_id: camp.id }).execute();
    }
    made++;
  }
  return { evidence: made };
}
