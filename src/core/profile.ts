/** Checks on the profile fields a user types: one clear error each, before anything is written. */
import { UsageError } from './errors.js';
import { parseFieldText, TEXT_RULES } from './text.js';

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;
const PHONE = /^\+?[\d\s().\-/]{3,30}(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i;

export function parseEmail(text: string): string {
  const email = text.trim();
  if (!EMAIL.test(email)) throw new UsageError(`"${text}" is not an email address`, 'write it as name@example.com');
  return email;
}

export function parsePhone(text: string): string {
  const phone = text.trim().replace(/\s+/g, ' ');
  if (!PHONE.test(phone) || (phone.match(/\d/g) ?? []).length < 3) {
    throw new UsageError(`"${text}" is not a phone number`, 'use digits with optional +, spaces, dashes or brackets, for example "+44 20 7946 0958"');
  }
  return phone;
}

/** Free text with a note's rules (core/text.ts) within `max` characters: trimmed, bounded, never empty. */
export function parseText(text: string, what: string, max = 10_000): string {
  return parseFieldText({ ...TEXT_RULES.note, max }, text, what);
}

/** A tag is a short label: letters, digits and - _ . / (spaces become dashes). */
export function parseTag(text: string): string {
  const tag = text.trim().toLowerCase().replace(/\s+/g, '-');
  if (!/^[\p{L}\p{N}][\p{L}\p{N}_./-]{0,39}$/u.test(tag)) {
    throw new UsageError(`"${text}" is not a tag`, 'a tag is a short word such as bni, client or photographer');
  }
  return tag;
}
