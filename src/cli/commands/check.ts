import type { Command } from 'commander';
import { checkContact } from '../../app/check.js';
import { UsageError } from '../../core/errors.js';
import { parseAskKind, type AskKind } from '../../core/vocabulary.js';
import { renderCheck } from '../../ui/render-capital.js';
import { toCheckView } from '../../ui/views.js';
import type { CliContext } from '../context.js';
import { resolveContact, withExamples } from '../options.js';
import { COMMAND_LIST } from '../command-list.js';

interface CheckFlags {
  for?: AskKind;
  toRefer?: boolean;
}

export function registerCheck(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('check <name>')
    .description(COMMAND_LIST.check.summary)
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
    const store = ctx.store('read');
    const contact = await resolveContact(ctx, store, name);
    const outcome = checkContact(store, { contactId: contact.id, kind: flags.for ?? 'favour', toRefer: flags.toRefer, eventIds: ctx.out.json }, ctx.today);
    ctx.out.emit(toCheckView(outcome), renderCheck);
    if (outcome.result.verdict === 'premature') ctx.exitCode = 3;
  });
}
