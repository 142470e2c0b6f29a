/** `net import`: address books, LinkedIn and spreadsheets become contacts; a net JSON export is merged by UUID. */
import { newId } from './ids.js';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { UsageError } from '../core/errors.js';
import { parseCsvContacts } from '../core/import/csv.js';
import { detectFormat } from '../core/import/detect.js';
import { parseLinkedin } from '../core/import/linkedin.js';
import { checkRecord, isBad, type BadRecord, type ImportFormat, type ImportRecord, type ParsedRecords } from '../core/import/records.js';
import { parseVcards } from '../core/import/vcard.js';
import { readJournalFile, type JournalFile } from '../core/journal-json.js';
import { toNameKey } from '../core/names.js';
import { toCleanRecord, toCleanRow } from '../core/text.js';
import type { ContactWithSummary } from '../core/types.js';
import { LATEST_VERSION } from '../store/migrations.js';
import type { ContactPatch, Store } from '../store/store.js';
import {
  findContactIdOf,
  findContactsByNameKey,
  findRowStamp,
  findTagTexts,
  insertRow,
  listTableShapes,
  replaceRow,
  rowExists,
  type TableShape,
} from '../store/transfer.js';
import type { Row } from '../store/rows.js';
import type { Clock } from './clock.js';

export interface ImportInput {
  file: string;
  format?: ImportFormat;
  dryRun: boolean;
  skipBad: boolean;
}

export type ImportAction = 'add' | 'update' | 'skip';

export interface ImportItem {
  line: number;
  name: string;
  action: ImportAction;
  /** The fields an update changes (camelCase), such as company or tags. */
  changed: string[];
}

export interface TableCounts {
  table: string;
  added: number;
  updated: number;
  skipped: number;
}

/** A record whose text held characters its field does not allow (core/text.ts): imported with them taken out. */
export interface CleanedRecord {
  /** The record's line (vCard, CSV), or null for a row of a JSON merge. */
  line: number | null;
  /** The contact's name as imported, or the row's place in a JSON export (`contacts[3]`). */
  record: string;
  /** The fields cleaned, camelCase. */
  fields: string[];
}

export interface ImportResult {
  file: string;
  format: ImportFormat;
  dryRun: boolean;
  /** Records (for JSON: rows of every table) added, updated, and left as they were. */
  added: number;
  updated: number;
  skipped: number;
  bad: BadRecord[];
  /** Records imported with odd characters taken out of their text. */
  cleaned: CleanedRecord[];
  /** Per record, for vCard and CSV imports. */
  items: ImportItem[];
  /** Per table, for JSON merges. */
  tables: TableCounts[];
}

export type Progress = (done: number, total: number) => void;

/** Reads the file as text: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 as old Outlook writes. */
export function readImportText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : String(code ?? err);
    throw new UsageError(`cannot read ${file}: ${why}`, 'give the path of an exported file, for example net import ~/Downloads/contacts.vcf');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Thrown inside the transaction of a dry run so that everything it wrote is rolled back. */
class DryRunRollback extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

