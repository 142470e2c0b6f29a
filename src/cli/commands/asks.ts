import type { Command } from 'commander';
import { findPrematureAsks } from '../../app/premature.js';
import { checkReportWindow } from '../../app/report.js';
import { UsageError } from '../../core/errors.js';
import { renderPremature } from '../../ui/render-premature.js';
import { toPrematureView } from '../../ui/render-premature.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';
import { readSince } from './report.js';

interface AsksFlags {
  premature?: boolean;
  since?: string;
}

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--premature', 'the asks made before the relationship was ready, with the give that would repair each relationship')
    .option('--since <date|interval>', 'the first day looked at: 2026-01-01, or an interval such as 90d or 1y (default 1y)');
  withExamples(cmd, ['net asks --premature', 'net asks --premature --since 6m', 'net --json asks --premature']).action(async (flags: AsksFlags) => {
    if (!flags.premature) throw new UsageError('say which asks', 'net asks --premature lists the asks made before the relationship was ready');
    const input = { since: await readSince(ctx, flags.since ?? '1y', ctx.today), until: ctx.today };
    checkReportWindow(input);
    ctx.out.emit(toPrematureView(await ctx.read((store) => findPrematureAsks(store, input))), renderPremature);
  });
}
