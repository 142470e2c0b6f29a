/**
 * Guided `net log`, quick to answer after a meeting: pick a contact (or add one), say what happened, a note, the day
 * and an optional follow-up. Every question has a default or can be skipped. Builds the same LogInput as the flags.
 */
import type { LogInput } from '../../app/log.js';
import type { DateOrder, IsoDate } from '../../core/dates.js';
import { readDate } from '../read-date.js';
import { UsageError } from '../../core/errors.js';
import { parseContactName, toNameKey, type NamedContact } from '../../core/names.js';
import { parseFieldText } from '../../core/text.js';
import { CHANNELS, DEFAULT_VALUE, GIVE_KINDS, type Channel, type GiveKind } from '../../core/vocabulary.js';
import { askChoice, askParsed, askSearch, type Choice } from '../prompts.js';

const NEW_CONTACT = '';
const NONE = 'none';
const SHOWN = 10;

/** What the guided log reads from the journal, passed in so that the flow knows nothing of where it is. */
export interface LogFlowJournal {
  /** With nothing typed, the contacts touched most recently; else those the term could mean; at most `limit`. */
  findContacts(term: string, limit: number): NamedContact[];
  /** Throws a UsageError when the name is taken; `net log` checks it again when it writes. */
  checkNameFree(name: string): void;
}

/**
 * The choices for a typed term. With nothing typed: "+ add a new contact" first, then the most recently touched. With a
 * term: the matching contacts first (so that Enter takes the match), then "+ add …"; with no match, only "+ add …".
 */
export function toContactChoices(journal: LogFlowJournal, term: string): Choice<string>[] {
  const found = journal.findContacts(term, SHOWN).map((c) => ({ name: c.name, value: c.id }));
  if (!toNameKey(term)) return [{ name: '+ add a new contact', value: NEW_CONTACT }, ...found];
  return [...found, { name: `+ add "${term.trim()}" as a new contact`, value: NEW_CONTACT }];
}

async function askContact(journal: LogFlowJournal): Promise<Pick<LogInput, 'contactId' | 'newContact'>> {
  let lastTerm = '';
  const picked = await askSearch('Who was it with? (type to search)', (term) => {
    lastTerm = term;
    return toContactChoices(journal, term);
  });
  if (picked !== NEW_CONTACT) return { contactId: picked };
  const name = await askParsed(
    'Name of the new contact:',
    (s) => {
      const n = parseContactName(s);
      journal.checkNameFree(n);
      return n;
    },
    { required: true, defaultValue: lastTerm.trim() || undefined, editable: true },
  );
  return { newContact: { name: name! } };
}

const kindChoices = (none: string): Choice<string>[] => [{ name: none, value: NONE }, ...GIVE_KINDS.map((k) => ({ name: k, value: k }))];
const orUndefined = <T extends string>(v: string): T | undefined => (v === NONE ? undefined : (v as T));

/** What the command already knows: the contact named (`id` absent when the name is new), and flags given with it. */
export interface LogPreset {
  contact?: { id?: string; name: string };
  note?: string;
  value?: number;
  prospect?: string;
  date?: IsoDate;
}

/**
 * `order`: the order of slashed dates (net config date-order, else the locale), asked only when one is typed. With a
 * contact in `preset` (net log jane), the questions start at what happened with them.
 */
export async function askLogInput(today: IsoDate, journal: LogFlowJournal, order: () => DateOrder, preset: LogPreset = {}): Promise<LogInput> {
  const named = preset.contact;
  const contact: Pick<LogInput, 'contactId' | 'newContact'> = !named ? await askContact(journal) : named.id ? { contactId: named.id } : { newContact: { name: named.name } };
  const withWhom = named ? ` with ${named.name}` : '';
  const touch = orUndefined<Channel>(
    await askChoice(`How were you in touch${withWhom}?`, [...CHANNELS.map((c) => ({ name: c, value: c as string })), { name: 'not in touch (skip)', value: NONE }], 'coffee'),
  );
  const gave = orUndefined<GiveKind>(await askChoice(`Did you give ${named ? named.name : 'them'} something?`, kindChoices('no'), NONE));
  const received = orUndefined<GiveKind>(await askChoice(`Did ${named ? named.name : 'they'} give you something?`, kindChoices('no'), NONE));
  const value =
    gave || received
      ? await askChoice(
          'How much was it worth to the one who got it?',
          [1, 2, 3, 4, 5].map((n) => ({ name: `${n}${n === 1 ? '  a small kindness' : n === 5 ? '  a great deal' : ''}`, value: n })),
          preset.value ?? DEFAULT_VALUE,
        )
      : undefined;
  // A referral is worth following up only when its prospect is known: whom it was for, or who came through it.
  const prospect =
    gave === 'referral' || received === 'referral'
      ? await askParsed(gave === 'referral' ? 'Whom was the referral for? e.g. "Tom Baker, needs a bookkeeper" (Enter to skip):' : 'Who came through their referral? (Enter to skip):', (s) => parseFieldText('prospect', s, 'the prospect'), {
          defaultValue: preset.prospect,
        })
      : undefined;
  const note = await askParsed('Note (Enter to skip):', (s) => parseFieldText('note', s, 'the note'), { defaultValue: preset.note });
  const date = await askParsed(
    'When did it happen?',
    async (s) => {
      const day = await readDate(s, today, { direction: 'past', order });
      if (day > today) throw new UsageError(`${day} is in the future`, 'log what has happened; schedule what is to come as a follow-up');
      return day;
    },
    { defaultValue: preset.date ?? 'today' },
  );
  const next = await askParsed('Follow-up: when to reach out next? e.g. "in 2 weeks" (Enter to skip):', async (s) => {
    const day = await readDate(s, today, { direction: 'future', order });
    if (day < today) throw new UsageError(`${day} is in the past`, 'a follow-up is today or later');
    return day;
  });
  if (!touch && !gave && !received && !next) throw new UsageError('nothing to log', 'choose how you were in touch, what was given, or a follow-up');
  return { ...contact, touch, gave, received, value, prospect, note, date, next };
}
