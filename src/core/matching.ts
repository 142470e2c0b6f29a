/**
 * Matching by meaning: what one contact needs (or their ideal referral, or a goal) against what another offers (their
 * services, role, tags, company). Pure. Texts become terms: words lower-cased, stop words dropped, each reduced to a
 * stem (Porter's, with a trade folded into its work: "photographer" and "photography" both become "photograph"), and stems the
 * user declared synonyms ("accountant=bookkeeper") share one canonical term.
 */
import { stemmer } from 'stemmer';
import { UsageError } from './errors.js';
import { lazyRegExp } from './lazy-regexp.js';

// ---- stems ----------------------------------------------------------------------------------------------------------

/** What Porter keeps that a trade's name and its work share: "plumber" and "plumbing", "photography" and "photographer". */
const AGENT = /(?<=^.*[aeiouy][^aeiouy]*.)(?:er|ist|ian)$/;

/**
 * The stem of one word: Porter's stemmer (the `stemmer` package: it tells "plan" from "planner", "law" from "lawyer",
 * which a hand-written one did not), then the person folded into their work ("plumber" → "plumb", "photographi" →
 * "photograph"), a doubled consonant undone ("planner" → "plann" → "plan"). On the table of needs and services in
 * test/fixtures/matching it found as much as the hand-written stemmer did (recall 0.85) with fewer wrong matches
 * (precision 0.90, was 0.85). A stem is the start of its word (minus a final y), which lets SQL pre-select rows with
 * instr().
 */
export function toStem(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3) return w;
  let s = stemmer(w);
  // Porter writes a final y as i ("photography" → "photographi"); the start of the word is what SQL looks for.
  if (/(?:y|ies)$/.test(w) && s.endsWith('i')) s = s.slice(0, -1);
  // Only an ending Porter left on the word: "caterer" is already "cater", "plumber" still "plumber".
  if (!w.replace(/s$/, '').endsWith(s)) return s;
  const agent = s.replace(AGENT, '');
  return agent === s ? s : agent.replace(/([^aeiouls])\1$/, '$1');
}

// ---- words ----------------------------------------------------------------------------------------------------------

const STOP_WORDS = new Set(
  `a an the and or nor of for to in on at by with from into about as is are be been am i me my we us our you your they them
  their he him his she her it its this that these those who whom which what someone somebody anyone anybody some any more
  most less new good great best better reliable trusted decent local need needs needed needing want wants wanted looking
  look find finding get getting help helping like just also very really please etc eg do doing done twice once weekly
  monthly week month asap soon urgently basically keeps`.split(/\s+/),
);

/** Words after which the head of a phrase is over: "couples planning a wedding | in spring". */
const PHRASE_BREAKS = new Set(['in', 'for', 'with', 'to', 'at', 'on', 'from', 'who', 'that', 'which', 'by', 'about', 'near', 'around', 'during', 'before', 'after', 'so', 'because', 'but']);
/** "someone to plan our party": the verb after "someone to" heads the phrase. */
const VERB_LED = /^\s*(?:someone|somebody|anyone|a person|people)\s+to\b/i;
/** Words that join two heads of one phrase: "wedding flowers | and | table decorations". */
const COORDINATORS = new Set(['and', 'or', 'plus']);
/** Punctuation that ends a phrase as a break word does: "a plumber, the boiler keeps failing". */
const PUNCTUATION_BREAK = /[,;:!?()[\]/|]/;

/** Words that say little about what someone does: they count half. */
const GENERIC = new Set(['client', 'customer', 'service', 'business', 'company', 'work', 'professional', 'people', 'contact', 'referral', 'introduction', 'partner', 'opportunity', 'project', 'small', 'team'].map(toStem));

export function toWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** A text's words in phrases: split at break words and punctuation; each phrase in parts split at "and", "or". */
function toPhrases(text: string): string[][][] {
  const phrases: string[][][] = [[[]]];
  for (const piece of text.toLowerCase().split(/([^\p{L}\p{N}]+)/u)) {
    if (!piece) continue;
    const phrase = phrases.at(-1)!;
    if (!/[\p{L}\p{N}]/u.test(piece)) {
      if (PUNCTUATION_BREAK.test(piece) && phrase.some((part) => part.length)) phrases.push([[]]);
      else if (piece.includes('&')) phrase.push([]);
    } else if (PHRASE_BREAKS.has(piece)) {
      if (phrase.some((part) => part.length)) phrases.push([[]]);
    } else if (COORDINATORS.has(piece)) phrase.push([]);
    else phrase.at(-1)!.push(piece);
  }
  return phrases;
}

