/** Text for import, export and backup. The views are the app results themselves: plain data with camelCase keys. */
import type { BackupResult } from '../app/backup.js';
import type { ExportResult } from '../app/export.js';
import type { ImportItem, ImportResult } from '../app/import.js';
import { maxOf } from '../core/numbers.js';
import type { Palette } from './palette.js';
import { plural } from './messages/words.js';

const FORMAT_NAMES: Record<ImportResult['format'], string> = { vcf: 'vCard', linkedin: 'LinkedIn connections', csv: 'CSV', json: 'net journal' };

export function toImportView(r: ImportResult): ImportResult {
  return { ...r, items: r.dryRun ? r.items : [] }; // every record only for a dry run: a real import of 10,000 says how many
}

function renderItem(item: ImportItem, width: number, p: Palette): string {
  const action = item.action === 'add' ? p.green('add   ') : item.action === 'update' ? p.yellow('update') : p.dim('skip  ');
  const changed = item.action === 'update' ? `  ${item.changed.join(', ')}` : '';
  return `  ${action}  ${item.name.padEnd(width)}  ${p.dim(`line ${item.line}`)}${changed}`.trimEnd();
}

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
  if (r.bad.length) {
    lines.push(`${p.yellow('Left out')} ${plural(r.bad.length, 'malformed record')}:`);
    for (const b of r.bad) lines.push(`  line ${b.line}: ${b.reason}`);
  }
  if (r.cleaned.length) {
    lines.push(`${p.yellow('Cleaned')} ${plural(r.cleaned.length, 'record')}, taking out what plain text has no place for (control characters, bidi overrides, line breaks outside notes):`);
    for (const c of r.cleaned.slice(0, CLEANED_SHOWN)) lines.push(`  ${c.line === null ? c.record : `line ${c.line}, ${c.record}`}: ${c.fields.join(', ')}`);
    if (r.cleaned.length > CLEANED_SHOWN) lines.push(`  … and ${plural(r.cleaned.length - CLEANED_SHOWN, 'more record')} (net --json import lists them all)`);
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
  return `${p.green('Backed up')} the journal (${plural(r.contacts, 'contact')}, ${size}) to ${r.file}`;
}
