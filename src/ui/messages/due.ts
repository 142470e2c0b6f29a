/** `net due` in words: the reasons and the next step that core/due.ts gives as codes and figures. */
import { toRelativeDays, type IsoDate } from '../../core/dates.js';
import type { DueAction, DueReason, DueReference } from '../../core/due.js';
import { MONTH_NAMES, type Occasion } from '../../core/important-dates.js';
import { plural, withArticle } from './words.js';

const days = (n: number) => plural(n, 'day');

function describeReference(ref: DueReference, day: IsoDate): string {
  const when = toRelativeDays(ref.on, day);
  if (ref.what === 'last touch') return `last touch ${when}`;
  if (ref.what === 'met') return `met ${when}, no touchpoint since`;
  return `added ${when}, no touchpoint yet`;
}

/** "birthday in 3 days (turns 47)", "work anniversary today (7 years)". */
export function describeOccasion(o: Occasion): string {
  const when = o.inDays === 0 ? 'today' : o.inDays === 1 ? 'tomorrow' : `in ${days(o.inDays)}`;
  const years = o.years === null ? '' : o.label === 'birthday' ? ` (turns ${o.years})` : ` (${plural(o.years, 'year')})`;
  return `${o.label} ${when}, ${MONTH_NAMES[Number(o.on.slice(5, 7)) - 1]} ${Number(o.on.slice(8, 10))}${years}`;
}

/** One reason as `net due` prints it, on `day` (today, or the day of --on). */
export function describeDueReason(r: DueReason, day: IsoDate): string {
  switch (r.code) {
    case 'follow-up':
      return r.daysLate === 0 ? 'you planned to follow up today' : `the follow-up you planned for ${r.plannedOn} is ${days(r.daysLate)} late`;
    case 'cadence-overdue':
      return `a catch-up is overdue by ${days(r.days)} (${r.own ? 'every' : 'stage default: every'} ${days(r.every)}; ${describeReference(r.from, day)})`;
    case 'received':
      return `they gave you something ${toRelativeDays(r.receivedOn, day)} and have not heard from you since`;
    case 'ask-open':
      return `your ask of ${r.askedOn} has waited ${days(r.days)} for an outcome`;
    case 'going-cold':
      return `${withArticle(`${r.stage} relationship`)} going cold: its balance of ${r.balance.toFixed(1)} loses ${r.monthlyLoss.toFixed(1)} a month without a touch`;
    case 'never-met':
      return `added ${toRelativeDays(r.addedOn, day)}, not met yet: farming, not hunting`;
    case 'referral-won':
      return `a referral they gave you closed business (marked won ${toRelativeDays(r.wonOn, day)})`;
    case 'referral-open':
      return `the referral you gave them ${toRelativeDays(r.changedOn, day)} has no outcome yet`;
    case 'important-date':
      return r.occasions.map(describeOccasion).join('; ');
  }
}

const ACTIONS: Record<Exclude<DueAction, 'ask-how-it-went'>, string> = {
  'follow-up': 'follow up as planned: a call or a coffee',
  'send-something': 'give first: send them an article or an idea',
  'suggest-one-to-one': 'suggest a one-to-one',
  thank: 'thank them: log a touchpoint or a give',
  'close-the-loop': 'close the loop: ask how it went',
  'pass-something-on': 'give first: pass on a referral, an introduction or an idea',
  'get-to-know': 'suggest a one-to-one to get to know them',
  'thank-for-referral': 'thank them: a call or a card, then log it as a touchpoint or a give',
  'call-today': 'get in touch today: a call or a message',
  'mark-the-day': 'remember the day: a message or a card on the day',
  'give-after-early-ask': 'give first: something useful, no ask (your ask came early)',
};

/** The next step for the contact named, flags included. */
export function describeDueAction(action: DueAction, name: string): string {
  return action === 'ask-how-it-went' ? `ask how it went, then net referral ${JSON.stringify(name)} --status contacted|won|lost` : ACTIONS[action];
}
