/**
 * `net import`: address books, LinkedIn and spreadsheets become contacts; a net JSON export is merged by UUID.
 *
 * vCard and CSV files are streamed: read a megabyte at a time, parsed a record at a time and written as they come, all
 * inside one transaction, so that memory stays bounded whatever the file's size (a 200,000-contact CSV peaks near
 * the size of a small one). A JSON export is parsed whole, so it has a size bound (MAX_JSON_BYTES).
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { parse as parseCsvStream } from 'csv-parse';
import { newId } from './ids.js';
import { saveImportantDates } from './dates.js';
import { DATE_ORDER_SETTING, toUserDateOrder, type DateOrder } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { findDelimiter, SlashOrderEvidence, toCsvColumns, toCsvError, toCsvParseOptions, toCsvRecord, toCsvRow, type CsvColumns, type CsvRow } from '../core/import/csv.js';
import { detectFormat } from '../core/import/detect.js';
import { findLinkedinHeader, LINKEDIN_HINT } from '../core/import/linkedin.js';
import {
  isLeftOut,
  takeOtherPointLines,
  toContactRecord,
  toImportNote,
  type BadRecord,
  type ImportFormat,
  type ImportRecord,
  type KeptValue,
  type LeftOutRecord,
  type NamedRecord,
} from '../core/import/records.js';
import { decodeText, LineDecoder, type DecodedPiece, type TextWarning } from '../core/import/text.js';
import { VcardReader } from '../core/import/vcard.js';
import { readJournalFile, type JournalFile } from '../core/journal-json.js';
import { toNameKey } from '../core/names.js';
import { toThousands } from '../core/numbers.js';
import { isSameButCase, toCleanRecord, toCleanRow } from '../core/text.js';
import type { ContactPoint, ContactWithSummary, PointKind } from '../core/types.js';
import { LATEST_VERSION } from '../store/migrations.js';
import type { ContactPatch, Store } from '../store/store.js';
import { listDates } from '../store/dates.js';
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
import { insertPoints } from './add.js';
import { findContactsByEmail, listPoints } from '../store/points.js';
import { toPointKey } from '../core/profile.js';

export interface ImportInput {
  file: string;
  format?: ImportFormat;
  dryRun: boolean;
  skipBad: boolean;
  /** The locale's order for slashed dates: net config date-order overrides it, when a file's own dates do not tell. */
  localeOrder: DateOrder;
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
  /** Records of a damaged file (with --skip-bad; without it they refuse the file). The first MAX_LISTED. */
  bad: BadRecord[];
  badCount: number;
  /** Values net could not read as their field, kept in the contact's note. The first MAX_LISTED. */
  kept: KeptValue[];
  keptCount: number;
  /** Records that did not become contacts: groups, and records with nothing to call them by. The first MAX_LISTED. */
  leftOut: LeftOutRecord[];
  leftOutCount: number;
  /** Lines with bytes no character set fits (read as "?"). The first MAX_LISTED. */
  warnings: TextWarning[];
  /** Records imported with odd characters taken out of their text. The first MAX_LISTED. */
  cleaned: CleanedRecord[];
  cleanedCount: number;
  /** Per record, for a dry run of vCard and CSV imports. */
  items: ImportItem[];
  /** Per table, for JSON merges. */
  tables: TableCounts[];
}

/** How far the import is: kilobytes of the file read (vCard, CSV) or rows merged (JSON), of the total. */
export type Progress = (done: number, total: number) => void;

/** How many of each list an import result carries: the counts say how many there were. */
export const MAX_LISTED = 1000;

/**
 * A JSON export is parsed whole (JSON.parse), which takes about four times its size in memory, from text that V8 holds
 * in one string (at most 512 MiB less a few bytes): beyond this it is refused with one line rather than fail. A journal
 * of 50,000 contacts and a million events exports to about 420 MB and merges in about 1.6 GB.
 */
export const MAX_JSON_BYTES = 500 * 1024 * 1024;

const CHUNK_BYTES = 1 << 20;

