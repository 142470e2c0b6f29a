/**
 * Matching by meaning: what one contact needs (or their ideal referral, or a goal) against what another offers (their
 * services, role, tags, company). Pure. Texts become terms: words lower-cased, stop words dropped, each reduced to a
 * stem by a small suffix-stripping stemmer ("photographer" and "photography" both become "photograph"), and stems the
 * user declared synonyms ("accountant=bookkeeper") share one canonical term.
 */
import { UsageError } from './errors.js';
import { lazyRegExp } from './lazy-regexp.js';

// ---- stems ----------------------------------------------------------------------------------------------------------

const VOWEL = /[aeiouy]/;

/** Word endings and the shortest stem each may leave; inflections (-ing, -ed, -er) come off only in the first pass. */
const INFLECTIONS: readonly [string, number][] = [
  ['ing', 3],
  ['ed', 3],
  ['er', 3],
];
const DERIVATIONS: readonly [string, number][] = [
  ['isation', 4], ['ization', 4], ['ation', 4], ['ition', 4], ['ator', 4], ['iser', 4], ['izer', 4], ['ment', 4], ['ness', 4],
  ['ancy', 4], ['ency', 4], ['ance', 4], ['ence', 4], ['ship', 4], ['ist', 4], ['ism', 4], ['ian', 4], ['ial', 4], ['ant', 4],
  ['ent', 4], ['ive', 4], ['ous', 4], ['ery', 3], ['ity', 4], ['ary', 4], ['ory', 4], ['ure', 4], ['ize', 4], ['ise', 4],
  ['ate', 4], ['eer', 4], ['ion', 4], ['or', 4], ['al', 3], ['ic', 4], ['y', 3], ['e', 3],
];
const byLength = (a: readonly [string, number], b: readonly [string, number]) => b[0].length - a[0].length;
const FIRST_PASS = [...DERIVATIONS, ...INFLECTIONS].sort(byLength);
const SECOND_PASS = [...DERIVATIONS].sort(byLength);

function strip(word: string, suffixes: readonly (readonly [string, number])[]): [string, string] | undefined {
  for (const [suffix, min] of suffixes) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if (stem.length >= min && VOWEL.test(stem)) return [stem, suffix];
  }
  return undefined;
}

function dropPlural(w: string): string {
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses') || /(?:ch|sh|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w) && w.length > 3) return w.slice(0, -1);
  return w;
}

/**
 * The stem of one lower-case word: plural off, then up to two suffixes ("engineering" → "engineer" → "engin"), a doubled
 * consonant undone after -ing/-ed/-er ("planner" → "plan"). A stem keeps a vowel and a few letters ("spring" stays).
 * Apart from -ies, a stem is the start of its word, which lets SQL pre-select rows with instr().
 */
export function toStem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3) return w;
  w = dropPlural(w);
  const first = strip(w, FIRST_PASS);
  if (!first) return w;
  w = first[0];
  if (INFLECTIONS.some(([s]) => s === first[1]) && /([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
  return strip(w, SECOND_PASS)?.[0] ?? w;
}

// ---- words ----------------------------------------------------------------------------------------------------------

const STOP_WORDS = new Set(
  `a an the and or nor of for to in on at by with from into about as is are be been am i me my we us our you your they them
  their he him his she her it its this that these those who whom which what someone somebody anyone anybody some any more
  most less new good great best better reliable trusted decent local need needs needed needing want wants wanted looking
  look find finding get getting help helping like just also very really please etc eg`.split(/\s+/),
);

/** Words after which the head of a phrase is over: "couples planning a wedding | in spring". */
const PHRASE_BREAKS = new Set(['in', 'for', 'with', 'to', 'at', 'on', 'from', 'who', 'that', 'which', 'by', 'about', 'near', 'around', 'during', 'before', 'after']);

/** Words that say little about what someone does: they count half. */
const GENERIC = new Set(['client', 'customer', 'service', 'business', 'company', 'work', 'professional', 'people', 'contact', 'referral', 'introduction', 'partner', 'opportunity', 'project', 'small', 'team'].map(toStem));

export function toWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
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

/** A text's terms and how much each counts. */
export type Terms = ReadonlyMap<string, number>;

export const HEAD_WEIGHT = 2;
export const GENERIC_WEIGHT = 0.5;

/**
 * The terms of a text. The head of the phrase (its last word before a preposition: "wedding *photographer*",
 * "couples planning a *wedding* in spring") counts double; generic words count half.
 */
export function toTerms(text: string, synonyms: Synonyms): Terms {
  const words = toWords(text);
  const content = (w: string) => !STOP_WORDS.has(w) && !PHRASE_BREAKS.has(w);
  let head = -1;
  for (const [i, w] of words.entries()) {
    if (PHRASE_BREAKS.has(w) && head >= 0) break;
    if (content(w)) head = i;
  }
  const terms = new Map<string, number>();
  for (const [i, w] of words.entries()) {
    if (!content(w)) continue;
    const stem = toStem(w);
    const weight = (GENERIC.has(stem) ? GENERIC_WEIGHT : 1) * (i === head ? HEAD_WEIGHT : 1);
    const term = synonyms.canonical(stem);
    terms.set(term, Math.max(terms.get(term) ?? 0, weight));
  }
  return terms;
}

/** The lower-case fragments a matching text must contain: every stem of each term's synonym group. */
export function toSearchKeys(terms: Iterable<string>, synonyms: Synonyms): string[] {
  const keys = new Set<string>();
  for (const t of terms) for (const s of synonyms.stemsOf(t)) keys.add(s.length > 3 ? s.replace(/y$/, '') : s);
  return [...keys];
}

// ---- matches --------------------------------------------------------------------------------------------------------

export type OfferField = 'service' | 'role' | 'tag' | 'company';
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
 *
 * A match also needs one shared term that is not generic: "more clients" alone matches no one.
 * "a wedding photographer" (wedding 1, photographer 2) against "wedding photography": 3/3 → 1.0; against the role
 * "photographer": 2/3 → 0.6; against "wedding planner": 1/3, no match.
 */
export const FIELD_WEIGHT: Record<OfferField, number> = { service: 1, role: 0.9, tag: 0.7, company: 0.5 };
export const WISH_WEIGHT: Record<WishKind, number> = { need: 1, goal: 0.6, ideal: 0.8 };
export const MIN_COVERAGE: Record<WishKind, number> = { need: 0.5, goal: 0.5, ideal: 0.35 };

export function toCoverage(wish: Terms, offer: Terms): number {
  let total = 0;
  let covered = 0;
  let specific = false;
  for (const [term, weight] of wish) {
    total += weight;
    if (offer.has(term)) {
      covered += weight;
      if (!GENERIC.has(term)) specific = true;
    }
  }
  return total > 0 && specific ? covered / total : 0;
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
    const coverage = toCoverage(this.terms(wish.text), this.terms(offer.text));
    if (coverage < MIN_COVERAGE[wish.kind] || coverage === 0) return undefined;
    return { wish, offer, coverage, score: coverage * FIELD_WEIGHT[offer.field] * WISH_WEIGHT[wish.kind] };
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
