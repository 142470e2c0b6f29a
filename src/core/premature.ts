/**
 * Premature asks across the network: every ask made before the relationship was ready, per contact, and the
 * relationships where the user's asks outweigh what they gave lately. A habit to change, each with the give that
 * would repair the relationship; never a list of people to blame. Pure: the app reads the asks and the window's events.
 *
 *   an ask was premature when (first that holds)
 *   marked         it was recorded although net check found it premature (--anyway), or imported so
 *   not-met        the user had not met them by the day of the ask (no touchpoint or give, no met date)
 *   too-soon       they had known each other fewer days than the ask needs (ASK_NEEDS)
 *
 *   asks outweigh gives lately: in the window, Σ ask sizes > Σ deposits (gives' values, touchpoints' TOUCH_DEPOSIT)
 */
import { ASK_NEEDS } from './capital.js';
import { daysBetween, type IsoDate } from './dates.js';
import { toBalanceWeight } from './summary.js';
import type { JournalEvent } from './types.js';
import { ASK_KINDS, type AskKind } from './vocabulary.js';

export type EarlyWhy = 'marked' | 'not-met' | 'too-soon';

/** "Lately": asks that outweigh gives are weighed over this many days, whatever the window of asks. */
export const LATELY_DAYS = 90;

export interface AskFacts {
  contactId: string;
  name: string;
  kind: string;
  occurredOn: IsoDate;
  note: string | null;
  marked: boolean;
  /** The day they first met (met date, first touchpoint or give), null when never. */
  metOn: IsoDate | null;
  /** The day the journal first knew them (met date or first event). */
  knownSince: IsoDate | null;
}

export interface EarlyAsk {
  kind: string;
  on: IsoDate;
  note: string | null;
  why: EarlyWhy;
}

/** The give that would repair the relationship: meet them first when the user never has, else give with no ask. */
export type RepairGive = 'meet-first' | 'give-first';

export interface EarlyHabit {
  contactId: string;
  name: string;
  asks: EarlyAsk[];
  repair: RepairGive;
}

export interface Outweighed {
  contactId: string;
  name: string;
  asks: number;
  deposits: number;
  repair: RepairGive;
}

const isAskKind = (k: string): k is AskKind => (ASK_KINDS as readonly string[]).includes(k);

export function toEarlyWhy(a: AskFacts): EarlyWhy | null {
  if (a.marked) return 'marked';
  if (a.metOn === null || a.metOn > a.occurredOn) return 'not-met';
  const need = isAskKind(a.kind) ? ASK_NEEDS[a.kind].knownDays : 0;
  if (a.knownSince === null || daysBetween(a.knownSince, a.occurredOn) < need) return 'too-soon';
  return null;
}

/** The premature asks, per contact, the contacts with the most recent first. */
export function toEarlyHabits(asks: readonly AskFacts[], metNow: ReadonlySet<string>): EarlyHabit[] {
  const by = new Map<string, EarlyHabit>();
  for (const a of asks) {
    const why = toEarlyWhy(a);
    if (!why) continue;
    const h = by.get(a.contactId) ?? { contactId: a.contactId, name: a.name, asks: [], repair: metNow.has(a.contactId) ? 'give-first' : 'meet-first' };
    h.asks.push({ kind: a.kind, on: a.occurredOn, note: a.note, why });
    by.set(a.contactId, h);
  }
  const latest = (h: EarlyHabit) => h.asks.reduce((m, a) => (a.on > m ? a.on : m), '');
  for (const h of by.values()) h.asks.sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));
  return [...by.values()].sort((a, b) => (latest(a) < latest(b) ? 1 : latest(a) > latest(b) ? -1 : a.name < b.name ? -1 : 1));
}

/** Where the user's asks outweigh what they gave in the window (their own figures, one relationship at a time). */
export function toOutweighed(events: readonly (Pick<JournalEvent, 'contactId' | 'type' | 'kind' | 'value'> & { name: string })[], metNow: ReadonlySet<string>): Outweighed[] {
  const by = new Map<string, Outweighed>();
  for (const e of events) {
    if (e.type === 'received') continue;
    const o = by.get(e.contactId) ?? { contactId: e.contactId, name: e.name, asks: 0, deposits: 0, repair: metNow.has(e.contactId) ? 'give-first' : 'meet-first' };
    const w = toBalanceWeight(e);
    if (e.type === 'ask') o.asks += -w;
    else o.deposits += w;
    by.set(e.contactId, o);
  }
  return [...by.values()].filter((o) => o.asks > o.deposits).sort((a, b) => b.asks - b.deposits - (a.asks - a.deposits) || (a.name < b.name ? -1 : 1));
}
