/** `net ideas`: whom the user could help and how, for one contact or across the network. */
import { checkReferral, hasMet, toBalanceBreakdown, toStanding, type Stage, type Standing } from '../core/capital.js';
import type { IsoDate } from '../core/dates.js';
import { rankIdeas, recommendedOf, toFallbackIdeas, toPairIdea, toRelationshipWeight, type Candidate, type Idea, type IntroRole } from '../core/ideas.js';
import type { ContactWithSummary } from '../core/types.js';
import { CLIENT_FIELDS, DEFAULT_SYNONYMS, Matcher, toSearchKeys, toSynonyms, type Match, type Offer, type TextMatch, type Wish } from '../core/matching.js';
import {
  findOfferTexts,
  findWishTexts,
  listAnswersById,
  listIntroducedPairs,
  listOfferHolders,
  listOffersOf,
  listOpenWishes,
  listServiceTexts,
  listStandingsById,
  listWishesOf,
  listWishHolders,
  offerKey,
  readSynonymGroups,
  type StandingRow,
} from '../store/ideas.js';
import type { Store } from '../store/store.js';
import { getContact } from './resolve.js';

export interface IdeasInput {
  /** One contact; the whole network when left out. */
  contactId?: string;
  limit: number;
}

export interface IdeasResult {
  contact: { id: string; name: string; stage: Stage } | null;
  /** Best first, at most `limit`. */
  ideas: Idea[];
  /** Ideas found before the limit. */
  total: number;
  /** Open needs and ideal referrals the ideas were drawn from. */
  wishes: number;
}

/** Providers kept per wish, from the contacts the user most wants to deepen: enough to rank, few enough to stay fast. */
const PROVIDERS_PER_WISH = 5;
/** Holders of one offer text whose standing is read: the best known of those who share a common service. */
const HOLDERS_PER_TEXT = 30;
/** Above this many stems, reading every distinct offer text is cheaper than a long chain of instr(). */
const MAX_SEARCH_KEYS = 8;

export function loadMatcher(store: Store): Matcher {
  return new Matcher(toSynonyms([...DEFAULT_SYNONYMS, ...readSynonymGroups(store)]));
}

interface Person {
  row: StandingRow;
  standing: Standing;
  weight: number;
}

interface Pair {
  match: Match;
  helped: 'seeker' | 'provider';
  /** The score before readiness, to choose which pairs to check. */
  rough: number;
}

/** Contacts with their standing, read once per command. */
class People {
  private readonly known = new Map<string, Person>();
  private readonly checked = new Map<string, Candidate>();
  private readonly halfLifeDays: number;

  constructor(
    private readonly store: Store,
    private readonly today: IsoDate,
  ) {
    this.halfLifeDays = store.halfLifeDays();
  }

  load(ids: Iterable<string>): void {
    const missing = [...new Set(ids)].filter((id) => !this.known.has(id));
    for (const row of listStandingsById(this.store, missing)) {
      const standing = toStanding(row, this.today, this.halfLifeDays);
      this.known.set(row.id, { row, standing, weight: toRelationshipWeight(standing) });
    }
  }

  get(id: string): Person {
    return this.known.get(id)!;
  }

  /**
   * The people of the ideas shown (all of them loaded); those in `recommended` with the `--to-refer` verdict, which an
   * introduction reads of the side it vouches for alone (core/ideas.ts toIntroSide: the side receiving it need only
   * have met). On the heavy benchmark journal, `net ideas "Ada Abbott"` checked 41 contacts where 21 are recommended
   * (about 12 KB of young allocations a check). The verdict reads the summary columns already read for the standing
   * and the answers, never the events (those only explain the balance), so that many contacts are checked in one
   * query. Reading each one's whole row again cost a query and a third of the memory that `net ideas "Ada Abbott"`
   * allocates in its own work.
   */
  candidates(ids: readonly string[], recommended: ReadonlySet<string>): Map<string, Candidate> {
    // Each contact is checked once per command: the plain give offered when no introduction is ready checks the
    // contact whose ideas these are, whom the ideas' checks may have already checked (a query and a check saved).
    const unique = [...new Set(ids)];
    for (const id of unique) {
      if (this.checked.has(id)) continue;
      const { row: contact, standing } = this.get(id);
      this.checked.set(id, { id, name: contact.name, standing, met: hasMet(contact) });
    }
    const unchecked = unique.filter((id) => recommended.has(id) && !this.checked.get(id)!.referral);
    const answers = listAnswersById(this.store, unchecked);
    for (const id of unchecked) {
      const contact = this.get(id).row;
      const referral = checkReferral({ contact, breakdown: toBalanceBreakdown([], this.today, this.halfLifeDays), answers: answers.get(id) ?? [], today: this.today, halfLifeDays: this.halfLifeDays });
      this.checked.get(id)!.referral = referral;
    }
    return new Map(ids.map((id) => [id, this.checked.get(id)!]));
  }
}

