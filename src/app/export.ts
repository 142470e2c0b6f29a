/** `net export`: the whole journal as JSON (lossless), or the contacts as CSV or vCard 4.0. */
import { resolve } from 'node:path';
import { round1, toStanding } from '../core/capital.js';
import { JOURNAL_FORMAT, JOURNAL_FORMAT_VERSION, toCamel } from '../core/journal-json.js';
import type { Store } from '../store/store.js';
import { iterateContacts, iterateRows, listTableShapes, readSchema, toContact } from '../store/transfer.js';
import { listPointsByContact } from '../store/points.js';
import { POINT_KINDS, type ContactPoint, type PointKind } from '../core/types.js';
import type { Clock } from './clock.js';
import { bufferWrites, writeFileSafely } from './write-file.js';

export const EXPORT_FORMATS = ['json', 'csv', 'vcf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportInput {
  format: ExportFormat;
  /** Where to write; without it the export goes to `stdout`. */
  file?: string;
  force: boolean;
  /** The journal's path, never written over (default: the store's file; a journal not created yet has none). */
  journal?: string;
}

export interface ExportResult {
  format: ExportFormat;
  /** The file written, or null when the export went to stdout. */
  file: string | null;
  contacts: number;
  /** Every row written, across the tables (JSON), or the contacts (CSV, vCard). */
  records: number;
}

export type Write = (chunk: string) => void;

/** One record per line, so that two exports compare line by line. */
export function writeJournalJson(store: Store, clock: Clock, write: Write): ExportResult {
  const out = bufferWrites(write);
  const header = { format: JOURNAL_FORMAT, version: JOURNAL_FORMAT_VERSION, schema: readSchema(store), exportedAt: clock.timestamp };
  out.add(`{\n${Object.entries(header).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}`);
  let records = 0;
  let contacts = 0;
  for (const shape of listTableShapes(store)) {
    out.add(`,\n  ${JSON.stringify(toCamel(shape.name))}: [`);
    let first = true;
    for (const row of iterateRows(store, shape)) {
      const camel: Record<string, unknown> = {};
      for (const c of shape.columns) camel[toCamel(c)] = row[c] ?? null;
      out.add(`${first ? '\n' : ',\n'}    ${JSON.stringify(camel)}`);
      first = false;
      records++;
      if (shape.name === 'contacts') contacts++;
    }
    out.add(first ? ']' : '\n  ]');
  }
  out.add('\n}\n');
  out.flush();
  return { format: 'json', file: null, contacts, records };
}

const CSV_COLUMNS = ['name', 'given name', 'family name', 'email', 'phone', 'company', 'role', 'tags', 'met', 'last touch', 'balance', 'stage', 'url', 'birthday', 'note'];

// A cell that a spreadsheet would run as a formula (=, @, or + and - before anything but a phone number) gets a
// leading apostrophe: notes come from other people's address books. `net import` takes one apostrophe off again, so a
// value that itself starts with apostrophes before such a character gets one more, to come back as it was.
const FORMULA = /^(?:[=@\t\r]|[+-](?![\d\s().-]*$)|'['=@+\-\t\r])/;

