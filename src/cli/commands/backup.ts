import type { Command } from 'commander';
import { renderBackedUp } from '../../ui/render-transfer.js';
import type { CliContext } from '../context.js';
import { toClock, withExamples } from '../options.js';
import { COMMAND_LIST } from '../command-list.js';

export function registerBackup(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('backup [file]')
    .description(COMMAND_LIST.backup.summary)
    .option('--force', 'replace the file if it exists');
  withExamples(cmd, ['net backup', 'net backup ~/Dropbox/net-journal.db --force']).action(async (file: string | undefined, flags: { force?: boolean }) => {
    const { backupJournal } = await import('../../app/backup.js');
    const result = await backupJournal(ctx.store('read'), { file, force: Boolean(flags.force) }, toClock(ctx));
    ctx.out.emit(result, renderBackedUp);
  });
}
