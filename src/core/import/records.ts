/**
 * What every import format is read into: plain records with the line each starts on. A value net cannot read in one
 * field never costs the record: it is kept as text (in the contact's note) and listed. A record is left out only when
 * it is not a person (a group card) or gives nothing to call them by; a damaged file's broken records are "bad".
 */
import { findIsoDate, type DateOrder, type IsoDate } from '../dates.js';
import { parseContactName, parseNamePart } from '../names.js';
import { findPhone, parseEmail, toPointKey, toPointLabel } from '../profile.js';
import { NetError, UsageError } from '../errors.js';
import { MAX_DATE_LABEL, type ImportantDate } from '../important-dates.js';

export const IMPORT_FORMATS = ['vcf', 'linkedin', 'csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function parseImportFormat(text: string): ImportFormat {
  const word = text.trim().toLowerCase().replace(/^vcard$/, 'vcf');
  const found = IMPORT_FORMATS.find((f) => f === word);
  if (!found) throw new UsageError(`unknown format "${text}"`, `--format takes one of: ${IMPORT_FORMATS.join(', ')}`);
  return found;
}

/** The fields whose unreadable values are kept as text, in the order their lines go into the note. */
export const KEPT_FIELDS = ['name', 'email', 'phone', 'birthday', 'anniversary', 'met', 'company', 'role', 'url'] as const;
export type KeptField = (typeof KEPT_FIELDS)[number];

/** A value net could not read as its field: kept in the contact's note, listed in the import's summary. */
export interface KeptValue {
  line: number;
  field: KeptField;
  value: string;
}

/** One person as an address book or a spreadsheet describes them. */
export interface ImportRecord {
  /** The line of the file the record starts on (1-based). */
  line: number;
  /** The display name the source gives (vCard FN, a name column), or null. */
  name: string | null;
  givenName: string | null;
  familyName: string | null;
  /** In the file's order, the preferred one first. */
  emails: string[];
  phones: string[];
  /** The label of each email and phone where the source gives one (work, home, mobile), aligned with them by index. */
  emailLabels?: (string | null)[];
  phoneLabels?: (string | null)[];
  company: string | null;
  role: string | null;
  note: string | null;
  url: string | null;
  /** `YYYY-MM-DD` or `--MM-DD`. */
  birthday: string | null;
  metOn: IsoDate | null;
  tags: string[];
  /** Days to remember other than the birthday (an anniversary), by label. */
  dates: ImportantDate[];
  kept: KeptValue[];
}

/** A record ready to become a contact: it has a name. */
export type NamedRecord = ImportRecord & { name: string };

/** A record of a damaged file (a card never closed, text outside a card): refuses the file unless --skip-bad. */
export interface BadRecord {
  line: number;
  reason: string;
}

/** Why a record did not become a contact: a group card, or nothing to call them by. */
export type LeftOutReason = 'group' | 'unnamed';

export interface LeftOutRecord {
  line: number;
  reason: LeftOutReason;
}

export interface ParsedRecords {
  records: ImportRecord[];
  bad: BadRecord[];
  leftOut: LeftOutRecord[];
}

export function emptyRecord(line: number, name: string | null = null): ImportRecord {
  return { line, name, givenName: null, familyName: null, emails: [], phones: [], company: null, role: null, note: null, url: null, birthday: null, metOn: null, tags: [], dates: [], kept: [] };
}

/** Groups that address books add on their own and that say nothing about the person. */
const SYSTEM_GROUPS = new Set(['mycontacts', 'starred', 'my-contacts', 'imported', 'card', 'other-contacts']);

/** A label from an address book as a tag: lower case, dashes for spaces, unusable characters dropped; null if nothing is left. */
export function toTag(label: string): string | null {
  const tag = label
    .trim()
    .replace(/^\*\s*/, '')
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}_./-]/gu, '')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .slice(0, 40);
  return tag && !SYSTEM_GROUPS.has(tag) ? tag : null;
}

