import type { Command } from 'commander';
import { parseImportFormat, type ImportFormat } from '../../core/import/records.js';
import { createProgressBar } from '../../ui/progress.js';
import { renderImported, toImportView } from '../../ui/render-transfer.js';
import type { CliContext } from '../context.js';
import { toClock, withExamples } from '../options.js';
import { COMMAND_LIST } from '../command-list.js';

interface ImportFlags {
  format?: ImportFormat;
  dryRun?: boolean;
  skipBad?: boolean;
}

export function registerImport(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('import <file>')
    .description(COMMAND_LIST.import.summary)
    .option('--format <format>', 'vcf, linkedin, csv or json (default: recognised from the content)', parseImportFormat)
    .option('--dry-run', 'show what would be added, updated and skipped; write nothing')
    .option('--skip-bad', 'import the good records and list the malformed ones (default: a malformed record refuses the whole file)')
    .addHelpText('after', '\nText that plain text has no place for (control characters, bidi overrides, line breaks outside notes) is taken\nout of what a file brings, and the summary lists the records it cleaned.');
  withExamples(cmd, [
    'net import ~/Downloads/contacts.vcf --dry-run',
    'net import ~/Downloads/Connections.csv          # LinkedIn: "Connected On" becomes when you met',
    'net import clients.csv --skip-bad',
    'net import laptop-journal.json                  # merges by UUID; the newer version of a record wins',
  ]).action(async (file: string, flags: ImportFlags) => {
    const { importFile } = await import('../../app/import.js');
    const store = ctx.store(flags.dryRun ? 'read' : 'write');
    const bar = await createProgressBar(process.stderr, !ctx.out.json);
    const input = { file, format: flags.format, dryRun: Boolean(flags.dryRun), skipBad: Boolean(flags.skipBad) };
    let result;
    try {
      result = importFile(store, input, toClock(ctx), bar.update);
    } finally {
      bar.stop();
    }
    ctx.out.emit(toImportView(result), renderImported);
  });
}
