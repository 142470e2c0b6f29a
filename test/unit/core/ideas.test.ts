import { describe, expect, it } from 'vitest';
import type { CheckAdvice, CheckResult, Standing } from '../../../src/core/capital.js';
import { pairKey, rankIdeas, toFallbackIdeas, toPairIdea, toRelationshipWeight, type Candidate, type Idea } from '../../../src/core/ideas.js';
import type { Match } from '../../../src/core/matching.js';
import { describeIdeaAction, describeIdeaReason, describeLearnFirst } from '../../../src/ui/messages/ideas.js';

const standing = (stage: Standing['stage'], balance = 0): Standing => ({ stage, balance, received: 0, depth: { score: 0, of: 13 }, knownSince: null, knownDays: null });
const verdict = (v: 'ready' | 'premature', suggestions: CheckAdvice[] = []) => ({ verdict: v, suggestions }) as unknown as CheckResult;
/** An idea in words, as ui/messages/ideas.ts says it (core gives kinds and codes). */
const said = (i: Idea) => ({ ...i, action: describeIdeaAction(i), because: describeIdeaReason(i.because), learnFirst: i.learnFirst.map(describeLearnFirst) });
const person = (id: string, name: string, stage: Standing['stage'], ready: boolean, met = true): Candidate => ({
  id,
  name,
  standing: standing(stage),
  met,
  referral: verdict(ready ? 'ready' : 'premature', ready ? [] : [{ code: 'point', point: 'trust' }]),
});
const match = (kind: 'need' | 'ideal' | 'goal', score = 1): Match => ({
  wish: { contactId: 'm', kind, text: kind === 'ideal' ? 'couples planning a wedding' : 'a wedding photographer' },
  offer: { contactId: 't', field: 'service', text: 'wedding photography' },
  coverage: 1,
  score,
});

describe('toRelationshipWeight', () => {
  it.each<[Standing['stage'], number, number]>([
    ['growing', 0, 1],
    ['acquaintance', 1.5, 0.9],
    ['deep', 8, 0.8],
    ['acquaintance', 0.5, 0.6],
    ['stranger', 0, 0.2],
  ])('%s with balance %d weighs %d', (stage, balance, weight) => {
    expect(toRelationshipWeight({ stage, balance })).toBe(weight);
  });
});

describe('toPairIdea', () => {
  const maria = person('m', 'Maria Lopez', 'growing', false);
  it('is ready when the user can vouch for the provider of a need and has met the seeker', () => {
    const idea = said(toPairIdea(match('need'), person('m', 'Maria Lopez', 'growing', true), person('t', 'Tom Baker', 'growing', true)));
    expect(idea).toMatchObject({ kind: 'introduction', for: { name: 'Maria Lopez' }, with: { name: 'Tom Baker' }, action: 'introduce Maria Lopez to Tom Baker', ready: true, learnFirst: [], score: 1 });
  });

  it('halves an idea that is not ready and says what to learn first, about whom', () => {
    const idea = said(toPairIdea(match('need'), person('m', 'Maria Lopez', 'growing', false, false), person('t', 'Tom Baker', 'acquaintance', false)));
    expect(idea.ready).toBe(false);
    expect(idea.score).toBeCloseTo(0.5 * ((1 + 0.6) / 2), 10);
    expect(idea.learnFirst).toEqual(['Tom Baker: see their work first-hand before you vouch for it', 'Maria Lopez: meet them first: invite them to a one-to-one (net log "Maria Lopez" --next "in 1 week")']);
  });

  it('is ready when the user can vouch for the provider, though not (yet) for the one with the need: Nina and Tom', () => {
    const idea = said(toPairIdea(match('need'), person('m', 'Maria Lopez', 'growing', false), person('t', 'Tom Baker', 'growing', true)));
    expect(idea).toMatchObject({ ready: true, learnFirst: [] });
  });

  it('is not ready when the user has not met the one with the need', () => {
    const idea = said(toPairIdea(match('need'), person('m', 'Maria Lopez', 'stranger', false, false), person('t', 'Tom Baker', 'growing', true)));
    expect(idea).toMatchObject({ ready: false, learnFirst: ['Maria Lopez: meet them first: invite them to a one-to-one (net log "Maria Lopez" --next "in 1 week")'] });
  });

  it('is not ready when the user cannot vouch for the provider, whoever needs them', () => {
    const idea = said(toPairIdea(match('need'), person('m', 'Maria Lopez', 'growing', true), person('t', 'Tom Baker', 'growing', false)));
    expect(idea).toMatchObject({ ready: false, learnFirst: ['Tom Baker: see their work first-hand before you vouch for it'] });
  });

  it('vouches for the seeker when the provider fits their ideal referral', () => {
    const idea = said(toPairIdea(match('ideal'), maria, person('t', 'Tom Baker', 'growing', true)));
    expect(idea).toMatchObject({ kind: 'referral', action: 'refer Tom Baker to Maria Lopez', ready: false, learnFirst: ['Maria Lopez: see their work first-hand before you vouch for it'] });
  });

  it('helps the provider when the seeker needs what they offer', () => {
    const idea = said(toPairIdea(match('need'), person('m', 'Maria Lopez', 'growing', true), person('t', 'Tom Baker', 'growing', true), 'provider'));
    expect(idea).toMatchObject({ kind: 'referral', for: { name: 'Tom Baker' }, with: { name: 'Maria Lopez' }, action: 'refer Maria Lopez to Tom Baker', ready: true });
  });
});

describe('rankIdeas', () => {
  const idea = (a: string, b: string, score: number): Idea => ({ kind: 'introduction', for: { id: a, name: a }, with: { id: b, name: b }, need: null, because: { code: 'acquaintance', name: a }, score, ready: true, learnFirst: [] });
  it('puts what can be done today first, whatever the scores', () => {
    const notReady = { ...idea('x', 'y', 0.9), ready: false };
    expect(rankIdeas([notReady, idea('a', 'b', 0.2)], new Set(), 5).map((i) => i.ready)).toEqual([true, false]);
  });

  it('keeps the best idea per pair, drops pairs already introduced, best first, to the limit', () => {
    const ranked = rankIdeas([idea('a', 'b', 0.4), idea('b', 'a', 0.9), idea('a', 'c', 0.8), idea('c', 'd', 0.7), idea('d', 'e', 0.1)], new Set([pairKey('d', 'c')]), 2);
    expect(ranked.map((i) => [i.for.id, i.with!.id, i.score])).toEqual([
      ['b', 'a', 0.9],
      ['a', 'c', 0.8],
    ]);
  });
});

describe('toFallbackIdeas', () => {
  it.each<[Candidate, string[], string[]]>([
    [person('s', 'Sam Lee', 'stranger', false, false), [], ['one-to-one']],
    [person('s', 'Sam Lee', 'acquaintance', false), [], ['ask-how-to-help', 'one-to-one']],
    [person('s', 'Sam Lee', 'acquaintance', false), ['a van'], ['article', 'one-to-one']],
    [person('s', 'Sam Lee', 'growing', false), ['a van', 'a logo'], ['article', 'article']],
  ])('%# fits the stage', (c, needs, kinds) => {
    expect(toFallbackIdeas(c, needs).map((i) => i.kind)).toEqual(kinds);
  });
});