export function toCsvCell(value: string | number | null): string {
  const raw = value === null ? '' : String(value);
  const s = typeof value === 'string' && FORMULA.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The columns after CSV_COLUMNS for the emails and phones of the contact who has the most: the label of the main one,
 * then each other one with its label ("email label", "email 2", "email 2 label"…), as `net import` reads them back.
 */
function toPointColumns(most: Record<PointKind, number>, labelled: Record<PointKind, boolean>): string[] {
  const columns = (kind: PointKind, i: number) => (i === 0 ? [] : [`${kind} ${i + 1}`]).concat(labelled[kind] ? [`${kind}${i === 0 ? '' : ` ${i + 1}`} label`] : []);
  return POINT_KINDS.flatMap((kind) => Array.from({ length: most[kind] }, (_, i) => columns(kind, i)).flat());
}

/** One row per contact, with its standing today; `net import` reads it back. */
export function writeContactsCsv(store: Store, clock: Clock, write: Write): ExportResult {
  const out = bufferWrites(write);
  const tags = store.listTagsByContact();
  const points = listPointsByContact(store);
  const most: Record<PointKind, number> = { email: 0, phone: 0 };
  const labelled: Record<PointKind, boolean> = { email: false, phone: false };
  for (const list of points.values()) {
    for (const kind of POINT_KINDS) most[kind] = Math.max(most[kind], list.filter((p) => p.kind === kind).length);
    for (const p of list) labelled[p.kind] ||= p.label !== null;
  }
  const halfLife = store.halfLifeDays();
  out.add(`${[...CSV_COLUMNS, ...toPointColumns(most, labelled)].join(',')}\r\n`);
  let contacts = 0;
  for (const row of iterateContacts(store)) {
    const c = toContact(row);
    const standing = toStanding(c, clock.today, halfLife);
    const cells = [c.name, c.givenName ?? null, c.familyName ?? null, c.email, c.phone, c.company, c.role, (tags.get(c.id) ?? []).join(', '), c.metOn, c.lastTouchOn, round1(standing.balance), standing.stage, c.url ?? null, c.birthday ?? null, c.note ?? null];
    for (const kind of POINT_KINDS) {
      const own = (points.get(c.id) ?? []).filter((p) => p.kind === kind);
      for (let i = 0; i < most[kind]; i++) {
        if (i > 0) cells.push(own[i]?.value ?? null);
        if (labelled[kind]) cells.push(own[i]?.label ?? null);
      }
    }
    out.add(`${cells.map(toCsvCell).join(',')}\r\n`);
    contacts++;
  }
  out.flush();
  return { format: 'csv', file: null, contacts, records: contacts };
}

/** Escapes a vCard text value (RFC 6350 §3.4); `sep` also escapes the separators of structured values. */
export function escapeVcard(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\n|\r/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 6350 §3.2). */
export function foldVcardLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/**
 * The vCard N value (family;given;additional;prefixes;suffixes) from the name parts the journal holds, or undefined
 * without them: N is optional in vCard 4.0, and a guess from the display name ("Kate Brown, MBA") writes a wrong one.
 */
function toStructuredName(c: { givenName?: string | null; familyName?: string | null }): string | undefined {
  if (!c.givenName && !c.familyName) return undefined;
  return `${escapeVcard(c.familyName ?? '')};${escapeVcard(c.givenName ?? '')};;;`;
}

/** vCard's TYPE for a label: its own words for work, home, mobile (cell) and fax; another label as an x- type, quoted. */
function toVcardType(label: string | null): string {
  if (!label) return '';
  const own: Record<string, string> = { work: 'work', home: 'home', mobile: 'cell', fax: 'fax', pager: 'pager', main: 'x-main', other: 'x-other' };
  return `;TYPE=${own[label] ?? `"x-${label.replace(/"/g, '')}"`}`;
}

export function toVcard(c: ReturnType<typeof toContact>, tags: readonly string[], points: readonly ContactPoint[] = []): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `UID:urn:uuid:${c.id}`, `FN:${escapeVcard(c.name)}`];
  const n = toStructuredName(c);
  if (n !== undefined) lines.push(`N:${n}`);
  // Every email and phone, the main one first and preferred (PREF=1), each with its label as TYPE.
  for (const kind of POINT_KINDS) {
    const own = points.filter((x) => x.kind === kind);
    for (const [i, p] of own.entries()) {
      const params = `${i === 0 && own.length > 1 ? ';PREF=1' : ''}${toVcardType(p.label)}`;
      lines.push(kind === 'email' ? `EMAIL${params}:${escapeVcard(p.value)}` : `TEL;VALUE=text${params}:${escapeVcard(p.value)}`);
    }
  }
  if (c.company) lines.push(`ORG:${escapeVcard(c.company)}`);
  if (c.role) lines.push(`TITLE:${escapeVcard(c.role)}`);
  if (c.birthday) lines.push(`BDAY:${c.birthday.replace(/-/g, '').replace(/^(?=\d{4}$)/, '--')}`);
  if (c.url) lines.push(`URL:${c.url}`);
  if (tags.length) lines.push(`CATEGORIES:${tags.map(escapeVcard).join(',')}`);
  if (c.note) lines.push(`NOTE:${escapeVcard(c.note)}`);
  lines.push(`REV:${c.updatedAt.replace(/[-:]/g, '').replace(/\.\d+/, '')}`, 'END:VCARD');
  return lines.map(foldVcardLine).join('\r\n') + '\r\n';
}

export function writeContactsVcf(store: Store, write: Write): ExportResult {
  const out = bufferWrites(write);
  const tags = store.listTagsByContact();
  const points = listPointsByContact(store);
  let contacts = 0;
  for (const row of iterateContacts(store)) {
    const c = toContact(row);
    out.add(toVcard(c, tags.get(c.id) ?? [], points.get(c.id)));
    contacts++;
  }
  out.flush();
  return { format: 'vcf', file: null, contacts, records: contacts };
}

export function exportJournal(store: Store, input: ExportInput, clock: Clock, stdout: Write): ExportResult {
  const fill = (write: Write): ExportResult =>
    input.format === 'json' ? writeJournalJson(store, clock, write) : input.format === 'csv' ? writeContactsCsv(store, clock, write) : writeContactsVcf(store, write);
  // One read transaction: a consistent snapshot even while another net writes.
  const snapshot = (write: Write) => store.read(() => fill(write));
  if (!input.file) return snapshot(stdout);
  const result = writeFileSafely({ file: input.file, force: input.force, journal: input.journal ?? store.path }, snapshot);
  return { ...result, file: resolve(input.file) };
}
