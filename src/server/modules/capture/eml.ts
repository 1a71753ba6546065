import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { invalid } from '../../http/errors.ts';
import { addressOf, excerptOf, subjectOf, type Captured } from './text.ts';

export interface MessageOptions {
  /** the owner's address (lower case): never a partner */
  owner: string;
  now: Date;
  /** addresses that are not people, e.g. the SMTP listener's own (RCPT TO) */
  ignore?: string[];
}

const parse = (raw: Buffer | string) =>
  // no images inlined, no HTML built from the text: only headers and text are kept
  simpleParser(raw, { keepCidLinks: true, skipTextToHtml: true, skipTextLinks: true, checksumAlgo: false, maxHtmlLengthToParse: 2_000_000 });

const listOf = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.flatMap(function flat(v): string[] {
    return [...(v.address ? [v.address] : []), ...(v.group ?? []).flatMap(flat)];
  }));

/** "From: Ada Byron <ada@…>" lines of an inline forward ("---------- Forwarded message ---------"). */
const FORWARD = /^(?:-{2,} ?Forwarded message ?-{2,}|-{2,} ?Original Message ?-{2,}|Begin forwarded message:)\s*$/im;
function inlineForward(text: string | undefined) {
  const at = text?.search(FORWARD) ?? -1;
  if (!text || at < 0) return null;
  const lines = text.slice(at).split('\n').slice(1);
  // the header block ends at its first blank line; what follows is the partner's message
  const end = lines.findIndex((l, i) => i > 0 && !l.trim());
  const block = lines.slice(0, end < 0 ? 12 : Math.min(end, 12));
  const header = (name: string) => block.find((l) => l.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim() ?? '';
  const addresses = (name: string) => [...header(name).matchAll(/[^\s<>,;"']+@[^\s<>,;"']+/g)].map((m) => m[0]);
  const from = addresses('from')[0];
  if (!from) return null;
  // Gmail writes "Thu, 12 Nov 2026 at 15:00"
  const date = new Date(header('date').replace(/ at /, ' '));
  const body = end < 0 ? '' : lines.slice(end + 1).join('\n');
  return { from, others: [...addresses('to'), ...addresses('cc')], subject: header('subject'), date: Number.isNaN(date.getTime()) ? undefined : date, body };
}

/**
 * One email as a capture item. A message the owner forwarded is read as the message it carries:
 * attached (message/rfc822) or inline after a "Forwarded message" line, so the partner who wrote
 * it is matched, not the librarian who forwarded it.
 */
export async function readMessage(raw: Buffer, o: MessageOptions): Promise<Captured> {
  let mail: ParsedMail;
  try {
    mail = await parse(raw);
  } catch (err) {
    throw invalid('file', `is not a readable email (.eml) file: ${err instanceof Error ? err.message : 'parse error'}`);
  }
  const outerFrom = addressOf(listOf(mail.from)[0]);
  if (!outerFrom) throw invalid('file', 'is not an email message: it has no From address');

  let from = outerFrom;
  let others = [...listOf(mail.to), ...listOf(mail.cc)];
  let subject = mail.subject ?? '';
  let date = mail.date;
  let body = mail.text ?? (typeof mail.html === 'string' ? mail.html : undefined);
  let keyOf = mail.messageId;
  if (outerFrom === o.owner) {
    const attached = mail.attachments.find((a) => a.contentType === 'message/rfc822');
    const inner = attached ? await parse(attached.content).catch(() => null) : null;
    const innerFrom = inner ? addressOf(listOf(inner.from)[0]) : null;
    const inline = innerFrom ? null : inlineForward(mail.text);
    if (inner && innerFrom) {
      ({ subject = '', date } = inner);
      from = innerFrom;
      others = [...listOf(inner.to), ...listOf(inner.cc)];
      body = inner.text ?? (typeof inner.html === 'string' ? inner.html : undefined);
      keyOf = inner.messageId ?? keyOf;
    } else if (inline) {
      from = addressOf(inline.from) ?? from;
      others = [...others, ...inline.others];
      subject = inline.subject || subject.replace(/^\s*(fwd?|fw):\s*/i, '');
      date = inline.date ?? date;
      body = inline.body || body;
    }
  }

  const ignore = new Set([o.owner, ...(o.ignore ?? []).map((a) => a.toLowerCase())]);
  const addresses = new Set<string>();
  for (const a of [from, ...others]) {
    const address = addressOf(a);
    if (address && !ignore.has(address)) addresses.add(address);
  }
  // a missing, broken or future date (a wrong clock) is read as "when it arrived"
  const valid = date && !Number.isNaN(date.getTime()) && date.getTime() <= o.now.getTime() + 86_400_000;
  const startsAt = valid ? date : o.now;
  const uid = keyOf?.trim().slice(0, 400)
    ?? `noid-${createHash('sha256').update([from, startsAt?.toISOString(), subject, body ?? ''].join('|')).digest('hex').slice(0, 32)}`;
  return {
    kind: 'message', externalUid: uid, subject: subjectOf(subject), startsAt: startsAt ?? null, durationMinutes: null,
    excerpt: excerptOf(body), fromAddress: from === o.owner ? null : from, addresses: [...addresses].sort(),
  };
}
