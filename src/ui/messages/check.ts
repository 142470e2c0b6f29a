/** `net check`, `net ask` and `net intro` in words: what a verdict rests on and what to do first, from core's codes. */
import { round1, type AdvisedPoint, type BalanceBreakdown, type CheckAdvice, type CheckReason } from '../../core/capital.js';
import { JOURNAL_POINT_NEEDS } from '../../core/checklist.js';
import type { AskKind } from '../../core/vocabulary.js';
import { describePointWhy } from './checklist.js';
import { askPhrase, plural, toWord } from './words.js';

const one = (n: number) => round1(n).toFixed(1);

/** "balance 3.2 from 2 gives (+3.0), 1 touchpoint (+1.0), 1 ask (−0.8), faded to today". */
function describeBalance(b: BalanceBreakdown): string {
  const parts = [
    b.gave.count ? `${plural(b.gave.count, 'give')} (+${one(b.gave.faded)})` : '',
    b.touch.count ? `${plural(b.touch.count, 'touchpoint')} (+${one(b.touch.faded)})` : '',
    b.ask.count ? `${plural(b.ask.count, 'ask')} (−${one(b.ask.faded)})` : '',
  ].filter(Boolean);
  return parts.length ? `balance ${one(b.balance)} from ${parts.join(', ')}, faded to today` : 'balance 0.0: nothing invested yet';
}

/** "asking for a favour", "asking for business", or referring them onwards. */
const what = (ask: AskKind | null) => (ask === null ? 'referring them' : `asking for ${askPhrase(ask)}`);

export function describeCheckReason(r: CheckReason): string {
  switch (r.code) {
    case 'not-met':
      return 'you have not met yet';
    case 'known-for':
      return `known for ${plural(r.days, 'day')} (since ${r.since}); ${what(r.ask)} needs ${plural(r.need, 'day')}`;
    case 'balance': {
      const drawn = r.breakdown.asksSinceLastDeposit > 1 ? `; drawn down by ${r.breakdown.asksSinceLastDeposit} asks since you last gave or met` : '';
      return `${describeBalance(r.breakdown)}; ${what(r.ask)} needs ${one(r.need)}${drawn}`;
    }
    case 'depth': {
      const held = r.unanswered.length ? `; ${plural(r.unanswered.length, 'point')} only you can answer ${plural(r.unanswered.length, 'is', 'are', null)} unanswered` : '';
      return `depth ${r.depth.score} of ${r.depth.of} (needs ${r.need})${r.missing.length ? `; nearest missing: ${r.missing.join(', ')}` : ''}${held}`;
    }
    case 'ask-open':
      return `your ask of ${r.askedOn} is still open`;
    case 'last-touch':
      return `last touch ${r.on}`;
    case 'trust':
      return r.holds ? `you trust their work${r.stale ? ' (answered over a year ago)' : ''}` : 'you have not said you trust their work';
    case 'services':
      return r.why.code === 'services' ? `${plural(r.why.count, 'service')} of theirs recorded (referring them needs ${r.why.need})` : describePointWhy(r.why);
  }
}

const POINT_ADVICE: Record<AdvisedPoint, (name: string) => string> = {
  'knows-services': (n) => `learn ${toWord(JOURNAL_POINT_NEEDS.services)} of their services and record them (net edit "${n}" --service "…")`,
  'knows-goals': (n) => `ask about their goals for the year and record ${toWord(JOURNAL_POINT_NEEDS.goals)} (net edit "${n}" --goal "…")`,
  'knows-family': (n) => `get to know them beyond business: family, what matters to them (net edit "${n}" --family "…")`,
  'regular-appointments': (n) => `schedule regular one-to-ones (net log "${n}" --touch one-to-one --next "in 4 weeks")`,
  'asked-how-to-help': () => 'ask how you can help grow their business',
  trust: () => 'see their work first-hand before you vouch for it',
  'open-talks': () => 'talk openly about how you can help each other',
};

const GIVE_SOMETHING = (name: string) => `share something useful (an article, an idea) or pass them a referral (net log "${name}" --gave article)`;

/** The first step in a few words, for the first line of `net check`: "give first", "meet them first". */
export function describeFirstStep(a: CheckAdvice): string {
  switch (a.code) {
    case 'meet-first':
      return 'meet them first';
    case 'farm':
      return 'give it time';
    case 'give-first':
      return 'give first';
    case 'point':
      return 'get to know them better';
    case 'deepen':
      return 'answer the checklist';
    case 'close-ask':
      return 'close your open ask first';
    case 'see-their-work':
      return 'see their work first-hand';
    case 'keep-giving':
      return 'keep giving';
    case 'refer-with-care':
      return 'refer with care';
  }
}

/** What the check is about: "ask Tom Baker for business", "refer Tom Baker to your contacts". */
export const describeCheckSubject = (name: string, ask: AskKind | null): string => (ask === null ? `refer ${name} to your contacts` : `ask ${name} for ${askPhrase(ask)}`);

/** What they gave, as a reason to thank them and to give, never to ask. */
export const describeThanks = (name: string, t: { count: number; lastOn: string }): string =>
  `${name} gave you something ${t.count > 1 ? `${plural(t.count, 'time')}, last on ${t.lastOn}` : `on ${t.lastOn}`}: a reason to thank them and to give, not to ask`;

/** One piece of advice about the contact named, flags included. */
export function describeCheckAdvice(a: CheckAdvice, name: string): string {
  switch (a.code) {
    case 'meet-first':
      return `meet them first: invite them to a one-to-one (net log "${name}" --next "in 1 week")`;
    case 'farm':
      return `farm, don't hunt: schedule more times to connect; ${what(a.ask)} fits in ${a.days} more days of knowing each other`;
    case 'give-first':
      return `give first: ${GIVE_SOMETHING(name)}`;
    case 'keep-giving':
      return `keep giving: ${GIVE_SOMETHING(name)}`;
    case 'point':
      return POINT_ADVICE[a.point](name);
    case 'close-ask':
      return `close the loop on it first (net ask "${name}" --outcome yes|no)`;
    case 'see-their-work':
      return `see their work first-hand; when you trust it, say so (net deepen "${name}" --holds trust)`;
    case 'deepen':
      // The ids quoted with a space after each comma: the command then wraps between them, and still runs as shown.
      return `answer the points only you can: if they hold, say so (net deepen "${name}" --holds ${a.points.length > 1 ? `"${a.points.join(', ')}"` : a.points.join('')})`;
    case 'refer-with-care':
      return 'refer with care: tell both sides why you are connecting them';
  }
}
