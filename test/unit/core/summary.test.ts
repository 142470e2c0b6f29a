import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/core/dates.js';
import { extendSummary, readFaded, summarize, toBalanceWeight, toCanonicalOrder, toRecentTouchGap, type ContactRows } from '../../../src/core/summary.js';
import { runs } from '../../helpers/property-runs.js';

const TODAY = '2026-11-22';
const HALF_LIFE = 180;
type Ev = ContactRows['events'][number];
const ev = (type: Ev['type'], kind: string, occurredOn: string, value: number | null = null, outcome: string | null = null): Ev => ({ type, kind, value, occurredOn, outcome });
const rows = (r: Partial<ContactRows>): ContactRows => ({ events: [], facts: [], followUps: [], answers: [], ...r });

describe('summarize', () => {
  it('is all empty for a contact with no rows', () => {
    const s = summarize(rows({}), HALF_LIFE);
    expect(s).toMatchObject({ firstEventOn: null, lastTouchOn: null, touchCount: 0, invested: 0, openAskOn: null, nextFollowUpOn: null, recentTouchGap: null, wonReferralOn: null, referralCheckOn: null, importantDates: null });
  });

  it('counts each kind of event and fact', () => {
    const s = summarize(
      rows({
        events: [ev('touch', 'coffee', '2026-11-01'), ev('touch', 'call', '2026-11-05'), ev('gave', 'referral', '2026-11-03', 4), ev('received', 'idea', '2026-11-04', 2), ev('ask', 'favour', '2026-11-06', 3, 'yes')],
        facts: [{ kind: 'tag', text: 'bni' }, { kind: 'service', text: 'tax' }, { kind: 'service', text: 'audit' }, { kind: 'goal', text: 'a house' }, { kind: 'family', text: 'Sam' }, { kind: 'tag', text: 'müller' }],
        answers: [{ answer: true }, { answer: false }, { answer: true }],
      }),
      HALF_LIFE,
    );
    expect(s).toMatchObject({
      touchCount: 2,
      giveCount: 1,
      receivedCount: 1,
      askCount: 1,
      serviceCount: 2,
      goalCount: 1,
      familyCount: 1,
      answersYes: 2,
      tagsLength: '#bni #müller'.length,
      firstEventOn: '2026-11-01',
      lastEventOn: '2026-11-06',
      lastReceivedOn: '2026-11-04',
    });
  });

  it.each([
    ['a touch is the latest', [ev('gave', 'idea', '2026-11-01', 2), ev('touch', 'call', '2026-11-10')], '2026-11-10'],
    ['a give is the latest', [ev('touch', 'call', '2026-11-01'), ev('gave', 'idea', '2026-11-10', 2)], '2026-11-10'],
    ['received and asks do not count', [ev('touch', 'call', '2026-11-01'), ev('received', 'referral', '2026-11-10', 5), ev('ask', 'favour', '2026-11-12', 2, 'pending')], '2026-11-01'],
    ['only received', [ev('received', 'referral', '2026-11-10', 5)], null],
  ])('last touch: %s', (_, events, expected) => {
    expect(summarize(rows({ events }), HALF_LIFE).lastTouchOn).toBe(expected);
  });

  it('keeps what they gave the user out of what the user invested', () => {
    const day = '2026-11-22';
    const withReceived = summarize(rows({ events: [ev('gave', 'referral', day, 3), ev('received', 'referral', day, 5)] }), HALF_LIFE);
    const without = summarize(rows({ events: [ev('gave', 'referral', day, 3)] }), HALF_LIFE);
    expect(withReceived.invested).toBe(without.invested);
    expect(readFaded(withReceived.invested, day, HALF_LIFE)).toBeCloseTo(3);
    expect(readFaded(withReceived.received, day, HALF_LIFE)).toBeCloseTo(5);
    expect(withReceived.withdrawn).toBe(0);
  });

  it('puts touchpoints in by channel and asks in withdrawn', () => {
    const s = summarize(rows({ events: [ev('touch', 'coffee', TODAY), ev('touch', 'email', TODAY), ev('ask', 'introduction', TODAY, 2, 'pending')] }), HALF_LIFE);
    expect(readFaded(s.invested, TODAY, HALF_LIFE)).toBeCloseTo(1.25);
    expect(readFaded(s.withdrawn, TODAY, HALF_LIFE)).toBeCloseTo(2);
  });

  it('keeps the oldest pending ask as the open ask', () => {
    const events = [ev('ask', 'favour', '2026-10-01', 2, 'no'), ev('ask', 'referral', '2026-10-05', 3, 'pending'), ev('ask', 'introduction', '2026-11-01', 2, 'pending')];
    expect(summarize(rows({ events }), HALF_LIFE).openAskOn).toBe('2026-10-05');
    expect(summarize(rows({ events: events.slice(0, 1) }), HALF_LIFE).openAskOn).toBeNull();
  });

  it('takes the earliest open follow-up as the next one, ignoring done ones', () => {
    const followUps = [
      { dueOn: '2026-11-30', doneOn: null },
      { dueOn: '2026-11-25', doneOn: '2026-11-20' },
      { dueOn: '2026-12-10', doneOn: null },
    ];
    expect(summarize(rows({ followUps }), HALF_LIFE).nextFollowUpOn).toBe('2026-11-30');
    expect(summarize(rows({ followUps: [followUps[1]!] }), HALF_LIFE).nextFollowUpOn).toBeNull();
  });

  it('reads an event one half-life ago at half its weight, and two half-lives ago at a quarter', () => {
    const s = summarize(rows({ events: [ev('gave', 'referral', addDays(TODAY, -HALF_LIFE), 4)] }), HALF_LIFE);
    expect(readFaded(s.invested, TODAY, HALF_LIFE)).toBeCloseTo(2);
    expect(readFaded(s.invested, addDays(TODAY, HALF_LIFE), HALF_LIFE)).toBeCloseTo(1);
    expect(readFaded(s.invested, addDays(TODAY, -HALF_LIFE), HALF_LIFE)).toBeCloseTo(4);
  });

  it('adds up as plain sums whatever the order of the events', () => {
    const events = [ev('touch', 'coffee', '2025-01-10'), ev('gave', 'idea', '2026-06-01', 2), ev('touch', 'call', '2026-11-20')];
    const a = summarize(rows({ events }), HALF_LIFE);
    const b = summarize(rows({ events: [...events].reverse() }), HALF_LIFE);
    expect(a).toEqual(b);
  });
});