export function toTags(labels: readonly string[]): string[] {
  const tags: string[] = [];
  for (const label of labels) {
    const tag = toTag(label);
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

// ---- dates as exporters write them ----------------------------------------------------------------------------------

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const pad = (n: number | string) => String(n).padStart(2, '0');

/** A two-digit year as the year of the century closest to `today`'s (Outlook writes 00 for "no year"). */
function toFullYear(yy: string, today: IsoDate): number {
  if (yy.length !== 2) return Number(yy);
  const now = Number(today.slice(0, 4));
  const century = Math.floor(now / 100) * 100;
  const candidates = [century - 100, century, century + 100].map((c) => c + Number(yy));
  return candidates.reduce((best, y) => (Math.abs(y - now) < Math.abs(best - now) ? y : best));
}

function toMonthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase());
}

/** An exporter's "no date": Outlook's 0/0/00, 00/00/0000, a zero ISO date. */
export function isNoDate(text: string): boolean {
  return /^0{1,2}[/.-]0{1,2}[/.-]0{2,4}$/.test(text.trim()) || /^0000-00-00/.test(text.trim());
}

/** Year, month and day as an exporter wrote them, or undefined; the year is null when the date has none. */
function readExportParts(text: string, order: DateOrder, today: IsoDate): { y: number | null; m: number; d: number } | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  let r = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})(?:$|T)/.exec(t);
  if (r) return { y: +r[1]!, m: +r[2]!, d: +r[3]! };
  r = /^--(\d{2})-?(\d{2})$/.exec(t);
  if (r) return { y: null, m: +r[1]!, d: +r[2]! };
  // 12 Mar 2024, 12-Mar-2024, 3 March 2024
  r = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?,?[ -](\d{4})$/.exec(t);
  if (r) return toMonthIndex(r[2]!) < 0 ? undefined : { y: +r[3]!, m: toMonthIndex(r[2]!) + 1, d: +r[1]! };
  // Mar 12, 2024; March 12 2024
  r = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(t);
  if (r) return toMonthIndex(r[1]!) < 0 ? undefined : { y: +r[3]!, m: toMonthIndex(r[1]!) + 1, d: +r[2]! };
  // 14.03.1975 is day-first everywhere; 3/14/1975 follows the file's order (see findSlashOrder)
  r = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/.exec(t);
  if (r) return { y: toFullYear(r[3]!, today), m: +r[2]!, d: +r[1]! };
  r = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(t);
  if (r) return order === 'dmy' ? { y: toFullYear(r[3]!, today), m: +r[2]!, d: +r[1]! } : { y: toFullYear(r[3]!, today), m: +r[1]!, d: +r[2]! };
  return undefined;
}

/** A calendar date as exporters write it (ISO, `20240312`, `12 Mar 2024`, `14.03.1975`, `3/14/1975` in `order`); undefined otherwise. */
export function findExportDate(text: string, order: DateOrder = 'mdy', today: IsoDate = '2000-01-01'): IsoDate | undefined {
  const p = readExportParts(text, order, today);
  return p && p.y !== null ? findIsoDate(`${String(p.y).padStart(4, '0')}-${pad(p.m)}-${pad(p.d)}`) : undefined;
}

/**
 * Years that address books write for "year unknown": Apple's 1604 (with or without X-APPLE-OMIT-YEAR), and the
 * year 0000 some phones write. A birthday in such a year is kept as `--MM-DD`.
 */
const PLACEHOLDER_YEARS = new Set([1604, 0]);

/** A birthday or anniversary: a full date, or `--MM-DD` when the year is unknown; undefined when unreadable. */
export function findBirthday(text: string, order: DateOrder = 'mdy', today: IsoDate = '2000-01-01'): string | undefined {
  const p = readExportParts(text, order, today);
  if (!p) return undefined;
  // 2000 is a leap year: without a year, 02-29 is a real day.
  if (!findIsoDate(`2000-${pad(p.m)}-${pad(p.d)}`)) return undefined;
  if (p.y === null || PLACEHOLDER_YEARS.has(p.y)) return `--${pad(p.m)}-${pad(p.d)}`;
  return findIsoDate(`${String(p.y).padStart(4, '0')}-${pad(p.m)}-${pad(p.d)}`);
}

