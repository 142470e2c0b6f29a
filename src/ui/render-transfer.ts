/** Text for import, export and backup. The views are the app results themselves: plain data with camelCase keys. */
import type { BackupResult } from '../app/backup.js';
import type { ExportResult } from '../app/export.js';
import type { ImportItem, ImportResult } from '../app/import.js';
import { maxOf, toThousands } from '../core/numbers.js';
import type { Palette } from './palette.js';
import { LEFT_OUT_WORDS } from './messages/import.js';
import { plural } from './messages/words.js';
import { clip } from './wrap.js';

const FORMAT_NAMES: Record<ImportResult['format'], string> = { vcf: 'vCard', linkedin: 'LinkedIn connections', csv: 'CSV', json: 'net journal' };

export function toImportView(r: ImportResult): ImportResult {
  return { ...r, items: r.dryRun ? r.items : [] }; // every record only for a dry run: a real import of 10,000 says how many
}

function renderItem(item: ImportItem, width: number, p: Palette): string {
  const action = item.action === 'add' ? p.green('add   ') : item.action === 'update' ? p.yellow('update') : p.dim('skip  ');
  const changed = item.action === 'update' ? `  ${item.changed.join(', ')}` : '';
  return `  ${action}  ${item.name.padEnd(width)}  ${p.dim(`line ${item.line}`)}${changed}`.trimEnd();
}

const SHOWN = 5;

/** "line 4 birthday "circa 1800", line 9 phone "ask reception", and 3 more (--json lists them)". */
function listSome<T>(items: readonly T[], count: number, describe: (item: T) => string): string {
  const shown = items.slice(0, SHOWN).map(describe).join(', ');
  return count > SHOWN ? `${shown}, and ${toThousands(count - SHOWN)} more (net --json import lists them)` : shown;
}

const quoteShort = (text: string) => JSON.stringify(clip(text, 40));

/** The cleaned records listed by name; the rest are counted (a file of odd characters could name thousands). */
const CLEANED_SHOWN = 10;

export function renderImported(r: ImportResult, p: Palette): string {
  const lines: string[] = [];
  const file = r.file.split(/[\\/]/).pop();
  if (r.dryRun) {
    const width = Math.min(30, maxOf(r.items.map((i) => i.name.length), 0));
    for (const i of r.items) lines.push(renderItem(i, width, p));
    lines.push(`${p.bold('Dry run')} of ${file} (${FORMAT_NAMES[r.format]}): would add ${r.added}, update ${r.updated}, skip ${r.skipped} unchanged. Nothing was written.`);
  } else {
    const verb = r.format === 'json' ? 'Merged' : 'Imported';
    lines.push(`${p.green(verb)} ${file} (${FORMAT_NAMES[r.format]}): ${r.added} added, ${r.updated} updated, ${r.skipped} skipped (unchanged).`);
  }
  for (const t of r.tables) lines.push(p.dim(`  ${t.table}: ${t.added} added, ${t.updated} updated, ${t.skipped} unchanged`));
  if (r.keptCount) {
    const what = listSome(r.kept, r.keptCount, (k) => `line ${k.line} ${k.field} ${quoteShort(k.value)}`);
    lines.push(`${p.yellow(plural(r.keptCount, 'value'))} kept as text in the note: ${what}.`);
  }
  if (r.leftOutCount) lines.push(`${p.yellow('Left out')} ${plural(r.leftOutCount, 'record')}: ${listSome(r.leftOut, r.leftOutCount, (l) => `line ${l.line} (${LEFT_OUT_WORDS[l.reason]})`)}.`);
  if (r.warnings.length) {
    lines.push(`${p.yellow('Unreadable bytes')} (no character set fits them) read as "?" on ${r.warnings.length === 1 ? 'line' : 'lines'} ${listSome(r.warnings, r.warnings.length, (w) => String(w.line))}.`);
  }
  if (r.badCount) {
    lines.push(`${p.yellow('Left out')} ${plural(r.badCount, 'malformed record')}:`);
    for (const b of r.bad) lines.push(`  line ${b.line}: ${b.reason}`);
    if (r.badCount > r.bad.length) lines.push(`  and ${toThousands(r.badCount - r.bad.length)} more`);
  }
  if (r.cleanedCount) {
    lines.push(`${p.yellow('Cleaned')} ${plural(r.cleanedCount, 'record')}, taking out what plain text has no place for (control characters, bidi overrides, line breaks outside notes):`);
    for (const c of r.cleaned.slice(0, CLEANED_SHOWN)) lines.push(`  ${c.line === null ? c.record : `line ${c.line}, ${c.record}`}: ${c.fields.join(', ')}`);
    if (r.cleanedCount > CLEANED_SHOWN) lines.push(`  … and ${plural(r.cleanedCount - CLEANED_SHOWN, 'more record')} (net --json import lists them)`);
  }
  return lines.join('\n');
}

const EXPORT_NAMES: Record<ExportResult['format'], string> = { json: 'the journal as JSON', csv: 'contacts as CSV', vcf: 'contacts as vCard 4.0' };

export function renderExported(r: ExportResult, p: Palette): string {
  const what = r.format === 'json' ? `${plural(r.contacts, 'contact')} and ${plural(r.records - r.contacts, 'other record')}` : plural(r.contacts, 'contact');
  return `${p.green('Exported')} ${EXPORT_NAMES[r.format]} (${what}) to ${r.file}`;
}

export function renderBackedUp(r: BackupResult, p: Palette): string {
  const size = r.bytes < 1024 * 1024 ? `${Math.max(1, Math.round(r.bytes / 1024))} KB` : `${(r.bytes / 1024 / 1024).toFixed(1)} MB`;
  const how = !r.encrypted ? '' : r.encrypted.to === 'sync-key' ? `, encrypted to sync's key (age -d -i ${r.encrypted.identityFile} opens it)` : ', encrypted with your passphrase (age -d opens it)';
  return `${p.green('Backed up')} the journal (${plural(r.contacts, 'contact')}, ${size}) to ${r.file}${how}.`;
}