describe('toRecentTouchGap', () => {
  it.each([
    [[], null],
    [['2026-11-01', '2026-11-10'], null],
    [['2026-11-01', '2026-11-10', '2026-11-12'], 9],
    [['2026-11-12', '2026-11-01', '2026-11-10'], 9], // any order
    [['2026-01-01', '2026-11-01', '2026-11-03', '2026-11-20'], 17], // only the last three
    [['2026-11-01', '2026-11-01', '2026-11-01'], 0],
  ])('%j gives %s', (days, gap) => {
    expect(toRecentTouchGap(days)).toBe(gap);
  });

  it('counts only touchpoints in the summary', () => {
    const events = [ev('touch', 'call', '2026-11-01'), ev('gave', 'idea', '2026-11-05', 2), ev('touch', 'call', '2026-11-10'), ev('touch', 'call', '2026-11-12')];
    expect(summarize(rows({ events }), HALF_LIFE).recentTouchGap).toBe(9);
  });
});

describe('toBalanceWeight', () => {
  it.each([
    [{ type: 'touch', kind: 'coffee', value: null }, 1],
    [{ type: 'touch', kind: 'email', value: null }, 0.25],
    [{ type: 'touch', kind: 'video', value: null }, 0.75],
    [{ type: 'gave', kind: 'referral', value: 4 }, 4],
    [{ type: 'ask', kind: 'favour', value: 3 }, -3],
    [{ type: 'received', kind: 'referral', value: 5 }, 0],
  ] as const)('%j weighs %d', (event, weight) => {
    expect(toBalanceWeight(event)).toBe(weight);
  });
});

