/**
 * The one-line log: after the name, words say what happened, in any order. Every reading of the words is tried; one
 * reading is what is logged, and words that two readings fit are refused with the flags form of each, never guessed.
 *
 *   words                           flags                     example
 *   a channel                       --touch                   coffee, lunch, call, video, message, email, event, one-to-one
 *   gave <kind> [1-5]               --gave, --value           gave article, gave referral 4
 *   received <kind> [1-5]           --received, --value       received introduction 3
 *   a date                          --date (looks back)       yesterday, tuesday, last friday, 3 days ago, 2026-11-24
 *   next <when>                     --next (looks ahead)      next friday, next "in 2 weeks", next in 2 weeks
 *   for <whom>                      --prospect                for "Tom Baker, needs a bookkeeper"
 *   words in quotes                 --note                    "sent her the pricing piece"
 *
 * A kind alone ("article") could be a give or something received, and "other" a touchpoint too: refused. A quoted
 * argument that reads whole as a date is the date, never a note. Date phrases are read by `readDate`, which the command
 * passes in; what happened is today or earlier, a follow-up today or later.
 */
import type { IsoDate } from './dates.js';
import { UsageError } from './errors.js';
import { parseFieldText } from './text.js';
import { CHANNELS, GIVE_KINDS, MAX_VALUE, MIN_VALUE, parseChannel, parseGiveKind, type Channel, type GiveKind } from './vocabulary.js';

/** What the words said, in the fields of `net log`'s flags. */
export interface LogWords {
  touch?: Channel;
  gave?: GiveKind;
  received?: GiveKind;
  /** 1..5, for the give and for what was received. */
  value?: number;
  note?: string;
  /** The day it happened; today when left out. */
  date?: IsoDate;
  /** A follow-up to schedule. */
  next?: IsoDate;
  /** Referrals only: whom the referral was for (given) or who came through it (received). */
  prospect?: string;
}

export type LogWordField = keyof LogWords;

/** What the flags said (net log jane coffee --gave idea), and how to name each field's flag. */
export interface LogFlagWords {
  said: LogWords;
  flagOf: (field: LogWordField) => string;
}

/** Reads a date phrase in a direction; undefined when the text is not a date. */
export type LogDateReader = (text: string, direction: 'past' | 'future') => Promise<IsoDate | undefined>;

/** The longest date phrase tried, in words ("the friday before last", "a week ago tuesday"). */
const MAX_DATE_WORDS = 5;

/** Each piece: the fields it sets, and the words it was read from, for the flags form of a reading. */
interface Piece {
  fields: LogWords;
  flags: string[];
}

type Reading = Piece[];

const quote = (s: string) => (/^[\p{L}\p{N}_./:-]+$/u.test(s) ? s : JSON.stringify(s));

function tryWord<T>(parse: (s: string) => T, word: string): T | undefined {
  try {
    return parse(word);
  } catch {
    return undefined;
  }
}

const isChannel = (w: string) => !/\s/.test(w.trim()) && tryWord(parseChannel, w) !== undefined;
const isKind = (w: string) => !/\s/.test(w.trim()) && tryWord(parseGiveKind, w) !== undefined;
const KEYWORDS = new Set(['gave', 'received', 'next', 'for']);
const isKeyword = (w: string) => KEYWORDS.has(w.trim().toLowerCase());
const toValue = (w: string | undefined) => {
  const n = w !== undefined && /^\d$/.test(w.trim()) ? Number(w) : NaN;
  return n >= MIN_VALUE && n <= MAX_VALUE ? n : undefined;
};

