/**
 * LinkedIn's Connections.csv: a few lines of notes, then the header
 * `First Name,Last Name,URL,Email Address,Company,Position,Connected On`; dates look like `12 Mar 2024`.
 */
import { UsageError } from '../errors.js';
import { parseCsvRows, toCsvRecords } from './csv.js';
import type { ParsedRecords } from './records.js';

const HEADER = /^\uFEFF?"?First Name"?,"?Last Name"?,/i;

/** The 0-based index of the header line, or -1. */
export function findLinkedinHeader(lines: readonly string[]): number {
  return lines.findIndex((l) => HEADER.test(l) && /Connected On/i.test(l));
}

export function parseLinkedin(text: string): ParsedRecords {
  const lines = text.split(/\r\n|\n|\r/);
  const at = findLinkedinHeader(lines);
  if (at < 0) throw new UsageError('no LinkedIn header row (First Name,Last Name,URL,…,Connected On) in the file', 'use the Connections.csv file from LinkedIn\'s data export, or --format csv');
  const [header, ...rows] = parseCsvRows(lines.slice(at).join('\n'), at + 1);
  return toCsvRecords(header!, rows);
}
