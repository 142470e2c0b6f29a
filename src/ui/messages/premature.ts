/** Premature asks in words: a habit to change, with the give that would repair each relationship. */
import type { EarlyWhy, RepairGive } from '../../core/premature.js';
import { askPhrase, toDayText } from './words.js';

const WHY: Record<EarlyWhy, string> = {
  marked: 'recorded although net check found it premature',
  'not-met': 'before you had met',
  'too-soon': 'before you had known each other long enough',
};

/** "asked for business on Sun 2026-11-22, before you had met (buy my course)". */
export function describeEarlyAsk(a: { kind: string; on: string; note: string | null; why: EarlyWhy }): string {
  return `asked for ${askPhrase(a.kind)} on ${toDayText(a.on)}, ${WHY[a.why]}${a.note ? ` (${a.note.split('\n')[0]})` : ''}`;
}

/** The give that would repair the relationship, flags included. */
export function describeRepair(r: RepairGive, name: string): string {
  return r === 'meet-first'
    ? `meet them first, with no ask attached: invite them to a one-to-one (net log "${name}" --next "in 1 week")`
    : `give first, with no ask attached: something useful to them (net log "${name}" --gave article)`;
}

export const PREMATURE_WORDS = {
  habit: 'A habit to change, not a list of people: each relationship below needs a give before the next ask.',
  none: (since: string) => `No ask since ${since} came before the relationship was ready. Keep giving first.`,
  outweighed: (days: number) => `Where you have asked more than you gave in the last ${days} days:`,
  outweighedOne: 'more asked than given lately',
} as const;
