import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import type { SyncContext, SyncStep } from '../../app/sync.js';
import { UsageError } from '../../core/errors.js';
import { PROMPTS } from '../../ui/messages/prompts.js';
import { renderSynced, renderSyncStatus } from '../../ui/render-sync.js';
import type { CliContext } from '../context.js';
import { withExamples, withText } from '../options.js';

interface SyncFlags {
  identity?: string;
  startOver?: boolean;
}

/**
 * A seam for the tests that kill a sync between two of its steps, or let another machine push meanwhile:
 * NET_SYNC_PAUSE_AT=<step> stops it there, after saying so on stderr, for up to a minute or until the file
 * NET_SYNC_RESUME names exists.
 */
function pauseAt(ctx: CliContext): SyncContext['checkpoint'] {
  const at = ctx.env.NET_SYNC_PAUSE_AT;
  if (!at) return undefined;
  const resume = ctx.env.NET_SYNC_RESUME;
  return (step: SyncStep) => {
    if (step !== at) return;
    ctx.io.stderr.write(`net: paused at ${step} (NET_SYNC_PAUSE_AT)\n`);
    const sleeper = new Int32Array(new SharedArrayBuffer(4));
    for (let waited = 0; waited < 60_000 && !(resume && existsSync(resume)); waited += 20) Atomics.wait(sleeper, 0, 0, 20);
  };
}

/** A seam for the tests of snapshots: NET_SYNC_SNAPSHOT_EVERY=<n> makes one with every n batches instead of 100. */
function snapshotEvery(ctx: CliContext): number | undefined {
  const n = Number(ctx.env.NET_SYNC_SNAPSHOT_EVERY);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--identity <file>', 'an age identity file (age-keygen, or age-keygen -pq for a post-quantum one, makes it): files are encrypted to it, no passphrase asked')
    .option('--start-over', 'with init: set this journal up again, with another remote or the same one set up anew (the journal is kept and merged)');
  withText(cmd, '\nThe passphrase is asked on a terminal, or read from NET_PASSPHRASE. net writes to the branch the remote\'s HEAD names (the one git clone checks out). Exit codes: 0 synced, 2 usage, 5 journal unavailable, 6 the remote cannot be used (git missing, unreachable, a wrong passphrase, a damaged file, a newer net, another sync running).');
  withExamples(cmd, [
    'net sync init git@github.com:me/net-journal.git   # the first machine publishes its journal',
    'net sync init ~/Dropbox/net.git                    # another machine joins (an empty journal comes down)',
    'net sync                                           # pull, merge, push: safe from cron',
    'net sync status                                    # what is not pushed, the last sync, the machines',
    'net sync init /mnt/usb/net.git --identity ~/.config/net/age.key   # a key of age-keygen, or of age-keygen -pq (post-quantum)',
  ]).action(async (action: string | undefined, remote: string | undefined, flags: SyncFlags) => {
    if (action === 'status') {
      if (remote !== undefined) throw new UsageError(`net sync status takes no remote ("${remote}")`, 'run net sync status');
      const { syncStatus } = await import('../../app/sync.js');
      const status = ctx.open('read').read((store) => syncStatus(store));
      ctx.out.emit(status, renderSyncStatus);
      return;
    }
    if (action !== undefined && action !== 'init') throw new UsageError(`net sync has no "${action}"`, 'run net sync, net sync init <remote> or net sync status');
    if (action === 'init' && !remote?.trim()) throw new UsageError('net sync init needs the remote', 'give a git remote: net sync init git@host:me/net.git, or a folder with a bare repository (git init --bare)');
    if (action !== 'init' && remote !== undefined) throw new UsageError(`net sync takes no remote ("${remote}")`, `to set up sync with it: net sync init ${remote}`);
    if (flags.startOver && action !== 'init') throw new UsageError('--start-over goes with net sync init <remote>', 'net sync init <remote> --start-over');
    const { runSync } = await import('../../app/sync.js');
    const session = ctx.open('write');
    const syncCtx: SyncContext = {
      journal: session.path!,
      env: ctx.env,
      interactive: ctx.interactive,
      clock: ctx.clock,
      now: ctx.now,
      askPassphrase: async (purpose) => (await import('../../ui/prompts.js')).askPassphrase(purpose === 'new' ? PROMPTS.newPassphrase : PROMPTS.passphrase, purpose === 'new'),
      checkpoint: pauseAt(ctx),
      snapshotEvery: snapshotEvery(ctx),
    };
    const input = { init: action === 'init' ? { remote: remote!.trim(), startOver: Boolean(flags.startOver) } : undefined, identityFile: flags.identity };
    const result = await session.use((store) => runSync(store, input, syncCtx));
    ctx.out.emit(result, renderSynced);
  });
}
