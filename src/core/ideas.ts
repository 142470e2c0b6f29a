/**
 * Ideas: ways to give. An introduction is a give to both; it vouches for the one recommended (see toIntroSide), and
 * is shown as not ready, with what to learn first, until the user can. When nothing matches, a plain give that fits
 * the relationship's stage.
 * Pure: the app gathers the people, their standing and their referral checks.
 */
import type { CheckAdvice, CheckResult, Standing } from './capital.js';
import type { Match, Offer, Wish } from './matching.js';

export type IdeaKind = 'introduction' | 'referral' | 'goal' | 'article' | 'one-to-one' | 'ask-how-to-help';

export interface IdeaPerson {
  id: string;
  name: string;
}

export interface Idea {
  kind: IdeaKind;
  /** The one this helps first. */
  for: IdeaPerson;
  /** The other side of an introduction; null for a give to one person. */
  with: IdeaPerson | null;
  /** What an article is to be about: one of their needs; null for the other kinds. */
  need: string | null;
  because: IdeaReason;
  score: number;
  /** False when the user cannot yet vouch for the one recommended, or has not met the one receiving (toIntroSide). */
  ready: boolean;
  /** What to learn first, about whom (the advice of their `net check --to-refer`). */
  learnFirst: { name: string; advice: CheckAdvice }[];
}

/**
 * Why an idea, with what the words need: ui/messages/ideas.ts says it.
 *
 *   code              because
 *   match             the seeker's need, ideal referral or goal, answered by what the provider offers
 *   not-met           the user has not met them yet
 *   need-unanswered   a need of theirs that no one in the journal offers
 *   needs-unknown     the journal does not know what they need
 *   acquaintance      an acquaintance: time one to one is how it grows
 */
export type IdeaReason =
  | { code: 'match'; wish: Pick<Wish, 'kind' | 'text'>; offer: Pick<Offer, 'field' | 'text'>; seeker: string; provider: string }
  | { code: 'not-met'; name: string }
  | { code: 'need-unanswered'; name: string; need: string }
  | { code: 'needs-unknown'; name: string }
  | { code: 'acquaintance'; name: string };

/** A contact as ideas need them: standing today, and the referral check when they may be recommended. */
export interface Candidate extends IdeaPerson {
  standing: Standing;
  met: boolean;
  referral?: CheckResult;
}

/**
 * How much the user wants to deepen a relationship: growing ones most, acquaintances the user has invested in next,
 * strangers least.
 *
 *   stage                          weight
 *   growing                        1.0
 *   acquaintance, balance ≥ 1      0.9
 *   deep                           0.8
 *   acquaintance                   0.6
 *   stranger                       0.2
 */
export function toRelationshipWeight(s: Pick<Standing, 'stage' | 'balance'>): number {
  switch (s.stage) {
    case 'growing':
      return 1;
    case 'deep':
      return 0.8;
    case 'acquaintance':
      return s.balance >= 1 ? 0.9 : 0.6;
    case 'stranger':
      return 0.2;
  }
}

/** An idea that is not ready counts half, so that what the user can do today comes first. */
export const NOT_READY_FACTOR = 0.5;

/** Fixed scores of the plain gives, below any good match. */
export const FALLBACK_SCORE: Record<'article' | 'one-to-one' | 'ask-how-to-help', number> = { article: 0.3, 'one-to-one': 0.25, 'ask-how-to-help': 0.2 };

/**
 * What an introduction needs of each side. Sending someone with a need to a provider you can vouch for is the most
 * natural give there is: what must be ready is your trust in the one you recommend, not in the one who needs help.
 *
 *   the introduction                          recommended (you vouch for them)   the other side
 *   a need answered by a provider             the provider: net check --to-refer  you have met them
 *   a referral passed to a provider (ideal)   the provider: net check --to-refer  you have met them (the client)
 *   two peers (neither answers the other)     each: net check --to-refer          (each is recommended)
 *
 * `net ideas` and `net intro` both judge with this one rule.
 */
export type IntroRole = 'recommended' | 'receiving';

export interface IntroSideInputs {
  name: string;
  met: boolean;
  referral?: CheckResult;
}

export function toIntroSide(role: IntroRole, c: IntroSideInputs): { ready: boolean; learnFirst: CheckAdvice[] } {
  if (role === 'receiving') return c.met ? { ready: true, learnFirst: [] } : { ready: false, learnFirst: [{ code: 'meet-first' }] };
  const ready = c.referral?.verdict === 'ready';
  return { ready, learnFirst: ready ? [] : (c.referral?.suggestions ?? []) };
}

