import type { Command } from 'commander';
import { listReferralEntries } from '../../app/referrals.js';
import { UsageError } from '../../core/errors.js';
import { renderReferralList, toReferralListView } from '../../ui/render-referrals.js';
import type { CliContext } from '../context.js';
import { readOptionalDate } from '../../ui/read-date.js';
import { withExamples } from '../options.js';

interface ReferralsFlags {
  open?: boolean;
  given?: boolean;
  received?: boolean;
  since?: string;
}

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--open', 'only those still open or contacted')
    .option('--given', 'only the referrals you gave')
    .option('--received', 'only the referrals you received')
    .option('--since <date>', 'logged on or after: YYYY-MM-DD, "3 months ago"');
  withExamples(cmd, ['net referrals', 'net referrals --open --given', 'net --json referrals --since 2026-01-01']).action(async (flags: ReferralsFlags) => {
    if (flags.given && flags.received) throw new UsageError('--given and --received do not go together', 'leave both out to list every referral');
    const since = await readOptionalDate(flags.since, ctx.today);
    const direction = flags.given ? 'given' : flags.received ? 'received' : undefined;
    const view = toReferralListView(await ctx.read((store) => listReferralEntries(store, { openOnly: Boolean(flags.open), direction, since }, ctx.today)));
    ctx.out.emit(view, renderReferralList);
  });
}
