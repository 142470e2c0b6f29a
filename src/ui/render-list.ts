/** `net list`: one line per contact, in columns: name, role and company, tags, last touch. */
import { toRelativeDays } from '../core/dates.js';
import { maxOf } from '../core/numbers.js';
import type { Palette } from './palette.js';
import type { ContactView } from './views.js';

export interface ListTextOptions {
  today: string;
  tag?: string;
  journalEmpty: boolean;
}

export function toAbout(c: Pick<ContactView, 'role' | 'company'>): string {
  if (c.role && c.company) return `${c.role}, ${c.company}`;
  return c.role ?? c.company ?? '';
}

export function toLastTouchText(lastTouch: string | null, today: string): string {
  return lastTouch ? toRelativeDays(lastTouch, today) : 'no touch yet';
}

export function renderList(contacts: readonly ContactView[], p: Palette, o: ListTextOptions): string {
  if (!contacts.length) {
    return o.journalEmpty
      ? 'Your journal has no contacts yet. Start with: net add "Jane Doe" (or net add on its own to be asked).'
      : `No contacts are tagged ${o.tag}. See everyone with: net list`;
  }
  const rows = contacts.map((c) => ({
    name: c.name,
    about: toAbout(c),
    tags: c.tags.map((t) => `#${t}`).join(' '),
    touch: toLastTouchText(c.lastTouch, o.today),
  }));
  const width = (key: 'name' | 'about' | 'tags') => maxOf(rows.map((r) => r[key].length), 0);
  const [nameW, aboutW, tagsW] = [width('name'), width('about'), width('tags')];
  const cell = (text: string, w: number) => (w ? `${text.padEnd(w)}  ` : '');
  return rows
    .map((r) => `${p.bold(cell(r.name, nameW))}${cell(r.about, aboutW)}${p.cyan(cell(r.tags, tagsW))}${p.dim(r.touch)}`.trimEnd())
    .join('\n');
}
