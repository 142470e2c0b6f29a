import type { Command } from 'commander';
import { resolveContact } from '../../app/resolve.js';
import { showContact } from '../../app/show.js';
import { renderShow } from '../../ui/render-show.js';
import { toShowView } from '../../ui/render-show.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

const SHOW_LATEST = 20;

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--all', 'the whole timeline');
  withExamples(cmd, ['net show jane', 'net show jane --all', 'net --json show "Jane Doe"']).action(async (query: string, flags: { all?: boolean }) => {
    const limit = flags.all || ctx.out.json ? undefined : SHOW_LATEST;
    const shown = await ctx.read((store, answers) => showContact(store, resolveContact(store, query, answers).id, ctx.today, limit));
    ctx.out.emit(toShowView(shown), (v, p) => renderShow(v, p, ctx.today));
  });
}