/** Runs the import in one transaction; a dry run does all the same work and then rolls it back. */
function inTransaction(store: Store, dryRun: boolean, fn: () => ImportResult): ImportResult {
  try {
    return store.tx(() => {
      const result = fn();
      if (dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (err) {
    if (err instanceof DryRunRollback) return err.result;
    throw err;
  }
}

function refuseBad(bad: readonly BadRecord[], file: string, what: string): void {
  if (!bad.length) return;
  const first = bad[0]!;
  const more = bad.length > 1 ? ` (and ${bad.length - 1} more malformed ${what}${bad.length > 2 ? 's' : ''})` : '';
  throw new UsageError(
    `line ${first.line} of ${basename(file)}: ${first.reason}${more}`,
    'fix it and import again, or add --skip-bad to import the others; nothing was imported',
  );
}

export function parseRecords(text: string, format: Exclude<ImportFormat, 'json'>): ParsedRecords {
  if (format === 'vcf') return parseVcards(text);
  if (format === 'linkedin') return parseLinkedin(text);
  return parseCsvContacts(text);
}

export function importFile(store: Store, input: ImportInput, clock: Clock, progress?: Progress): ImportResult {
  const text = readImportText(input.file);
  const format = input.format ?? detectFormat(text);
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new UsageError(`${basename(input.file)} is not valid JSON: ${(err as Error).message}`, 'import a file made by net export --json, unedited');
    }
    const journal = readJournalFile(value, LATEST_VERSION);
    return inTransaction(store, input.dryRun, () => mergeJournal(store, journal, text, input, progress));
  }
  const parsed = parseRecords(text, format);
  // Text is cleaned before it is checked: a file must not lose a contact over a stray control character.
  const clean = parsed.records.map((r) => toCleanRecord(r));
  const checked = clean.map((c) => checkRecord(c.value, clock.today));
  const cleaned = clean.flatMap((c, i): CleanedRecord[] => (c.fields.length && !isBad(checked[i]!) ? [{ line: c.value.line, record: c.value.name, fields: c.fields }] : []));
  const records = checked.filter((r): r is ImportRecord => !isBad(r));
  const bad = [...parsed.bad, ...checked.filter(isBad)].sort((a, b) => a.line - b.line);
  if (!input.skipBad) refuseBad(bad, input.file, 'record');
  return inTransaction(store, input.dryRun, () => {
    const result: ImportResult = { file: input.file, format, dryRun: input.dryRun, added: 0, updated: 0, skipped: 0, bad, cleaned, items: [], tables: [] };
    records.forEach((r, i) => {
      const item = applyRecord(store, r, clock);
      result.items.push(item);
      result[item.action === 'add' ? 'added' : item.action === 'update' ? 'updated' : 'skipped']++;
      progress?.(i + 1, records.length);
    });
    return result;
  });
}

// ---- vCard, LinkedIn and CSV records --------------------------------------------------------------------------------

/**
 * The contact a record is: one with any of its emails, else one with the same name whose email does not differ
 * (a record or contact without an email matches by name; two different emails are two people).
 */
export function findSameContact(store: Store, r: ImportRecord): ContactWithSummary | undefined {
  for (const email of r.emails) {
    const found = store.findContactByEmail(email);
    if (found) return found;
  }
  return findContactsByNameKey(store, toNameKey(r.name)).find((c) => !c.email || !r.emails.length);
}

/** The note a record brings: its own note, then the emails and phones beyond the first, which have no field of their own. */
export function toImportNote(r: ImportRecord): string | null {
  const lines = [r.note];
  if (r.emails.length > 1) lines.push(`Other email: ${r.emails.slice(1).join(', ')}`);
  if (r.phones.length > 1) lines.push(`Other phone: ${r.phones.slice(1).join(', ')}`);
  return lines.filter(Boolean).join('\n') || null;
}

function insertTags(store: Store, contactId: string, tags: readonly string[], clock: Clock): number {
  let added = 0;
  for (const text of tags) {
    if (store.insertFact({ id: newId(), contactId, kind: 'tag', text, createdAt: clock.timestamp, updatedAt: clock.timestamp })) added++;
  }
  return added;
}

/**
 * What an import changes on a contact already in the journal: the company, role, phone, URL and birthday the file
 * gives replace the old ones (address books move with people's jobs); an email is set when there was none; the
 * earlier "met" wins; the note and the tags are added to, never replaced.
 */
export function toImportPatch(c: ContactWithSummary, r: ImportRecord): ContactPatch {
  const patch: ContactPatch = {};
  const replace = (key: 'company' | 'role' | 'url' | 'birthday', value: string | null) => {
    if (value && value !== (c[key] ?? null)) patch[key] = value;
  };
  replace('company', r.company);
  replace('role', r.role);
  replace('url', r.url);
  replace('birthday', r.birthday);
  if (r.phones[0] && r.phones[0] !== c.phone) patch.phone = r.phones[0];
  if (r.emails[0] && !c.email) patch.email = r.emails[0];
  if (r.metOn && (!c.metOn || r.metOn < c.metOn)) patch.metOn = r.metOn;
  const note = toImportNote(r);
  if (note && !(c.note ?? '').includes(note)) patch.note = c.note ? `${c.note}\n\n${note}` : note;
  return patch;
}

function applyRecord(store: Store, r: ImportRecord, clock: Clock): ImportItem {
  const same = findSameContact(store, r);
  if (!same) {
    const id = newId();
    store.insertContact(
      {
        id,
        name: r.name,
        company: r.company,
        role: r.role,
        email: r.emails[0] ?? null,
        phone: r.phones[0] ?? null,
        metOn: r.metOn,
        howMet: null,
        everyDays: null,
        snoozedUntil: null,
        note: toImportNote(r),
        url: r.url,
        birthday: r.birthday,
        createdAt: clock.timestamp,
        updatedAt: clock.timestamp,
      },
      toNameKey(r.name),
    );
    insertTags(store, id, r.tags, clock);
    store.refreshSummary(id);
    return { line: r.line, name: r.name, action: 'add', changed: [] };
  }
  const patch = toImportPatch(same, r);
  const known = new Set(findTagTexts(store, same.id));
  const newTags = r.tags.filter((t) => !known.has(t.toLowerCase()));
  const changed = [...Object.keys(patch), ...(newTags.length ? ['tags'] : [])];
  if (!changed.length) return { line: r.line, name: same.name, action: 'skip', changed };
  if (Object.keys(patch).length) store.updateContact(same.id, patch, clock.timestamp);
  insertTags(store, same.id, newTags, clock);
  store.refreshSummary(same.id);
  return { line: r.line, name: same.name, action: 'update', changed };
}

// ---- JSON merge ---------------------------------------------------------------------------------------------------

function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  return at < 0 ? 1 : (text.slice(0, at).match(/\n/g) ?? []).length + 1;
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());

/** A row of the export as a journal row, or why it cannot be one. */
function toJournalRow(shape: TableShape, value: unknown, fileContacts: ReadonlySet<string>, store: Store): Row | string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not a record';
  const v = value as Record<string, unknown>;
  const row: Row = {};
  for (const column of shape.columns) {
    const x = v[camel(column)];
    if (x === undefined) continue;
    if (x !== null && typeof x !== 'string' && typeof x !== 'number') return `"${camel(column)}" is neither text, a number nor null`;
    row[column] = x;
  }
  if (typeof row[shape.key] !== 'string' || row[shape.key] === '') return `no "${camel(shape.key)}"`;
  const missing = shape.required.find((c) => row[c] === undefined || row[c] === null);
  if (missing) return `no "${camel(missing)}"`;
  const contactId = row.contact_id;
  if (shape.name !== 'contacts' && typeof contactId === 'string' && !fileContacts.has(contactId) && !rowExists(store, 'contacts', contactId)) {
    return `its contact ${contactId} is neither in the file nor in the journal`;
  }
  return row;
}

