/** `net search`: the view (what --json prints) and its text. */
import type { ContactSearchField, EventSearchField, SearchResult } from '../app/search.js';
import { SEARCH_WINDOW, type MarkedText } from '../core/search.js';
import { toThousands } from '../core/numbers.js';
import type { Palette } from './palette.js';
import type { FactKind } from '../core/vocabulary.js';
import { describeEvent, FACT_WORDS, toDayText } from './messages/words.js';

export interface SearchFieldView {
  field: ContactSearchField | EventSearchField;
  /** The field's text around what matched; `marks` are the [start, end) offsets of the matching words in it. */
  text: string;
  marks: [number, number][];
}

export interface SearchView {
  words: string[];
  contacts: { id: string; name: string; matches: SearchFieldView[] }[];
  /** How many contacts matched, up to the window; `contactsMore`: more than the window. */
  contactCount: number;
  contactsMore: boolean;
  events: { id: string; contact: { id: string; name: string }; date: string; type: string; kind: string; matches: SearchFieldView[] }[];
  eventCount: number;
  eventsMore: boolean;
}

const toFieldView = (m: { field: ContactSearchField | EventSearchField; context: MarkedText }): SearchFieldView => ({ field: m.field, text: m.context.text, marks: m.context.marks });

export function toSearchView(r: SearchResult): SearchView {
  return {
    words: r.words,
    contacts: r.contacts.hits.map((h) => ({ id: h.contactId, name: h.name, matches: h.fields.map(toFieldView) })),
    contactCount: Math.min(r.contacts.count, SEARCH_WINDOW),
    contactsMore: r.contacts.count > SEARCH_WINDOW,
    events: r.events.hits.map((h) => ({ id: h.eventId, contact: { id: h.contactId, name: h.name }, date: h.date, type: h.type, kind: h.kind, matches: h.fields.map(toFieldView) })),
    eventCount: Math.min(r.events.count, SEARCH_WINDOW),
    eventsMore: r.events.count > SEARCH_WINDOW,
  };
}

/** Each field by its name; a fact by its kind (FACT_WORDS): "service", "tag", "ideal referral". */
const FIELD_WORDS: Record<SearchFieldView['field'], string> = {
  name: 'name',
  company: 'company',
  role: 'role',
  howMet: 'how met',
  ...(Object.fromEntries(Object.entries(FACT_WORDS).map(([kind, [one]]) => [kind, one])) as Record<FactKind, string>),
  about: 'profile',
  note: 'note',
  prospect: 'for',
  outcome: 'outcome',
};

/** The text with its matching words in bold (on a terminal with colour; otherwise as it is: the context says where). */
function highlight(f: SearchFieldView, p: Palette): string {
  let out = '';
  let at = 0;
  for (const [start, end] of f.marks) {
    if (start < at || end > f.text.length) continue;
    out += f.text.slice(at, start) + p.bold(f.text.slice(start, end));
    at = end;
  }
  return (out + f.text.slice(at)).replace(/\s*↵\s*/g, ' ');
}

/** "    role     mortgage broker": each field that matched, its label padded to the widest of the record's. */
function toMatchLines(matches: readonly SearchFieldView[], p: Palette): string[] {
  const width = matches.reduce((most, m) => Math.max(most, FIELD_WORDS[m.field].length), 0);
  return matches.map((m) => `    ${p.dim(FIELD_WORDS[m.field].padEnd(width))}  ${highlight(m, p)}`);
}

const count = (shown: number, total: number, more: boolean) => (more ? `${shown} of more than ${toThousands(SEARCH_WINDOW)}` : shown < total ? `${shown} of ${toThousands(total)}` : String(total));

export function renderSearch(v: SearchView, p: Palette): string {
  if (!v.contacts.length && !v.events.length) return `Nothing found for ${v.words.map((w) => `"${w}"`).join(' and ')}.`;
  const lines: string[] = [];
  if (v.contacts.length) {
    lines.push(p.bold(`Contacts (${count(v.contacts.length, v.contactCount, v.contactsMore)})`));
    for (const c of v.contacts) {
      lines.push(`  ${p.bold(c.name)}`);
      for (const line of toMatchLines(c.matches.filter((x) => x.field !== 'name'), p)) lines.push(line);
    }
  }
  if (v.events.length) {
    if (lines.length) lines.push('');
    lines.push(p.bold(`Events (${count(v.events.length, v.eventCount, v.eventsMore)})`));
    for (const e of v.events) {
      const what = describeEvent({ type: e.type as 'touch', kind: e.kind, value: null });
      lines.push(`  ${p.dim(toDayText(e.date))}  ${p.bold(e.contact.name)}, ${what}`);
      for (const line of toMatchLines(e.matches, p)) lines.push(line);
    }
  }
  const more = v.contactsMore || v.eventsMore || v.contacts.length < v.contactCount || v.events.length < v.eventCount;
  if (more) lines.push('', p.dim(`More matched: add a word to narrow it down, or show more with --limit.`));
  return lines.join('\n');
}

