/**
 * Spreadsheets and the CSV exports of address books: a header row names the columns. Known exporters' columns are
 * read by name (the header key is the header in lower case without spaces or punctuation):
 *
 *   field     Outlook                                   Google (current)            Google (older)                LinkedIn
 *   name      First/Middle/Last Name                    First/Middle/Last Name      Name, Given/Family Name       First/Last Name
 *   email     E-mail Address, E-mail 2/3 Address        E-mail 1 - Value …          E-mail 1 - Value …            Email Address
 *   phone     Primary, Mobile, Business, Home, Other…   Phone 1 - Value …           Phone 1 - Value …             -
 *   company   Company                                   Organization Name           Organization 1 - Name         Company
 *   role      Job Title                                 Organization Title          Organization 1 - Title        Position
 *   tags      Categories                                Labels                      Group Membership              -
 *   birthday  Birthday (3/14/1975; 0/0/00 is none)      Birthday                    Birthday                      -
 *   other     Anniversary, Notes, Web Page              Notes, Website 1 - Value    Notes, Website 1 - Value      URL, Connected On (met)
 *
 * and net's own export (name, given name, family name, email, phone, company, role, tags, met, url, birthday, note).
 * Every email and phone column is kept: the first on the contact, the others in its note.
 */
import { parse, type Options } from 'csv-parse/sync';
import type { DateOrder, IsoDate } from '../dates.js';
import { UsageError } from '../errors.js';
import { addImportedDate, emptyRecord, findExportDate, isNoDate, readDateValue, type ImportRecord, type ParsedRecords } from './records.js';

export interface CsvRow {
  /** The line the row starts on, counted in the whole file. */
  line: number;
  cells: string[];
}

/** The delimiter of a header line: the most frequent of comma, semicolon and tab. */
export function findDelimiter(headerLine: string): string {
  const count = (d: string) => headerLine.split(d).length;
  return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/**
 * How net reads CSV, for the whole-file and the streamed parse alike. Line endings are "\n" by then (LineDecoder),
 * so that csv-parse counts lines as the file has them. A stray quote inside an unquoted cell (`5" screen`) is text.
 */
export function toCsvParseOptions(delimiter: string): Options {
  return { bom: true, info: true, raw: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true, delimiter };
}

type ParsedRow = { record: string[]; raw: string; info: { lines: number } };

/** A parsed row with the line it starts on: info.lines is where it ends, and the raw text tells how many lines it spans. */
export function toCsvRow(r: ParsedRow, firstLine: number): CsvRow {
  const inner = (r.raw.replace(/^\n+/, '').replace(/\n$/, '').match(/\n/g) ?? []).length;
  return { line: r.info.lines - inner + firstLine - 1, cells: r.record.map((c) => c.trim().replace(/^'(?=['=@+\-\t\r])/, '')) };
}

/** The CSV error of csv-parse as one line for the user. */
export function toCsvError(err: unknown, firstLine: number): UsageError {
  const e = err as { message?: string; lines?: number };
  const line = typeof e.lines === 'number' ? e.lines + firstLine - 1 : firstLine;
  return new UsageError(`line ${line}: cannot read the CSV: ${String(e.message ?? err).replace(/^Invalid [^:]*:\s*/, '')}`, 'check the quotes on that line; nothing was imported');
}

/** Rows with the line each starts on; `firstLine` is the file line that `text` begins at. */
export function parseCsvRows(text: string, firstLine = 1, delimiter = ','): CsvRow[] {
  let rows: ParsedRow[];
  try {
    rows = parse(text.replace(/\r\n?/g, '\n'), toCsvParseOptions(delimiter)) as unknown as ParsedRow[];
  } catch (err) {
    throw toCsvError(err, firstLine);
  }
  return rows.map((r) => toCsvRow(r, firstLine));
}

type Field = 'name' | 'first' | 'middle' | 'last' | 'email' | 'phone' | 'emailLabel' | 'phoneLabel' | 'company' | 'role' | 'tags' | 'met' | 'note' | 'url' | 'birthday' | 'anniversary';

/** A header's field, and its rank among columns of the same field (lower first: the first phone is the contact's). */
export interface ColumnField {
  field: Field;
  rank: number;
  /** The label the header itself gives its values (Outlook's "Mobile Phone": mobile). */
  label?: string;
}

