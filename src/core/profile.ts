/** Checks on the profile fields a user types: one clear error each, before anything is written. */
import { UsageError } from './errors.js';
import { parseFieldText, TEXT_RULES } from './text.js';
import { lazyRegExp } from './lazy-regexp.js';

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;
/**
 * What a phone book takes as a number, kept as written:
 *
 *   part        examples                                  rule
 *   number      +44 20 7946 0958, (555) 123-4567, 112     +, digits, spaces, ( ) . - / * #; 3 to 20 digits
 *   vanity      1-800-FLOWERS, 0800 DEWALT                capital letters among the digits (lower case reads as words)
 *   extension   555.123.4567 ext. 12, 555 1234 x 7        x, ext, ext. or extension, then up to 8 digits
 *   pause-dial  +1 555 123 4567,,102#, 5551234;9          , (pause) and ; (wait), then digits, # and *
 */
const PHONE = /^(\+?\(?\d[\d A-Z().\-/*#]*?)((?: ?(?:x|ext\.?|extension) ?\d{1,8})?(?: ?[,;][\d#*,;]*)?)$/i;
const PHONE_MAIN = /^\+?\(?\d[\d A-Z().\-/*#]*$/;

export function parseEmail(text: string): string {
  const email = text.trim();
  if (!EMAIL.test(email)) throw new UsageError(`"${text}" is not an email address`, 'write it as name@example.com');
  return email;
}

/** The phone number in `text` as written (spaces collapsed), or undefined when it is not one. */
export function findPhone(text: string): string | undefined {
  const phone = text.trim().replace(/\s+/g, ' ');
  const m = phone.length <= 40 ? PHONE.exec(phone) : null;
  if (!m || !PHONE_MAIN.test(m[1]!)) return undefined;
  const digits = (m[1]!.match(/\d/g) ?? []).length;
  return digits >= 3 && digits <= 20 ? phone : undefined;
}

export function parsePhone(text: string): string {
  const phone = findPhone(text);
  if (phone === undefined) {
    throw new UsageError(`"${text}" is not a phone number`, 'use digits with optional +, spaces, dashes or brackets, and "ext. 12" or ",,12" for an extension, for example "+44 20 7946 0958"');
  }
  return phone;
}

/** Free text with a note's rules (core/text.ts) within `max` characters: trimmed, bounded, never empty. */
export function parseText(text: string, what: string, max = 10_000): string {
  return parseFieldText({ ...TEXT_RULES.note, max }, text, what);
}

const TAG = lazyRegExp(String.raw`^[\p{L}\p{N}][\p{L}\p{N}_./-]{0,39}$`, 'u');

/** A tag is a short label: letters, digits and - _ . / (spaces become dashes). */
export function parseTag(text: string): string {
  const tag = text.trim().toLowerCase().replace(/\s+/g, '-');
  if (!TAG().test(tag)) {
    throw new UsageError(`"${text}" is not a tag`, 'a tag is a short word such as bni, client or photographer');
  }
  return tag;
}

/** An email address or phone number as typed or imported, with its label (null when the source gave none). */
export interface Labelled {
  value: string;
  label: string | null;
}

/** The labels sources write, as net keeps them: vCard's cell is mobile, Outlook's business is work. */
const LABEL_WORDS: Record<string, string | null> = {
  cell: 'mobile', cellular: 'mobile', mobile: 'mobile', iphone: 'mobile', business: 'work', office: 'work', work: 'work',
  home: 'home', personal: 'home', private: 'home', main: 'main', other: 'other', fax: 'fax', pager: 'pager',
  // Types that say how, not where: no label.
  internet: null, voice: null, pref: null, x400: null, text: null, msg: null, uri: null, smtp: null, ex: null,
};

/**
 * A label from a source or a flag: lower case, one line, at most 30 characters; known synonyms folded (cell: mobile),
 * Apple's `_$!<Mobile>!$_` unwrapped, vCard's `x-` prefix dropped; null for a type that is no label (internet, pref).
 */
export function toPointLabel(raw: string | null | undefined): string | null {
  const text = (/^_\$!<(.+)>!\$_$/.exec(raw?.trim() ?? '')?.[1] ?? raw ?? '').replace(/^\*\s*/, '').trim().toLowerCase().replace(/^x-/, '').replace(/\s+/g, ' ');
  if (!text) return null;
  if (Object.hasOwn(LABEL_WORDS, text)) return LABEL_WORDS[text]!;
  return /^[\p{L}\p{N}][\p{L}\p{N} _.-]{0,29}$/u.test(text) ? text : null;
}

/** The first of a source's types that is a label (`TYPE=work,voice` is work), or null. */
export function findPointLabel(types: readonly string[]): string | null {
  for (const t of types.flatMap((x) => x.split(','))) {
    const label = toPointLabel(t);
    if (label) return label;
  }
  return null;
}

/** What two entries of a kind are compared by: an email in lower case; a phone without its spaces and punctuation. */
export function toPointKey(kind: 'email' | 'phone', value: string): string {
  const lower = value.trim().toLowerCase();
  return kind === 'email' ? lower : lower.replace(/[\s().\-/]/g, '');
}

/**
 * `--email work=jane@acme.example` or `--email jane@acme.example`: the value read by `parse`, with its label. The text
 * before "=" is a label only when the rest reads as a value; otherwise the whole text is the value.
 */
export function parseLabelled(text: string, parse: (s: string) => string): Labelled {
  const eq = text.indexOf('=');
  if (eq > 0) {
    const label = toPointLabel(text.slice(0, eq));
    let value: string | undefined;
    try {
      value = parse(text.slice(eq + 1));
    } catch {
      value = undefined;
    }
    if (label && value !== undefined) return { value, label };
  }
  return { value: parse(text), label: null };
}
