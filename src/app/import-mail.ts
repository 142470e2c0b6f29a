/**
 * `net import <file.mbox>`, `<Maildir folder>` and `<file.eml>`: every message the user sent to contacts is an email
 * touchpoint with each of them (app/touchpoints.ts writes them), at most one a day per contact.
 *
 * Only headers are read. An mbox is streamed a megabyte at a time: a message's headers are kept until they are read,
 * its body is passed over looking only for the next "From " line after a blank line (the separator; a body's own
 * "From " lines are quoted ">From "), so a mailbox of several gigabytes never sits in memory. postal-mime's header
 * helpers decode the names and addresses (RFC 2047 encoded words in any charset, RFC 5322 address lists with groups,
 * comments and quoted commas): a small library without dependencies, by the author of nodemailer and mailparser,
 * whose header parser is the one those use. It is loaded only by this import.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { addressParser } from 'postal-mime';
import type { IsoDate } from '../core/dates.js';
import { isAnnouncement, toAddressKey } from '../core/touchpoints.js';
import type { Sightings } from './touchpoints.js';

export interface MailCounts {
  /** Messages read (headers). */
  messages: number;
  /** Sent by the user to someone: each became touchpoints (or joined that day's). */
  sent: number;
  /** Sent by the user to more than the threshold of recipients. */
  announcements: number;
  /** Drafts (never sent). */
  drafts: number;
  /** Messages with no date net can read, or dated after now. */
  undated: number;
  /** Before --since. */
  before: number;
}

export interface MailReading {
  now: number;
  timeZone: string;
  /** A message to more than this many recipients is an announcement. */
  threshold: number;
}

const CHUNK_BYTES = 1 << 20;
/** Headers longer than this are cut there (what follows is read as the body): no message needs more. */
const MAX_HEADER_BYTES = 1 << 20;

/** The header block as name → values (names in lower case), lines unfolded. */
export function toHeaders(block: Buffer | string): Map<string, string[]> {
  const text = typeof block === 'string' ? block : block.toString('utf8');
  const headers = new Map<string, string[]>();
  let name = '';
  let value = '';
  const flush = () => {
    if (!name) return;
    const list = headers.get(name);
    if (list) list.push(value.trim());
    else headers.set(name, [value.trim()]);
  };
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]/.test(line)) {
      value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    flush();
    if (colon <= 0) {
      name = '';
      continue;
    }
    name = line.slice(0, colon).trim().toLowerCase();
    value = line.slice(colon + 1);
  }
  flush();
  return headers;
}

const FROM_HEADER = /^from:[^\n]*(?:\n[ \t][^\n]*)*/im;

