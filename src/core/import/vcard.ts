/**
 * A vCard reader for what phones, Google, Apple and Outlook write: versions 2.1, 3.0 and 4.0, read a line at a time so
 * that a file of any size, or one property folded over 100,000 lines, costs time in proportion to its length.
 *
 *   quirk                                  example                                     handled by
 *   folded lines (CRLF/LF + space/tab)     "NOTE:long\r\n  text"                        VcardReader.pushLine
 *   2.1 quoted-printable soft breaks       "NOTE;ENCODING=QUOTED-PRINTABLE:abc=\r\ndef"  VcardReader.pushLine
 *   property groups                        "item1.EMAIL;type=INTERNET:a@b.c"             parseLine
 *   parameters, 3.0/4.0 and bare 2.1       "TEL;TYPE=work,voice:…", "TEL;WORK;PREF:…"    parseParams
 *   quoted-printable, CHARSET or none      "FN;ENCODING=QUOTED-PRINTABLE:J=FCrgen"       decodeValue (UTF-8, else Windows-1252)
 *   escapes                                "\,", "\;", "\n"                              splitValue
 *   tel: URIs (4.0)                        "TEL;VALUE=uri:tel:+1-418-555-0100;ext=102"   toPhoneText
 *   year unknown                           "BDAY:--0203", "BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-14"   findBirthday
 *   groups, not people                     "KIND:group", "X-ADDRESSBOOKSERVER-KIND:group"            toVcardRecord
 */
import type { DateOrder, IsoDate } from '../dates.js';
import { decodeBytes } from './text.js';
import { findPointLabel, toPointLabel } from '../profile.js';
import { addImportedDate, emptyRecord, readDateValue, type BadRecord, type ImportRecord, type LeftOutRecord, type ParsedRecords } from './records.js';

export interface VcardProperty {
  /** The group (`item1` of `item1.EMAIL`), in lower case, or ''. */
  group: string;
  name: string;
  /** Parameter names in upper case; values as written (TYPE values in lower case). */
  params: Map<string, string[]>;
  value: string;
  line: number;
}

interface LogicalLine {
  text: string;
  line: number;
}

/** Splits on `sep` outside double quotes. */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === sep && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', '8BIT', '7BIT', 'B']);

function parseParams(parts: readonly string[]): Map<string, string[]> {
  const params = new Map<string, string[]>();
  const add = (key: string, values: string[]) => params.set(key, [...(params.get(key) ?? []), ...values]);
  for (const part of parts) {
    if (!part) continue;
    const eq = part.indexOf('=');
    if (eq < 0) {
      // 2.1: `TEL;WORK;PREF:` names the types bare, and `;QUOTED-PRINTABLE` the encoding.
      const word = part.trim().toUpperCase();
      if (BARE_ENCODINGS.has(word)) add('ENCODING', [word]);
      else add('TYPE', [word.toLowerCase()]);
      continue;
    }
    const key = part.slice(0, eq).trim().toUpperCase();
    const values = splitOutsideQuotes(part.slice(eq + 1), ',').map((v) => v.trim().replace(/^"(.*)"$/s, '$1'));
    add(key, key === 'TYPE' ? values.map((v) => v.toLowerCase()) : values);
  }
  return params;
}

/** The index of the first colon outside double quotes (the end of the name and parameters), or -1. */
function findValueColon(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) quoted = !quoted;
    else if (ch === 58 && !quoted) return i;
  }
  return -1;
}

/** `[group.]NAME[;params]:value`, or undefined for a line that is not a property (such as stray base64 of a photo). */
export function parseLine(l: LogicalLine): VcardProperty | undefined {
  const colon = findValueColon(l.text);
  if (colon < 0) return undefined;
  const [head = '', ...paramParts] = splitOutsideQuotes(l.text.slice(0, colon), ';');
  const dot = head.lastIndexOf('.');
  const name = head.slice(dot + 1).trim().toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return undefined;
  return { group: dot < 0 ? '' : head.slice(0, dot).trim().toLowerCase(), name, params: parseParams(paramParts), value: l.text.slice(colon + 1), line: l.line };
}

