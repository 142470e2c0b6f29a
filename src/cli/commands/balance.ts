import type { Command } from 'commander';
import { BALANCE_SORTS, listBalances, type BalanceSort } from '../../app/balance.js';
import { UsageError } from '../../core/errors.js';
import { parseTag } from '../../core/profile.js';
import { renderBalance } from '../../ui/render-capital.js';
import { toBalanceView } from '../../ui/render-capital.js';
import type { CliContext } from '../context.js';
import { parseCount, withExamples } from '../options.js';

interface BalanceFlags {
  sort: BalanceSort;
  limit?: number;
  tag?: string;
}

function parseSort(text: string): BalanceSort {
  const sort = BALANCE_SORTS.find((s) => s === text.trim().toLowerCase());
  if (!sort) throw new UsageError(`cannot sort by "${text}"`, `--sort takes one of: ${BALANCE_SORTS.join(', ')}`);
  return sort;
}

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--sort <by>', 'balance, depth, last or name', parseSort, 'balance')
    .option('--limit <n>', 'show only the first n', parseCount('--limit'))
    .option('--tag <tag>', 'only contacts with this tag', parseTag);
  withExamples(cmd, ['net balance --limit 20', 'net balance --sort depth --tag bni', 'net balance --sort last --json']).action(async (flags: BalanceFlags) => {
    const result = await ctx.read((store) => listBalances(store, { sort: flags.sort, limit: flags.limit, tag: flags.tag }, ctx.today));
    ctx.out.emit(toBalanceView(result), renderBalance);
  });
}
