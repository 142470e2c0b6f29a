import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANSWERED_IDS,
  ANSWER_STALE_DAYS,
  CHECKLIST_IDS,
  DERIVED_IDS,
  toDepth,
  toDepthPoints,
  toDerivedPoints,
  toKnownSince,
  type DerivedId,
} from '../../../src/core/checklist.js';
import { addDays } from '../../../src/core/dates.js';
import type { ContactWithSummary } from '../../../src/core/types.js';
import { CHECKLIST_TEXT, describePointWhy } from '../../../src/ui/messages/checklist.js';

const TODAY = '2026-11-22';
const ago = (days: number) => addDays(TODAY, -days);

type Inputs = Parameters<typeof toDerivedPoints>[0] & Pick<ContactWithSummary, 'answersYes'>;
const nothing: Inputs = {
  metOn: null,
  firstEventOn: null,
  serviceCount: 0,
  familyCount: 0,
  goalCount: 0,
  everyDays: null,
  touchCount: 0,
  recentTouchGap: null,
  lastTouchOn: null,
  nextFollowUpOn: null,
  answersYes: 0,
};

describe('CHECKLIST', () => {
  it('has the thirteen points of the seed, in its order, with stable ids', () => {
    expect(Object.keys(CHECKLIST_TEXT)).toEqual([...CHECKLIST_IDS]);
    expect(CHECKLIST_IDS).toHaveLength(13);
  });

  it('reads five points from the journal and leaves eight to the user', () => {
    expect(DERIVED_IDS).toEqual(['known-a-year', 'knows-services', 'knows-family', 'knows-goals', 'regular-appointments']);
    expect(ANSWERED_IDS).toHaveLength(8);
  });
});

describe('toKnownSince', () => {
  it.each<[string | null, string | null, string | null]>([
    [null, null, null],
    ['2025-01-01', null, '2025-01-01'],
    [null, '2025-02-01', '2025-02-01'],
    ['2025-03-01', '2025-02-01', '2025-02-01'],
    ['2025-01-01', '2025-02-01', '2025-01-01'],
  ])('met %s, first event %s: %s', (metOn, firstEventOn, since) => {
    expect(toKnownSince({ metOn, firstEventOn })).toBe(since);
  });
});

describe('toDerivedPoints', () => {
  it.each<[string, Partial<Inputs>, DerivedId, boolean, string]>([
    ['nothing', {}, 'known-a-year', false, 'not met yet'],
    ['met 364 days ago', { metOn: ago(364) }, 'known-a-year', false, `known since ${ago(364)}`],
    ['met 365 days ago', { metOn: ago(365) }, 'known-a-year', true, `known since ${ago(365)}`],
    ['first event 400 days ago', { firstEventOn: ago(400) }, 'known-a-year', true, `known since ${ago(400)}`],
    ['two services', { serviceCount: 2 }, 'knows-services', false, '2 of 3 services recorded'],
    ['three services', { serviceCount: 3 }, 'knows-services', true, '3 of 3 services recorded'],
    ['no family', {}, 'knows-family', false, 'no family recorded'],
    ['one family member', { familyCount: 1 }, 'knows-family', true, '1 family recorded'],
    ['four goals', { goalCount: 4 }, 'knows-goals', false, '4 of 5 goals recorded'],
    ['five goals', { goalCount: 5 }, 'knows-goals', true, '5 of 5 goals recorded'],
    ['a follow-up ahead', { nextFollowUpOn: addDays(TODAY, 14) }, 'regular-appointments', true, `follow-up scheduled for ${addDays(TODAY, 14)}`],
    ['a follow-up today', { nextFollowUpOn: TODAY }, 'regular-appointments', true, `follow-up scheduled for ${TODAY}`],
    ['an overdue follow-up', { nextFollowUpOn: ago(1) }, 'regular-appointments', false, 'no follow-up scheduled and touchpoints do not keep a 90-day cadence'],
    ['three touchpoints within 90 days of each other', { touchCount: 3, recentTouchGap: 60, lastTouchOn: ago(30) }, 'regular-appointments', true, 'touchpoints keep a 90-day cadence'],
    ['two touchpoints', { touchCount: 2, recentTouchGap: null, lastTouchOn: ago(30) }, 'regular-appointments', false, 'no follow-up scheduled and touchpoints do not keep a 90-day cadence'],
    ['a 100-day gap', { touchCount: 5, recentTouchGap: 100, lastTouchOn: ago(30) }, 'regular-appointments', false, 'no follow-up scheduled and touchpoints do not keep a 90-day cadence'],
    ['the last touch 91 days ago', { touchCount: 5, recentTouchGap: 60, lastTouchOn: ago(91) }, 'regular-appointments', false, 'no follow-up scheduled and touchpoints do not keep a 90-day cadence'],
    ['their own 3-week cadence, kept', { everyDays: 21, touchCount: 3, recentTouchGap: 21, lastTouchOn: ago(7) }, 'regular-appointments', true, 'touchpoints keep a 21-day cadence'],
    ['their own 3-week cadence, missed', { everyDays: 21, touchCount: 3, recentTouchGap: 30, lastTouchOn: ago(7) }, 'regular-appointments', false, 'no follow-up scheduled and touchpoints do not keep a 21-day cadence'],
  ])('%s: %s', (_, c, id, met, why) => {
    const point = toDerivedPoints({ ...nothing, ...c }, TODAY)[id];
    expect(point.met).toBe(met);
    expect(describePointWhy(point.why)).toBe(why);
  });
});

