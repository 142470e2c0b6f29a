/**
 * A small vCard reader for what phones, Google, Apple and Outlook write: versions 2.1, 3.0 and 4.0.
 *
 *   quirk                                  example                                     handled by
 *   folded lines (CRLF/LF + space/tab)     "NOTE:long\r\n  text"                        toLogicalLines
 *   2.1 quoted-printable soft breaks       "NOTE;ENCODING=QUOTED-PRINTABLE:abc=\r\ndef"  toLogicalLines
 *   property groups                        "item1.EMAIL;type=INTERNET:a@b.c"             parseLine
 *   parameters, 3.0/4.0 and bare 2.1       "TEL;TYPE=work,voice:…", "TEL;WORK;PREF:…"    parseParams
 *   quoted-printable with CHARSET          "FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Ren=E9"  decodeValue
 *   escapes                                "\,", "\;", "\n"                              splitValue
 */
import { emptyRecord, findBirthday, type BadRecord, type ImportRecord, type ParsedRecords } from './records.js';

export interface VcardProperty {
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

const isQuotedPrintable = (text: string) => /QUOTED-PRINTABLE/i.test(text.slice(0, text.indexOf(':') >>> 0));

/** Joins folded lines and quoted-printable soft line breaks; keeps the line each property starts on. */
export function toLogicalLines(text: string): LogicalLine[] {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const out: LogicalLine[] = [];
  let version21 = false;
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!;
    const last = out.at(-1);
    if (last && isQuotedPrintable(last.text) && last.text.endsWith('=')) {
      last.text = last.text.slice(0, -1) + line.replace(/^[ \t]+/, '');
      continue;
    }
    if (last && /^[ \t]/.test(line)) {
      // 2.1 folds at whitespace and keeps it; 3.0 and 4.0 insert one space or tab that unfolding removes.
      last.text += version21 ? line : line.slice(1);
      continue;
    }
    if (/^VERSION:/i.test(line)) version21 = line.slice(8).trim() === '2.1';
    if (/^BEGIN:VCARD/i.test(line)) version21 = false;
    out.push({ text: line, line: i + 1 });
  }
  return out.filter((l) => l.text.trim() !== '');
}

/** Splits on `sep` outside double quotes. */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === sep && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
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

/** `[group.]NAME[;params]:value`, or undefined for a line that is not a property (such as stray base64 of a photo). */
export function parseLine(l: LogicalLine): VcardProperty | undefined {
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < l.text.length; i++) {
    const ch = l.text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return undefined;
  const [head = '', ...paramParts] = splitOutsideQuotes(l.text.slice(0, colon), ';');
  const name = head.trim().replace(/^[^.]*\./, '').toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return undefined;
  return { name, params: parseParams(paramParts), value: l.text.slice(colon + 1), line: l.line };
}

/** Bytes in a named character set; an unknown name reads as UTF-8. */
function decodeBytes(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Quoted-printable `=XX` bytes, read in the property's CHARSET (UTF-8 when none is named). */
export function decodeQuotedPrintable(text: string, charset?: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const hex = text.slice(i + 1, i + 3);
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      for (const b of new TextEncoder().encode(ch)) bytes.push(b);
    }
  }
  return decodeBytes(new Uint8Array(bytes), charset);
}

export function decodeValue(p: VcardProperty): string {
  const encoding = p.params.get('ENCODING')?.[0]?.toUpperCase();
  return encoding === 'QUOTED-PRINTABLE' ? decodeQuotedPrintable(p.value, p.params.get('CHARSET')?.[0]) : p.value;
}

/** Splits a value on an unescaped separator and undoes the escapes `\,` `\;` `\n` `\\`. */
export function splitValue(value: string, sep: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && i + 1 < value.length) {
      const next = value[++i]!;
      current += next === 'n' || next === 'N' ? '\n' : next;
    } else if (ch === sep) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

const unescape = (value: string) => splitValue(value, '')[0]!; // no separator: only the escapes

const isPreferred = (p: VcardProperty) => (p.params.get('TYPE') ?? []).includes('pref') || p.params.has('PREF');

