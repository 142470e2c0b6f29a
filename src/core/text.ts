/**
 * The rules for the text of each field, whichever path writes it: a flag, a question, an import of any format, a JSON
 * merge. Text that a person types is refused with a reason; text that a file brings is cleaned (an import must not
 * lose a contact over a stray character), and the import says what it cleaned.
 *
 * | characters                                   | typed                  | imported                     |
 * |----------------------------------------------|------------------------|------------------------------|
 * | control characters (escape, bell, …)         | refused                | removed                      |
 * | line breaks                                  | notes only             | a space, outside notes       |
 * | bidi overrides and isolates (U+202A–E, …)    | refused                | removed                      |
 * | invisible characters (zero-width space, …)   | refused in names       | removed from names           |
 */
import { UsageError } from './errors.js';
import { toThousands } from './numbers.js';
import { lazyRegExp } from './lazy-regexp.js';

export interface TextRule {
  /** The most characters the field keeps. */
  max: number;
  /** Line breaks are part of the text (notes). */
  multiline: boolean;
  /** Invisible characters would let two names look alike: refused. */
  visibleOnly: boolean;
}

const line = (max: number): TextRule => ({ max, multiline: false, visibleOnly: false });

/** Every text field of the journal and its rule. */
export const TEXT_RULES = {
  name: { max: 200, multiline: false, visibleOnly: true },
  company: line(200),
  role: line(200),
  email: line(254),
  phone: line(60),
  howMet: line(1000),
  service: line(200),
  goal: line(200),
  family: line(200),
  need: line(200),
  ideal: line(200),
  tag: line(40),
  prospect: line(200),
  url: line(2000),
  dateLabel: line(60),
  note: { max: 10_000, multiline: true, visibleOnly: false },
  /** Anything else a file brings: one line. */
  other: line(10_000),
} as const satisfies Record<string, TextRule>;

export type TextField = keyof typeof TEXT_RULES;

/* eslint-disable no-control-regex */
/** Line breaks of every kind; ui/terminal-text.ts shows these three classes too, at output. */
export const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/g;
/** C0 and C1 control characters and DEL, but for tab and the line breaks above. */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
/** Bidi embeddings, overrides and isolates: they reorder the text that follows them. */
export const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
/** Characters that show nothing: zero-width space, word joiner, invisible operators, BOM, soft hyphen, Hangul fillers. */
const INVISIBLE = /[\u200b\u2060-\u2064\ufeff\u00ad\u180e\u115f\u1160\u3164\uffa0]/g;
/** Zero-width joiners belong inside a word or an emoji sequence (Persian, Hindi, 👩‍💻); anywhere else they hide. */
const STRAY_JOINER = lazyRegExp(String.raw`(?<![\p{L}\p{M}\p{Extended_Pictographic}\uFE0F])[\u200c\u200d]|[\u200c\u200d](?![\p{L}\p{M}\p{Extended_Pictographic}])`, 'gu');
/* eslint-enable no-control-regex */

const has = (re: RegExp, text: string) => {
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
};

const ruleOf = (field: TextField | TextRule): TextRule => (typeof field === 'string' ? TEXT_RULES[field] : field);

/** What a typed text may hold that its field does not allow. */
export type OddCharacters = 'line-break' | 'control' | 'bidi' | 'invisible';

/** What a typed text holds that its field does not allow, as a code; undefined when it is fine. */
export function findOddCharacters(field: TextField | TextRule, text: string): OddCharacters | undefined {
  const rule = ruleOf(field);
  if (!rule.multiline && has(LINE_BREAK, text)) return 'line-break';
  if (has(CONTROL, text) || (!rule.multiline && text.includes('\t'))) return 'control';
  if (has(BIDI, text)) return 'bidi';
  if (rule.visibleOnly && (has(INVISIBLE, text) || has(STRAY_JOINER(), text))) return 'invisible';
  return undefined;
}

/**
 * Refuses a typed text that holds what its field does not allow, with a UsageError that says what: "`subject` cannot
 * hold a line break" (subject: "--company", "a name", "the label of --date-of").
 */
export function refuseOddCharacters(field: TextField | TextRule, text: string, subject: string, hint: string): void {
  const odd = findOddCharacters(field, text);
  if (odd === undefined) return;
  throw new UsageError(
    `${subject} cannot hold ${odd === 'line-break' ? 'a line break' : odd === 'control' ? 'control characters' : odd === 'bidi' ? 'characters that reverse the direction of the text' : 'invisible characters'}`,
    hint,
  );
}

/**
 * Text a person typed for a field: trimmed, checked, within the field's length; a UsageError otherwise. `what` names
 * the field in the message ("--company", "the note").
 */
