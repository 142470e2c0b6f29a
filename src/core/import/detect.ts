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
