import type { Command } from 'commander';
import { askContact, closeAsk, parseAskSize, SeveralOpenAsksError, type AskRequest } from '../../app/ask.js';
import { resolveContact } from '../../app/resolve.js';
import { UsageError } from '../../core/errors.js';
import { parseFieldText } from '../../core/text.js';
import { parseAskKind, parseOutcome, type AskKind, type AskOutcome } from '../../core/vocabulary.js';
import { PROMPTS } from '../../ui/messages/prompts.js';
import { describeOpenAsk, renderAsk, renderAskAnyway, renderCheck, renderOutcome } from '../../ui/render-capital.js';
import { toAskView, toCheckView, toOutcomeView } from '../../ui/render-capital.js';
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
  id?: string;
}

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--for <kind>', 'what you ask for: favour, promotion, business, referral, introduction', parseAskKind)
    .option('--size <1-5>', 'how much it draws on the relationship (default: 2 for a favour .. 5 for an introduction)', parseAskSize)
    .option('--note <text>', 'what you asked', (s) => parseFieldText('note', s, '--note'))
    .option('--date <when>', 'when you asked, or when the answer came with --outcome (default today)')
    .option('--anyway', 'record it even when the check finds it premature (needed off a terminal)')
    .option('--outcome <answer>', 'close the loop on an open ask: yes, no or pending (--note says what came of it)', parseOutcome)
    .option('--id <id>', 'with --outcome: which ask, when several are open (the start of its id, as net show prints it)');
  withExamples(cmd, [
    'net ask jane --for favour --note "feedback on my new site"',
    'net ask ravi --for introduction --anyway   # recorded, marked premature',
    'net ask alex --note "a review of my new site"   # a favour, as net check',
    'net ask jane --outcome yes --note "she sent it on Friday"',
    'net ask jane --outcome no --id 3f2a   # one of several open asks',
  ]).action(async (name: string, flags: AskFlags) => {
    const date = await readOptionalDateFlag(ctx, flags.date, 'past', 'write');
    if (flags.outcome) {
      if (flags.for || flags.size || flags.anyway) throw new UsageError('--outcome closes an ask; --for, --size and --anyway record a new one', 'give one or the other');
      let id = flags.id;
      const close = () => ctx.write((store, answers) => closeAsk(store, { contactId: resolveContact(store, name, answers).id, outcome: flags.outcome!, date, note: flags.note, id }, ctx.clock));
      let closed;
      try {
        closed = await close();
      } catch (e) {
        // Several open asks: on a terminal the person picks one, then it is closed as it stands in the journal.
        if (!(e instanceof SeveralOpenAsksError) || !ctx.canAsk) throw e;
        const { askChoice } = await import('../../ui/prompts.js');
        id = await askChoice(PROMPTS.whichAsk(e.contactName), e.asks.map((a) => ({ name: describeOpenAsk(a), value: a.id })));
        closed = await close();
      }
      return ctx.out.emit(toOutcomeView(closed), renderOutcome);
    }
    if (flags.id) throw new UsageError('--id goes with --outcome', 'for example net ask jane --outcome yes --id 3f2a');
    const request: AskRequest = { name, kind: flags.for ?? 'favour', size: flags.size, note: flags.note, date, anyway: Boolean(flags.anyway), eventIds: ctx.out.json };
    const ask = (anyway: boolean) => ctx.write((store, answers) => askContact(store, { ...request, anyway }, ctx.clock, answers));
    let outcome = await ask(request.anyway);
    // The full reasons when nothing was recorded; one line when --anyway recorded it, as net intro --anyway.
    if (outcome.check.result.verdict === 'premature' && !outcome.recorded) ctx.out.warn(toCheckView(outcome.check), renderCheck);
    else if (outcome.check.result.verdict === 'premature') ctx.out.warn(toAskView(outcome.check, outcome.recorded), renderAskAnyway);
    // On a terminal, the person decides; the ask is then checked again as it is recorded (see cli/context.ts).
    if (!outcome.recorded && ctx.canAsk && (await (await import('../../ui/prompts.js')).askConfirm(PROMPTS.recordPrematureAsk))) {
      outcome = await ask(true);
    }
    if (!outcome.recorded) ctx.exitCode = 3;
    ctx.out.emit(toAskView(outcome.check, outcome.recorded), renderAsk);
  });
}