const EXACT: Record<string, Field> = {
  name: 'name', fullname: 'name', displayname: 'name', contact: 'name', contactname: 'name',
  firstname: 'first', givenname: 'first', first: 'first', forename: 'first',
  middlename: 'middle', additionalname: 'middle',
  lastname: 'last', familyname: 'last', surname: 'last', last: 'last',
  company: 'company', companyname: 'company', organisation: 'company', organization: 'company', organizationname: 'company',
  organisationname: 'company', organization1name: 'company', employer: 'company',
  role: 'role', title: 'role', jobtitle: 'role', position: 'role', organizationtitle: 'role', organization1title: 'role',
  tags: 'tags', tag: 'tags', labels: 'tags', categories: 'tags', groups: 'tags', groupmembership: 'tags',
  met: 'met', meton: 'met', knownsince: 'met', connectedon: 'met', firstmet: 'met', datemet: 'met',
  note: 'note', notes: 'note',
  url: 'url', linkedin: 'url', profile: 'url', profileurl: 'url', linkedinurl: 'url', website: 'url', webpage: 'url', website1value: 'url',
  birthday: 'birthday', bday: 'birthday', dateofbirth: 'birthday', birthdate: 'birthday',
  anniversary: 'anniversary',
};

/** Outlook's phone columns, the one people call first ranked first, faxes and pagers last; each with its label. */
const OUTLOOK_PHONES: [string, string][] = [
  ['primaryphone', 'main'], ['mobilephone', 'mobile'], ['businessphone', 'work'], ['businessphone2', 'work'], ['homephone', 'home'], ['homephone2', 'home'],
  ['otherphone', 'other'], ['companymainphone', 'work'], ['carphone', 'car'], ['callback', 'callback'], ['radiophone', 'radio'], ['assistantsphone', 'assistant'],
  ['isdn', 'isdn'], ['ttytddphone', 'tty'], ['telex', 'telex'], ['pager', 'pager'], ['businessfax', 'work fax'], ['homefax', 'home fax'], ['otherfax', 'fax'],
];

const key = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The field a header names, with its rank; undefined for a column net does not read. */
export function toColumnField(header: string, column: number): ColumnField | undefined {
  const k = key(header);
  const field = EXACT[k];
  if (field) return { field, rank: column };
  const outlook = OUTLOOK_PHONES.findIndex(([column]) => column === k);
  if (outlook >= 0) return { field: 'phone', rank: outlook, label: OUTLOOK_PHONES[outlook]![1] };
  // E-mail Address, E-mail 2 Address (Outlook); E-mail 1 - Value (Google); Email, Email 2
  let m = /^e?mail(\d*)(?:address|value)?$/.exec(k) ?? /^emailaddress(\d+)$/.exec(k);
  if (m) return { field: 'email', rank: Number(m[1] || 1) };
  // E-mail 1 - Label (Google), email label, email 2 label (net's own): the label of the email column of that number.
  m = /^e?mail(\d*)(?:label|type)$/.exec(k);
  if (m) return { field: 'emailLabel', rank: Number(m[1] || 1) };
  m = /^phone(\d*)(?:label|type)$/.exec(k);
  if (m) return { field: 'phoneLabel', rank: 100 + Number(m[1] || 0) };
  m = /^(?:phone|mobile|mobilephone|cell|cellphone|telephone|tel|workphone|phonenumber|mobilenumber)(\d*)(?:value|number)?$/.exec(k);
  if (m) return { field: 'phone', rank: 100 + Number(m[1] || 0), ...(/^(?:mobile|cell)/.test(k) ? { label: 'mobile' } : /^work/.test(k) ? { label: 'work' } : {}) };
  return undefined;
}

/** The field a header names (for the header tests and error messages). */
export function toField(header: string): Field | undefined {
  return toColumnField(header, 0)?.field;
}

export interface CsvColumns {
  fields: (ColumnField | undefined)[];
  /** Each field's columns, in rank order. */
  byField: Map<Field, number[]>;
}

/**
 * The columns of a header row. A file none of whose columns net reads is not a contact file and is refused whole. When
 * a "Job Title" column is there, a plain "Title" is Outlook's Mr or Dr, not the role.
 */
export function toCsvColumns(header: CsvRow): CsvColumns {
  const fields = header.cells.map((h, i) => toColumnField(h, i));
  if (header.cells.some((h) => key(h) === 'jobtitle')) header.cells.forEach((h, i) => key(h) === 'title' && (fields[i] = undefined));
  if (!fields.some(Boolean)) {
    throw new UsageError(
      `line ${header.line}: the header row names no column net reads (it reads: ${header.cells.slice(0, 8).join(', ')})`,
      'name the columns, for example "name" (or "first name" and "last name"), email, phone, company, role, tags, met, note',
    );
  }
  const byField = new Map<Field, number[]>();
  const ranked = fields.flatMap((c, i) => (c ? [{ ...c, i }] : [])).sort((a, b) => a.rank - b.rank || a.i - b.i);
  for (const c of ranked) byField.set(c.field, [...(byField.get(c.field) ?? []), c.i]);
  return { fields, byField };
}

const TAG_SEPARATORS = /\s*(?::::|[,;|])\s*/;

