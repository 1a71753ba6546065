import { NSS_MIN_RESPONSE_RATE, NSS_MIN_RESPONSES } from '../../../shared/contracts/figures.ts';
import { parsePeriod } from '../../../shared/metric-periods.ts';
import { codeKey } from '../imports/code-maps.ts';

/* The NSS rules, in one place for the import (department metric) and the read API (per question). */

/** 'Q19', 'q19', '19', 'Q 19', 'Q019' → 'Q19'; other labels (theme rows such as 'T5') upper-cased without spaces; '' → null. */
export function questionKey(text: string): string | null {
  const t = text.replace(/\s+/g, '').toUpperCase();
  if (!t) return null;
  const m = /^Q?0*(\d{1,3})$/.exec(t);
  return m ? `Q${m[1]}` : t;
}

/** Question order: Q2 before Q10; labels that are not numbered after. */
export function questionOrder(a: string, b: string): number {
  const n = (q: string) => (/^Q\d+$/.test(q) ? Number(q.slice(1)) : Number.MAX_SAFE_INTEGER);
  return n(a) - n(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The NSS year as stored: the academic year surveyed. NSS results are named by the spring they were
 * collected in, so a bare year is the survey's (NSS 2025 → 2024–25, stored '2024'); a span or a date
 * reads as any academic year does.
 */
export function nssYear(text: string, startMonth: number): string | null {
  const t = text.trim().replace(/^nss\s*/i, '');
  if (/^\d{4}$/.test(t)) return String(Number(t) - 1);
  return parsePeriod(t, 'academic_year', startMonth);
}

/** Which results feed the department metric: listed question numbers, or every question of a theme. */
export type QuestionSelector = { questions: Set<string> } | { theme: string };

/** 'Q19' or 'Q19, Q20 Q21' → those questions; other text names a theme (only when the file has a theme column); null: unreadable. */
export function questionSelector(text: string, themes: boolean): QuestionSelector | null {
  const parts = text.replace(/q\s+(?=\d)/gi, 'Q').split(/[,;\s]+/).filter(Boolean);
  if (parts.length && parts.every((p) => /^Q?0*\d{1,3}$/i.test(p))) return { questions: new Set(parts.map((p) => questionKey(p) as string)) };
  return themes && text.trim() ? { theme: codeKey(text) } : null;
}

export const selects = (s: QuestionSelector, r: { question: string; theme: string | null }) =>
  'questions' in s ? s.questions.has(r.question) : r.theme !== null && codeKey(r.theme) === s.theme;

export interface NssFigures { agree_pct: number | null; responses: number | null; response_rate: number | null }

/** Published: a figure, at least 10 responses and a response rate (when known) of at least 50%. */
export function isPublished(r: NssFigures): boolean {
  if (r.agree_pct === null || r.responses === null || r.responses < NSS_MIN_RESPONSES) return false;
  // a hair of tolerance: 50% computed as 10 ÷ 20 must not fall below by rounding
  return r.response_rate === null || r.response_rate >= NSS_MIN_RESPONSE_RATE - 1e-9;
}

/** % agree weighted by responses over the published rows; null when none is published. */
export function weighted(rows: NssFigures[]): { agreePct: number; responses: number } | null {
  let responses = 0;
  let sum = 0;
  for (const r of rows) {
    if (!isPublished(r)) continue;
    responses += r.responses as number;
    sum += (r.agree_pct as number) * (r.responses as number);
  }
  return responses > 0 ? { agreePct: sum / responses, responses } : null;
}