function emptyResult(input: ImportInput, format: ImportFormat): ImportResult {
  return { file: input.file, format, dryRun: input.dryRun, added: 0, updated: 0, skipped: 0, bad: [], badCount: 0, kept: [], keptCount: 0, leftOut: [], leftOutCount: 0, warnings: [], cleaned: [], cleanedCount: 0, items: [], tables: [] };
}

function pushListed<T>(list: T[], item: T): void {
  if (list.length < MAX_LISTED) list.push(item);
}

// ---- the file -------------------------------------------------------------------------------------------------------

interface ImportFile {
  fd: number;
  size: number;
}

const CANNOT_READ_HINT = 'give the path of an exported file, for example net import ~/Downloads/contacts.vcf';

/** Opens a regular file; a device (/dev/zero), a pipe or a socket is refused before anything is read from it. */
function openImportFile(file: string): ImportFile {
  const refuse = (err: unknown): never => {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : String(code ?? err);
    throw new UsageError(`cannot read ${file}: ${why}`, CANNOT_READ_HINT);
  };
  let st;
  try {
    st = statSync(file);
  } catch (err) {
    return refuse(err);
  }
  if (st.isDirectory()) return refuse({ code: 'EISDIR' });
  if (!st.isFile()) {
    const what = st.isFIFO() ? 'a pipe' : st.isSocket() ? 'a socket' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'not a regular file';
    throw new UsageError(`cannot read ${file}: it is ${what}, not a file`, 'export the contacts to a file, then import that file');
  }
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    return refuse(err);
  }
  const opened = fstatSync(fd);
  if (!opened.isFile()) {
    closeSync(fd);
    throw new UsageError(`cannot read ${file}: it is not a regular file`, 'export the contacts to a file, then import that file');
  }
  return { fd, size: opened.size };
}

/** The file's text, a piece of whole lines at a time, from the start; `onBytes` hears how far it has read. */
function* readPieces(f: ImportFile, onBytes?: (done: number) => void): Generator<DecodedPiece> {
  const decoder = new LineDecoder();
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let position = 0;
  for (;;) {
    const n = readSync(f.fd, buffer, 0, CHUNK_BYTES, position);
    position += n;
    onBytes?.(position);
    if (n === 0) {
      yield decoder.push(new Uint8Array(0), true);
      return;
    }
    yield decoder.push(Uint8Array.prototype.slice.call(buffer, 0, n));
  }
}

/** The text of the first 64 KB, to tell the format and find the header. */
function readHead(f: ImportFile): string {
  const bytes = Buffer.allocUnsafe(Math.min(f.size, 64 * 1024));
  const n = readSync(f.fd, bytes, 0, bytes.length, 0);
  return new LineDecoder().push(Uint8Array.prototype.slice.call(bytes, 0, n), true).text;
}

// ---- the transaction ------------------------------------------------------------------------------------------------

/** Thrown inside the transaction of a dry run so that everything it wrote is rolled back. */
class DryRunRollback extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

/** Runs a synchronous import in one transaction; a dry run does all the same work and then rolls it back. */
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

/** The same for a streamed import, which awaits between its writes. */
async function inOpenTransaction(store: Store, dryRun: boolean, fn: () => Promise<ImportResult>): Promise<ImportResult> {
  const tx = store.begin();
  let result: ImportResult;
  try {
    result = await fn();
  } catch (err) {
    tx.rollback();
    throw err;
  }
  if (dryRun) tx.rollback();
  else tx.commit();
  return result;
}

function refuseBad(bad: readonly BadRecord[], count: number, file: string): void {
  if (!count) return;
  const first = bad[0]!;
  const more = count > 1 ? ` (and ${toThousands(count - 1)} more malformed record${count > 2 ? 's' : ''})` : '';
  throw new UsageError(
    `line ${first.line} of ${basename(file)}: ${first.reason}${more}`,
    'fix it and import again, or add --skip-bad to import the others; nothing was imported',
  );
}

// ---- import ---------------------------------------------------------------------------------------------------------

