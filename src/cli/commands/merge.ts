import type { Command } from 'commander';
import { mergeContacts } from '../../app/merge.js';
import { renderMerged } from '../../ui/render-sync.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

export function setup(cmd: Command, ctx: CliContext): void {
  withExamples(cmd, ['net merge "Ravi Patel" "Ravi P."', 'net merge 3f2a9c1e 7b1c0d2e   # two contacts of one name, by the ids net sync printed']).action(async (keep: string, merge: string) => {
    const result = await ctx.write((store, answers) => mergeContacts(store, { keep, merge }, ctx.clock, answers));
    ctx.out.emit(result, renderMerged);
  });
}