function searchKeys(matcher: Matcher, texts: readonly string[]): string[] {
  return toSearchKeys(new Set(texts.flatMap((t) => [...matcher.terms(t).keys()])), matcher.synonyms);
}

/**
 * Each wish against what other contacts offer. Texts are matched once (findOfferTexts), then each matched text's
 * holders are taken in order of relationship weight, PROVIDERS_PER_WISH of them per wish: the work grows with the
 * wishes, not with the contacts who share a common service.
 */
function pairWishes(store: Store, matcher: Matcher, people: People, wishes: readonly Wish[]): Pair[] {
  const keys = searchKeys(matcher, wishes.map((w) => w.text));
  const texts = findOfferTexts(store, keys.length <= MAX_SEARCH_KEYS ? keys : null);
  const ideals = wishes.filter((w) => w.kind === 'ideal');
  // An ideal referral meets clients: roles and tags here, needs in pairIdeals; what others needs, services answer.
  const hits = new Map([
    ...matcher.matchTexts(wishes.filter((w) => w.kind !== 'ideal'), texts),
    ...matcher.matchTexts(ideals, texts.filter((t) => CLIENT_FIELDS.includes(t.field))),
  ]);
  return [...pairOffers(store, matcher, people, wishes, hits), ...pairIdeals(store, matcher, people, ideals)];
}

/** Each ideal referral against the needs of others: a contact who needs what the provider does is their client. */
function pairIdeals(store: Store, matcher: Matcher, people: People, ideals: readonly Wish[]): Pair[] {
  if (!ideals.length) return [];
  // Each need text is read once, with the best known of those who wrote it, as pairOffers takes an offer's holders.
  const texts = findWishTexts(store, 'need', searchKeys(matcher, ideals.map((w) => w.text)));
  const needs = texts.flatMap((key) => listWishHolders(store, 'need', key, HOLDERS_PER_TEXT, ''));
  people.load([...ideals, ...needs].map((w) => w.contactId));
  const pairs: Pair[] = [];
  for (const ideal of ideals) {
    const seeker = people.get(ideal.contactId);
    const offers = listOffersOf(store, seeker.row);
    const found: Pair[] = [];
    for (const need of needs) {
      if (need.contactId === ideal.contactId || !matcher.isClientNeed(need.text, offers)) continue;
      const m = matcher.match(ideal, { contactId: need.contactId, field: 'need', text: need.text });
      if (m) found.push({ match: m, helped: 'seeker', rough: (m.score * (seeker.weight + people.get(need.contactId).weight)) / 2 });
    }
    for (const pair of found.sort((a, b) => b.rough - a.rough).slice(0, PROVIDERS_PER_WISH)) pairs.push(pair);
  }
  return pairs;
}