describe('toDepthPoints', () => {
  const answers = [
    { point: 'trust', answer: true, answeredOn: ago(10) },
    { point: 'call-at-night', answer: false, answeredOn: ago(10) },
    { point: 'enjoy-time', answer: true, answeredOn: ago(ANSWER_STALE_DAYS) },
    { point: 'top-of-mind', answer: true, answeredOn: ago(ANSWER_STALE_DAYS + 1) },
  ];
  const points = toDepthPoints({ ...nothing, metOn: ago(400) }, answers, TODAY);
  const point = (id: string) => points.find((p) => p.id === id)!;

  it.each<[string, object]>([
    ['trust', { state: 'yes', source: 'answer', answeredOn: ago(10), stale: false }],
    ['call-at-night', { state: 'no', source: 'answer', stale: false }],
    ['enjoy-time', { state: 'yes', stale: false }],
    ['top-of-mind', { state: 'yes', stale: true }],
    ['open-talks', { state: 'unanswered', source: 'answer' }],
    ['known-a-year', { state: 'yes', source: 'journal', why: { code: 'known-since', since: ago(400) } }],
    ['knows-goals', { state: 'no', source: 'journal' }],
  ])('%s', (id, expected) => {
    expect(point(id)).toMatchObject(expected);
  });

  it('lists all thirteen in checklist order', () => {
    expect(points.map((p) => p.id)).toEqual([...CHECKLIST_IDS]);
  });
});

describe('toDepth', () => {
  it.each<[string, Partial<Inputs>, number]>([
    ['nothing', {}, 0],
    ['three yes answers', { answersYes: 3 }, 3],
    ['every journal point', { metOn: ago(400), serviceCount: 3, familyCount: 2, goalCount: 5, nextFollowUpOn: TODAY }, 5],
    ['all thirteen', { metOn: ago(400), serviceCount: 3, familyCount: 2, goalCount: 5, nextFollowUpOn: TODAY, answersYes: 8 }, 13],
  ])('%s: %i', (_, c, score) => {
    expect(toDepth({ ...nothing, ...c }, TODAY)).toEqual({ score, of: 13 });
  });

  it("agrees with toDepthPoints's yes count", () => {
    const inputsArb = fc.record({
      metOn: fc.option(fc.integer({ min: 0, max: 900 }).map(ago)),
      firstEventOn: fc.option(fc.integer({ min: 0, max: 900 }).map(ago)),
      serviceCount: fc.nat(5),
      familyCount: fc.nat(2),
      goalCount: fc.nat(7),
      everyDays: fc.option(fc.integer({ min: 1, max: 365 })),
      touchCount: fc.nat(10),
      recentTouchGap: fc.option(fc.nat(200)),
      lastTouchOn: fc.option(fc.integer({ min: 0, max: 300 }).map(ago)),
      nextFollowUpOn: fc.option(fc.integer({ min: -60, max: 60 }).map(ago)),
    });
    const answersArb = fc.subarray(ANSWERED_IDS).chain((ids) => fc.tuple(...ids.map((point) => fc.record({ point: fc.constant(point), answer: fc.boolean(), answeredOn: fc.integer({ min: 0, max: 800 }).map(ago) }))));
    fc.assert(
      fc.property(inputsArb, answersArb, (c, answers) => {
        const yes = toDepthPoints(c, answers, TODAY).filter((p) => p.state === 'yes').length;
        expect(toDepth({ ...c, answersYes: answers.filter((a) => a.answer).length }, TODAY).score).toBe(yes);
      }),
    );
  });
});
