/**
 * The small pieces of English every message shares: one plural, one article. Everything net says is made in
 * src/ui/messages/ (the reasons and advice core returns as codes, the doctor's findings) and in the renderers beside it.
 */
import { toWeekday } from '../../core/dates.js';
import type { FactKind } from '../../core/vocabulary.js';
import type { EventView } from '../contact-view.js';

/**
 * "1 day", "3 days"; `many` for irregular words ("2 summaries"). `count` writes the number (String unless told, such
 * as toThousands for "1,234 contacts"), or null for the word alone ("is" / "are").
 */
export function plural(n: number, one: string, many = `${one}s`, count: ((n: number) => string) | null = String): string {
  const word = n === 1 ? one : many;
  return count === null ? word : `${count(n)} ${word}`;
}

/** "a favour", "an introduction", "an Estate agent"; a phrase that starts with a/an/the already is left as it is. */
export function withArticle(phrase: string): string {
  if (/^(a|an|the)\s/i.test(phrase)) return phrase;
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

/** What an ask is for, as a sentence says it: "a favour", "business" (never "a business"), "an introduction". */
export function askPhrase(kind: string): string {
  return kind === 'business' ? 'business' : withArticle(kind);
}

const WEEKDAY_WORDS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Tue 2026-11-24": every command that stores a date echoes it so, and a date read wrongly shows at once. */
export function toDayText(date: string): string {
  return `${WEEKDAY_WORDS[toWeekday(date)]} ${date}`;
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "three", as a sentence writes a small number; digits past ten. */
export const toWord = (n: number): string => WORDS[n] ?? String(n);

/** Kinds of give that take no article: one gives time, not "a time". */
const UNCOUNTED = new Set(['time', 'work']);

/** A kind of give as a sentence names it: "a referral", "an article", "time". */
export const giveKindPhrase = (kind: string): string => (UNCOUNTED.has(kind) ? kind : withArticle(kind));

/** "coffee", "gave a referral (4/5)", "received an introduction (3/5)", "asked for a favour". */
export function describeEvent(e: Pick<EventView, 'type' | 'kind' | 'value'>): string {
  const kind = giveKindPhrase(e.kind);
  const worth = e.value === null ? '' : ` (${e.value}/5)`;
  switch (e.type) {
    case 'touch':
      return e.kind === 'other' ? 'a touchpoint' : e.kind;
    case 'gave':
      return `gave ${kind}${worth}`;
    case 'received':
      return `received ${kind}${worth}`;
    case 'ask':
      return `asked for ${askPhrase(e.kind)}`;
  }
}

/**
 * What `net log` recorded, after "Logged": "coffee with Jane Doe on Sun 2026-11-22: you gave them an article (3/5)",
 * "on Sun 2026-11-22: Jo Lin gave you a referral (4/5)". Who gave whom is said, never "received a referral with Jo Lin".
 */
export function describeLogged(events: readonly (Pick<EventView, 'type' | 'kind' | 'value'> & { referral?: { prospect: string | null } | null })[], name: string, day: string): string {
  const touches = events.filter((e) => e.type === 'touch').map(describeEvent);
  const named = touches.length === 0;
  const others = events.filter((e) => e.type !== 'touch').map((e, i) => {
    const first = named && i === 0;
    // A referral's prospect is said back with it: whom it was for (given) or who came through it (received).
    const prospect = e.referral?.prospect ? ` ${e.type === 'gave' ? 'for' : 'through'} ${e.referral.prospect}` : '';
    const what = `${giveKindPhrase(e.kind)}${e.value === null ? '' : ` (${e.value}/5)`}${prospect}`;
    if (e.type === 'received') return `${first ? name : 'they'} gave you ${what}`;
    if (e.type === 'ask') return `you asked ${first ? name : 'them'} for ${askPhrase(e.kind)}`;
    return `you gave ${first ? name : 'them'} ${what}`;
  });
  if (named) return `on ${day}: ${others.join(' and ')}`;
  return `${touches.join(', ')} with ${name} on ${day}${others.length ? `: ${others.join(' and ')}` : ''}`;
}

/** A tag no contact has (a mistyped one, often): said so, with how to tag someone, and the list without the tag. */
export const describeUnusedTag = (tag: string, everyone: string): string => `No contacts are tagged ${tag}. Tag one with: net edit <name> --tag ${tag}\n${everyone}`;

/** A fact's kind in words, one and many: "service", "2 services"; net edit counts them, net search names them. */
export const FACT_WORDS: Record<FactKind, [string, string]> = {
  tag: ['tag', 'tags'],
  service: ['service', 'services'],
  goal: ['goal', 'goals'],
  family: ['family member', 'family members'],
  need: ['need', 'needs'],
  ideal: ['ideal referral', 'ideal referrals'],
  'met-need': ['need met', 'needs met'],
};