function pairOffers(store: Store, matcher: Matcher, people: People, wishes: readonly Wish[], hits: Map<Wish, TextMatch[]>): Pair[] {
  const texts = [...new Map([...hits.values()].flat().map((h) => [offerKey(h.offer), h.offer])).values()];
  const holders = listOfferHolders(store, texts, HOLDERS_PER_TEXT);
  people.load([...wishes.map((w) => w.contactId), ...[...holders.values()].flat()]);
  const weight = (id: string) => people.get(id).weight;
  for (const ids of holders.values()) ids.sort((a, b) => weight(b) - weight(a));
  const pairs: Pair[] = [];
  for (const [wish, found] of hits) {
    const seeker = people.get(wish.contactId);
    // Each provider's best match, as the hit and its score: a pair is made only for the few kept (thousands of wishes).
    const best = new Map<string, { hit: TextMatch; rough: number }>();
    for (const hit of found) {
      let taken = 0;
      for (const id of holders.get(offerKey(hit.offer)) ?? []) {
        if (id === wish.contactId) continue;
        const rough = (hit.score * (seeker.weight + weight(id))) / 2;
        const had = best.get(id);
        if (!had || rough > had.rough) best.set(id, { hit, rough });
        if (++taken >= PROVIDERS_PER_WISH) break;
      }
    }
    const kept = [...best].sort((a, b) => b[1].rough - a[1].rough).slice(0, PROVIDERS_PER_WISH);
    for (const [id, { hit, rough }] of kept) pairs.push({ match: { ...hit, offer: { ...hit.offer, contactId: id } }, helped: 'seeker', rough });
  }
  return pairs;
}

/** Offers as their contacts wrote them: findOfferTexts works on lower-case keys. */
function withOwnWords(store: Store, people: People, pairs: readonly Pair[]): Pair[] {
  const services = listServiceTexts(
    store,
    pairs.filter((p) => p.match.offer.field === 'service').map((p) => ({ contactId: p.match.offer.contactId, key: p.match.offer.text.toLowerCase() })),
  );
  return pairs.map((p) => {
    const o = p.match.offer;
    const c = people.get(o.contactId).row;
    const text = o.field === 'service' ? services.get(`${o.contactId}\u0000${o.text.toLowerCase()}`) : o.field === 'role' ? c.role : o.field === 'company' ? c.company : o.text;
    return { ...p, match: { ...p.match, offer: { ...o, text: text ?? o.text } } };
  });
}

/** The pairs worth checking, checked, as ideas, best first. */
function toIdeas(store: Store, people: People, pairs: readonly Pair[], limit: number): Idea[] {
  // Readiness halves a score: checking a few times the limit is enough for the best to come out on top.
  const kept = withOwnWords(store, people, [...pairs].sort((a, b) => b.rough - a.rough).slice(0, Math.max(limit * 4, 40)));
  const candidates = people.candidates(
    kept.flatMap((p) => [p.match.wish.contactId, p.match.offer.contactId]),
    new Set(kept.map((p) => recommendedOf(p.match))),
  );
  const ideas = kept.map((p) => toPairIdea(p.match, candidates.get(p.match.wish.contactId)!, candidates.get(p.match.offer.contactId)!, p.helped));
  return rankIdeas(ideas, listIntroducedPairs(store), Number.POSITIVE_INFINITY);
}

/** Ways to help one contact now: introductions that answer their needs, their ideal referral, their goals. */
export function findIdeasFor(store: Store, contactId: string, limit: number, today: IsoDate): IdeasResult {
  const contact = getContact(store, contactId);
  const matcher = loadMatcher(store);
  const people = new People(store, today);
  people.load([contact.id]);
  const me = people.get(contact.id);
  const wishes = listWishesOf(store, contact.id);
  // Their needs, ideal referral and goals against what others offer; others' needs against what they offer.
  const pairs = pairWishes(store, matcher, people, wishes);
  const offers: Offer[] = listOffersOf(store, contact);
  // Each need text others wrote is matched once; of those who share it, the best known are taken, as pairWishes takes
  // an offer's holders (a need shared by 2,800 contacts on the extreme journal weighed every one of them).
  for (const key of findWishTexts(store, 'need', searchKeys(matcher, offers.map((o) => o.text)))) {
    const best = offers.map((o) => matcher.match({ contactId: '', kind: 'need', text: key }, o)).reduce<Match | undefined>((a, m) => (m && (!a || m.score > a.score) ? m : a), undefined);
    if (!best) continue;
    const holders = listWishHolders(store, 'need', key, HOLDERS_PER_TEXT, contact.id);
    people.load(holders.map((w) => w.contactId));
    for (const wish of holders) pairs.push({ match: { ...best, wish }, helped: 'provider', rough: (best.score * (people.get(wish.contactId).weight + me.weight)) / 2 });
  }
  let ideas = toIdeas(store, people, pairs, limit);
  // Something to do today: a plain give when no introduction is ready yet.
  if (!ideas.some((i) => i.ready)) {
    // The plain gives read whether they have met and their stage, never a verdict.
    const self = people.candidates([contact.id], new Set()).get(contact.id)!;
    const answered = new Set(ideas.map((i) => (i.for.id === contact.id ? i.because.code === 'match' && i.because.wish.text : '')));
    const needs = wishes.filter((w) => w.kind === 'need');
    ideas = [...toFallbackIdeas(self, needs.filter((w) => !answered.has(w.text)).map((w) => w.text), needs.length > 0), ...ideas];
  }
  return { contact: { id: contact.id, name: contact.name, stage: me.standing.stage }, ideas: ideas.slice(0, limit), total: ideas.length, wishes: wishes.filter((w) => w.kind !== 'goal').length };
}

