import type { Command } from 'commander';
import { askContact, closeAsk, parseAskSize, type AskRequest } from '../../app/ask.js';
import { resolveContact } from '../../app/resolve.js';
import { UsageError } from '../../core/errors.js';
import { parseFieldText } from '../../core/text.js';
import { parseAskKind, parseOutcome, type AskKind, type AskOutcome } from '../../core/vocabulary.js';
import { PROMPTS } from '../../ui/messages/prompts.js';
import { renderAsk, renderCheck, renderOutcome } from '../../ui/render-capital.js';
import { toAskView, toCheckView, toOutcomeView } from '../../ui/views.js';
import type { CliContext } from '../context.js';
import { readOptionalDateFlag } from '../dates.js';
import { withExamples } from '../options.js';

interface AskFlags {
  for?: AskKind;
  size?: number;
  note?: string;
  date?: string;
  anyway?: boolean;
  outcome?: AskOutcome;
}

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--for <kind>', 'what you ask for: favour, promotion, business, referral, introduction', parseAskKind)
    .option('--size <1-5>', 'how much it draws on the relationship (default: 2 for a favour .. 5 for an introduction)', parseAskSize)
    .option('--note <text>', 'what you asked', (s) => parseFieldText('note', s, '--note'))
    .option('--date <when>', 'when you asked, or when the answer came with --outcome (default today)')
    .option('--anyway', 'record it even when the check finds it premature (needed off a terminal)')
    .option('--outcome <answer>', 'close the loop on the latest open ask: yes, no or pending', parseOutcome);
  withExamples(cmd, [
    'net ask jane --for favour --note "feedback on my new site"',
    'net ask ravi --for introduction --anyway   # recorded, marked premature',
    'net ask jane --outcome yes',
  ]).action(async (name: string, flags: AskFlags) => {
    const date = await readOptionalDateFlag(ctx, flags.date, 'past', 'write');
    if (flags.outcome) {
      if (flags.for || flags.size || flags.note || flags.anyway) throw new UsageError('--outcome closes the last ask; --for, --size, --note and --anyway record a new one', 'give one or the other');
      const closed = await ctx.write((store, answers) => closeAsk(store, { contactId: resolveContact(store, name, answers).id, outcome: flags.outcome!, date }, ctx.clock));
      return ctx.out.emit(toOutcomeView(closed), renderOutcome);
    }
    if (!flags.for) throw new UsageError('say what you ask for', 'for example net ask jane --for favour; or close the last ask with --outcome yes|no');
    const request: AskRequest = { name, kind: flags.for, size: flags.size, note: flags.note, date, anyway: Boolean(flags.anyway), eventIds: ctx.out.json };
    const ask = (anyway: boolean) => ctx.write((store, answers) => askContact(store, { ...request, anyway }, ctx.clock, answers));
    let outcome = await ask(request.anyway);
    if (outcome.check.result.verdict === 'premature') ctx.out.warn(toCheckView(outcome.check), renderCheck);
    // On a terminal, the person decides; the ask is then checked again as it is recorded (see cli/context.ts).
    if (!outcome.recorded && ctx.canAsk && (await (await import('../../ui/prompts.js')).askConfirm(PROMPTS.recordPrematureAsk))) {
      outcome = await ask(true);
    }
    if (!outcome.recorded) ctx.exitCode = 3;
    ctx.out.emit(toAskView(outcome.check, outcome.recorded), renderAsk);
  });
}