export async function importFile(store: Store, input: ImportInput, clock: Clock, progress?: Progress): Promise<ImportResult> {
  const f = openImportFile(input.file);
  try {
    const format = input.format ?? detectFormat(readHead(f));
    if (format === 'json') return importJson(store, f, input, progress);
    const result = emptyResult(input, format);
    const writer = new RecordWriter(store, clock, result, input.skipBad);
    // In kilobytes: the bar shows for files of more than PROGRESS_THRESHOLD of them.
    const onBytes = (done: number) => progress?.(Math.floor(done / 1024), Math.floor(f.size / 1024));
    const warn = (w: TextWarning) => pushListed(result.warnings, w);
    const order = toUserDateOrder(store.findSetting(DATE_ORDER_SETTING), input.localeOrder);
    const done = await inOpenTransaction(store, input.dryRun, async () => {
      if (format === 'vcf') readVcards(f, writer, { order, today: clock.today }, onBytes, warn);
      else await readCsv(f, format, writer, order, clock, onBytes, warn);
      if (!input.skipBad) refuseBad(result.bad, result.badCount, input.file);
      return result;
    });
    return done;
  } finally {
    closeSync(f.fd);
  }
}

function readVcards(f: ImportFile, writer: RecordWriter, options: { order: DateOrder; today: string }, onBytes: (n: number) => void, warn: (w: TextWarning) => void): void {
  const reader = new VcardReader(
    { record: (r) => writer.add(r), leftOut: (r) => writer.leftOut(r), bad: (r) => writer.bad(r), unreadable: (line) => warn({ line, reason: 'unreadable-bytes' }) },
    options,
  );
  for (const piece of readPieces(f, onBytes)) {
    piece.warnings.forEach(warn);
    let line = piece.firstLine;
    let start = 0;
    const text = piece.text;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      reader.pushLine(text.slice(start, i), line++);
      start = i + 1;
    }
    if (start < text.length) reader.pushLine(text.slice(start), line);
  }
  reader.end();
}

/** The text of the file from line `from` on (LinkedIn's header comes after its notes). */
function* textFrom(pieces: Iterable<DecodedPiece>, from: number, warn: (w: TextWarning) => void): Generator<string> {
  for (const piece of pieces) {
    piece.warnings.forEach(warn);
    let text = piece.text;
    let line = piece.firstLine;
    while (line < from && text) {
      const nl = text.indexOf('\n');
      text = nl < 0 ? '' : text.slice(nl + 1);
      line++;
    }
    if (text) yield text;
  }
}

async function readCsv(f: ImportFile, format: 'csv' | 'linkedin', writer: RecordWriter, userOrder: DateOrder, clock: Clock, onBytes: (n: number) => void, warn: (w: TextWarning) => void): Promise<void> {
  const head = readHead(f);
  const headLines = head.split('\n');
  let headerLine = 1;
  if (format === 'linkedin') {
    const at = findLinkedinHeader(headLines.slice(0, 50));
    if (at < 0) throw new UsageError('no LinkedIn header row (First Name,Last Name,URL,…,Connected On) in the file', LINKEDIN_HINT);
    headerLine = at + 1;
  } else {
    headerLine = headLines.findIndex((l) => l.trim() !== '') + 1 || 1;
  }
  const delimiter = findDelimiter(headLines[headerLine - 1] ?? '');
  // A first pass over the text tells how the file's slashed dates read (3/14/1975 is month-first).
  const evidence = new SlashOrderEvidence();
  for (const piece of readPieces(f)) evidence.add(piece.text);
  const options = { order: evidence.order(userOrder), today: clock.today };

  const parser = parseCsvStream(toCsvParseOptions(delimiter));
  const source = Readable.from(textFrom(readPieces(f, onBytes), headerLine, warn), { objectMode: false });
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  let columns: CsvColumns | undefined;
  try {
    for await (const parsed of parser) {
      const row: CsvRow = toCsvRow(parsed as Parameters<typeof toCsvRow>[0], headerLine);
      if (!columns) {
        columns = toCsvColumns(row);
        continue;
      }
      const record = toCsvRecord(columns, row, options);
      if (record) writer.add(record);
    }
  } catch (err) {
    if (err instanceof UsageError) throw err;
    if ((err as { code?: string }).code?.startsWith('CSV_')) throw toCsvError(err, headerLine);
    throw err;
  }
  if (!columns) throw new UsageError('the CSV file is empty', 'export the spreadsheet with a header row and one row per contact');
}

