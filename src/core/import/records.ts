/** What every import format is read into: plain records with the line each starts on, and the ones that could not be read. */
import { findIsoDate, type IsoDate } from '../dates.js';
import { parseContactName } from '../names.js';
import { parseEmail, parsePhone, parseText } from '../profile.js';
import { NetError, UsageError } from '../errors.js';

export const IMPORT_FORMATS = ['vcf', 'linkedin', 'csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function parseImportFormat(text: string): ImportFormat {
  const word = text.trim().toLowerCase().replace(/^vcard$/, 'vcf');
  const found = IMPORT_FORMATS.find((f) => f === word);
  if (!found) throw new UsageError(`unknown format "${text}"`, `--format takes one of: ${IMPORT_FORMATS.join(', ')}`);
  return found;
}

/** One person as an address book or a spreadsheet describes them. */
export interface ImportRecord {
  /** The line of the file the record starts on (1-based). */
  line: number;
  name: string;
  /** In the file's order, the preferred one first. */
  emails: string[];
  phones: string[];
  company: string | null;
  role: string | null;
  note: string | null;
  url: string | null;
  /** `YYYY-MM-DD` or `--MM-DD`. */
  birthday: string | null;
  metOn: IsoDate | null;
  tags: string[];
}

export interface BadRecord {
  line: number;
  reason: string;
}

export interface ParsedRecords {
  records: ImportRecord[];
  bad: BadRecord[];
}

export function emptyRecord(line: number, name: string): ImportRecord {
  return { line, name, emails: [], phones: [], company: null, role: null, note: null, url: null, birthday: null, metOn: null, tags: [] };
}

/** Groups that address books add on their own and that say nothing about the person. */
const SYSTEM_GROUPS = new Set(['mycontacts', 'starred', 'my-contacts', 'imported', 'card']);

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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `2024-03-12`, `12 Mar 2024`, `12 March 2024`, `20240312`: the dates that exports write; undefined otherwise. */
export function findExportDate(text: string): IsoDate | undefined {
  const t = text.trim();
  const iso = findIsoDate(t.slice(0, 10)) && /^\d{4}-\d{2}-\d{2}(?:$|[T\s])/.test(t) ? t.slice(0, 10) : undefined;
  if (iso) return iso;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (compact) return findIsoDate(`${compact[1]}-${compact[2]}-${compact[3]}`);
  const words = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{4})$/.exec(t);
  if (words) {
    const month = MONTHS.indexOf(words[2]!.slice(0, 3).toLowerCase());
    if (month < 0) return undefined;
    return findIsoDate(`${words[3]}-${String(month + 1).padStart(2, '0')}-${words[1]!.padStart(2, '0')}`);
  }
  return undefined;
}

/** A birthday: a full date, or `--MM-DD` / `--MMDD` when the year is unknown. */
export function findBirthday(text: string): string | undefined {
  const t = text.trim();
  const noYear = /^--(\d{2})-?(\d{2})$/.exec(t);
  if (noYear) {
    // 2000 is a leap year, so --02-29 is accepted.
    return findIsoDate(`2000-${noYear[1]}-${noYear[2]}`) ? `--${noYear[1]}-${noYear[2]}` : undefined;
  }
  return findExportDate(t);
}

/**
 * Checks a record with the same rules as `net add` and returns it cleaned, or the reason it cannot be imported.
 * A met date after `today` is refused, as `net add --met` refuses it.
 */
export function checkRecord(r: ImportRecord, today: IsoDate): ImportRecord | BadRecord {
  try {
    const name = parseContactName(r.name);
    const emails = [...new Set(r.emails.map((e) => parseEmail(e.replace(/^mailto:/i, ''))))];
    const phones = [...new Set(r.phones.map((p) => parsePhone(p.replace(/^tel:/i, ''))))];
    const text = (v: string | null, what: string, max = 200) => (v && v.trim() ? parseText(v, what, max) : null);
    if (r.metOn && r.metOn > today) return { line: r.line, reason: `the date met, ${r.metOn}, is in the future` };
    return {
      ...r,
      name,
      emails,
      phones,
      company: text(r.company, 'the company'),
      role: text(r.role, 'the role'),
      note: text(r.note && r.note.replace(/\r\n?/g, '\n'), 'the note', 10_000),
      url: text(r.url, 'the URL', 2000),
      tags: toTags(r.tags),
    };
  } catch (err) {
    if (err instanceof NetError) return { line: r.line, reason: err.message };
    throw err;
  }
}

export function isBad(r: ImportRecord | BadRecord): r is BadRecord {
  return 'reason' in r;
}
