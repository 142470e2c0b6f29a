import type { Command } from 'commander';
import { checkContact } from '../../app/check.js';
import { resolveContact } from '../../app/resolve.js';
import { UsageError } from '../../core/errors.js';
import { parseAskKind, type AskKind } from '../../core/vocabulary.js';
import { renderCheck } from '../../ui/render-capital.js';
import { toCheckView } from '../../ui/render-capital.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

interface CheckFlags {
  for?: AskKind;
  toRefer?: boolean;
}

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--for <kind>', 'the ask: favour (default), promotion, business, referral, introduction', parseAskKind)
    .option('--to-refer', 'the other direction: are you ready to refer them to your own contacts?');
  withExamples(cmd, [
    'net check jane                      # a small favour',
    'net check "Ravi Patel" --for introduction',
    'net check ravi --to-refer           # can I vouch for them?',
    'net check jane --for referral && net ask jane --for referral',
    'net --json check jane               # reasonCodes and suggestionCodes beside the words',
  ]).action(async (name: string, flags: CheckFlags) => {
    if (flags.for && flags.toRefer) throw new UsageError('--for and --to-refer judge different things', 'give one of them');
    const input = { kind: flags.for ?? 'favour', toRefer: flags.toRefer, eventIds: ctx.out.json } as const;
    const outcome = await ctx.read((store, answers) => checkContact(store, { ...input, contactId: resolveContact(store, name, answers).id }, ctx.today));
    ctx.out.emit(toCheckView(outcome), renderCheck);
    if (outcome.result.verdict === 'premature') ctx.exitCode = 3;
  });
}
