/** `net list`: one line per contact, in columns: name, role and company, tags, last touch. */
import { toRelativeDays } from '../core/dates.js';
import { toNameKey } from '../core/names.js';
import { toTagsText, toTextLength } from '../core/tags.js';
import type { Palette } from './palette.js';
import { describeUnusedTag } from './messages/words.js';

export interface ListTextOptions {
  today: string;
  tag?: string;
  journalEmpty: boolean;
}

/** What a line of the list shows of a contact. */
export interface ListLine {
  name: string;
  role: string | null;
  company: string | null;
  tags: readonly string[];
  lastTouchOn: string | null;
}

/** The widest name, "role, company" and tags, in characters (code points): SQLite's length(), which finds them. */
export interface ListColumns {
  name: number;
  about: number;
  tags: number;
}

/** Keys are compared only when the lengths are near: a list of 5,000 lines does not fold 5,000 names. */
const isNameOf = (company: string, name: string) => company === name || (Math.abs(company.length - name.length) <= 4 && toNameKey(company) === toNameKey(name));

/**
 * "role, company", or the one of them there is. A company that is the contact's name (one added, or imported, with only
 * a company) is not said twice. The list's column is as wide as store/contacts-extra.ts ABOUT_SQL finds, which counts
 * it: at most the width of the company.
 */
export function toAbout(c: Pick<ListLine, 'name' | 'role' | 'company'>): string {
  const company = c.company && isNameOf(c.company, c.name) ? null : c.company;
  if (c.role && company) return `${c.role}, ${company}`;
  return c.role ?? company ?? '';
}

export function toLastTouchText(lastTouch: string | null, today: string): string {
  return lastTouch ? toRelativeDays(lastTouch, today) : 'no touch yet';
}

/** What an empty list says. */
export function renderEmptyList(o: ListTextOptions): string {
  return o.journalEmpty
    ? 'Your journal has no contacts yet. Start with: net add "Jane Doe" (or net add on its own to be asked).'
    : describeUnusedTag(o.tag ?? '', 'See everyone with: net list');
}

/** One contact's line, its columns as wide as `w` says (the list is printed a line at a time, so the widths come first). */
export function renderListLine(c: ListLine, w: ListColumns, p: Palette, today: string): string {
  const cell = (text: string, width: number) => (width ? `${text}${' '.repeat(Math.max(0, width - toTextLength(text)))}  ` : '');
  const tags = toTagsText(c.tags);
  return `${p.bold(cell(c.name, w.name))}${cell(toAbout(c), w.about)}${p.cyan(cell(tags, w.tags))}${p.dim(toLastTouchText(c.lastTouchOn, today))}`.trimEnd();
}