export function parseFieldText(field: TextField | TextRule, text: string, what: string): string {
  const rule = ruleOf(field);
  const t = (rule.multiline ? text.replace(LINE_BREAK, '\n') : text).trim();
  if (!t) throw new UsageError(`${what} is empty`, `give ${what} some text, or leave the flag out`);
  refuseOddCharacters(rule, t, what, rule.multiline ? 'type it as plain text' : 'type it as plain text on one line');
  if (t.length > rule.max) throw new UsageError(`${what} is longer than ${toThousands(rule.max)} characters`, `shorten ${what}`);
  return t;
}

export interface CleanText {
  text: string;
  /** Something other than line endings changed: the import reports it. */
  changed: boolean;
}

/** Text a file brought for a field, with what the field does not allow taken out (line breaks outside notes become spaces). */
export function toCleanText(field: TextField, text: string): CleanText {
  const rule: TextRule = TEXT_RULES[field];
  const lines = text.replace(LINE_BREAK, rule.multiline ? '\n' : ' ');
  let clean = lines.replace(CONTROL, '').replace(BIDI, '');
  if (!rule.multiline) clean = clean.replace(/\t/g, ' ');
  if (rule.visibleOnly) clean = clean.replace(INVISIBLE, '').replace(STRAY_JOINER(), '');
  const changed = clean !== (rule.multiline ? text.replace(LINE_BREAK, '\n') : text);
  return { text: clean, changed };
}

/** The text of a calendar event: iCalendar allows no control characters; line breaks it escapes itself. */
export function toCalendarText(text: string): string {
  return toCleanText('note', text).text;
}

export interface Cleaned<T> {
  value: T;
  /** The keys whose text was cleaned (beyond line endings). */
  fields: string[];
}

/** Every text of `value` (its strings and lists of strings) cleaned by the rule of the field `fieldOf` names for its key. */
function cleanTexts<T extends object>(value: T, fieldOf: (key: string) => TextField): Cleaned<T> {
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const fields: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const field = fieldOf(key);
    let changed = false;
    const clean = (s: string) => {
      const c = toCleanText(field, s);
      changed ||= c.changed;
      return c.text;
    };
    if (typeof v === 'string') out[key] = clean(v);
    else if (Array.isArray(v)) out[key] = v.map((x: unknown) => (typeof x === 'string' ? clean(x) : x));
    if (changed) fields.push(key);
  }
  return { value: out as T, fields };
}

/** The field of each key of an import record (core/import/records.ts); any other text is one line. */
const RECORD_FIELDS: Record<string, TextField> = { name: 'name', givenName: 'name', familyName: 'name', emails: 'email', phones: 'phone', emailLabels: 'tag', phoneLabels: 'tag', company: 'company', role: 'role', note: 'note', url: 'url', tags: 'tag' };

/** A record that a vCard, LinkedIn or CSV file brought, its texts cleaned: what `net import` checks and writes. */
export function toCleanRecord<T extends object>(record: T): Cleaned<T> {
  return cleanTexts(record, (key) => RECORD_FIELDS[key] ?? 'other');
}

/** The field of each text column of the journal's tables, for a merged JSON export; any other text is one line. */
const COLUMN_FIELDS: Record<string, Record<string, TextField>> = {
  contacts: { name: 'name', given_name: 'name', family_name: 'name', company: 'company', role: 'role', email: 'email', phone: 'phone', how_met: 'howMet', note: 'note', url: 'url' },
  contact_points: { label: 'tag' },
  events: { note: 'note', prospect: 'prospect', status_note: 'note' },
  follow_ups: { note: 'note' },
  dates: { label: 'dateLabel' },
};

/** The field of a fact's text, by the fact's kind. */
const FACT_FIELDS: Record<string, TextField> = { tag: 'tag', service: 'service', goal: 'goal', family: 'family', need: 'need', ideal: 'ideal', 'met-need': 'need' };

/** A row of a merged JSON export, its texts cleaned by the field each column holds. */
export function toCleanRow<T extends Record<string, unknown>>(table: string, row: T): Cleaned<T> {
  const columns = COLUMN_FIELDS[table] ?? {};
  const factField = table === 'facts' ? (FACT_FIELDS[String(row.kind)] ?? 'other') : 'other';
  const pointField: TextField = row.kind === 'phone' ? 'phone' : 'email';
  return cleanTexts(row, (column) => (table === 'facts' && column === 'text' ? factField : table === 'contact_points' && column === 'value' ? pointField : (columns[column] ?? 'other')));
}

/**
 * Whether a file's value says what the journal's does but for capitals ("cto" and "CTO", "work" and "WORK"): an import
 * keeps the journal's spelling and counts no change. Any other difference, accents included, is a change.
 */
export function isSameButCase(journal: string, file: string): boolean {
  return journal === file || journal.toLowerCase() === file.toLowerCase();
}
