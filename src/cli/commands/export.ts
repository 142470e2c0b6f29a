import type { Command } from 'commander';
import type { ExportFormat } from '../../app/export.js';
import { UsageError } from '../../core/errors.js';
import { renderExported } from '../../ui/render-transfer.js';
import type { CliContext } from '../context.js';
import { withExamples, withText } from '../options.js';

interface ExportFlags {
  format?: ExportFormat;
  csv?: boolean;
  vcf?: boolean;
  force?: boolean;
}

const FORMATS: readonly ExportFormat[] = ['json', 'csv', 'vcf'];

export function parseExportFormat(text: string): ExportFormat {
  const format = FORMATS.find((f) => f === text.trim().toLowerCase());
  if (!format) throw new UsageError(`cannot export as "${text}"`, `--format takes one of: ${FORMATS.join(', ')}`);
  return format;
}

/**
 * --format (or its short forms --csv and --vcf), else the file's extension, else JSON. The global --json is about
 * net's own output: with a file it prints the confirmation as JSON; without one, the output is the export itself.
 */
export function toExportFormat(flags: ExportFlags, file: string | undefined, json: boolean): ExportFormat {
  const asked = [...new Set([flags.format, flags.csv ? 'csv' : undefined, flags.vcf ? 'vcf' : undefined].filter((f): f is ExportFormat => f !== undefined))];
  if (asked.length > 1) throw new UsageError(`${asked.map((f) => (f === flags.format ? `--format ${f}` : `--${f}`)).join(' and ')} ask for two formats`, 'export one at a time');
  const format = asked[0];
  if (!file && json && format !== undefined && format !== 'json') {
    throw new UsageError(`--json and ${flags.format ? `--format ${format}` : `--${format}`} both ask for the format of what is printed`, 'choose one, or give a file name');
  }
  if (format) return format;
  if (file && /\.csv$/i.test(file)) return 'csv';
  if (file && /\.(vcf|vcard)$/i.test(file)) return 'vcf';
  return 'json';
}

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--format <format>', 'json (the whole journal, lossless), csv (contacts, one row each, with balance, stage and last touch) or vcf (vCard 4.0, for an address book); default: from the file name, else json', parseExportFormat)
    .option('--csv', 'short for --format csv')
    .option('--vcf', 'short for --format vcf')
    .option('--force', 'replace the file if it exists');
  withText(cmd, '\nAfter export, --json still means --format json; before it (net --json export file), it prints the confirmation as JSON.');
  withExamples(cmd, [
    'net export --format json journal.json',
    'net export --format csv contacts.csv',
    'net export --format vcf > contacts.vcf',
    'net --json export journal.json      # the confirmation as JSON, for scripts',
    'net export | jq .contacts[0]',
  ]).action(async (file: string | undefined, flags: ExportFlags) => {
    const format = toExportFormat(flags, file, ctx.out.json);
    const { exportJournal } = await import('../../app/export.js');
    const input = { format, file, force: Boolean(flags.force), journal: ctx.journalPath().path };
    const result = ctx.open('read').use((store) => exportJournal(store, input, ctx.clock, ctx.rawOutput()));
    if (file) ctx.out.emit(result, renderExported); // without a file, stdout is the export itself
  });
}