// ---- vCard, LinkedIn and CSV records --------------------------------------------------------------------------------

/** Writes records as they are read: each checked (core/import/records.ts toContactRecord), then added or merged. */
class RecordWriter {
  /** Once a bad record is found without --skip-bad, the rest are only read, to count what is wrong. */
  private refusing = false;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly result: ImportResult,
    private readonly skipBad: boolean,
  ) {}

  add(record: ImportRecord): void {
    // Text is cleaned before it is read: a file must not lose a contact over a stray control character.
    const clean = toCleanRecord(record);
    const r = toContactRecord(clean.value, this.clock.today);
    if (isLeftOut(r)) return this.leftOut(r);
    if (clean.fields.length) {
      pushListed(this.result.cleaned, { line: r.line, record: r.name, fields: clean.fields });
      this.result.cleanedCount++;
    }
    for (const k of r.kept) pushListed(this.result.kept, k);
    this.result.keptCount += r.kept.length;
    if (this.refusing) return;
    const item = applyRecord(this.store, r, this.clock);
    if (this.result.dryRun) this.result.items.push(item);
    this.result[item.action === 'add' ? 'added' : item.action === 'update' ? 'updated' : 'skipped']++;
  }

  leftOut(r: LeftOutRecord): void {
    pushListed(this.result.leftOut, r);
    this.result.leftOutCount++;
  }

  bad(r: BadRecord): void {
    pushListed(this.result.bad, r);
    this.result.badCount++;
    if (!this.skipBad) this.refusing = true;
  }
}

/**
 * The contact a record is: one with any of its emails, else one with the same name whose email does not differ
 * (a record or contact without an email matches by name; two different emails are two people). An address book's
 * record, or a person a calendar or mailbox names (app/touchpoints.ts).
 */
export function findSameContact(store: Store, r: Pick<NamedRecord, 'name' | 'emails'>): ContactWithSummary | undefined {
  const byEmail = findContactsByEmail(store, r.emails)[0];
  if (byEmail) return byEmail;
  return findContactsByNameKey(store, toNameKey(r.name)).find((c) => !c.email || !r.emails.length);
}

/**
 * The record's emails and phones as the contact's points, each with its label: what the contact lacks is added after
 * its own. An email that is another contact's already stays theirs: two people never share one.
 */
function addRecordPoints(store: Store, contactId: string, r: NamedRecord, clock: Clock): string[] {
  const taken = new Set(findContactsByEmail(store, r.emails).filter((c) => c.id !== contactId).flatMap((c) => listPoints(store, c.id).filter((p) => p.kind === 'email').map((p) => toPointKey('email', p.value))));
  const emails = r.emails.map((value, i) => ({ value, label: r.emailLabels?.[i] ?? null })).filter((e) => !taken.has(toPointKey('email', e.value)));
  const phones = r.phones.map((value, i) => ({ value, label: r.phoneLabels?.[i] ?? null }));
  const added = insertPoints(store, contactId, { emails, phones }, clock, true);
  return [...(added.email ? ['emails'] : []), ...(added.phone ? ['phones'] : [])];
}

/**
 * The emails and phones of a record that is a new contact, in its order (each once: toContactRecord), each with its
 * label. No contact has any of them (else the record would be theirs: findSameContact), so none is looked up.
 */
function toNewContactPoints(contactId: string, r: NamedRecord, clock: Clock): ContactPoint[] {
  const point = (kind: PointKind, labels: readonly (string | null)[] | undefined) => (value: string, position: number) =>
    ({ id: newId(), contactId, kind, value, label: labels?.[position] ?? null, position, createdAt: clock.timestamp, updatedAt: clock.timestamp });
  return [...r.emails.map(point('email', r.emailLabels)), ...r.phones.map(point('phone', r.phoneLabels))];
}