/** Quoted-printable `=XX` bytes, read in the property's CHARSET; without one UTF-8, and Windows-1252 when not UTF-8. */
export function decodeQuotedPrintable(text: string, charset?: string): { text: string; unreadable: number } {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 61 /* = */ && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (code < 128) {
      bytes.push(code);
    } else {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      for (const b of encoder.encode(ch)) bytes.push(b);
      i += ch.length - 1;
    }
  }
  return decodeBytes(new Uint8Array(bytes), charset);
}

export function decodeValue(p: VcardProperty): string {
  const encoding = p.params.get('ENCODING')?.[0]?.toUpperCase();
  return encoding === 'QUOTED-PRINTABLE' ? decodeQuotedPrintable(p.value, p.params.get('CHARSET')?.[0]).text : p.value;
}

/** Splits a value on an unescaped separator and undoes the escapes `\,` `\;` `\n` `\\`. */
export function splitValue(value: string, sep: string): string[] {
  const parts: string[] = [];
  let current = '';
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && i + 1 < value.length) {
      const next = value[i + 1]!;
      current += value.slice(start, i) + (next === 'n' || next === 'N' ? '\n' : next);
      start = i + 2;
      i++;
    } else if (ch === sep) {
      parts.push(current + value.slice(start, i));
      current = '';
      start = i + 1;
    }
  }
  parts.push(current + value.slice(start));
  return parts;
}

const unescape = (value: string) => splitValue(value, '')[0]!; // no separator: only the escapes

