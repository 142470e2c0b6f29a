import type { Command } from 'commander';
import { checkNameFree } from '../../app/add.js';
import { findLogCandidates, logInteraction, type LogInput } from '../../app/log.js';
import { resolveContact } from '../../app/resolve.js';
import { parseContactName } from '../../core/names.js';
import { UsageError } from '../../core/errors.js';
import { parseLogWords, type LogWordField, type LogWords } from '../../core/log-words.js';
import { parseFieldText } from '../../core/text.js';
import { parseChannel, parseGiveKind, parseValue, type Channel, type GiveKind } from '../../core/vocabulary.js';
import { renderLogged } from '../../ui/render-contact.js';
import { toLoggedView } from '../../ui/render-contact.js';
import type { CliContext } from '../context.js';
import { findUserDateOrder, readDateFlag, readOptionalDateFlag } from '../dates.js';
import { withExamples, withText } from '../options.js';

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

const GRAMMAR = `
What happened, in words after the name (any order; the flags say the same):
  coffee, lunch, call…    a touchpoint (--touch): coffee, lunch, call, video,
                          message, email, event, one-to-one
  gave <kind> [1-5]       a give, and what it was worth (--gave, --value)
  received <kind> [1-5]   something received, and what it was worth (--received)
  yesterday, tuesday…     when it happened (--date; looks back): yesterday,
                          tuesday, "last friday", 2026-11-24
  next <when>             a follow-up (--next; looks ahead): next friday,
                          next "in 2 weeks"
  for <whom>              with a referral: whom it was for (--prospect)
  "words in quotes"       the note (--note)
Kinds: referral, introduction, article, idea, time, work, promotion, other. A word that could be read two ways
("article" alone: given or received?) is refused, with the flags of each reading.`;

const FLAG_OF: Record<LogWordField, string> = { touch: '--touch', gave: '--gave', received: '--received', value: '--value', note: '--note', date: '--date', next: '--next', prospect: '--prospect' };

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
  withText(cmd, GRAMMAR);
  withExamples(cmd, [
    'net log jane coffee yesterday',
    'net log jane coffee gave article "sent her the pricing piece"',
    'net log ravi gave referral 4 for "Tom Baker, a bookkeeper" next "in 2 weeks"',
    'net log ravi received introduction yesterday',
    'net log jane --touch coffee --gave article --note "the pricing piece"   # the same with flags',
    'net log jane --touch lunch --date tuesday --next friday   # the last Tuesday; the coming Friday',
    'net log jane       # on a terminal: asks what happened with Jane',
    'net log            # guided, on a terminal',
  ]).action(async (name: string | undefined, what: string[], flags: LogFlags) => {
    const said = flags.touch ?? flags.gave ?? flags.received ?? flags.next ?? (what.length ? what : undefined);
    let input: LogInput;
    if (name !== undefined && (said !== undefined || !ctx.interactive)) {
      input = { ...(await toLogWords(ctx, what, flags)), name };
    } else if (ctx.interactive) {
      input = await askLogInput(ctx, name, flags);
    } else {
      throw new UsageError('net log needs a name', 'for example net log jane coffee');
    }
    // One transaction checks the input, resolves the name (on a terminal, an unknown one may be added) and writes.
    const result = await ctx.write((store, answers) => logInteraction(store, input, ctx.clock, answers));
    ctx.out.emit(toLoggedView(result), renderLogged);
  });
}

/** The flags and the words after the name, read into one input: both forms say the same. */
async function toLogWords(ctx: CliContext, what: readonly string[], flags: LogFlags): Promise<LogWords> {
  const fromFlags: LogWords = {
    touch: flags.touch,
    gave: flags.gave,
    received: flags.received,
    value: flags.value,
    note: flags.note,
    prospect: flags.prospect,
    date: await readOptionalDateFlag(ctx, flags.date, 'past', 'write'),
    next: await readOptionalDateFlag(ctx, flags.next, 'future', 'write'),
  };
  if (!what.length) return fromFlags;
  const readDate = async (text: string, direction: 'past' | 'future') => {
    try {
      return await readDateFlag(ctx, text, direction, 'write');
    } catch (err) {
      if (err instanceof UsageError) return undefined;
      throw err;
    }
  };
  return parseLogWords(what, ctx.today, readDate, { said: fromFlags, flagOf: (field) => FLAG_OF[field] });
}

/** Guided, on a terminal: with a name, what happened with that contact; without one, whom it was with first. */
async function askLogInput(ctx: CliContext, name: string | undefined, flags: LogFlags): Promise<LogInput> {
  const journal = ctx.open('write');
  const { askLogInput: ask } = await import('../../ui/flows/log-flow.js');
  // The name is resolved first (a pick list when it could mean several people; an unknown one may be added).
  const contact =
    name === undefined
      ? undefined
      : await ctx.read((store, answers) => {
          const found = resolveContact(store, name, answers, { offerToAdd: true });
          return found ? { id: found.id, name: found.name } : { name: parseContactName(name) };
        });
  return ask(
    ctx.today,
    {
      findContacts: (term, limit) => journal.read((store) => findLogCandidates(store, term, limit)),
      checkNameFree: (fullName) => journal.read((store) => checkNameFree(store, fullName)),
    },
    () => findUserDateOrder(ctx, 'write'),
    { contact, note: flags.note, value: flags.value, prospect: flags.prospect, date: await readOptionalDateFlag(ctx, flags.date, 'past', 'write') },
  );
}
