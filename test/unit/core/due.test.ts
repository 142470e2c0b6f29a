import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDepth } from '../../../src/core/checklist.js';
import { addDays } from '../../../src/core/dates.js';
import {
  cadenceTerm,
  DUE_WEIGHTS,
  followUpTerm,
  goingColdTerm,
  neverMetTerm,
  openAskTerm,
  receivedTerm,
  scoreDue,
  toDepthUpperBound,
  toDueScore,
  toNextDueOn,
  toDueStanding,
  type DueContact,
} from '../../../src/core/due.js';
import { toEpochScale } from '../../../src/core/summary.js';
import { describeDueAction, describeDueReason } from '../../../src/ui/messages/due.js';
import { runs } from '../../helpers/property-runs.js';

const DAY = '2026-11-22';
const HALF_LIFE = 180;
const ago = (n: number) => addDays(DAY, -n);

/** A contact added two years ago and never touched, unless told otherwise. */
function contact(over: Partial<DueContact> = {}): DueContact {
  return {
    id: 'c1',
    name: 'Jane Doe',
    everyDays: null,
    snoozedUntil: null,
    metOn: null,
    createdAt: `${ago(730)}T09:00:00.000Z`,
    firstEventOn: null,
    lastTouchOn: null,
    touchCount: 0,
    giveCount: 0,
    invested: 0,
    withdrawn: 0,
    lastReceivedOn: null,
    openAskOn: null,
    nextFollowUpOn: null,
    recentTouchGap: null,
    serviceCount: 0,
    familyCount: 0,
    goalCount: 0,
    answersYes: 0,
    wonReferralOn: null,
    referralCheckOn: null,
    importantDates: null,
    ...over,
  };
}

/** Met and touched once, `days` ago. */
const touched = (days: number, over: Partial<DueContact> = {}) => contact({ lastTouchOn: ago(days), firstEventOn: ago(days), touchCount: 1, ...over });

/** Deep: 8 yes answers, three services, family, known two years; a balance of `balance` today. */
const deep = (days: number, balance: number, over: Partial<DueContact> = {}) =>
  touched(days, { answersYes: 8, serviceCount: 3, familyCount: 1, metOn: ago(730), invested: balance * toEpochScale(DAY, HALF_LIFE), ...over });

describe('term functions', () => {
  it.each([
    [null, 0],
    [-1, 0],
    [0, 0.75],
    [7, 0.875],
    [14, 1],
    [40, 1],
  ])('followUpTerm(%s) = %s', (late, v) => expect(followUpTerm(late)).toBeCloseTo(v));

  it.each([
    [0, 30, 0],
    [-5, 30, 0],
    [15, 30, 1 / 3],
    [30, 30, 0.5],
    [10, null, 0],
    [10, 0, 0],
  ])('cadenceTerm(%s overdue, every %s) = %s', (over, every, v) => expect(cadenceTerm(over, every)).toBeCloseTo(v));

  it.each([
    [null, false, 0],
    [0, false, 1],
    [30, false, 0.75],
    [60, false, 0.5],
    [61, false, 0],
    [5, true, 0],
    [-1, false, 0],
  ])('receivedTerm(%s days ago, acknowledged %s) = %s', (d, ack, v) => expect(receivedTerm(d, ack)).toBeCloseTo(v));

  it.each([
    [null, 0],
    [14, 0],
    [15, 0.5 + 0.5 / 46],
    [60, 1],
    [400, 1],
  ])('openAskTerm(%s) = %s', (age, v) => expect(openAskTerm(age)).toBeCloseTo(v));

  it.each([
    [0.02, true, 1 - Math.exp(-1)],
    [0.02, false, 0],
    [0, true, 0],
    [-1, true, 0],
  ])('goingColdTerm(%s, %s) = %s', (loss, ok, v) => expect(goingColdTerm(loss, ok)).toBeCloseTo(v));

  it.each([
    [6, false, 0],
    [7, false, 1],
    [60, false, 1],
    [61, false, 0],
    [21, true, 0],
  ])('neverMetTerm(%s days, met %s) = %s', (d, met, v) => expect(neverMetTerm(d, met)).toBe(v));
});