function insertTags(store: Store, contactId: string, tags: readonly string[], clock: Clock): number {
  let added = 0;
  for (const text of tags) {
    if (store.insertFact({ id: newId(), contactId, kind: 'tag', text, createdAt: clock.timestamp, updatedAt: clock.timestamp })) added++;
  }
  return added;
}

/**
 * What an import changes on a contact already in the journal: the company, role, URL, birthday and name parts the
 * file gives replace the old ones (address books move with people's jobs); the earlier "met" wins; the note and the
 * tags are added to, never replaced. (Emails and phones the contact lacks are added after its own: addRecordPoints.)
 * A text that differs from the journal's only in capitals is no change (isSameButCase): the journal's spelling stays.
 */
export function toImportPatch(c: ContactWithSummary, r: NamedRecord): ContactPatch {
  const patch: ContactPatch = {};
  const replace = (key: 'company' | 'role' | 'url' | 'birthday' | 'givenName' | 'familyName', value: string | null) => {
    const had = c[key] ?? null;
    if (value && (had === null || !isSameButCase(had, value))) patch[key] = value;
  };
  replace('givenName', r.givenName);
  replace('familyName', r.familyName);
  replace('company', r.company);
  replace('role', r.role);
  replace('url', r.url);
  replace('birthday', r.birthday);
  if (r.metOn && (!c.metOn || r.metOn < c.metOn)) patch.metOn = r.metOn;
  const note = toImportNote(r);
  if (note && !(c.note ?? '').toLowerCase().includes(note.toLowerCase())) patch.note = c.note ? `${c.note}\n\n${note}` : note;
  return patch;
}

function applyRecord(store: Store, r: NamedRecord, clock: Clock): ImportItem {
  const same = findSameContact(store, r);
  if (!same) {
    const id = newId();
    const contact = {
      id,
      name: r.name,
      givenName: r.givenName,
      familyName: r.familyName,
      company: r.company,
      role: r.role,
      email: null,
      phone: null,
      metOn: r.metOn,
      howMet: null,
      everyDays: null,
      snoozedUntil: null,
      note: toImportNote(r),
      url: r.url,
      birthday: r.birthday,
      createdAt: clock.timestamp,
      updatedAt: clock.timestamp,
    };
    const tags = r.tags.map((text) => ({ id: newId(), contactId: id, kind: 'tag' as const, text, createdAt: clock.timestamp, updatedAt: clock.timestamp }));
    store.insertContactWithChildren(contact, toNameKey(r.name), toNewContactPoints(id, r, clock), tags);
    saveImportantDates(store, id, r.dates, clock);
    store.refreshSummary(id);
    return { line: r.line, name: r.name, action: 'add', changed: [] };
  }
  const patch = toImportPatch(same, r);
  const known = new Set(findTagTexts(store, same.id));
  const newTags = r.tags.filter((t) => !known.has(t.toLowerCase()));
  const knownDates = listDates(store, same.id);
  const newDates = r.dates.filter((d) => !knownDates.some((k) => k.label.toLowerCase() === d.label.toLowerCase() && k.date === d.date));
  const points = addRecordPoints(store, same.id, r, clock);
  const changed = [...Object.keys(patch), ...points, ...(newTags.length ? ['tags'] : []), ...(newDates.length ? ['dates'] : [])];
  if (!changed.length) return { line: r.line, name: same.name, action: 'skip', changed };
  if (Object.keys(patch).length) store.updateContact(same.id, patch, clock.timestamp);
  insertTags(store, same.id, newTags, clock);
  saveImportantDates(store, same.id, newDates, clock);
  store.refreshSummary(same.id);
  return { line: r.line, name: same.name, action: 'update', changed };
}

// ---- JSON merge ---------------------------------------------------------------------------------------------------

