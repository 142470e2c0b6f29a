import type { Command } from 'commander';
import { checkNameFree } from '../../app/add.js';
import { findLogCandidates, logInteraction, type LogInput } from '../../app/log.js';
import { UsageError } from '../../core/errors.js';
import { parseFieldText } from '../../core/text.js';
import { parseChannel, parseGiveKind, parseValue, type Channel, type GiveKind } from '../../core/vocabulary.js';
import { renderLogged } from '../../ui/render-contact.js';
import { toLoggedView } from '../../ui/views.js';
import type { CliContext } from '../context.js';
import { findUserDateOrder, readOptionalDateFlag } from '../dates.js';
import { withExamples } from '../options.js';

interface LogFlags {
  touch?: Channel;
  gave?: GiveKind;
  received?: GiveKind;
  value?: number;
  note?: string;
  date?: string;
  next?: string;
  prospect?: string;
}

export function setup(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--touch <channel>', 'time together: coffee, lunch, call, video, message, email, event, one-to-one, other', parseChannel)
    .option('--gave <kind>', 'what you gave: referral, introduction, article, idea, time, work, promotion, other', parseGiveKind)
    .option('--received <kind>', 'what they gave you (same kinds)', parseGiveKind)
    .option('--value <1-5>', 'how much it was worth to the one who got it (default 2)', parseValue)
    .option('--note <text>', 'what was said or given', (s) => parseFieldText('note', s, '--note'))
    .option('--date <when>', 'when it happened (default today): YYYY-MM-DD, yesterday, tuesday (the last one), 24.11.2026')
    .option('--next <when>', 'schedule a follow-up: YYYY-MM-DD, "in 2 weeks", friday (the coming one)')
    .option('--prospect <text>', 'with a referral: whom it was for, or who came through it', (s) => parseFieldText('prospect', s, '--prospect'));
  withExamples(cmd, [
    'net log jane --touch coffee --gave article --note "sent the piece on pricing"',
    'net log "Ravi Patel" --gave referral --value 4 --note "Tom needs a bookkeeper" --next "in 2 weeks"',
    'net log ravi --received introduction --value 3 --date yesterday',
    'net log jane --touch lunch --date tuesday --next friday   # the last Tuesday; the coming Friday',
    'net log ravi --gave referral --prospect "Tom Baker, needs a bookkeeper"',
    'net log            # guided, on a terminal',
  ]).action(async (name: string | undefined, flags: LogFlags) => {
    let input: LogInput;
    if (name !== undefined) {
      const what = { touch: flags.touch, gave: flags.gave, received: flags.received, value: flags.value, note: flags.note, prospect: flags.prospect };
      input = { ...what, name, date: await readOptionalDateFlag(ctx, flags.date, 'past', 'write'), next: await readOptionalDateFlag(ctx, flags.next, 'future', 'write') };
    } else if (ctx.interactive) {
      const journal = ctx.open('write');
      input = await (await import('../../ui/flows/log-flow.js')).askLogInput(
        ctx.today,
        {
          findContacts: (term, limit) => journal.read((store) => findLogCandidates(store, term, limit)),
          checkNameFree: (fullName) => journal.read((store) => checkNameFree(store, fullName)),
        },
        () => findUserDateOrder(ctx, 'write'),
      );
    } else {
      throw new UsageError('net log needs a name', 'for example net log jane --touch coffee');
    }
    // One transaction checks the input, resolves the name (on a terminal, an unknown one may be added) and writes.
    const result = await ctx.write((store, answers) => logInteraction(store, input, ctx.clock, answers));
    ctx.out.emit(toLoggedView(result), renderLogged);
  });
}