/** The preferred values first (TYPE=pref, 2.1's bare PREF, 4.0's PREF=1), otherwise in the card's order. */
function byPreference(props: readonly VcardProperty[]): string[] {
  const sorted = [...props].sort((a, b) => Number(isPreferred(b)) - Number(isPreferred(a)));
  return sorted.map((p) => unescape(decodeValue(p)).trim()).filter(Boolean);
}

function toBirthday(p: VcardProperty): string | undefined {
  const value = unescape(decodeValue(p)).trim();
  // Apple writes a birthday without a year as year 1604 and says so in X-APPLE-OMIT-YEAR.
  const omitYear = p.params.get('X-APPLE-OMIT-YEAR')?.[0];
  if (omitYear && value.startsWith(omitYear)) return findBirthday(`--${value.slice(omitYear.length).replace(/^-/, '')}`);
  return findBirthday(value.replace(/T.*$/, ''));
}

/** One card's properties to a record, or the reason it is not one. */
export function toVcardRecord(props: readonly VcardProperty[], line: number): ImportRecord | BadRecord {
  const all = (name: string) => props.filter((p) => p.name === name);
  const first = (name: string) => {
    const p = all(name)[0];
    return p ? decodeValue(p) : undefined;
  };
  let name = unescape(first('FN') ?? '').trim();
  if (!name) {
    const n = splitValue(first('N') ?? '', ';').map((s) => s.trim());
    name = [n[1], n[0]].filter(Boolean).join(' ');
  }
  if (!name) return { line, reason: 'the card has no name (neither FN nor N)' };
  const record = emptyRecord(line, name);
  record.emails = byPreference(all('EMAIL'));
  record.phones = byPreference(all('TEL'));
  const org = first('ORG');
  record.company = org === undefined ? null : splitValue(org, ';')[0]!.trim() || null;
  record.role = unescape(first('TITLE') ?? first('ROLE') ?? '').trim() || null;
  record.note = unescape(first('NOTE') ?? '').trim() || null;
  const urls = [...all('URL'), ...all('X-SOCIALPROFILE')].map((p) => unescape(decodeValue(p)).trim()).filter(Boolean);
  record.url = urls.find((u) => /linkedin\.com/i.test(u)) ?? all('URL').map((p) => unescape(decodeValue(p)).trim()).find(Boolean) ?? null;
  record.tags = all('CATEGORIES').flatMap((p) => splitValue(decodeValue(p), ',').map((s) => s.trim())).filter(Boolean);
  const bday = all('BDAY')[0];
  if (bday) {
    const birthday = toBirthday(bday);
    if (!birthday) return { line: bday.line, reason: `cannot read the birthday "${bday.value}"` };
    record.birthday = birthday;
  }
  return record;
}

/** Every card of a .vcf file; a card without a name or never closed is a bad record at the line it starts on. */
export function parseVcards(text: string): ParsedRecords {
  const records: ImportRecord[] = [];
  const bad: BadRecord[] = [];
  let card: { line: number; props: VcardProperty[] } | undefined;
  for (const l of toLogicalLines(text)) {
    const t = l.text.trim();
    if (/^BEGIN:VCARD$/i.test(t)) {
      if (card) bad.push({ line: card.line, reason: 'the card has no END:VCARD' });
      card = { line: l.line, props: [] };
    } else if (/^END:VCARD$/i.test(t)) {
      if (!card) {
        bad.push({ line: l.line, reason: 'END:VCARD without BEGIN:VCARD' });
        continue;
      }
      const r = toVcardRecord(card.props, card.line);
      if ('reason' in r) bad.push(r);
      else records.push(r);
      card = undefined;
    } else if (card) {
      const p = parseLine(l);
      if (p) card.props.push(p);
    } else if (t) {
      bad.push({ line: l.line, reason: 'text outside a card (expected BEGIN:VCARD)' });
    }
  }
  if (card) bad.push({ line: card.line, reason: 'the card has no END:VCARD' });
  return { records, bad: bad.sort((a, b) => a.line - b.line) };
}
