import type { Command } from 'commander';
import { parseImportFormat, type ImportFormat } from '../../core/import/records.js';
import { createProgressBar } from '../../ui/progress.js';
import { renderImported, toImportView } from '../../ui/render-transfer.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';
import { toLocaleDateOrder } from '../../core/dates.js';

interface ImportFlags {
  format?: ImportFormat;
  dryRun?: boolean;
  skipBad?: boolean;
}

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--format <format>', 'vcf, linkedin, csv or json (default: recognised from the content)', parseImportFormat)
    .option('--dry-run', 'show what would be added, updated and skipped; write nothing')
    .option('--skip-bad', 'import the intact records of a damaged file (a card never closed) and list the broken ones (default: refuse it whole)')
    .addHelpText('after', '\nText that plain text has no place for (control characters, bidi overrides, line breaks outside notes) is taken\nout of what a file brings, and the summary lists the records it cleaned.');
  withExamples(cmd, [
    'net import ~/Downloads/contacts.vcf --dry-run',
    'net import ~/Downloads/Connections.csv          # LinkedIn: "Connected On" becomes when you met',
    'net import Outlook.csv                          # a value it cannot read is kept in the note, and listed',
    'net import damaged.vcf --skip-bad               # import the intact cards of a damaged file',
    'net import laptop-journal.json                  # merges by UUID; the newer version of a record wins',
  ]).action(async (file: string, flags: ImportFlags) => {
    const { importFile } = await import('../../app/import.js');
    const journal = ctx.open(flags.dryRun ? 'read' : 'write');
    const bar = await createProgressBar(process.stderr, !ctx.out.json);
    const input = { file, format: flags.format, dryRun: Boolean(flags.dryRun), skipBad: Boolean(flags.skipBad), localeOrder: toLocaleDateOrder(ctx.env) };
    let result;
    try {
      result = await journal.use((store) => importFile(store, input, ctx.clock, bar.update));
    } finally {
      bar.stop();
    }
    ctx.out.emit(toImportView(result), renderImported);
  });
}