function importJson(store: Store, f: ImportFile, input: ImportInput, progress?: Progress): ImportResult {
  if (f.size > MAX_JSON_BYTES) {
    throw new UsageError(
      `${basename(input.file)} is ${toThousands(Math.round(f.size / 1024 / 1024))} MB, more than the ${MAX_JSON_BYTES / 1024 / 1024} MB a JSON export can be`,
      'to move a journal this large, copy it with net backup and open the copy with --db; nothing was imported',
    );
  }
  const bytes = Buffer.allocUnsafe(f.size);
  let read = 0;
  while (read < f.size) {
    const n = readSync(f.fd, bytes, read, f.size - read, read);
    if (n === 0) break;
    read += n;
  }
  const { text } = decodeText(bytes.subarray(0, read));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${basename(input.file)} is not valid JSON: ${(err as Error).message}`, 'import a file made by net export --json, unedited');
  }
  const journal = upgradeJournalFile(readJournalFile(value, LATEST_VERSION));
  return inTransaction(store, input.dryRun, () => mergeJournal(store, journal, text, input, progress));
}

/**
 * An export from before schema 10 as the journal holds it now, as migration 10 turns a journal: each contact's email and
 * phone, and the "Other email: …" lines of its note, become contact points (the same ids migration 10 gives them, so
 * that merging such an export into a migrated journal doubles nothing).
 */
function upgradeJournalFile(journal: JournalFile): JournalFile {
  if (journal.header.schema >= 10 || journal.tables.has('contact_points')) return journal;
  const points: Record<string, unknown>[] = [];
  const contacts = (journal.tables.get('contacts') ?? []).map((value) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const c = value as Record<string, unknown>;
    const note = typeof c.note === 'string' ? c.note : null;
    const other = takeOtherPointLines(note);
    const found = { email: [c.email, ...other.emails], phone: [c.phone, ...other.phones] };
    for (const kind of ['email', 'phone'] as const) {
      let position = 0;
      for (const v of found[kind]) {
        if (typeof v === 'string' && v) points.push({ id: `${String(c.id)}-${kind}-${position}`, contactId: c.id, kind, value: v, label: null, position: position++, createdAt: c.createdAt, updatedAt: c.createdAt });
      }
    }
    return other.note === note ? c : { ...c, note: other.note };
  });
  const tables = new Map(journal.tables);
  tables.set('contacts', contacts);
  tables.set('contact_points', points);
  return { ...journal, tables };
}

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
  const result = emptyResult(input, 'json');
  const shapes = new Map(listTableShapes(store).map((s) => [s.name, s]));
  for (const name of journal.tables.keys()) {
    if (!shapes.has(name)) throw new UsageError(`the export holds "${camel(name)}", which this journal does not know`, 'import a file made by net export --json, unedited');
  }
  // The file's good contacts; listTableShapes puts contacts before the tables that refer to them.
  const fileContacts = new Set<string>();
  const plan: { shape: TableShape; rows: Row[] }[] = [];
  const bad: BadRecord[] = [];
  for (const shape of shapes.values()) {
    const rows: Row[] = [];
    for (const [i, value] of (journal.tables.get(shape.name) ?? []).entries()) {
      const checked = toJournalRow(shape, value, fileContacts, store);
      if (typeof checked !== 'string') {
        const { value: row, fields } = toCleanRow(shape.name, checked);
        if (fields.length) {
          pushListed(result.cleaned, { line: null, record: `${camel(shape.name)}[${i}]`, fields: fields.map(camel) });
          result.cleanedCount++;
        }
        rows.push(row);
        if (shape.name === 'contacts') fileContacts.add(String(row.id));
        continue;
      }
      const key = (value as Record<string, unknown> | null)?.[camel(shape.key)];
      const line = typeof key === 'string' && key ? lineOf(text, `"${key}"`) : lineOf(text, `"${camel(shape.name)}"`);
      bad.push({ line, reason: `${camel(shape.name)}[${i}]: ${checked}` });
    }
    plan.push({ shape, rows });
  }
  bad.sort((a, b) => a.line - b.line);
  result.bad = bad.slice(0, MAX_LISTED);
  result.badCount = bad.length;
  if (!input.skipBad) refuseBad(bad, bad.length, input.file);

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