/** The closest word of the log's vocabulary to a mistyped one: one edit away, two for words of six letters or more. */
function findClosestWord(word: string): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = w.length >= 6 ? 3 : 2;
  for (const candidate of [...CHANNELS, ...KEYWORDS, ...GIVE_KINDS]) {
    const d = distance(w, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}

/** How far the readings got, and why the furthest one stopped: what the error names when no reading fits. */
interface DeadEnd {
  at: number;
  error: UsageError;
}

/** Digits in a date's shape (2026-13-01, 31.02.2026, 14/11): a date that did not read, not a word or a note. */
const DATE_LIKE = /^\d{1,4}[-./]\d{1,2}(?:[-./]\d{1,4})?$/;

const READ_HINT = 'say what happened with a channel (coffee, call…), gave <kind>, received <kind>, a date, next <when>, for <whom> or a note in quotes; see net log --help';

/**
 * Reads the words after the name into the fields of `net log`'s flags, added to what the flags said; a UsageError when
 * they cannot be read, when they can be read more than one way (it shows the flags form of each reading), or when they
 * say what a flag said too.
 */
export async function parseLogWords(words: readonly string[], today: IsoDate, readDate: LogDateReader, flags: LogFlagWords = { said: {}, flagOf: String }): Promise<LogWords> {
  const FIELD_WORDS: Record<LogWordField, string> = {
    touch: 'how you were in touch',
    gave: 'what you gave',
    received: 'what you received',
    value: 'a value',
    note: 'a note',
    date: 'when it happened',
    next: 'a follow-up',
    prospect: 'whom the referral was for',
  };
  const dates = new Map<string, Promise<IsoDate | undefined>>();
  const dateOf = (text: string, direction: 'past' | 'future') => {
    const key = `${direction}:${text}`;
    if (!dates.has(key)) dates.set(key, readDate(text, direction));
    return dates.get(key)!;
  };
  let deadEnd: DeadEnd | undefined;
  const stop = (at: number, error: UsageError) => {
    if (!deadEnd || at >= deadEnd.at) deadEnd = { at, error };
  };

  /** Every way to read the pieces that start at word `i`, each with where it ends. */
  async function piecesAt(i: number): Promise<[Piece, number][]> {
    const w = words[i]!.trim();
    const lower = w.toLowerCase();
    const found: [Piece, number][] = [];
    if (!w) {
      stop(i, new UsageError('an empty word in what happened', READ_HINT));
      return found;
    }
    if (isChannel(w) && !isKind(w)) found.push([{ fields: { touch: parseChannel(w) }, flags: [`--touch ${parseChannel(w)}`] }, i + 1]);
    if (lower === 'gave' || lower === 'received') {
      const kindWord = words[i + 1];
      if (kindWord === undefined || !isKind(kindWord)) {
        stop(i + 1, new UsageError(`"${w}" needs a kind after it${kindWord === undefined ? '' : `, not "${kindWord}"`}`, `for example ${lower} ${GIVE_KINDS.slice(0, 3).join(`, ${lower} `)} (kinds: ${GIVE_KINDS.join(', ')})`));
      } else {
        const kind = parseGiveKind(kindWord);
        const field = lower === 'gave' ? 'gave' : 'received';
        found.push([{ fields: { [field]: kind }, flags: [`--${field} ${kind}`] }, i + 2]);
        const value = toValue(words[i + 2]);
        if (value !== undefined) found.push([{ fields: { [field]: kind, value }, flags: [`--${field} ${kind}`, `--value ${value}`] }, i + 3]);
      }
    } else if (isKind(w)) {
      const kind = parseGiveKind(w);
      const readings = [...(isChannel(w) ? [`--touch ${kind}`] : []), `--gave ${kind}`, `--received ${kind}`];
      throw new UsageError(`"${w}" could be read ${readings.length === 2 ? 'two' : 'three'} ways: ${readings.join(', or ')}`, `say gave ${kind} or received ${kind}${isChannel(w) ? `, or use --touch ${kind}` : ''}`);
    }
    if (lower === 'next') {
      let read = false;
      for (let n = 1; n <= MAX_DATE_WORDS && i + n < words.length; n++) {
        const text = words.slice(i + 1, i + 1 + n).join(' ');
        const day = await dateOf(text, 'future');
        if (day !== undefined && day < today) stop(i + 1 + n, new UsageError(`next ${text} is in the past (${day})`, 'a follow-up is today or later, for example next "in 2 weeks"'));
        else if (day !== undefined) {
          found.push([{ fields: { next: day }, flags: [`--next ${quote(text)}`] }, i + 1 + n]);
          read = true;
        }
      }
      if (!read) stop(i + 1, new UsageError(words[i + 1] === undefined ? '"next" needs a date after it' : `cannot read the date after "next": "${words[i + 1]}"`, 'for example next friday, next "in 2 weeks" or next 2026-12-04'));
    }
    if (lower === 'for') {
      const whom = words[i + 1];
      if (whom === undefined) stop(i + 1, new UsageError('"for" needs whom the referral was for after it', 'for example for "Tom Baker, needs a bookkeeper"'));
      else found.push([{ fields: { prospect: parseFieldText('prospect', whom, 'the prospect') }, flags: [`--prospect ${quote(whom)}`] }, i + 2]);
    }
    let isDate = false;
    if (!isKeyword(w) && !isChannel(w)) {
      for (let n = 1; n <= MAX_DATE_WORDS && i + n <= words.length; n++) {
        const span = words.slice(i, i + n);
        if (n > 1 && span.slice(1).some((x) => isKeyword(x) || isChannel(x) || isKind(x))) break;
        const text = span.join(' ');
        const day = await dateOf(text, 'past');
        if (day !== undefined && n === 1) isDate = true;
        if (day !== undefined && day > today) stop(i + n, new UsageError(`"${text}" is in the future (${day})`, `log what has happened; schedule what is to come with next, for example next ${quote(text)}`));
        else if (day !== undefined) found.push([{ fields: { date: day }, flags: [`--date ${quote(text)}`] }, i + n]);
      }
    }
    if (/\s/.test(w) && !isDate) found.push([{ fields: { note: parseFieldText('note', w, 'the note') }, flags: [`--note ${JSON.stringify(w)}`] }, i + 1]);
    if (!found.length && !isKeyword(w)) {
      const closest = findClosestWord(w);
      // The shell takes the quotes off "pricing": a note of one word cannot be told from a word net does not know.
      // Digits are a date or a value that is out of range, never a note: say which rule they broke.
      if (DATE_LIKE.test(w)) stop(i, new UsageError(`cannot read "${w}" as a date`, 'write a date as 2026-11-20, 20.11.2026, "3 days ago" or "last friday"; see net log --help'));
      else if (/^\d+$/.test(w)) stop(i, new UsageError(`cannot read "${w}" in what happened`, `a value goes after gave or received and its kind, from ${MIN_VALUE} to ${MAX_VALUE} (gave referral 4); ${READ_HINT}`));
      else {
        const hint = closest ? READ_HINT : i > 0 ? `a note of one word goes with --note ${quote(w)}; ${READ_HINT}` : `a name of several words goes in quotes (net log "jane doe" coffee); ${READ_HINT}`;
        stop(i, new UsageError(`cannot read "${w}" in what happened${closest ? ` (did you mean ${closest}?)` : ''}`, hint));
      }
    }
    return found;
  }

  /** Every complete reading from word `i` on that sets no field twice. */
  async function readFrom(i: number, taken: ReadonlySet<LogWordField>): Promise<Reading[]> {
    if (i === words.length) return [[]];
    const readings: Reading[] = [];
    for (const [piece, end] of await piecesAt(i)) {
      const fields = Object.keys(piece.fields) as LogWordField[];
      const twice = fields.find((f) => taken.has(f));
      if (twice) {
        stop(i, new UsageError(`"${words.slice(i, end).join(' ')}" says ${FIELD_WORDS[twice]} a second time`, 'say each thing once'));
        continue;
      }
      for (const rest of await readFrom(end, new Set([...taken, ...fields]))) readings.push([piece, ...rest]);
    }
    return readings;
  }

  const readings = await readFrom(0, new Set());
  const distinct = new Map<string, Reading>();
  for (const r of readings) distinct.set(JSON.stringify(toLogWords(r)), r);
  if (distinct.size === 0) throw deadEnd?.error ?? new UsageError('nothing to log', READ_HINT);
  if (distinct.size > 1) {
    const forms = [...distinct.values()].slice(0, 3).map((r) => r.flatMap((p) => p.flags).join(' '));
    throw new UsageError(`"${words.join(' ')}" could be read ${distinct.size === 2 ? 'two' : 'several'} ways: ${forms.join(', or ')}`, 'say which with the flags');
  }
  // The flags and the words together: each field said once, by one of them.
  const merged: LogWords = { ...flags.said };
  for (const [field, value] of Object.entries(toLogWords([...distinct.values()][0]!)) as [LogWordField, never][]) {
    if (flags.said[field] !== undefined) throw new UsageError(`${flags.flagOf(field)} and the words after the name both say ${FIELD_WORDS[field]}`, 'say it once, with the flag or with words');
    merged[field] = value;
  }
  // A note and a date alone ("coffee, sent her the article" yesterday): what happened is said outside the quotes.
  if (!merged.touch && !merged.gave && !merged.received && !merged.next) {
    throw new UsageError('nothing to log: the words after the name say no channel, gave <kind> or received <kind>', 'say what happened outside the quotes, for example net log jane coffee "sent her the article" yesterday');
  }
  return merged;
}



function toLogWords(reading: Reading): LogWords {
  return reading.reduce<LogWords>((words, p) => Object.assign(words, p.fields), {});
}