/** Merges by UUID: a row the journal lacks is added; a row it has is replaced when the file's is newer (updated_at). */
function mergeJournal(store: Store, journal: JournalFile, text: string, input: ImportInput, progress?: Progress): ImportResult {
  const result: ImportResult = { file: input.file, format: 'json', dryRun: input.dryRun, added: 0, updated: 0, skipped: 0, bad: [], cleaned: [], items: [], tables: [] };
  const shapes = new Map(listTableShapes(store).map((s) => [s.name, s]));
  for (const name of journal.tables.keys()) {
    if (!shapes.has(name)) throw new UsageError(`the export holds "${camel(name)}", which this journal does not know`, 'import a file made by net export --json, unedited');
  }
  // The file's good contacts; listTableShapes puts contacts before the tables that refer to them.
  const fileContacts = new Set<string>();
  const plan: { shape: TableShape; rows: Row[] }[] = [];
  for (const shape of shapes.values()) {
    const rows: Row[] = [];
    for (const [i, value] of (journal.tables.get(shape.name) ?? []).entries()) {
      const checked = toJournalRow(shape, value, fileContacts, store);
      if (typeof checked !== 'string') {
        const { value: row, fields } = toCleanRow(shape.name, checked);
        if (fields.length) result.cleaned.push({ line: null, record: `${camel(shape.name)}[${i}]`, fields: fields.map(camel) });
        rows.push(row);
        if (shape.name === 'contacts') fileContacts.add(String(row.id));
        continue;
      }
      const key = (value as Record<string, unknown> | null)?.[camel(shape.key)];
      const line = typeof key === 'string' && key ? lineOf(text, `"${key}"`) : lineOf(text, `"${camel(shape.name)}"`);
      result.bad.push({ line, reason: `${camel(shape.name)}[${i}]: ${checked}` });
    }
    plan.push({ shape, rows });
  }
  result.bad.sort((a, b) => a.line - b.line);
  if (!input.skipBad) refuseBad(result.bad, input.file, 'record');

  // Rows may refer to rows later in the file; the foreign keys are checked when the transaction commits.
  store.deferForeignKeys();
  const total = plan.reduce((n, p) => n + p.rows.length, 0);
  const touched = new Set<string>();
  let done = 0;
  for (const { shape, rows } of plan) {
    const counts: TableCounts = { table: camel(shape.name), added: 0, updated: 0, skipped: 0 };
    for (const row of rows) {
      const key = row[shape.key];
      const stamp = findRowStamp(store, shape, key);
      let wrote = false;
      if (stamp === undefined) {
        wrote = insertRow(store, shape, row);
        counts[wrote ? 'added' : 'skipped']++;
      } else if (shape.hasUpdatedAt && typeof row.updated_at === 'string' && row.updated_at > stamp) {
        wrote = replaceRow(store, shape, row);
        counts[wrote ? 'updated' : 'skipped']++;
      } else {
        counts.skipped++;
      }
      if (wrote) {
        const contactId = findContactIdOf(store, shape, key);
        if (contactId) touched.add(contactId);
      }
      progress?.(++done, total);
    }
    if (rows.length) result.tables.push(counts);
    result.added += counts.added;
    result.updated += counts.updated;
    result.skipped += counts.skipped;
  }
  // A merged setting (such as the half-life) can change every contact's summary.
  const settingsChanged = result.tables.some((t) => t.table === 'settings' && t.added + t.updated > 0);
  if (settingsChanged) store.refreshAllSummaries();
  else for (const id of touched) if (rowExists(store, 'contacts', id)) store.refreshSummary(id);
  return result;
}