export interface CsvOptions {
  /** How slashed dates in the file read (findSlashOrder decides it for the file). */
  order: DateOrder;
  today: IsoDate;
}

/** A row as a record; null for an empty row. */
export function toCsvRecord(columns: CsvColumns, row: CsvRow, o: CsvOptions): ImportRecord | null {
  if (row.cells.every((c) => !c)) return null;
  const get = (f: Field) => (columns.byField.get(f) ?? []).flatMap((i) => (row.cells[i] ? [row.cells[i]!] : []));
  const one = (f: Field) => get(f)[0] ?? null;
  const r = emptyRecord(row.line);
  r.givenName = one('first');
  r.familyName = one('last');
  r.name = one('name') ?? ([one('first'), one('middle'), one('last')].filter(Boolean).join(' ') || null);
  // Google joins several values with " ::: "; "; " parts numbers too (a ";" without a space is a wait in a dial string).
  [r.emails, r.emailLabels] = readPoints(columns, row, 'email', /\s*(?::::|[;,])\s*/);
  [r.phones, r.phoneLabels] = readPoints(columns, row, 'phone', /\s*:::\s*|;\s+/);
  r.company = one('company');
  r.role = one('role');
  r.note = one('note');
  r.url = one('url');
  r.tags = get('tags').flatMap((t) => t.split(TAG_SEPARATORS));
  const met = one('met');
  if (met && !isNoDate(met)) {
    const day = findExportDate(met, o.order, o.today);
    if (day) r.metOn = day;
    else r.kept.push({ line: row.line, field: 'met', value: met });
  }
  const birthday = one('birthday');
  if (birthday) r.birthday = readDateValue(r, 'birthday', birthday, row.line, o.order, o.today) ?? null;
  const anniversary = one('anniversary');
  if (anniversary) {
    const date = readDateValue(r, 'anniversary', anniversary, row.line, o.order, o.today);
    if (date) addImportedDate(r, 'anniversary', date);
  }
  return r;
}

/** A row's emails or phones, in the order of their columns' ranks, each with the label its header or label column gives. */
function readPoints(columns: CsvColumns, row: CsvRow, field: 'email' | 'phone', separator: RegExp): [string[], (string | null)[]] {
  const values: string[] = [];
  const labels: (string | null)[] = [];
  const labelColumns = columns.byField.get(field === 'email' ? 'emailLabel' : 'phoneLabel') ?? [];
  for (const i of columns.byField.get(field) ?? []) {
    const cell = row.cells[i];
    if (!cell) continue;
    const column = columns.fields[i]!;
    const labelColumn = labelColumns.find((j) => columns.fields[j]!.rank === column.rank);
    const label = column.label ?? (labelColumn === undefined ? null : row.cells[labelColumn] || null);
    for (const value of cell.split(separator).filter(Boolean)) {
      values.push(value);
      labels.push(label);
    }
  }
  return [values, labels];
}

/**
 * The order of a file's slashed dates, from the dates themselves: 3/14/1975 can only be month-first and 14/3/1975
 * only day-first. A file that shows neither (or both) is read in the user's order.
 */
export class SlashOrderEvidence {
  private dayFirst = false;
  private monthFirst = false;

  add(text: string): void {
    for (const m of text.matchAll(/(?<![\d/])(\d{1,2})\/(\d{1,2})\/(?:\d{4}|\d{2})(?![\d/])/g)) {
      const [a, b] = [Number(m[1]), Number(m[2])];
      if (a > 12 && b <= 12) this.dayFirst = true;
      if (b > 12 && a <= 12) this.monthFirst = true;
    }
  }

  order(fallback: DateOrder): DateOrder {
    if (this.dayFirst === this.monthFirst) return fallback;
    return this.dayFirst ? 'dmy' : 'mdy';
  }
}

/** The rows under a header, as records (for a whole file in memory; the import streams through the same steps). */
export function toCsvRecords(header: CsvRow, rows: readonly CsvRow[], o: CsvOptions): ParsedRecords {
  const columns = toCsvColumns(header);
  const records = rows.map((row) => toCsvRecord(columns, row, o)).filter((r): r is ImportRecord => r !== null);
  return { records, bad: [], leftOut: [] };
}

export function parseCsvContacts(text: string, o: Omit<CsvOptions, 'order'> & { order?: DateOrder } = { today: '2000-01-01' }): ParsedRecords {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const [header, ...rows] = parseCsvRows(text, 1, findDelimiter(firstLine));
  if (!header) throw new UsageError('the CSV file is empty', 'export the spreadsheet with a header row and one row per contact');
  const evidence = new SlashOrderEvidence();
  evidence.add(text);
  return toCsvRecords(header, rows, { today: o.today, order: evidence.order(o.order ?? 'dmy') });
}
