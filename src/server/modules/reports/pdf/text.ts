import { actionStatusLabels, planStatusLabels } from '../../../../shared/contracts/plans.ts';
import { impactStatusLabels } from '../../../../shared/contracts/impact.ts';

/*
 * Words for the PDF: dates, labels, and text made safe for the standard Helvetica font, whose
 * WinAnsi encoding covers Western European letters and typographic punctuation but nothing else.
 */

// the WinAnsi code points above Latin-1's printable range (0x80–0x9F in the encoding)
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
// letters NFD cannot take apart
const lookalikes: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŧ: 'T', ŧ: 't', '′': "'", '″': '"', '−': '-', '\u00ad': '' };

const encodable = (ch: string) => {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || winAnsiExtras.has(ch);
};

/** Text the standard font can show: accents it lacks are dropped (Ż → Z), anything else becomes '?'. */
export function pdfText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (ch === '\n' || ch === '\t') out += ch === '\t' ? ' ' : ch;
    else if (encodable(ch)) out += ch;
    else if (ch in lookalikes) out += lookalikes[ch];
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base && [...base].every(encodable) ? base : /\s/.test(ch) ? ' ' : '?';
    }
  }
  return out;
}

const longDateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** '2026-07-14' or an ISO timestamp → '14 July 2026' */
export function longDate(iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : longDateFormat.format(d);
}

const humanise = (key: string) => {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
const labelFrom = (labels: Record<string, string>) => (key: string) => labels[key] ?? humanise(key);
export const actionStatusLabel = labelFrom(actionStatusLabels);
export const planStatusLabel = labelFrom(planStatusLabels);
export const impactStatusLabel = labelFrom(impactStatusLabels);

/** '1 engagement', '3 engagements' */
export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** Paragraphs as people typed them: blank lines separate, single line breaks are kept. */
export function paragraphs(text: string | null | undefined): string[] {
  return (text ?? '').split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Evidence that is someone's words, set as a quotation; the rest (figures, observations) reads as a fact. */
const spokenKinds = new Set(['quote', 'feedback', 'external_examiner', 'student_comment']);
export const isSpoken = (kind: string) => spokenKinds.has(kind);
