/** Spreadsheets: a header row names the columns (name or first/last name, email, phone, company, role, tags, met…). */
import { parse } from 'csv-parse/sync';
import { UsageError } from '../errors.js';
import { emptyRecord, findBirthday, findExportDate, type BadRecord, type ImportRecord, type ParsedRecords } from './records.js';

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

/** Rows with the line each starts on; `firstLine` is the file line that `text` begins at. */
export function parseCsvRows(text: string, firstLine = 1, delimiter = ','): CsvRow[] {
  let rows: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    // csv-parse counts a CRLF as two lines: one line ending keeps the line numbers right.
    rows = parse(text.replace(/\r\n?/g, '\n'), { bom: true, info: true, raw: true, skip_empty_lines: true, relax_column_count: true, delimiter }) as unknown as typeof rows;
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    const line = typeof e.lines === 'number' ? e.lines + firstLine - 1 : firstLine;
    throw new UsageError(`line ${line}: cannot read the CSV: ${String(e.message ?? err).replace(/^Invalid [^:]*:\s*/, '')}`, 'check the quotes on that line; nothing was imported');
  }
  return rows.map((r) => {
    // info.lines is the line a row ends on; the raw text tells how many lines it spans (blank lines before it are skipped).
    const inner = (r.raw.replace(/^\n+/, '').replace(/\n$/, '').match(/\n/g) ?? []).length;
    return { line: r.info.lines - inner + firstLine - 1, cells: r.record.map((c) => c.trim().replace(/^'(?=[=@+-])/, '')) };
  });
}

type Field = 'name' | 'first' | 'middle' | 'last' | 'email' | 'phone' | 'company' | 'role' | 'tags' | 'met' | 'note' | 'url' | 'birthday';

const ALIASES: Record<string, Field> = {
  name: 'name', fullname: 'name', displayname: 'name', contact: 'name', contactname: 'name',
  firstname: 'first', givenname: 'first', first: 'first', forename: 'first',
  middlename: 'middle', additionalname: 'middle',
  lastname: 'last', familyname: 'last', surname: 'last', last: 'last',
  company: 'company', organisation: 'company', organization: 'company', organizationname: 'company', organisationname: 'company', employer: 'company',
  role: 'role', title: 'role', jobtitle: 'role', position: 'role', organizationtitle: 'role',
  tags: 'tags', tag: 'tags', labels: 'tags', categories: 'tags', groups: 'tags', groupmembership: 'tags',
  met: 'met', meton: 'met', knownsince: 'met', connectedon: 'met', firstmet: 'met', datemet: 'met',
  note: 'note', notes: 'note',
  url: 'url', linkedin: 'url', profile: 'url', profileurl: 'url', linkedinurl: 'url', website: 'url',
  birthday: 'birthday', bday: 'birthday', dateofbirth: 'birthday',
};

/** The field a header cell names: exact aliases, and numbered columns such as "E-mail 1 - Value" or "Phone 2". */
export function toField(header: string): Field | undefined {
  const key = header.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (ALIASES[key]) return ALIASES[key];
  if (/^e?mail(address)?\d*(value|address)?$/.test(key)) return 'email';
  if (/^(phone|mobile|mobilephone|cell|telephone|tel|workphone|homephone)(number)?\d*(value)?$/.test(key)) return 'phone';
  return undefined;
}

const TAG_SEPARATORS = /\s*(?::::|[,;|])\s*/;

/** Maps the rows under a header to records; a row without a name is a bad record. */
export function toCsvRecords(header: CsvRow, rows: readonly CsvRow[], dateField: 'met' = 'met'): ParsedRecords {
  const fields = header.cells.map(toField);
  if (!fields.includes('name') && !fields.includes('first') && !fields.includes('last')) {
    throw new UsageError(
      `line ${header.line}: the header row has no name column (it reads: ${header.cells.slice(0, 8).join(', ')})`,
      'name a column "name", or "first name" and "last name"; email, phone, company, role, tags and met are read too',
    );
  }
  const records: ImportRecord[] = [];
  const bad: BadRecord[] = [];
  for (const row of rows) {
    const get = (f: Field) => fields.flatMap((g, i) => (g === f && row.cells[i] ? [row.cells[i]!] : []));
    const one = (f: Field) => get(f)[0] ?? null;
    const name = one('name') ?? [one('first'), one('middle'), one('last')].filter(Boolean).join(' ');
    if (!name) {
      if (row.cells.every((c) => !c)) continue;
      bad.push({ line: row.line, reason: 'the row has no name' });
      continue;
    }
    const r = emptyRecord(row.line, name);
    r.emails = get('email').flatMap((e) => e.split(/\s*(?::::|[;,])\s*/)).filter(Boolean);
    r.phones = get('phone').flatMap((p) => p.split(/\s*(?::::|;)\s*/)).filter(Boolean);
    r.company = one('company');
    r.role = one('role');
    r.note = one('note');
    r.url = one('url');
    r.tags = get('tags').flatMap((t) => t.split(TAG_SEPARATORS));
    const met = one(dateField);
    if (met) {
      const day = findExportDate(met);
      if (!day) {
        bad.push({ line: row.line, reason: `cannot read the date met "${met}" (write it as YYYY-MM-DD)` });
        continue;
      }
      r.metOn = day;
    }
    const birthday = one('birthday');
    if (birthday) {
      const day = findBirthday(birthday);
      if (!day) {
        bad.push({ line: row.line, reason: `cannot read the birthday "${birthday}" (write it as YYYY-MM-DD or --MM-DD)` });
        continue;
      }
      r.birthday = day;
    }
    records.push(r);
  }
  return { records, bad };
}

export function parseCsvContacts(text: string): ParsedRecords {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const [header, ...rows] = parseCsvRows(text, 1, findDelimiter(firstLine));
  if (!header) throw new UsageError('the CSV file is empty', 'export the spreadsheet with a header row and one row per contact');
  return toCsvRecords(header, rows);
}
