/**
 * LinkedIn's Connections.csv: a few lines of notes, then the header. Two layouts are in use:
 * `First Name,Last Name,URL,Email Address,Company,Position,Connected On` (since 2020) and the older one without URL.
 * Dates look like `12 Mar 2024`. A member who hides their details comes with empty names: such a row is imported under
 * its profile URL (core/import/records.ts toContactRecord), never refused.
 */
import { UsageError } from '../errors.js';
import type { DateOrder, IsoDate } from '../dates.js';
import { parseCsvRows, toCsvRecords } from './csv.js';
import type { ParsedRecords } from './records.js';

const HEADER = /^\uFEFF?"?First Name"?,"?Last Name"?,/i;

/** The 0-based index of the header line, or -1. */
export function findLinkedinHeader(lines: readonly string[]): number {
  return lines.findIndex((l) => HEADER.test(l) && /Connected On/i.test(l));
}

export const LINKEDIN_HINT = "use the Connections.csv file from LinkedIn's data export, or --format csv";

export function parseLinkedin(text: string, o: { order?: DateOrder; today: IsoDate } = { today: '2000-01-01' }): ParsedRecords {
  const lines = text.split(/\r\n|\n|\r/);
  const at = findLinkedinHeader(lines);
  if (at < 0) throw new UsageError('no LinkedIn header row (First Name,Last Name,URL,…,Connected On) in the file', LINKEDIN_HINT);
  const [header, ...rows] = parseCsvRows(lines.slice(at).join('\n'), at + 1);
  return toCsvRecords(header!, rows, { order: o.order ?? 'dmy', today: o.today });
}
