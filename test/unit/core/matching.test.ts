import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import {
  DEFAULT_SYNONYMS,
  Matcher,
  parseSynonymGroup,
  toSearchKeys,
  toStem,
  toSynonyms,
  toTerms,
  type OfferField,
  type WishKind,
} from '../../../src/core/matching.js';

describe('toStem', () => {
  it.each([
    [['accountant', 'accounting', 'accountancy', 'accounts', 'Accountants'], 'account'],
    [['photographer', 'photography', 'photographs', 'photographic', 'photographers'], 'photograph'],
    [['planner', 'planning', 'plans', 'plan'], 'plan'],
    [['wedding', 'weddings', 'wed'], 'wed'],
    [['designer', 'designs', 'design', 'designing'], 'design'],
    [['engineer', 'engineering', 'engineers'], 'engin'],
    [['consultant', 'consulting', 'consultancy', 'consultation'], 'consult'],
    [['coach', 'coaches', 'coaching'], 'coach'],
    [['finance', 'financing', 'finances'], 'financ'],
    [['insurance', 'insurer'], 'insur'],
    [['therapist', 'therapy', 'therapies'], 'therap'],
    [['business', 'businesses'], 'busi'],
    [['management', 'manager', 'managing', 'manage'], 'manag'],
    [['caterer', 'catering'], 'cater'],
    [['bookkeeper', 'bookkeeping'], 'bookkeep'],
    [['electrical', 'electric'], 'electr'],
    [['electrician', 'electricians'], 'electric'],
    [['plumber', 'plumbing', 'plumbers'], 'plumb'],
    [['law', 'laws'], 'law'],
    [['lawyer', 'lawyers'], 'lawy'],
  ])('%j all become %s', (words, stem) => {
    for (const w of words) expect(toStem(w), w).toBe(stem);
  });

  it.each([
    ['spring', 'spring'],
    ['client', 'client'],
    ['agent', 'agent'],
    ['web', 'web'],
    ['it', 'it'],
  ])('keeps %s as %s (no stem without a vowel and a few letters)', (word, stem) => {
    expect(toStem(word)).toBe(stem);
  });

  it.each(['photographers', 'accounting', 'planning', 'weddings', 'companies', 'catering'])('%s starts with its stem (minus a final y), so SQL can pre-select it', (word) => {
    const [key] = toSearchKeys([toStem(word)], toSynonyms([]));
    expect(word.startsWith(key!)).toBe(true);
  });
});

describe('synonyms', () => {
  it('puts the word forms of a group under one term', () => {
    const s = toSynonyms([['accountant', 'bookkeeper']]);
    expect(s.canonical(toStem('bookkeeping'))).toBe(s.canonical(toStem('accountants')));
    expect(s.canonical('photograph')).toBe('photograph');
    expect([...s.stemsOf(s.canonical('account'))].sort()).toEqual(['account', 'bookkeep']);
  });

  it('joins groups that share a word', () => {
    const s = toSynonyms([['lawyer', 'solicitor'], ['solicitor', 'attorney']]);
    expect(s.canonical(toStem('attorney'))).toBe(s.canonical(toStem('lawyers')));
  });

  it.each([
    ['Accountant=Bookkeeper=CPA', ['accountant', 'bookkeeper', 'cpa']],
    [' bakery = patisserie ', ['bakery', 'patisserie']],
  ])('parses %j', (text, group) => {
    expect(parseSynonymGroup(text)).toEqual(group);
  });

  it.each([
    ['accountant', /is not a synonym group/],
    ['accountant=', /is not a synonym group/],
    ['estate agent=realtor', /"estate agent" is not a single word/],
    ['the=a', /too common/],
    ['accountant=accounting', /already match each other/],
  ])('refuses %j', (text, message) => {
    expect(() => parseSynonymGroup(text)).toThrow(UsageError);
    expect(() => parseSynonymGroup(text)).toThrow(message);
  });
});