// ---- synonyms -------------------------------------------------------------------------------------------------------

/** Synonym groups every journal starts with; `net config synonyms` adds the user's own. */
export const DEFAULT_SYNONYMS: readonly (readonly string[])[] = [
  ['accountant', 'bookkeeper'],
  ['lawyer', 'solicitor', 'attorney'],
  ['photographer', 'photo'],
  ['videographer', 'video'],
  ['website', 'web'],
  ['agent', 'agency'],
  ['developer', 'programmer'],
];

export interface Synonyms {
  /** The term a stem stands for: itself, or its group's first stem in alphabetical order. */
  canonical(stem: string): string;
  /** Every stem of the term's group (the term alone when it has no synonyms). */
  stemsOf(term: string): readonly string[];
}

export function toSynonyms(groups: readonly (readonly string[])[]): Synonyms {
  const parent = new Map<string, string>();
  const find = (s: string): string => {
    let root = s;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    return root;
  };
  for (const group of groups) {
    const stems = [...new Set(group.map(toStem))];
    for (const s of stems) if (!parent.has(s)) parent.set(s, s);
    for (const s of stems.slice(1)) {
      const [a, b] = [find(stems[0]!), find(s)];
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
  }
  const members = new Map<string, string[]>();
  for (const s of parent.keys()) {
    const root = find(s);
    members.set(root, [...(members.get(root) ?? []), s]);
  }
  return {
    canonical: (stem) => (parent.has(stem) ? find(stem) : stem),
    stemsOf: (term) => members.get(term) ?? [term],
  };
}

const SINGLE_WORD = lazyRegExp(String.raw`^[\p{L}\p{N}][\p{L}\p{N}-]{0,39}$`, 'u');

/** `accountant=bookkeeper`: single words joined by =, at least two. */
export function parseSynonymGroup(text: string): string[] {
  const words = text.split('=').map((w) => w.trim().toLowerCase());
  const hint = 'write single words joined by =, for example accountant=bookkeeper or lawyer=solicitor=attorney';
  if (words.length < 2 || words.some((w) => !w)) throw new UsageError(`"${text}" is not a synonym group`, hint);
  const bad = words.find((w) => !SINGLE_WORD().test(w));
  if (bad) throw new UsageError(`"${bad}" is not a single word`, hint);
  const stop = words.find((w) => STOP_WORDS.has(w));
  if (stop) throw new UsageError(`"${stop}" is too common a word to match on`, hint);
  if (new Set(words.map(toStem)).size < 2) throw new UsageError(`${words.join(' and ')} already match each other`, 'word forms and plurals match without a synonym');
  return [...new Set(words)];
}

// ---- terms ----------------------------------------------------------------------------------------------------------

/** A text's terms and how much each counts; `heads`, the terms of its head (what a need is for). */
export type Terms = ReadonlyMap<string, number> & { readonly heads: ReadonlySet<string>; readonly modifiers: ReadonlySet<string> };

export const HEAD_WEIGHT = 2;
export const GENERIC_WEIGHT = 0.5;
/** Words after the head phrase ("… for my café", "… in June") say where or when, not what: they count half. */
export const CONTEXT_WEIGHT = 0.5;

/**
 * The terms of a text. The head phrase is the first phrase with a content word ("a *wedding photographer* | for a
 * spring wedding"), or the one after "someone to", whose first word is then the head ("someone to | *plan* our party").
 * The head is the phrase's last content word ("wedding *photographer*"; "wedding *flowers* and table *decorations*"
 * has two): it weighs as much as all the other words together (at least HEAD_WEIGHT), so that a provider of the head
 * matches whatever words surround it. The head phrase's other words count 1; later phrases' words CONTEXT_WEIGHT;
 * generic words half of that.
 *
 *   "a florist for a styled wedding shoot"   florist 1.5, styled 0.5, wedding 0.5, shoot 0.5 → "florist" covers 0.5
 */
export function toTerms(text: string, synonyms: Synonyms): Terms {
  const phrases = toPhrases(text).map((parts) => parts.map((part) => part.filter((w) => !STOP_WORDS.has(w))).filter((part) => part.length));
  const first = phrases.findIndex((parts) => parts.length);
  const verbLed = VERB_LED.test(text);
  const terms = new Map<string, number>();
  const term = (w: string) => synonyms.canonical(toStem(w));
  const weigh = (w: string, weight: number) => weight * (GENERIC.has(toStem(w)) ? GENERIC_WEIGHT : 1);
  const headWords: string[] = [];
  const modifiers = new Set<string>();
  for (const [i, parts] of phrases.entries()) {
    for (const part of parts) {
      for (const [k, w] of part.entries()) {
        if (i === first && (verbLed ? k === 0 && part === parts[0] : k === part.length - 1) && !GENERIC.has(toStem(w))) headWords.push(w);
        else if (i === first && !verbLed && !GENERIC.has(toStem(w)) && modifiers.add(term(w))) terms.set(term(w), 1);
        else terms.set(term(w), Math.max(terms.get(term(w)) ?? 0, weigh(w, i === first ? (k === part.length - 1 ? HEAD_WEIGHT : 1) : CONTEXT_WEIGHT)));
      }
    }
  }
  const heads = new Set(headWords.map(term));
  for (const h of heads) terms.delete(h);
  const rest = [...terms.values()].reduce((a, b) => a + b, 0);
  for (const h of heads) terms.set(h, Math.max(HEAD_WEIGHT, rest));
  for (const h of heads) modifiers.delete(h);
  return Object.assign(terms, { heads, modifiers });
}

/** The lower-case fragments a matching text must contain: every stem of each term's synonym group. */
export function toSearchKeys(terms: Iterable<string>, synonyms: Synonyms): string[] {
  const keys = new Set<string>();
  for (const t of terms) for (const s of synonyms.stemsOf(t)) keys.add(s.length > 3 ? s.replace(/y$/, '') : s);
  return [...keys];
}

// ---- matches --------------------------------------------------------------------------------------------------------

/** What a contact offers (service, role, tag, company); `need`: what makes them a client, for an ideal referral. */
export type OfferField = 'service' | 'role' | 'tag' | 'company' | 'need';
/** An ideal referral describes clients, not providers: it is matched to what people need and are, never to services. */
export const CLIENT_FIELDS: readonly OfferField[] = ['need', 'role', 'tag'];
export interface Offer {
  contactId: string;
  field: OfferField;
  text: string;
}

export type WishKind = 'need' | 'ideal' | 'goal';
export interface Wish {
  contactId: string;
  kind: WishKind;
  text: string;
}

/** An offer's text without its contact: many contacts share it. */
export type OfferText = Pick<Offer, 'field' | 'text'>;

export interface TextMatch {
  wish: Wish;
  offer: OfferText;
  coverage: number;
  score: number;
}

export interface Match {
  wish: Wish;
  offer: Offer;
  /** The share of the wish's weight that the offer covers, 0..1. */
  coverage: number;
  score: number;
}

/**
 * How well an offer answers a wish.
 *
 *   coverage = Σ weight of the wish's terms the offer has / Σ weight of the wish's terms
 *   score    = coverage × FIELD_WEIGHT[offer field] × WISH_WEIGHT[wish kind]
 *
 *   field     weight        wish    weight   needs coverage ≥
 *   service   1.0           need    1.0      0.5
 *   role      0.9           goal    0.6      0.5
 *   tag       0.7           ideal   0.8      0.35 (an ideal describes people, not a service)
 *   company   0.5
 *   need      1.0           (an ideal referral meets clients: their needs, role and tags, never services)
 *
 * A match also needs one shared term that is not generic: "more clients" alone matches no one.
 * "a wedding photographer" (wedding 1, photographer 2) against "wedding photography": 3/3 → 1.0; against the role
 * "photographer": 2/3 → 0.6; against "wedding planner": 1/3, no match.
 */
export const FIELD_WEIGHT: Record<OfferField, number> = { service: 1, role: 0.9, tag: 0.7, company: 0.5, need: 1 };
export const WISH_WEIGHT: Record<WishKind, number> = { need: 1, goal: 0.6, ideal: 0.8 };
export const MIN_COVERAGE: Record<WishKind, number> = { need: 0.5, goal: 0.5, ideal: 0.35 };

export function toCoverage(wish: Terms, offer: Terms): number {
  // Two heads ("a logo and a brand") are two ways to answer: each is weighed without the other.
  const ways = wish.heads.size > 1 ? [...wish.heads].map((h) => new Set([...wish.heads].filter((x) => x !== h))) : [new Set<string>()];
  let best = 0;
  for (const without of ways) {
    let total = 0;
    let covered = 0;
    let specific = false;
    for (const [term, weight] of wish) {
      if (without.has(term)) continue;
      total += weight;
      if (offer.has(term)) {
        covered += weight;
        if (!GENERIC.has(term)) specific = true;
      }
    }
    if (total > 0 && specific) best = Math.max(best, covered / total);
  }
  return best;
}

/** Both name a kind of the same head, and not the same kind: "web designer" and "interior designer". */
function otherSpecialty(wish: Terms, offer: Terms): boolean {
  const mine = [...wish.modifiers];
  const theirs = [...offer.modifiers].filter((m) => !wish.has(m));
  return mine.length > 0 && theirs.length > 0 && !mine.some((m) => offer.has(m));
}

/** Matches with a cache of terms per text: in a network the same services and tags come back again and again. */
export class Matcher {
  private readonly cache = new Map<string, Terms>();

  constructor(readonly synonyms: Synonyms) {}

  terms(text: string): Terms {
    let t = this.cache.get(text);
    if (!t) {
      t = toTerms(text, this.synonyms);
      this.cache.set(text, t);
    }
    return t;
  }

  match(wish: Wish, offer: Offer): Match | undefined {
    if (wish.kind === 'ideal' ? !CLIENT_FIELDS.includes(offer.field) : offer.field === 'need') return undefined;
    const terms = this.terms(wish.text);
    const offered = this.terms(offer.text);
    // A need is for its head: "a florist for a wedding shoot" is not answered by "wedding shoot styling".
    if (wish.kind === 'need' && terms.heads.size && ![...terms.heads].some((h) => offered.has(h))) return undefined;
    // Two specialists of one trade: a "web designer" is not answered by an "interior designer".
    if (wish.kind === 'need' && otherSpecialty(terms, offered)) return undefined;
    const coverage = toCoverage(terms, offered);
    if (coverage < MIN_COVERAGE[wish.kind] || coverage === 0) return undefined;
    return { wish, offer, coverage, score: coverage * FIELD_WEIGHT[offer.field] * WISH_WEIGHT[wish.kind] };
  }

  /**
   * Does a need make its holder a client of this provider? Only when the provider offers what the need is for (its
   * head): "a photographer for our wedding" makes Cara a client of Leo, a wedding photographer, whose ideal referral
   * is couples planning a wedding; "a florist for a styled wedding shoot" does not, wedding or not.
   */
  isClientNeed(need: string, providerOffers: readonly OfferText[]): boolean {
    const heads = [...this.terms(need).heads];
    return heads.length > 0 && providerOffers.some((o) => o.field !== 'need' && heads.some((h) => this.terms(o.text).has(h)));
  }

  /**
   * Each wish against distinct offer texts (a network repeats the same services and tags across many contacts): an
   * index of the texts by term, so that a wish meets only texts that share a term with it. Best first.
   */
  matchTexts(wishes: readonly Wish[], offers: readonly OfferText[]): Map<Wish, TextMatch[]> {
    const index = new Map<string, OfferText[]>();
    for (const o of offers) {
      for (const term of this.terms(o.text).keys()) {
        const list = index.get(term);
        if (list) list.push(o);
        else index.set(term, [o]);
      }
    }
    const result = new Map<Wish, TextMatch[]>();
    for (const wish of wishes) {
      const seen = new Set<OfferText>();
      const found: TextMatch[] = [];
      for (const term of this.terms(wish.text).keys()) {
        for (const offer of index.get(term) ?? []) {
          if (seen.has(offer)) continue;
          seen.add(offer);
          const m = this.match(wish, { ...offer, contactId: '' });
          if (m) found.push({ wish, offer, coverage: m.coverage, score: m.score });
        }
      }
      if (found.length) result.set(wish, found.sort((a, b) => b.score - a.score));
    }
    return result;
  }
}