const formatters = new Map<string, Intl.DateTimeFormat>();
function toLocalDay(instant: number, zone: string): IsoDate {
  let f = formatters.get(zone);
  if (!f) formatters.set(zone, (f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = f.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Reads one message's headers into sightings. */
export function readMessage(block: Buffer, sightings: Sightings, reading: MailReading, counts: MailCounts): void {
  counts.messages++;
  const text = block.toString('utf8');
  // Most of a mailbox is mail received: only a message from one of the user's addresses is read further.
  const from = addressParser((FROM_HEADER.exec(text)?.[0] ?? '').slice(5).replace(/\r?\n[ \t]/g, ' '), { flatten: true });
  if (!from.some((a) => a.address && sightings.isMine(a.address))) return;
  const h = toHeaders(text);
  const first = (name: string) => h.get(name)?.[0] ?? '';
  const labels = first('x-gmail-labels').toLowerCase();
  if (h.has('x-mozilla-draft-info') || /(^|,)\s*drafts?\s*(,|$)/.test(labels)) {
    counts.drafts++;
    return;
  }
  const instant = Date.parse(first('date').replace(/\([^)]*\)/g, '').trim());
  if (Number.isNaN(instant) || instant > reading.now) {
    counts.undated++;
    return;
  }
  const recipients = new Map<string, string | null>();
  for (const field of ['to', 'cc']) {
    for (const value of h.get(field) ?? []) {
      for (const a of addressParser(value, { flatten: true })) {
        if (!a.address || !a.address.includes('@') || sightings.isMine(a.address)) continue;
        const key = toAddressKey(a.address);
        if (!recipients.has(key) || !recipients.get(key)) recipients.set(key, a.name?.trim() || null);
      }
    }
  }
  if (!recipients.size) return;
  if (isAnnouncement(recipients.size, reading.threshold)) {
    counts.announcements++;
    return;
  }
  const date = toLocalDay(instant, reading.timeZone);
  if (!sightings.inRange(date)) {
    counts.before++;
    return;
  }
  counts.sent++;
  const id = first('message-id').replace(/^<|>$/g, '').trim();
  const key = id || `sha1:${createHash('sha1').update([first('date'), first('from'), first('to'), first('cc'), first('subject')].join('\n')).digest('hex')}`;
  // Gmail keeps its chats in the Takeout mbox, labelled Chat: a message, not an email.
  const channel = /(^|,)\s*chat\s*(,|$)/.test(labels) ? 'message' : 'email';
  for (const [address, name] of recipients) sightings.add(address, name, { key, date, channel, note: null });
}

const NL = 0x0a;
const CR = 0x0d;
const FROM_LINE = Buffer.from('\nFrom ');
/**
 * A separator names a sender and a date (`From jane@acme.example Sat Jan  3 01:05:34 1996`, Thunderbird's
 * `From - Tue Nov 24 10:00:00 2026`, Gmail's `From 1750…@xxx Mon Nov 30 08:00:00 +0000 2026`): a body line that
 * starts with "From " but was not quoted is not one.
 */
const FROM_SEPARATOR = /^From \S*\s+[A-Z][a-z]{2},? +[A-Z][a-z]{2} +\d{1,2},? +\d{1,2}:\d{2}/;
const SEPARATOR_BYTES = 200;

/** Where the header block starting at `from` ends (the index just after its last line's "\n"), or -1 if not yet. */
function findHeaderEnd(buf: Buffer, from: number): number {
  if (buf[from] === NL) return from; // no headers at all
  if (buf[from] === CR && buf[from + 1] === NL) return from;
  for (let i = buf.indexOf(NL, from); i >= 0 && i + 1 < buf.length; i = buf.indexOf(NL, i + 1)) {
    if (buf[i + 1] === NL) return i + 1;
    if (buf[i + 1] === CR && i + 2 < buf.length && buf[i + 2] === NL) return i + 1;
  }
  return -1;
}

/**
 * Splits an mbox into its messages' header blocks as it is read (mboxo, mboxrd, Gmail Takeout's and Thunderbird's):
 * a message starts after a "From " line that follows a blank line (or starts the file).
 */
export class MboxSplitter {
  /**
   * One working buffer, reused: what is left of the last chunk (`carried` bytes at its start), then the next chunk.
   * A new buffer per chunk would be garbage the size of the file, which node frees late (outside its heap), so the
   * process's memory would grow with the mailbox.
   */
  private work = Buffer.allocUnsafe(2 * CHUNK_BYTES);
  private carried = 0;
  private state: 'from-line' | 'headers' | 'body' = 'from-line';
  /** In the body: whether the line before the carried bytes was blank. */
  private blankBefore = true;
  private started = false;

  constructor(private readonly onHeaders: (block: Buffer) => void) {}

  push(chunk: Buffer): void {
    const length = this.carried + chunk.length;
    if (length > this.work.length) {
      const bigger = Buffer.allocUnsafe(length * 2);
      this.work.copy(bigger, 0, 0, this.carried);
      this.work = bigger;
    }
    chunk.copy(this.work, this.carried);
    const buf = this.work.subarray(0, length);
    let pos = 0;
    if (!this.started) {
      // A file that does not start with "From " (a lone message): read from its first byte.
      this.started = true;
      if (!buf.subarray(0, 5).equals(Buffer.from('From ')) && buf.length >= 5) this.state = 'headers';
    }
    for (;;) {
      if (this.state === 'from-line') {
        const nl = buf.indexOf(NL, pos);
        if (nl < 0) break;
        pos = nl + 1;
        this.state = 'headers';
      }
      if (this.state === 'headers') {
        const end = findHeaderEnd(buf, pos);
        if (end < 0) {
          if (buf.length - pos <= MAX_HEADER_BYTES) break;
          this.onHeaders(buf.subarray(pos, pos + MAX_HEADER_BYTES));
          pos += MAX_HEADER_BYTES;
          this.state = 'body';
          this.blankBefore = false;
          continue;
        }
        this.onHeaders(buf.subarray(pos, end));
        pos = end;
        this.state = 'body';
        this.blankBefore = false;
      }
      // The body: the next "\nFrom " line that follows a blank line and reads as a separator (sender and date).
      let found = -1;
      let wait = -1;
      for (let i = buf.indexOf(FROM_LINE, pos); i >= 0; i = buf.indexOf(FROM_LINE, i + 1)) {
        const blank = i === 0 ? this.blankBefore : buf[i - 1] === NL || (buf[i - 1] === CR && (i === 1 ? this.blankBefore : buf[i - 2] === NL));
        if (!blank) continue;
        const end = buf.indexOf(NL, i + 1);
        if (end < 0 && buf.length - i < SEPARATOR_BYTES) {
          wait = i; // the line is not read whole yet
          break;
        }
        if (FROM_SEPARATOR.test(buf.toString('latin1', i + 1, Math.min(end < 0 ? buf.length : end, i + 1 + SEPARATOR_BYTES)))) {
          found = i;
          break;
        }
      }
      if (wait >= 0) {
        // Carried from its "\n", whose line before was blank.
        this.keep(buf, wait);
        this.blankBefore = true;
        return;
      }
      if (found < 0) break;
      pos = found + 1;
      this.state = 'from-line';
    }
    // Keep what is not read yet: a header block, an unfinished "From " line, or the body's unfinished last line.
    if (this.state === 'body') {
      const lastNl = buf.lastIndexOf(NL);
      if (lastNl >= pos) {
        this.blankBefore = lastNl === 0 ? this.blankBefore : buf[lastNl - 1] === NL || (buf[lastNl - 1] === CR && lastNl >= 2 && buf[lastNl - 2] === NL);
        // The "\n" itself is kept, so that "\nFrom " can be found across the two chunks; blankBefore is the line it ends.
        pos = lastNl;
      }
      // A body line of a megabyte without a line break (a broken file): keep its end only.
      if (buf.length - pos > CHUNK_BYTES) {
        pos = buf.length - 8;
        this.blankBefore = false;
      }
    }
    this.keep(buf, pos);
  }

  /** Carries the bytes from `from` on to the next chunk. */
  private keep(buf: Buffer, from: number): void {
    buf.copyWithin(0, from);
    this.carried = buf.length - from;
  }

  end(): void {
    const rest = this.work.subarray(0, this.carried);
    if (this.state === 'headers' && rest.some((b) => b !== NL && b !== CR && b !== 0x20)) this.onHeaders(rest);
    this.carried = 0;
  }
}

/** Reads an mbox a megabyte at a time. */
export function readMbox(file: string, onHeaders: (block: Buffer) => void, onBytes?: (done: number, total: number) => void): void {
  const fd = openSync(file, 'r');
  try {
    const size = statSync(file).size;
    const splitter = new MboxSplitter(onHeaders);
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let position = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK_BYTES, position);
      if (n === 0) break;
      position += n;
      splitter.push(buffer.subarray(0, n));
      onBytes?.(position, size);
    }
    splitter.end();
  } finally {
    closeSync(fd);
  }
}

