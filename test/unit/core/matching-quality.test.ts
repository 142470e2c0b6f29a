/**
 * Matching quality on needs and services written the way people write them: precision (of the matches found, how many
 * answer the need) and recall (of the offers that answer a need, how many are found), over every need × offer pair of
 * test/fixtures/matching/needs-and-services.ts.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNONYMS, Matcher, toSynonyms } from '../../../src/core/matching.js';
import { NEEDS, OFFERS } from '../../fixtures/matching/needs-and-services.js';

export function measure(matcher: Matcher): { precision: number; recall: number; misses: string[]; wrong: string[] } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  const wrong: string[] = [];
  for (const [need, answers] of NEEDS) {
    for (const o of OFFERS) {
      const found = matcher.match({ contactId: 'a', kind: 'need', text: need }, { contactId: 'b', field: o.field, text: o.text }) !== undefined;
      const right = answers.includes(o.key);
      if (found && right) tp++;
      else if (found) {
        fp++;
        wrong.push(`${need} ~ ${o.text}`);
      } else if (right) {
        fn++;
        misses.push(`${need} ~ ${o.text}`);
      }
    }
  }
  return { precision: tp / (tp + fp), recall: tp / (tp + fn), misses, wrong };
}

describe('matching quality', () => {
  it('the table holds at least 40 needs, each answer an offer of the table', () => {
    expect(NEEDS.length).toBeGreaterThanOrEqual(40);
    const keys = new Set(OFFERS.map((o) => o.key));
    for (const [, answers] of NEEDS) for (const a of answers) expect(keys.has(a), a).toBe(true);
  });

  it('finds what answers a need, and little else', () => {
    const m = measure(new Matcher(toSynonyms(DEFAULT_SYNONYMS)));
    // Measured when the head rule and Porter's stemmer came in (issue 17): precision 0.885, recall 0.852; before them,
    // with the hand-written stemmer and no head rule, 0.755 and 0.685. What it still misses needs knowledge, not words
    // ("someone to do my books" is a bookkeeper's work); see m.misses and m.wrong.
    expect(m.precision, m.wrong.join('\n')).toBeGreaterThanOrEqual(0.88);
    expect(m.recall, m.misses.join('\n')).toBeGreaterThanOrEqual(0.85);
  });
});