/** The best gives across the network: pairs of contacts where one answers the other's need or ideal referral. */
export function findIdeasAcross(store: Store, limit: number, today: IsoDate): IdeasResult {
  const wishes = listOpenWishes(store);
  if (!wishes.length) return { contact: null, ideas: [], total: 0, wishes: 0 };
  const matcher = loadMatcher(store);
  const people = new People(store, today);
  const ideas = toIdeas(store, people, pairWishes(store, matcher, people, wishes), limit);
  return { contact: null, ideas: ideas.slice(0, limit), total: ideas.length, wishes: wishes.length };
}

/**
 * Which way an introduction between two contacts vouches (core/ideas.ts toIntroSide), judged as `net ideas` judges the
 * pair: every match between the two (either one's need, goal or ideal referral against the other's offers), made into
 * ideas and ranked by rankIdeas, which keeps the one `net ideas` shows; its provider (or the one whose ideal referral
 * the other is) is recommended, and the other receives. Two peers (no match either way) are each recommended.
 */
export function findIntroRoles(store: Store, a: ContactWithSummary, b: ContactWithSummary, today: IsoDate): [IntroRole, IntroRole] {
  const matcher = loadMatcher(store);
  const contacts = [a, b] as const;
  const wishes = contacts.map((c) => listWishesOf(store, c.id));
  const offers = contacts.map((c) => listOffersOf(store, c));
  const matches: Match[] = [];
  for (const [seeker, provider] of [
    [0, 1],
    [1, 0],
  ] as const) {
    for (const w of wishes[seeker]!) {
      // What the other offers; an ideal referral also meets the other as a client: a need that what the seeker offers
      // answers (Matcher.isClientNeed), as pairIdeals does. Matcher.match keeps each wish to the fields it may meet.
      const clientNeeds = w.kind === 'ideal' ? wishes[provider]!.filter((n) => n.kind === 'need' && matcher.isClientNeed(n.text, offers[seeker]!)) : [];
      const theirs: Offer[] = [...offers[provider]!, ...clientNeeds.map((n) => ({ contactId: n.contactId, field: 'need' as const, text: n.text }))];
      for (const o of theirs) {
        const m = matcher.match(w, o);
        if (m) matches.push(m);
      }
    }
  }
  if (!matches.length) return ['recommended', 'recommended'];
  const people = new People(store, today);
  people.load([a.id, b.id]);
  const candidates = people.candidates([a.id, b.id], new Set(matches.map(recommendedOf)));
  const ideas = matches.map((m) => toPairIdea(m, candidates.get(m.wish.contactId)!, candidates.get(m.offer.contactId)!));
  const [best] = rankIdeas(ideas, new Set(), 1);
  const recommended = recommendedOf(matches[ideas.indexOf(best!)]!);
  return recommended === a.id ? ['recommended', 'receiving'] : ['receiving', 'recommended'];
}

export function findIdeas(store: Store, input: IdeasInput, today: IsoDate): IdeasResult {
  return input.contactId === undefined ? findIdeasAcross(store, input.limit, today) : findIdeasFor(store, input.contactId, input.limit, today);
}