/**
 * Reads a birthday-like value into the record, or keeps it as text. An exporter's "no date" (0/0/00) is no value.
 * Returns the date read, if any.
 */
export function readDateValue(r: ImportRecord, field: 'birthday' | 'anniversary', raw: string, line: number, order: DateOrder, today: IsoDate): string | undefined {
  const text = raw.trim();
  if (!text || isNoDate(text)) return undefined;
  const date = findBirthday(text, order, today);
  if (!date) r.kept.push({ line, field, value: text });
  return date;
}

/** Adds a custom date (an anniversary) by label, the first of each label winning; a label too long is cut. */
export function addImportedDate(r: ImportRecord, label: string, date: string): void {
  const name = label.trim().replace(/\s+/g, ' ').slice(0, MAX_DATE_LABEL) || 'date';
  if (name.toLowerCase() === 'birthday' || r.dates.some((d) => d.label.toLowerCase() === name.toLowerCase())) return;
  r.dates.push({ label: name, date });
}

// ---- a record becomes a contact -------------------------------------------------------------------------------------

const MAX_IMPORT_NOTE = 100_000;

/** A profile URL as a name ("linkedin.com/in/jane-doe"), for a record that gives nothing else to call them by. */
const toUrlName = (url: string) => url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^www\./i, '').replace(/\/+$/, '');

function findName(text: string | null): string | undefined {
  if (!text || !text.trim()) return undefined;
  try {
    return parseContactName(text);
  } catch (err) {
    if (err instanceof NetError) return undefined;
    throw err;
  }
}

function findNamePart(text: string | null): string | null {
  if (!text || !text.trim()) return null;
  try {
    return parseNamePart(text, 'a name');
  } catch (err) {
    if (err instanceof NetError) return null;
    throw err;
  }
}

/** A text field: trimmed; null when empty; kept as text when longer than `max`. */
function cleanText(r: ImportRecord, field: KeptField, value: string | null, max: number): string | null {
  const t = value?.trim() ?? '';
  if (!t) return null;
  if (t.length <= max) return t;
  r.kept.push({ line: r.line, field, value: t });
  return null;
}

/**
 * Checks a record with the rules `net add` applies and returns it cleaned, every value it cannot read kept as text;
 * or why it is left out. The name is the person's name; without one, what else the record calls them by: the
 * company, an email address, a profile URL, a phone number. A met date after `today` is kept as text.
 */
export function toContactRecord(record: ImportRecord, today: IsoDate): NamedRecord | LeftOutRecord {
  const r: ImportRecord = { ...record, kept: [...record.kept] };
  const emails: string[] = [];
  const emailLabels: (string | null)[] = [];
  for (const [i, raw] of r.emails.entries()) {
    const text = raw.trim().replace(/^mailto:/i, '');
    if (!text) continue;
    let email: string | undefined;
    try {
      email = parseEmail(text);
    } catch (err) {
      if (!(err instanceof NetError)) throw err;
    }
    if (email === undefined) r.kept.push({ line: r.line, field: 'email', value: text });
    else if (!emails.some((e) => toPointKey('email', e) === toPointKey('email', email))) {
      emails.push(email);
      emailLabels.push(toPointLabel(r.emailLabels?.[i]));
    }
  }
  const phones: string[] = [];
  const phoneLabels: (string | null)[] = [];
  for (const [i, raw] of r.phones.entries()) {
    const text = raw.trim();
    if (!text) continue;
    const phone = findPhone(text);
    if (phone === undefined) r.kept.push({ line: r.line, field: 'phone', value: text });
    else if (!phones.some((p) => toPointKey('phone', p) === toPointKey('phone', phone))) {
      phones.push(phone);
      phoneLabels.push(toPointLabel(r.phoneLabels?.[i]));
    }
  }
  let metOn = r.metOn;
  if (metOn && metOn > today) {
    r.kept.push({ line: r.line, field: 'met', value: metOn });
    metOn = null;
  }
  const company = cleanText(r, 'company', r.company, 200);
  const role = cleanText(r, 'role', r.role, 200);
  const url = cleanText(r, 'url', r.url, 2000);
  const givenName = findNamePart(r.givenName);
  const familyName = findNamePart(r.familyName);
  let name = findName(r.name);
  if (!name && r.name?.trim()) r.kept.push({ line: r.line, field: 'name', value: r.name.trim() });
  name ??= findName([givenName, familyName].filter(Boolean).join(' ')) ?? findName(company) ?? emails[0] ?? (url ? findName(toUrlName(url)) : undefined) ?? phones[0];
  if (!name) return { line: r.line, reason: 'unnamed' };
  let note = r.note?.replace(/\r\n?/g, '\n').trim() || null;
  // A note of a whole book is cut, and says so where the user reads it.
  if (note && note.length > MAX_IMPORT_NOTE) note = `${note.slice(0, MAX_IMPORT_NOTE)}… (cut at ${MAX_IMPORT_NOTE.toLocaleString('en')} characters by net import)`;
  return { ...r, name, givenName, familyName, emails, emailLabels, phones, phoneLabels, company, role, url, metOn, note, tags: toTags(r.tags) };
}