describe('scoreDue', () => {
  it.each<[string, DueContact, number | null, RegExp | null]>([
    ['touched yesterday, every 30 days: not due', touched(1, { everyDays: 30 }), null, null],
    ['touched 45 days ago, every 30 days: overdue by 15', touched(45, { everyDays: 30 }), 6 / 3, /^a catch-up is overdue by 15 days \(every 30 days; last touch 6 weeks ago\)$/],
    ['acquaintance, stage default 90: touched 100 days ago', touched(100), 6 * (10 / 90 / (1 + 10 / 90)), /overdue by 10 days \(stage default: every 90 days/],
    ['acquaintance touched 80 days ago: not due', touched(80), null, null],
    ['stranger added 2 years ago: no cadence', contact(), null, null],
    ['met on a day, never touched', contact({ metOn: ago(120) }), 6 * (30 / 90 / (1 + 30 / 90)), /met 4 months ago, no touchpoint since/],
    ['follow-up due today', touched(3, { nextFollowUpOn: DAY }), 9, /^you planned to follow up today$/],
    ['follow-up 7 days late', touched(30, { nextFollowUpOn: ago(7) }), 10.5, /planned for 2026-11-15 is 7 days late/],
    ['follow-up ahead stands in for the cadence', touched(45, { everyDays: 30, nextFollowUpOn: addDays(DAY, 3) }), null, null],
    ['received 2 days ago, not acknowledged', touched(10, { lastReceivedOn: ago(2) }), 4 * (1 - 1 / 60), /they gave you something 2 days ago/],
    ['received and touched the same day', touched(2, { lastReceivedOn: ago(2) }), null, null],
    ['received 90 days ago: out of the window', touched(100, { everyDays: 365, lastReceivedOn: ago(90) }), null, null],
    ['open ask of 20 days', touched(5, { openAskOn: ago(20) }), 3 * (0.5 + 3 / 46), /your ask of 2026-11-02 has waited 20 days/],
    ['open ask of 10 days: not yet', touched(5, { openAskOn: ago(10) }), null, null],
    ['added 3 weeks ago, not met', contact({ createdAt: `${ago(21)}T09:00:00.000Z` }), 1, /^added 3 weeks ago, not met yet: farming, not hunting$/],
    ['added 3 days ago: too soon to nudge', contact({ createdAt: `${ago(3)}T09:00:00.000Z` }), null, null],
    ['snoozed until tomorrow', touched(45, { everyDays: 30, snoozedUntil: addDays(DAY, 1) }), null, null],
    ['snoozed until today: due again', touched(45, { everyDays: 30, snoozedUntil: DAY }), 2, /overdue by 15 days/],
    ['deep, 20 days without a touch: going cold', deep(20, 10), 2 * (1 - Math.exp(-(10 * Math.LN2) / HALF_LIFE / 0.02)), /^a deep relationship going cold: its balance of 10.0 loses 1.1 a month/],
    ['deep, 10 days since a touch: fine', deep(10, 10), null, null],
  ])('%s', (_label, c, score, reason) => {
    const item = scoreDue(c, DAY, HALF_LIFE);
    if (score === null) {
      expect(item).toBeNull();
      expect(toDueScore(c, DAY, HALF_LIFE)).toBe(0);
      return;
    }
    expect(item?.score).toBeCloseTo(score, 6);
    expect(toDueScore(c, DAY, HALF_LIFE)).toBe(item!.score);
    // Core gives codes and figures; the words are ui/messages/due.ts's, tested here on core's real results.
    expect(describeDueReason(item!.reasons[0]!, DAY)).toMatch(reason!);
    expect(item!.terms.map((t) => t.term)).toEqual(Object.keys(DUE_WEIGHTS));
  });

  it.each<[string, DueContact, string]>([
    ['overdue acquaintance', touched(100), 'give first: send them an article or an idea'],
    ['overdue deep relationship', deep(40, 1), 'suggest a one-to-one'],
    ['received', touched(10, { lastReceivedOn: ago(2) }), 'thank them: log a touchpoint or a give'],
    ['open ask', touched(5, { openAskOn: ago(30) }), 'close the loop: ask how it went'],
    ['never met', contact({ createdAt: `${ago(21)}T09:00:00.000Z` }), 'suggest a one-to-one to get to know them'],
  ])('suggests one next action: %s', (_label, c, action) => {
    const item = scoreDue(c, DAY, HALF_LIFE)!;
    expect(describeDueAction(item.nextAction, item.name)).toBe(action);
  });

  it('lists every reason, most weighty first, and the action of the first', () => {
    const item = scoreDue(touched(45, { everyDays: 30, lastReceivedOn: ago(50), openAskOn: ago(20) }), DAY, HALF_LIFE)!;
    expect(item.reasons).toEqual([
      { code: 'cadence-overdue', days: 15, every: 30, own: true, from: { on: ago(45), what: 'last touch' } },
      { code: 'ask-open', askedOn: '2026-11-02', days: 20 },
    ]);
    expect(item.reasons.map((r) => describeDueReason(r, DAY))).toEqual([
      'a catch-up is overdue by 15 days (every 30 days; last touch 6 weeks ago)',
      'your ask of 2026-11-02 has waited 20 days for an outcome',
    ]);
    expect(item.nextAction).toBe('send-something');
    expect(describeDueAction(item.nextAction, item.name)).toBe('give first: send them an article or an idea');
  });

  it('ranks a follow-up due today above any overdue cadence', () => {
    const followUp = toDueScore(touched(1, { nextFollowUpOn: DAY }), DAY, HALF_LIFE);
    expect(followUp).toBeGreaterThan(toDueScore(touched(5000, { everyDays: 1 }), DAY, HALF_LIFE));
  });

  it('ranks the more overdue relative to cadence first', () => {
    const a = toDueScore(touched(45, { everyDays: 30 }), DAY, HALF_LIFE); // half a cadence late
    const b = toDueScore(touched(120, { everyDays: 90 }), DAY, HALF_LIFE); // a third of a cadence late, more days
    expect(a).toBeGreaterThan(b);
  });

  it('gives the next due day by cadence', () => {
    expect(toNextDueOn(toDueStanding(touched(10, { everyDays: 30 }), DAY, HALF_LIFE))).toBe(ago(-20));
    expect(toNextDueOn(toDueStanding(contact(), DAY, HALF_LIFE))).toBeNull();
  });
});

const isoDay = fc.integer({ min: -4000, max: 400 }).map((n) => addDays(DAY, n));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const anyContact: fc.Arbitrary<DueContact> = fc.record({
  id: fc.string(),
  name: fc.string(),
  everyDays: maybe(fc.integer({ min: -5, max: 4000 })),
  snoozedUntil: maybe(fc.oneof(isoDay, fc.string())),
  metOn: maybe(fc.oneof(isoDay, fc.string())),
  createdAt: fc.oneof(isoDay.map((d) => `${d}T10:00:00.000Z`), fc.string()),
  firstEventOn: maybe(isoDay),
  lastTouchOn: maybe(fc.oneof(isoDay, fc.string())),
  touchCount: fc.nat(500),
  giveCount: fc.nat(500),
  invested: fc.double({ min: -1e9, max: 1e9, noNaN: false }),
  withdrawn: fc.double({ min: 0, max: 1e9 }),
  lastReceivedOn: maybe(fc.oneof(isoDay, fc.string())),
  openAskOn: maybe(fc.oneof(isoDay, fc.string())),
  nextFollowUpOn: maybe(fc.oneof(isoDay, fc.string())),
  recentTouchGap: maybe(fc.nat(1000)),
  serviceCount: fc.nat(10),
  familyCount: fc.nat(10),
  goalCount: fc.nat(10),
  answersYes: fc.nat(8),
  wonReferralOn: fc.constant(null),
  referralCheckOn: fc.constant(null),
  importantDates: fc.constant(null),
});

/** As the store holds them: real dates. */
const storedContact: fc.Arbitrary<DueContact> = anyContact.chain((c) =>
  fc.record({ metOn: maybe(isoDay), lastTouchOn: maybe(isoDay), nextFollowUpOn: maybe(isoDay), everyDays: maybe(fc.integer({ min: 1, max: 3650 })) }).map((d) => ({ ...c, ...d })),
);

describe('scoreDue properties', () => {
  it('never throws, and gives a finite score ≥ 0 that equals toDueScore', () => {
    fc.assert(
      fc.property(anyContact, (c) => {
        const item = scoreDue(c, DAY, HALF_LIFE);
        const score = toDueScore(c, DAY, HALF_LIFE);
        expect(Number.isFinite(score) && score >= 0).toBe(true);
        expect(item === null ? 0 : item.score).toBe(score);
        if (item) expect(item.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('is monotonic in days since the last touch, and grows once past the cadence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 200 }), (every, days, more) => {
        const a = toDueScore(touched(days, { everyDays: every }), DAY, HALF_LIFE);
        const b = toDueScore(touched(days + more, { everyDays: every }), DAY, HALF_LIFE);
        expect(b).toBeGreaterThanOrEqual(a);
        if (days + more > every) expect(b).toBeGreaterThan(a);
      }),
    );
  });

  it('ranks by days overdue relative to the cadence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }), (e1, e2, o1, o2) => {
        fc.pre(o1 / e1 !== o2 / e2);
        const s1 = toDueScore(touched(e1 + o1, { everyDays: e1 }), DAY, HALF_LIFE);
        const s2 = toDueScore(touched(e2 + o2, { everyDays: e2 }), DAY, HALF_LIFE);
        expect(s1 > s2).toBe(o1 / e1 > o2 / e2);
      }),
    );
  });

  it('bounds the checklist depth from above, as the store filter relies on', () => {
    fc.assert(
      fc.property(storedContact, (c) => {
        expect(toDepthUpperBound(c, DAY)).toBeGreaterThanOrEqual(toDepth(c, DAY).score);
      }),
      { numRuns: runs(1000) },
    );
  });
});
