import type { Command } from 'commander';
import type { ExportFormat } from '../../app/export.js';
import { UsageError } from '../../core/errors.js';
import { renderExported } from '../../ui/render-transfer.js';
import type { CliContext } from '../context.js';
import { toClock, withExamples } from '../options.js';
import { COMMAND_LIST } from '../command-list.js';

interface ExportFlags {
  csv?: boolean;
  vcf?: boolean;
  force?: boolean;
}

/** --csv or --vcf, else the file's extension, else JSON (the global --json asks for it too). */
export function toExportFormat(flags: ExportFlags, file: string | undefined, json: boolean): ExportFormat {
  if (flags.csv && flags.vcf) throw new UsageError('--csv and --vcf ask for two formats', 'export one at a time');
  if (!file && json && (flags.csv || flags.vcf)) throw new UsageError(`--json and --${flags.csv ? 'csv' : 'vcf'} both ask for the format of what is printed`, 'choose one, or give a file name');
  if (flags.csv) return 'csv';
  if (flags.vcf) return 'vcf';
  if (file && /\.csv$/i.test(file)) return 'csv';
  if (file && /\.(vcf|vcard)$/i.test(file)) return 'vcf';
  return 'json';
}

export function registerExport(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('export [file]')
    .description(COMMAND_LIST.export.summary)
    .option('--csv', 'contacts, one row each, with balance, stage and last touch')
    .option('--vcf', 'contacts as vCard 4.0, for an address book')
    .option('--force', 'replace the file if it exists');
  withExamples(cmd, [
    'net export --json journal.json',
    'net export --csv contacts.csv',
    'net export --vcf > contacts.vcf',
    'net export | jq .contacts[0]',
  ]).action(async (file: string | undefined, flags: ExportFlags) => {
    const format = toExportFormat(flags, file, ctx.out.json);
    const { exportJournal } = await import('../../app/export.js');
    const store = ctx.store('read');
    const result = exportJournal(store, { format, file, force: Boolean(flags.force), journal: ctx.journal().path }, toClock(ctx), ctx.rawOutput());
    if (file) ctx.out.emit(result, renderExported); // without a file, stdout is the export itself
  });
}
