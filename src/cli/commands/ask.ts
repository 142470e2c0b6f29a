import type { Command } from 'commander';
import { checkBeforeAsk, closeAsk, parseAskSize, recordAsk } from '../../app/ask.js';
import { UsageError } from '../../core/errors.js';
import { parseFieldText } from '../../core/text.js';
import { parseAskKind, parseOutcome, type AskKind, type AskOutcome } from '../../core/vocabulary.js';
import { renderAsk, renderCheck, renderOutcome } from '../../ui/render-capital.js';
import { toAskView, toCheckView, toOutcomeView } from '../../ui/views.js';
import type { CliContext } from '../context.js';
import { readOptionalDate } from '../../ui/read-date.js';
import { resolveContact, toClock, withExamples } from '../options.js';
import { COMMAND_LIST } from '../command-list.js';

interface AskFlags {
  for?: AskKind;
  size?: number;
  note?: string;
  date?: string;
  anyway?: boolean;
  outcome?: AskOutcome;
}

export function registerAsk(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('ask <name>')
    .description(COMMAND_LIST.ask.summary)
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
    const date = await readOptionalDate(flags.date, ctx.today);
    if (flags.outcome) {
      if (flags.for || flags.size || flags.note || flags.anyway) throw new UsageError('--outcome closes the last ask; --for, --size, --note and --anyway record a new one', 'give one or the other');
      const contact = await resolveContact(ctx, ctx.store('read'), name); // a missing journal stays missing
      const store = ctx.store('write');
      const closed = store.tx(() => closeAsk(store, { contactId: contact.id, outcome: flags.outcome!, date }, toClock(ctx)));
      return ctx.out.emit(toOutcomeView(closed), renderOutcome);
    }
    if (!flags.for) throw new UsageError('say what you ask for', 'for example net ask jane --for favour; or close the last ask with --outcome yes|no');
    const contact = await resolveContact(ctx, ctx.store('read'), name);
    const input = { contactId: contact.id, kind: flags.for, size: flags.size, note: flags.note, date };
    const check = checkBeforeAsk(ctx.store('read'), input, ctx.today, ctx.out.json);
    const premature = check.result.verdict === 'premature';
    if (premature) {
      ctx.out.warn(toCheckView(check), renderCheck);
      const confirmed = flags.anyway || (ctx.interactive && !ctx.out.json && (await (await import('../../ui/prompts.js')).askConfirm('Record this ask anyway? It will be marked premature.')));
      if (!confirmed) {
        ctx.exitCode = 3;
        return ctx.out.emit(toAskView(check, null), renderAsk);
      }
    }
    const store = ctx.store('write');
    const recorded = store.tx(() => recordAsk(store, input, premature, toClock(ctx)));
    ctx.out.emit(toAskView(check, recorded), renderAsk);
  });
}
