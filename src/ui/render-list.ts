/** `net list`: one line per contact, in columns: name, role and company, tags, last touch. */
import { toRelativeDays } from '../core/dates.js';
import { toTagsText, toTextLength } from '../core/tags.js';
import type { Palette } from './palette.js';

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

export function toAbout(c: Pick<ListLine, 'role' | 'company'>): string {
  if (c.role && c.company) return `${c.role}, ${c.company}`;
  return c.role ?? c.company ?? '';
}

export function toLastTouchText(lastTouch: string | null, today: string): string {
  return lastTouch ? toRelativeDays(lastTouch, today) : 'no touch yet';
}

/** What an empty list says. */
export function renderEmptyList(o: ListTextOptions): string {
  return o.journalEmpty
    ? 'Your journal has no contacts yet. Start with: net add "Jane Doe" (or net add on its own to be asked).'
    : `No contacts are tagged ${o.tag}. See everyone with: net list`;
}

/** One contact's line, its columns as wide as `w` says (the list is printed a line at a time, so the widths come first). */
export function renderListLine(c: ListLine, w: ListColumns, p: Palette, today: string): string {
  const cell = (text: string, width: number) => (width ? `${text}${' '.repeat(Math.max(0, width - toTextLength(text)))}  ` : '');
  const tags = toTagsText(c.tags);
  return `${p.bold(cell(c.name, w.name))}${cell(toAbout(c), w.about)}${p.cyan(cell(tags, w.tags))}${p.dim(toLastTouchText(c.lastTouchOn, today))}`.trimEnd();
}