describe('toTerms', () => {
  const none = toSynonyms([]);
  it.each([
    ['a wedding photographer', { wed: 1, photograph: 2 }],
    ['couples planning a wedding in spring', { coupl: 1, plan: 1, wed: 2.5, spring: 0.5 }],
    ['a florist for a styled wedding shoot', { flor: 2, style: 0.5, wed: 0.5, shoot: 0.5 }],
    ['more corporate clients', { corpor: 1, client: 1 }],
    ['help with marketing', { market: 2 }],
    ['A good ACCOUNTANT', { account: 2 }],
  ])('%j: the head weighs as much as the rest (at least 2), words after it half, generic words half, stop words not at all', (text, terms) => {
    expect(Object.fromEntries(toTerms(text, none))).toEqual(terms);
  });
});

describe('Matcher.match', () => {
  const matcher = new Matcher(toSynonyms(DEFAULT_SYNONYMS));
  const wish = (kind: WishKind, text: string) => ({ contactId: 'a', kind, text });
  const offer = (field: OfferField, text: string) => ({ contactId: 'b', field, text });

  it.each<[WishKind, string, OfferField, string, number | undefined]>([
    ['need', 'a wedding photographer', 'service', 'wedding photography', 1],
    ['need', 'a wedding photographer', 'service', 'Wedding Photographers', 1],
    ['need', 'a wedding photographer', 'role', 'photographer', 0.6],
    ['need', 'a wedding photographer', 'tag', 'photography', 0.467],
    ['need', 'a wedding photographer', 'role', 'wedding planner', undefined],
    ['need', 'a good accountant', 'service', 'bookkeeping', 1],
    ['need', 'a good accountant', 'company', 'Acme Accounting', 0.5],
    ['need', 'more clients', 'tag', 'client', undefined],
    ['need', 'more corporate clients', 'tag', 'corporate', 0.35],
    ['ideal', 'couples planning a wedding in spring', 'role', 'wedding planner', 0.504],
    ['ideal', 'couples planning a wedding in spring', 'service', 'wedding photography', undefined],
    ['ideal', 'couples planning a wedding in spring', 'need', 'a photographer for our wedding', 0.4],
    ['need', 'a florist for a styled wedding shoot', 'role', 'florist', 0.514],
    ['need', 'a florist for a styled wedding shoot', 'service', 'wedding shoot styling', undefined],
    ['need', 'a web designer for my bakery', 'role', 'interior designer', undefined],
    ['goal', 'open a second bakery', 'service', 'bakery design', 0.3],
    ['need', 'a patisserie', 'service', 'bakery', undefined],
  ])('%s %j against %s %j scores %s', (kind, wishText, field, offerText, score) => {
    const m = matcher.match(wish(kind, wishText), offer(field, offerText));
    if (score === undefined) expect(m).toBeUndefined();
    else expect(m?.score).toBeCloseTo(score, 3);
  });

  it.each<[string, [OfferField, string][], boolean]>([
    ['a photographer for our wedding', [['role', 'wedding photographer']], true],
    ['a florist for a styled wedding shoot', [['role', 'wedding photographer'], ['service', 'wedding photos']], false],
    ['a bookkeeper for my café', [['service', 'bookkeeping']], true],
    ['a bookkeeper for my café', [['tag', 'café']], false],
    ['wedding', [['service', 'wedding photography']], true],
  ])('a need %j makes its holder a client of a provider of %j: %s', (need, offers, client) => {
    expect(matcher.isClientNeed(need, offers.map(([field, text]) => ({ field, text })))).toBe(client);
  });

  it('matches a synonym the user added', () => {
    const own = new Matcher(toSynonyms([...DEFAULT_SYNONYMS, ['bakery', 'patisserie']]));
    expect(own.match(wish('need', 'a patisserie'), offer('service', 'bakery'))?.score).toBe(1);
  });

  it('ranks the texts of a network best first and skips those with no shared term', () => {
    const w = wish('need', 'a wedding photographer');
    const hits = matcher.matchTexts([w], [
      { field: 'role', text: 'photographer' },
      { field: 'service', text: 'wedding photography' },
      { field: 'service', text: 'tax returns' },
    ]);
    expect(hits.get(w)!.map((h) => [h.offer.text, h.score])).toEqual([
      ['wedding photography', 1],
      ['photographer', expect.closeTo(0.6, 5)],
    ]);
  });
});