/** The header block of one message file (a Maildir entry, an .eml): read until its blank line, never the body. */
export function readMessageHeaders(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const parts: Buffer[] = [];
    let position = 0;
    const step = 64 * 1024;
    for (;;) {
      const buffer = Buffer.allocUnsafe(step);
      const n = readSync(fd, buffer, 0, step, position);
      if (n === 0) break;
      parts.push(buffer.subarray(0, n));
      position += n;
      const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      const end = findHeaderEnd(all, 0);
      if (end >= 0) return all.subarray(0, end);
      if (position >= MAX_HEADER_BYTES) return all;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  } finally {
    closeSync(fd);
  }
}

/** A Maildir's messages: the files of cur/ and new/ (tmp/ holds messages still being delivered). */
export function listMaildirFiles(folder: string): string[] {
  const files: string[] = [];
  for (const sub of ['cur', 'new']) {
    let names: string[];
    try {
      names = readdirSync(join(folder, sub));
    } catch {
      continue;
    }
    for (const name of names.sort()) if (!name.startsWith('.')) files.push(join(folder, sub, name));
  }
  return files;
}

export function isMaildir(folder: string): boolean {
  return ['cur', 'new'].some((sub) => {
    try {
      return statSync(join(folder, sub)).isDirectory();
    } catch {
      return false;
    }
  });
}
