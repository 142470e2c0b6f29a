/** The one-line log's words, read in-process with a stand-in date reader (the real one is tested with the command). */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { parseLogWords, type LogDateReader } from '../../../src/core/log-words.js';

const TODAY = '2026-11-30';
/** A few phrases, as the date reader of ui/read-date.ts reads them on Monday 2026-11-30. */
const DATES: Record<string, string> = {
  yesterday: '2026-11-29',
  tuesday: '2026-11-24',
  'last friday': '2026-11-27',
  '3 days ago': '2026-11-27',
  friday: '2026-11-27',
  'in 2 weeks': '2026-12-14',
  sept: '2026-09-01',
  '5 sept': '2026-09-05',
};
const FUTURE: Record<string, string> = { friday: '2026-12-04', 'in 2 weeks': '2026-12-14', 'next monday': '2026-12-07', yesterday: '2026-11-29' };
const reader: LogDateReader = async (text, direction) => (direction === 'past' ? DATES[text.toLowerCase()] : FUTURE[text.toLowerCase()]);
const read = (...words: string[]) => parseLogWords(words, TODAY, reader);
const refusal = async (...words: string[]) => {
  try {
    await read(...words);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return `${(err as UsageError).message}; ${(err as UsageError).hint}`;
  }
  throw new Error(`read ${words.join(' ')}`);
};

describe('the words after the name', () => {
  it.each([
    [['coffee'], { touch: 'coffee' }],
    [['coffee', 'yesterday'], { touch: 'coffee', date: '2026-11-29' }],
    [['yesterday', 'coffee'], { touch: 'coffee', date: '2026-11-29' }],
    [['1-1', 'last', 'friday'], { touch: 'one-to-one', date: '2026-11-27' }],
    [['coffee', 'gave', 'article', 'sent her the pricing piece'], { touch: 'coffee', gave: 'article', note: 'sent her the pricing piece' }],
    [['gave', 'referral', '4', 'for', 'Tom Baker, needs a bookkeeper', 'next', 'in 2 weeks'], { gave: 'referral', value: 4, prospect: 'Tom Baker, needs a bookkeeper', next: '2026-12-14' }],
    [['gave', 'referral', '4', 'Tom needs a bookkeeper', 'next', 'in', '2', 'weeks'], { gave: 'referral', value: 4, note: 'Tom needs a bookkeeper', next: '2026-12-14' }],
    [['received', 'introduction', 'yesterday'], { received: 'introduction', date: '2026-11-29' }],
    [['gave', 'article', '3', 'days', 'ago'], { gave: 'article', date: '2026-11-27' }],
    [['gave', 'article', '3', 'tuesday'], { gave: 'article', value: 3, date: '2026-11-24' }],
    [['gave', 'other', 'call'], { gave: 'other', touch: 'call' }],
    [['call', 'last friday'], { touch: 'call', date: '2026-11-27' }],
    [['next', 'friday'], { next: '2026-12-04' }],
  ])('%j is %j', async (words, expected) => {
    expect(await read(...words)).toEqual(expected);
  });

  it.each([
    [['article'], '"article" could be read two ways: --gave article, or --received article; say gave article or received article'],
    [['other'], '"other" could be read three ways: --touch other, or --gave other, or --received other; say gave other or received other, or use --touch other'],
    [['gave', 'article', '5', 'sept'], '"gave article 5 sept" could be read two ways: --gave article --date "5 sept", or --gave article --value 5 --date sept; say which with the flags'],
    [['gave', 'idea', 'article'], '"article" could be read two ways: --gave article, or --received article; say gave article or received article'],
  ])('refuses %j, which could be read more than one way, showing the flags of each', async (words, message) => {
    expect(await refusal(...words)).toBe(message);
  });

  it.each([
    [['cofee'], /^cannot read "cofee" in what happened \(did you mean coffee\?\); say what happened/],
    [['doe', 'coffee'], /^cannot read "doe" in what happened; a name of several words goes in quotes \(net log "jane doe" coffee\)/],
    [['coffee', 'pricing'], /^cannot read "pricing" in what happened; a note of one word goes with --note pricing; say what happened/],
    [['coffee', '2026-13-01'], /^cannot read "2026-13-01" as a date; write a date as 2026-11-20, 20\.11\.2026, "3 days ago" or "last friday"; see net log --help$/],
    [['coffee', '31.02.2026'], /^cannot read "31\.02\.2026" as a date; /],
    [['gave', 'article', '9'], /^cannot read "9" in what happened; a value goes after gave or received and its kind, from 1 to 5 \(gave referral 4\); say what happened/],
    [['coffee', 'lunch'], /^"lunch" says how you were in touch a second time; say each thing once$/],
    [['coffee', 'in 2 weeks'], /^"in 2 weeks" is in the future \(2026-12-14\); log what has happened; schedule what is to come with next, for example next "in 2 weeks"$/],
    [['gave'], /^"gave" needs a kind after it; for example gave referral, gave introduction, gave article/],
    [['gave', 'coffee'], /^"gave" needs a kind after it, not "coffee"; /],
    [['next'], /^"next" needs a date after it; /],
    [['next', 'someday'], /^cannot read the date after "next": "someday"; /],
    [['next', 'yesterday'], /^next yesterday is in the past \(2026-11-29\); /],
    [['for'], /^"for" needs whom the referral was for after it; /],
    [['coffee, sent her the article', 'yesterday'], /^nothing to log: the words after the name say no channel, gave <kind> or received <kind>; say what happened outside the quotes/],
  ])('refuses %j with what was wrong', async (words, message) => {
    expect(await refusal(...words)).toMatch(message);
  });

  it('adds to what the flags said, each field said once', async () => {
    const flagOf = (f: string) => `--${f}`;
    expect(await parseLogWords(['call'], TODAY, reader, { said: { note: 'x', touch: undefined }, flagOf })).toEqual({ note: 'x', touch: 'call' });
    await expect(parseLogWords(['call'], TODAY, reader, { said: { touch: 'lunch' }, flagOf })).rejects.toThrow('--touch and the words after the name both say how you were in touch');
  });
});