/** Splits on an unescaped separator, keeping the escapes (for structured values whose parts are lists). */
function splitEscaped(value: string, sep: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\') i++;
    else if (value[i] === sep) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

const isPreferred = (p: VcardProperty) => (p.params.get('TYPE') ?? []).includes('pref') || p.params.has('PREF');

/**
 * The preferred values first (TYPE=pref, 2.1's bare PREF, 4.0's PREF=1), otherwise in the card's order, each with its
 * label: its TYPE (work, home, cell), or Apple's label of its group (item1.X-ABLabel:_$!<Mobile>!$_ or a label of the
 * user's own).
 */
function byPreference(props: readonly VcardProperty[], all: readonly VcardProperty[], read: (p: VcardProperty) => string): { values: string[]; labels: (string | null)[] } {
  const sorted = [...props].sort((a, b) => Number(isPreferred(b)) - Number(isPreferred(a)));
  const values: string[] = [];
  const labels: (string | null)[] = [];
  for (const p of sorted) {
    const value = read(p).trim();
    if (!value) continue;
    const apple = p.group ? all.find((q) => q.name === 'X-ABLABEL' && q.group === p.group)?.value : undefined;
    values.push(value);
    labels.push(toPointLabel(apple) ?? findPointLabel(p.params.get('TYPE') ?? []));
  }
  return { values, labels };
}

/** A `tel:` URI (vCard 4.0) as a number a person reads: `tel:+1-418-555-0100;ext=102` is "+1-418-555-0100 ext. 102". */
export function toPhoneText(p: VcardProperty): string {
  const value = unescape(decodeValue(p)).trim();
  const isUri = (p.params.get('VALUE')?.[0] ?? '').toLowerCase() === 'uri' || /^tel:/i.test(value);
  if (!isUri) return value;
  const [number = '', ...params] = value.replace(/^tel:/i, '').split(';');
  const ext = params.map((x) => /^ext=(.+)$/i.exec(x)?.[1]).find(Boolean);
  let text = number;
  try {
    text = decodeURIComponent(number);
  } catch {
    // not percent-encoded after all
  }
  return ext ? `${text} ext. ${ext}` : text;
}

/** Apple's date labels (`_$!<Anniversary>!$_`) as words; a label of the user's own as written. */
function toDateLabel(label: string | undefined): string {
  const apple = /^_\$!<(.+)>!\$_$/.exec(label ?? '')?.[1];
  return (apple ?? label ?? 'date').toLowerCase().trim();
}

export interface VcardOptions {
  /** How slashed dates read (vCards rarely have them). */
  order: DateOrder;
  today: IsoDate;
}

/** One card's properties to a record, or why it is left out. */
export function toVcardRecord(props: readonly VcardProperty[], line: number, o: VcardOptions): ImportRecord | LeftOutRecord {
  const all = (name: string) => props.filter((p) => p.name === name);
  const first = (name: string) => {
    const p = all(name)[0];
    return p ? decodeValue(p) : undefined;
  };
  const kind = (first('KIND') ?? first('X-ADDRESSBOOKSERVER-KIND') ?? '').trim().toLowerCase();
  if (kind === 'group') return { line, reason: 'group' };
  const record = emptyRecord(line);
  const fn = unescape(first('FN') ?? '').trim();
  // N is family;given;additional;prefixes;suffixes, each a comma-separated list.
  const n = splitEscaped(first('N') ?? '', ';').map((part) => splitEscaped(part, ',').map((x) => unescape(x).trim()).filter(Boolean).join(' '));
  record.familyName = n[0] || null;
  record.givenName = n[1] || null;
  record.name = fn || [n[1], n[0]].filter(Boolean).join(' ') || null;
  const emails = byPreference(all('EMAIL'), props, (p) => unescape(decodeValue(p)));
  const phones = byPreference(all('TEL'), props, toPhoneText);
  [record.emails, record.emailLabels, record.phones, record.phoneLabels] = [emails.values, emails.labels, phones.values, phones.labels];
  const org = first('ORG');
  record.company = org === undefined ? null : splitValue(org, ';')[0]!.trim() || null;
  record.role = unescape(first('TITLE') ?? first('ROLE') ?? '').trim() || null;
  record.note = unescape(first('NOTE') ?? '').trim() || null;
  const urls = [...all('URL'), ...all('X-SOCIALPROFILE')].map((p) => unescape(decodeValue(p)).trim()).filter(Boolean);
  record.url = urls.find((u) => /linkedin\.com/i.test(u)) ?? all('URL').map((p) => unescape(decodeValue(p)).trim()).find(Boolean) ?? null;
  record.tags = all('CATEGORIES').flatMap((p) => splitValue(decodeValue(p), ',').map((s) => s.trim())).filter(Boolean);
  const readDate = (p: VcardProperty, field: 'birthday' | 'anniversary') => {
    const raw = unescape(decodeValue(p)).trim();
    if ((p.params.get('VALUE')?.[0] ?? '').toLowerCase() === 'text') {
      if (raw) record.kept.push({ line, field, value: raw });
      return undefined;
    }
    // Values kept as text are listed at the line their card starts on, as the emails and phones are.
    return readDateValue(record, field, raw, line, o.order, o.today);
  };
  const bday = all('BDAY')[0];
  if (bday) record.birthday = readDate(bday, 'birthday') ?? null;
  const anniversary = all('ANNIVERSARY')[0] ?? all('X-ANNIVERSARY')[0];
  if (anniversary) {
    const date = readDate(anniversary, 'anniversary');
    if (date) addImportedDate(record, 'anniversary', date);
  }
  // Apple's other dates: item1.X-ABDATE with its label in item1.X-ABLabel.
  for (const p of all('X-ABDATE')) {
    const label = toDateLabel(props.find((q) => q.name === 'X-ABLABEL' && q.group && q.group === p.group)?.value);
    const date = readDate(p, 'anniversary');
    if (date) addImportedDate(record, label, date);
  }
  return record;
}

export interface VcardSink {
  record(r: ImportRecord): void;
  leftOut(r: LeftOutRecord): void;
  bad(r: BadRecord): void;
  /** A quoted-printable value with bytes no character set fits (read as "?"). */
  unreadable?(line: number): void;
}

const isQuotedPrintableHead = (head: string) => /QUOTED-PRINTABLE/i.test(head);

/**
 * Reads cards a line at a time. A property's folded lines are kept as a list and joined once, so that a property of
 * any length is read in linear time.
 */
export class VcardReader {
  private card: { line: number; props: VcardProperty[] } | undefined;
  private parts: string[] = [];
  private partsLine = 0;
  /** Whether the property being gathered is quoted-printable: undefined until its name and parameters are complete. */
  private qp: boolean | undefined;
  private version21 = false;

  constructor(
    private readonly sink: VcardSink,
    private readonly options: VcardOptions,
  ) {}

  /** One line of the file, without its line ending. */
  pushLine(text: string, line: number): void {
    if (this.parts.length) {
      const last = this.parts[this.parts.length - 1]!;
      if (this.qp === undefined && last.includes(':')) this.qp = isQuotedPrintableHead(this.parts.join('').slice(0, this.parts.join('').indexOf(':')));
      if (this.qp && last.endsWith('=')) {
        this.parts[this.parts.length - 1] = last.slice(0, -1);
        this.parts.push(text.replace(/^[ \t]+/, ''));
        return;
      }
      if (text.startsWith(' ') || text.startsWith('\t')) {
        // 2.1 folds at whitespace and keeps it; 3.0 and 4.0 insert one space or tab that unfolding removes.
        this.parts.push(this.version21 ? text : text.slice(1));
        return;
      }
      this.flush();
    }
    this.parts = [text];
    this.partsLine = line;
    const colon = text.indexOf(':');
    this.qp = colon < 0 ? undefined : isQuotedPrintableHead(text.slice(0, colon));
  }

  /** The end of the file. */
  end(): void {
    if (this.parts.length) this.flush();
    if (this.card) this.sink.bad({ line: this.card.line, reason: 'the card has no END:VCARD' });
    this.card = undefined;
  }

  private flush(): void {
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    const line = this.partsLine;
    this.parts = [];
    const t = text.trim();
    if (!t) return;
    if (/^BEGIN:VCARD$/i.test(t)) {
      if (this.card) this.sink.bad({ line: this.card.line, reason: 'the card has no END:VCARD' });
      this.card = { line, props: [] };
      this.version21 = false;
    } else if (/^END:VCARD$/i.test(t)) {
      if (!this.card) {
        this.sink.bad({ line, reason: 'END:VCARD without BEGIN:VCARD' });
        return;
      }
      const r = toVcardRecord(this.card.props, this.card.line, this.options);
      if ('reason' in r) this.sink.leftOut(r);
      else this.sink.record(r);
      this.card = undefined;
    } else if (this.card) {
      if (/^VERSION:/i.test(t)) this.version21 = t.slice(8).trim() === '2.1';
      const p = parseLine({ text, line });
      if (!p) return;
      this.card.props.push(p);
      if (this.sink.unreadable && p.params.get('ENCODING')?.[0]?.toUpperCase() === 'QUOTED-PRINTABLE' && decodeQuotedPrintable(p.value, p.params.get('CHARSET')?.[0]).unreadable) {
        this.sink.unreadable(line);
      }
    } else {
      this.sink.bad({ line, reason: 'text outside a card (expected BEGIN:VCARD)' });
    }
  }
}

/** Every card of a .vcf file's text; a card never closed, or text outside a card, is a bad record at its line. */
export function parseVcards(text: string, options: VcardOptions = { order: 'dmy', today: '2000-01-01' }): ParsedRecords {
  const out: ParsedRecords = { records: [], bad: [], leftOut: [] };
  const reader = new VcardReader({ record: (r) => out.records.push(r), leftOut: (r) => out.leftOut.push(r), bad: (r) => out.bad.push(r) }, options);
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((l, i) => reader.pushLine(l, i + 1));
  reader.end();
  out.bad.sort((a, b) => a.line - b.line);
  return out;
}