describe('toCanonicalOrder', () => {
  // The order it promises: by the key day, type, kind and value joined with NULs, equal keys as they came.
  const byKey = <T extends Ev>(events: readonly T[]) =>
    events
      .map((e, i) => [`${e.occurredOn}\u0000${e.type}\u0000${e.kind}\u0000${e.value ?? ''}`, i, e] as const)
      .sort(([a, i], [b, j]) => (a < b ? -1 : a > b ? 1 : i - j))
      .map(([, , e]) => e);
  const text = (chars: string[]) => fc.string({ unit: fc.constantFrom(...chars), maxLength: 3 });
  const eventArb = (kinds: fc.Arbitrary<string>) =>
    fc.record({
      type: fc.constantFrom('touch' as const, 'gave' as const, 'ask' as const, 'received' as const),
      kind: kinds,
      value: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
      occurredOn: fc.constantFrom('2026-01-01', '2026-01-02', '2025-12-31'),
      outcome: fc.constant(null),
      tag: fc.nat(),
    });

  it.each([
    ['kinds of the vocabulary', fc.constantFrom('call', 'coffee', 'referral', 'one-to-one')],
    ['kinds that are prefixes of others, or hold NULs', text(['a', 'b', '\u0000', '-'])],
  ])('sorts as the joined key does: %s', (_, kinds) => {
    fc.assert(
      fc.property(fc.array(eventArb(kinds), { maxLength: 40 }), (events) => {
        expect(toCanonicalOrder(events)).toEqual(byKey(events));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('extendSummary on the last event\'s day', () => {
  // The day's touchpoint days as summarize() folds them, the latest three, for extendSummary's recentTouchDays.
  const touchDays = (events: readonly Ev[]) => events.filter((e) => e.type === 'touch').map((e) => e.occurredOn).sort().slice(-3);
  const extend = (before: readonly Ev[], added: readonly Ev[]) => {
    const last = before.map((e) => e.occurredOn).sort().at(-1)!;
    const all = [...before, ...added];
    return extendSummary(summarize(rows({ events: before }), HALF_LIFE), added, touchDays(before), null, HALF_LIFE, all.filter((e) => e.occurredOn === last));
  };
  const history = [ev('touch', 'coffee', '2026-10-01'), ev('gave', 'intro', '2026-10-20', 3), ev('touch', 'call', TODAY), ev('ask', 'favour', TODAY, 2, 'pending')];

  it('extends, to the last bit, with events that sort at or after every event of that day (ten calls logged today)', () => {
    const calls = Array.from({ length: 10 }, () => ev('touch', 'call', TODAY));
    const cases: [Ev[], Ev[]][] = [
      [[...history.slice(0, 3)], calls], // equal to the day's last event: the same terms, in any order
      [history, [ev('touch', 'email', TODAY), ev('touch', 'video', TODAY)]], // after the ask in (type, kind)
      [history, [ev('touch', 'call', addDays(TODAY, 1))]], // a later day, as before
    ];
    for (const [before, added] of cases) {
      const s = extend(before, added);
      expect(s).not.toBeNull();
      expect(s).toEqual(summarize(rows({ events: [...before, ...added] }), HALF_LIFE));
    }
  });

  it('gives null when an event of that day sorts after one added (summarize() would sum it after)', () => {
    expect(extend(history, [ev('gave', 'idea', TODAY, 1)])).toBeNull(); // the touchpoint today sorts after a give
    expect(extend(history, [ev('touch', 'call', addDays(TODAY, -1))])).toBeNull(); // an earlier day, as before
  });
});
