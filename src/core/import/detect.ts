/** Which format a file is, from its first lines: a net JSON export, vCards, LinkedIn's Connections.csv, or a spreadsheet. */
import { UsageError } from '../errors.js';
import { findLinkedinHeader } from './linkedin.js';
import type { ImportFormat } from './records.js';

export function detectFormat(text: string): ImportFormat {
  const head = text.replace(/^\uFEFF/, '').slice(0, 4096);
  const trimmed = head.trimStart();
  if (trimmed.startsWith('{')) return 'json';
  if (/^BEGIN:VCARD/i.test(trimmed)) return 'vcf';
  const lines = head.split(/\r\n|\n|\r/).slice(0, 30);
  if (findLinkedinHeader(lines) >= 0) return 'linkedin';
  const first = lines.find((l) => l.trim()) ?? '';
  if (/[,;\t]/.test(first)) return 'csv';
  throw new UsageError('cannot tell what kind of file this is', 'net import reads vCard (.vcf), LinkedIn Connections.csv, CSV with a header row and net JSON exports; name one with --format vcf|linkedin|csv|json');
}

/** The calendars and mailboxes net reads touchpoints from (issue 18). */
export type MessageFormat = 'ics' | 'mbox' | 'eml';

/**
 * An iCalendar file, an mbox (it starts with a "From " line) or one message (.eml: a block of headers with From and a
 * Date or Message-ID), from its first bytes; undefined for anything else.
 */
export function detectMessageFormat(text: string): MessageFormat | undefined {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (/^BEGIN:VCALENDAR/i.test(head)) return 'ics';
  if (/^From \S/.test(head)) return 'mbox';
  const blocks = head.split(/\r?\n\r?\n/);
  const lines = blocks[0]!.split(/\r?\n/);
  if (blocks.length === 1 && lines.length > 1) lines.pop(); // cut off mid-line by the head's end
  if (!lines.every((l) => /^[\x21-\x39\x3b-\x7e]+:/.test(l) || /^[ \t]/.test(l))) return undefined;
  const names = new Set(lines.map((l) => l.slice(0, l.indexOf(':')).toLowerCase()));
  return names.has('from') && (names.has('date') || names.has('message-id')) ? 'eml' : undefined;
}