/** Whom an introduction from a match vouches for: the one whose ideal referral the other is, else the provider. */
export function recommendedOf(m: Pick<Match, 'wish' | 'offer'>): string {
  return m.wish.kind === 'ideal' ? m.wish.contactId : m.offer.contactId;
}

/** Who vouches for whom in a match, and who it helps first. */
function toRoles(m: Match, seeker: Candidate, provider: Candidate, helped: 'seeker' | 'provider') {
  const [recommended, receiving] = recommendedOf(m) === seeker.id ? [seeker, provider] : [provider, seeker];
  const kind = helped === 'provider' || m.wish.kind === 'ideal' ? ('referral' as const) : m.wish.kind === 'goal' ? ('goal' as const) : ('introduction' as const);
  return { kind, helped: helped === 'provider' ? provider : seeker, other: helped === 'provider' ? seeker : provider, recommended, receiving };
}

/**
 * One introduction from a match.
 *
 *   score = match score × (weight(seeker) + weight(provider)) / 2 × (1 when ready, NOT_READY_FACTOR otherwise)
 */
export function toPairIdea(m: Match, seeker: Candidate, provider: Candidate, helped: 'seeker' | 'provider' = 'seeker'): Idea {
  const r = toRoles(m, seeker, provider, helped);
  const sides = [
    { c: r.recommended, ...toIntroSide('recommended', r.recommended) },
    { c: r.receiving, ...toIntroSide('receiving', r.receiving) },
  ];
  const ready = sides.every((s) => s.ready);
  const learnFirst = sides.flatMap((s) => s.learnFirst.map((advice) => ({ name: s.c.name, advice })));
  const relationship = (toRelationshipWeight(seeker.standing) + toRelationshipWeight(provider.standing)) / 2;
  return {
    kind: r.kind,
    for: { id: r.helped.id, name: r.helped.name },
    with: { id: r.other.id, name: r.other.name },
    need: null,
    because: { code: 'match', wish: { kind: m.wish.kind, text: m.wish.text }, offer: { field: m.offer.field, text: m.offer.text }, seeker: seeker.name, provider: provider.name },
    score: m.score * relationship * (ready ? 1 : NOT_READY_FACTOR),
    ready,
    learnFirst,
  };
}

// Not localeCompare: loading the collation data costs ~8 ms of a command that should start in a few.
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** What can be done today first, then best first; one idea per pair (the best), none for a pair already introduced. */
export function rankIdeas(ideas: readonly Idea[], introduced: ReadonlySet<string>, limit: number): Idea[] {
  const best = new Map<string, Idea>();
  for (const idea of ideas) {
    const key = idea.with ? pairKey(idea.for.id, idea.with.id) : `${idea.for.id}|${idea.kind}|${idea.need ?? ''}`;
    if (idea.with && introduced.has(key)) continue;
    const had = best.get(key);
    if (!had || idea.score > had.score) best.set(key, idea);
  }
  return [...best.values()]
    .sort((a, b) => Number(b.ready) - Number(a.ready) || b.score - a.score || byText(a.for.name, b.for.name) || byText(a.with?.name ?? '', b.with?.name ?? ''))
    .slice(0, limit);
}

/**
 * Plain gives for when no contact answers what they need: an article on a need they spoke of, a one-to-one while the
 * relationship is young, or the question "how can I help?" when the journal does not know what they need.
 */
export function toFallbackIdeas(c: Candidate, openNeeds: readonly string[], needsKnown = openNeeds.length > 0): Idea[] {
  const me = { id: c.id, name: c.name };
  const idea = (kind: keyof typeof FALLBACK_SCORE, because: IdeaReason, need: string | null = null): Idea => ({ kind, for: me, with: null, need, because, score: FALLBACK_SCORE[kind], ready: true, learnFirst: [] });
  if (!c.met) return [idea('one-to-one', { code: 'not-met', name: c.name })];
  const ideas = openNeeds.slice(0, 3).map((need) => idea('article', { code: 'need-unanswered', name: c.name, need }, need));
  if (!needsKnown) ideas.push(idea('ask-how-to-help', { code: 'needs-unknown', name: c.name }));
  if (c.standing.stage === 'acquaintance') ideas.push(idea('one-to-one', { code: 'acquaintance', name: c.name }));
  return ideas;
}
