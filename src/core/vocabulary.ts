/** The fixed words of the journal. Flags, storage and JSON use these strings as they are. */
import { UsageError } from './errors.js';

export const CHANNELS = ['coffee', 'lunch', 'call', 'video', 'message', 'email', 'event', 'one-to-one', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const GIVE_KINDS = ['referral', 'introduction', 'article', 'idea', 'time', 'work', 'promotion', 'other'] as const;
export type GiveKind = (typeof GIVE_KINDS)[number];

export const ASK_KINDS = ['favour', 'referral', 'introduction', 'business', 'promotion'] as const;
export type AskKind = (typeof ASK_KINDS)[number];

/** touch: time spent together; gave: the user gave them something; received: they gave the user something; ask: a withdrawal. */
export const EVENT_TYPES = ['touch', 'gave', 'received', 'ask'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const ASK_OUTCOMES = ['pending', 'yes', 'no'] as const;
export type AskOutcome = (typeof ASK_OUTCOMES)[number];

/**
 * Profile facts that repeat: each is a row of its own, so that depth can count them. need: something they need now;
 * met-need: a need since met (dated, kept, never matched again); ideal: what a good referral for them looks like.
 */
export const FACT_KINDS = ['tag', 'service', 'goal', 'family', 'need', 'ideal', 'met-need'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export const MIN_VALUE = 1;
export const MAX_VALUE = 5;
export const DEFAULT_VALUE = 2;

function parseWord<T extends string>(words: readonly T[], what: string, flag: string) {
  return (text: string): T => {
    const word = text.trim().toLowerCase().replace(/[\s_]+/g, '-');
    const aliases: Record<string, string> = { favor: 'favour', '1-1': 'one-to-one', 'one-on-one': 'one-to-one', intro: 'introduction' };
    const found = words.find((w) => w === (aliases[word] ?? word));
    if (!found) throw new UsageError(`unknown ${what} "${text}"`, `${flag} takes one of: ${words.join(', ')}`);
    return found;
  };
}

export const parseChannel = parseWord(CHANNELS, 'channel', '--touch');
export const parseGiveKind = parseWord(GIVE_KINDS, 'kind', '--gave or --received');
export const parseAskKind = parseWord(ASK_KINDS, 'ask kind', '--for');
export const parseOutcome = parseWord(ASK_OUTCOMES, 'outcome', '--outcome');

/** `--value 1..5`: how much a give was worth to the one who got it. */
export function parseValue(text: string): number {
  const trimmed = text.trim();
  const n = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || n < MIN_VALUE || n > MAX_VALUE) {
    throw new UsageError(`value "${text}" is not a whole number from ${MIN_VALUE} to ${MAX_VALUE}`, 'use --value 1 (a small kindness) to --value 5 (worth a great deal to them)');
  }
  return n;
}
