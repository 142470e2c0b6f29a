import type { Command } from 'commander';
import { renderBackedUp } from '../../ui/render-transfer.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--force', 'replace the file if it exists');
  withExamples(cmd, ['net backup', 'net backup ~/Dropbox/net-journal.db --force']).action(async (file: string | undefined, flags: { force?: boolean }) => {
    const { backupJournal } = await import('../../app/backup.js');
    const result = await ctx.open('read').use((store) => backupJournal(store, { file, force: Boolean(flags.force) }, ctx.clock));
    ctx.out.emit(result, renderBackedUp);
  });
}