export function isLeftOut(r: NamedRecord | LeftOutRecord): r is LeftOutRecord {
  return 'reason' in r;
}

const KEPT_LABELS: Record<KeptField, string> = {
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  birthday: 'Birthday',
  anniversary: 'Anniversary',
  met: 'Met',
  company: 'Company',
  role: 'Role',
  url: 'URL',
};

/**
 * The note a record brings: its own note, then each value kept as text, one "Birthday: circa 1800" line each. (Its
 * emails and phones are entries of their own; imports before schema 10 wrote the ones beyond the first into the note
 * as "Other email: …" lines, which takeOtherPointLines takes out again.)
 */
export function toImportNote(r: Pick<ImportRecord, 'note' | 'kept'>): string | null {
  const lines = [r.note];
  for (const field of KEPT_FIELDS) for (const k of r.kept) if (k.field === field) lines.push(`${KEPT_LABELS[field]}: ${k.value.replace(/\s*\n\s*/g, ' ')}`);
  return lines.filter(Boolean).join('\n') || null;
}

const OTHER_POINT_LINE = /^Other (email|phone): (.*)$/;

/**
 * The "Other email: a@x, b@y" and "Other phone: …" lines that imports before schema 10 wrote into a note, taken out:
 * the addresses and numbers they list, and the note without them (null when nothing else is left). A value that does
 * not read as an email or a phone stays in the note, on its line.
 */
export function takeOtherPointLines(note: string | null): { note: string | null; emails: string[]; phones: string[] } {
  const found = { emails: [] as string[], phones: [] as string[] };
  if (!note || !note.includes('Other ')) return { note, ...found };
  const kept: string[] = [];
  for (const line of note.split('\n')) {
    const m = OTHER_POINT_LINE.exec(line.trim());
    if (!m) {
      kept.push(line);
      continue;
    }
    const unread: string[] = [];
    // Joined with ", ": a comma without a space is a phone's pause (+1 555 0100,,12#).
    for (const value of m[2]!.split(/,\s+/).map((v) => v.trim()).filter(Boolean)) {
      const read = m[1] === 'email' ? findEmail(value) : findPhone(value);
      if (read === undefined) unread.push(value);
      else (m[1] === 'email' ? found.emails : found.phones).push(read);
    }
    if (unread.length) kept.push(`Other ${m[1]}: ${unread.join(', ')}`);
  }
  return { note: kept.join('\n').replace(/\n{3,}/g, '\n\n').trim() || null, ...found };
}

function findEmail(text: string): string | undefined {
  try {
    return parseEmail(text);
  } catch (err) {
    if (err instanceof NetError) return undefined;
    throw err;
  }
}
