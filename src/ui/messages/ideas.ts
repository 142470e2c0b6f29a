/** `net ideas` in words: what each idea is and why, from core/ideas.ts's kinds and reasons. */
import type { Idea, IdeaReason } from '../../core/ideas.js';
import type { Offer, Wish } from '../../core/matching.js';
import { describeCheckAdvice } from './check.js';
import { withArticle } from './words.js';

/** "Tom offers wedding photography", "Tom is a wedding planner", "Tom is tagged #photographer", "Tom works at Lens & Co". */
export function describeOffer(name: string, o: Pick<Offer, 'field' | 'text'>): string {
  switch (o.field) {
    case 'service':
      return `${name} offers ${o.text}`;
    case 'role':
      return `${name} is ${withArticle(o.text)}`;
    case 'tag':
      return `${name} is tagged #${o.text}`;
    case 'company':
      return `${name} works at ${o.text}`;
    case 'need':
      return `${name} needs ${o.text}`;
  }
}

/** "Maria needs a wedding photographer", "Maria's ideal referral is couples planning a wedding", "Maria has a goal: …". */
export function describeWish(name: string, w: Pick<Wish, 'kind' | 'text'>): string {
  switch (w.kind) {
    case 'need':
      return `${name} needs ${w.text}`;
    case 'ideal':
      return `${name}'s ideal referral is ${w.text}`;
    case 'goal':
      return `${name} has a goal: ${w.text}`;
  }
}

/** First names when they tell the two apart, else the full names. */
export function toShortNames(a: string, b: string): [string, string] {
  const first = (n: string) => n.split(/\s+/)[0] ?? n;
  return first(a).toLowerCase() === first(b).toLowerCase() ? [a, b] : [first(a), first(b)];
}

/** "Maria needs a wedding photographer; Tom offers wedding photography", "Sam is an acquaintance: …". */
export function describeIdeaReason(r: IdeaReason): string {
  if (r.code === 'match') {
    const [s, p] = toShortNames(r.seeker, r.provider);
    return `${describeWish(s, r.wish)}; ${describeOffer(p, r.offer)}`;
  }
  const [first] = toShortNames(r.name, '');
  switch (r.code) {
    case 'not-met':
      return `you have not met ${first} yet: learn what they do and what they need`;
    case 'need-unanswered':
      return `${first} needs ${r.need} and no one in your journal offers it yet: something useful on it is a real give`;
    case 'needs-unknown':
      return `you have not recorded what ${first} needs: ask, then record it (net edit "${r.name}" --need "…")`;
    case 'acquaintance':
      return `${first} is an acquaintance: time one to one is how it grows`;
  }
}

/** What to do: "introduce Maria Lopez to Tom Baker", "send Sam Lee an article or an idea on "…"". */
export function describeIdeaAction(i: Pick<Idea, 'kind' | 'for' | 'with' | 'need'>): string {
  switch (i.kind) {
    case 'introduction':
    case 'goal':
      return `introduce ${i.for.name} to ${i.with?.name ?? ''}`;
    case 'referral':
      return `refer ${i.with?.name ?? ''} to ${i.for.name}`;
    case 'one-to-one':
      return `invite ${i.for.name} to a one-to-one`;
    case 'article':
      return `send ${i.for.name} an article or an idea on "${i.need ?? ''}"`;
    case 'ask-how-to-help':
      return `ask ${i.for.name} how you can help`;
  }
}

/** "Tom Baker: see their work first-hand; …": what to learn first, about whom. */
export const describeLearnFirst = (l: Idea['learnFirst'][number]): string => `${l.name}: ${describeCheckAdvice(l.advice, l.name)}`;
