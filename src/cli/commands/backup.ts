import type { Command } from 'commander';
import { SyncError } from '../../core/errors.js';
import { PROMPTS } from '../../ui/messages/prompts.js';
import { renderBackedUp } from '../../ui/render-transfer.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--force', 'replace the file if it exists')
    .option('--encrypt', "compress and encrypt it with age: to sync's key when net sync is set up, else with a passphrase (NET_PASSPHRASE, or asked on a terminal)");
  withExamples(cmd, ['net backup', 'net backup ~/Dropbox/net-journal.db --force', 'net backup --encrypt ~/Dropbox/net-journal.db.gz.age']).action(async (file: string | undefined, flags: { force?: boolean; encrypt?: boolean }) => {
    const input = { file, force: Boolean(flags.force) };
    if (!flags.encrypt) {
      const { backupJournal } = await import('../../app/backup.js');
      const result = await ctx.open('read').use((store) => backupJournal(store, input, ctx.clock));
      ctx.out.emit(result, renderBackedUp);
      return;
    }
    const { backupEncrypted } = await import('../../app/backup.js');
    const passphrase = async () => {
      if (ctx.env.NET_PASSPHRASE) return ctx.env.NET_PASSPHRASE;
      if (!ctx.interactive) throw new SyncError('an encrypted backup needs a passphrase, and there is no terminal to ask it on', 'set NET_PASSPHRASE, or run it on a terminal (with net sync set up, its key is used instead)', 2);
      return (await import('../../ui/prompts.js')).askPassphrase(PROMPTS.backupPassphrase, true);
    };
    const result = await ctx.open('read').use((store) => backupEncrypted(store, input, ctx.clock, passphrase));
    ctx.out.emit(result, renderBackedUp);
  });
}
