import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASK_NEEDS,
  ASK_SIZE,
  checkAsk,
  checkReferral,
  toBalance,
  toBalanceBreakdown,
  toStage,
  toStanding,
  type CheckInputs,
  type CheckResult,
  type Stage,
} from '../../../src/core/capital.js';
import { ANSWERED_IDS } from '../../../src/core/checklist.js';
import { addDays } from '../../../src/core/dates.js';
import { summarize } from '../../../src/core/summary.js';
import type { Answer, ContactWithSummary, JournalEvent } from '../../../src/core/types.js';
import { ASK_KINDS, CHANNELS, GIVE_KINDS, type AskKind } from '../../../src/core/vocabulary.js';
import { describeCheckAdvice, describeCheckReason } from '../../../src/ui/messages/check.js';

const TODAY = '2026-11-22';
const HALF_LIFE = 180;
const ago = (days: number) => addDays(TODAY, -days);

type Ev = Pick<JournalEvent, 'type' | 'kind' | 'value' | 'occurredOn' | 'outcome'>;
const touch = (day: string, channel = 'coffee'): Ev => ({ type: 'touch', kind: channel, value: null, occurredOn: day, outcome: null });
const gave = (day: string, value = 2, kind = 'idea'): Ev => ({ type: 'gave', kind, value, occurredOn: day, outcome: null });
const received = (day: string, value = 2): Ev => ({ type: 'received', kind: 'referral', value, occurredOn: day, outcome: null });
const ask = (day: string, kind: AskKind = 'favour', outcome = 'yes'): Ev => ({ type: 'ask', kind, value: ASK_SIZE[kind], occurredOn: day, outcome });

interface Journal {
  events?: Ev[];
  metOn?: string | null;
  everyDays?: number | null;
  services?: number;
  family?: number;
  goals?: number;
  followUpOn?: string | null;
  answers?: Pick<Answer, 'point' | 'answer' | 'answeredOn'>[];
}

/** A contact as the store would hold it: its summary computed from its rows. */
function contact(j: Journal = {}): ContactWithSummary {
  const facts = [
    ...Array.from({ length: j.services ?? 0 }, (_, n) => ({ kind: 'service' as const, text: `service ${n}` })),
    ...Array.from({ length: j.family ?? 0 }, (_, n) => ({ kind: 'family' as const, text: `family ${n}` })),
    ...Array.from({ length: j.goals ?? 0 }, (_, n) => ({ kind: 'goal' as const, text: `goal ${n}` })),
  ];
  const followUps = j.followUpOn ? [{ dueOn: j.followUpOn, doneOn: null }] : [];
  const summary = summarize({ events: j.events ?? [], facts, followUps, answers: j.answers ?? [] }, HALF_LIFE);
  return {
    id: 'c1',
    name: 'Jane Doe',
    company: null,
    role: null,
    email: null,
    phone: null,
    metOn: j.metOn ?? null,
    howMet: null,
    everyDays: j.everyDays ?? null,
    snoozedUntil: null,
    createdAt: `${TODAY}T12:00:00.000Z`,
    updatedAt: `${TODAY}T12:00:00.000Z`,
    ...summary,
  };
}

function inputs(j: Journal = {}, today = TODAY): CheckInputs {
  const events = (j.events ?? []).map((e, i) => ({ ...e, id: `e${i}`, contactId: 'c1', note: null, outcomeOn: null, premature: false, createdAt: '', updatedAt: '' }));
  return { contact: contact(j), breakdown: toBalanceBreakdown(events, today, HALF_LIFE), answers: j.answers ?? [], today, halfLifeDays: HALF_LIFE };
}

const allYes = ANSWERED_IDS.map((point) => ({ point, answer: true, answeredOn: ago(10) }));

describe('ASK_SIZE and ASK_NEEDS', () => {
  const bySize = [...ASK_KINDS].sort((a, b) => ASK_SIZE[a] - ASK_SIZE[b] || ASK_NEEDS[a].balance - ASK_NEEDS[b].balance);
  it.each(bySize.slice(1).map((k, i) => [bySize[i]!, k] as const))('%s needs no more than %s', (smaller, bigger) => {
    expect(ASK_NEEDS[bigger].balance).toBeGreaterThanOrEqual(ASK_NEEDS[smaller].balance);
    expect(ASK_NEEDS[bigger].depth).toBeGreaterThanOrEqual(ASK_NEEDS[smaller].depth);
    expect(ASK_NEEDS[bigger].knownDays).toBeGreaterThanOrEqual(ASK_NEEDS[smaller].knownDays);
  });
});

describe('toBalance', () => {
  it.each<[string, Ev[], number]>([
    ['nothing logged', [], 0],
    ['a give of 2 today', [gave(TODAY)], 2],
    ['a give of 4 one half-life ago', [gave(ago(180), 4)], 2],
    ['a give of 4 two half-lives ago', [gave(ago(360), 4)], 1],
    ['a coffee today', [touch(TODAY)], 1],
    ['a call today', [touch(TODAY, 'call')], 0.75],
    ['an email today', [touch(TODAY, 'email')], 0.25],
    ['a favour asked today', [ask(TODAY)], -2],
    ['an introduction asked today', [ask(TODAY, 'introduction')], -5],
    ['what they gave is not netted', [received(TODAY, 5)], 0],
    ['a give and an ask of the same size on the same day', [gave(TODAY, 2), ask(TODAY, 'favour')], 0],
  ])('%s', (_, events, expected) => {
    expect(toBalance(contact({ events }), TODAY, HALF_LIFE)).toBeCloseTo(expected, 10);
  });

  it('fades by half with the half-life', () => {
    const c = contact({ events: [gave(ago(90), 4)] });
    expect(toBalance(c, TODAY, HALF_LIFE)).toBeCloseTo(4 / Math.SQRT2, 10);
  });
});

describe('toBalanceBreakdown', () => {
  it('counts and weighs each line, and agrees with the stored summary', () => {
    const events = [gave(ago(200), 3), gave(ago(20), 2), touch(ago(30)), touch(ago(10), 'email'), ask(ago(5)), received(ago(40), 4)];
    const b = toBalanceBreakdown(events, TODAY, HALF_LIFE);
    expect(b.gave).toMatchObject({ count: 2, points: 5 });
    expect(b.touch).toMatchObject({ count: 2, points: 1.25 });
    expect(b.ask).toMatchObject({ count: 1, points: 2 });
    expect(b.received).toMatchObject({ count: 1, points: 4 });
    expect(b.balance).toBeCloseTo(toBalance(contact({ events }), TODAY, HALF_LIFE), 10);
    expect(b.asksSinceLastDeposit).toBe(1);
  });

  it.each<[string, Ev[], number]>([
    ['no asks', [gave(ago(10))], 0],
    ['three asks after the only give', [gave(ago(730)), ask(ago(500)), ask(ago(300)), ask(ago(100))], 3],
    ['a touchpoint after the asks', [ask(ago(300)), ask(ago(100)), touch(ago(50))], 0],
  ])('asks since the last deposit: %s', (_, events, n) => {
    expect(toBalanceBreakdown(events, TODAY, HALF_LIFE).asksSinceLastDeposit).toBe(n);
  });
});

describe('toStage', () => {
  it.each<[number, number | null, number, boolean, Stage]>([
    [13, 400, 10, true, 'deep'],
    [10, 365, 0, true, 'deep'],
    [10, 364, 0, true, 'growing'],
    [9, 1000, 20, true, 'growing'],
    [5, 0, 0, true, 'growing'],
    [3, 90, 3, true, 'growing'],
    [3, 89, 3, true, 'acquaintance'],
    [3, 90, 2.9, true, 'acquaintance'],
    [0, 1, 0.5, true, 'acquaintance'],
    [0, null, 0, false, 'stranger'],
  ])('depth %i, known %s days, balance %d, met %s: %s', (depth, known, balance, met, stage) => {
    expect(toStage(depth, known, balance, met)).toBe(stage);
  });
});

describe('toStanding', () => {
  it('is a stranger with nothing logged', () => {
    expect(toStanding(contact(), TODAY, HALF_LIFE)).toEqual({ balance: 0, received: 0, depth: { score: 0, of: 13 }, stage: 'stranger', knownSince: null, knownDays: null });
  });

  it('shows what they gave beside the balance, faded the same way', () => {
    const s = toStanding(contact({ events: [received(ago(180), 4)] }), TODAY, HALF_LIFE);
    expect(s.received).toBeCloseTo(2, 10);
    expect(s.balance).toBe(0);
  });
});

/** A result with its reasons and suggestions in words, as ui/messages/check.ts says them (core gives codes). */
const said = (r: CheckResult) => ({ ...r, reasons: r.reasons.map(describeCheckReason), suggestions: r.suggestions.map((a) => describeCheckAdvice(a, 'Jane Doe')) });

// The stories of issue 3, as the seeds tell them.
const alex: Journal = {
  // 004: known thirteen months; a give every two to three months; touchpoints between; no asks.
  events: [ago(395), ago(320), ago(250), ago(170), ago(90)].map((d) => gave(d)).concat([ago(360), ago(285), ago(210), ago(130), ago(50), ago(10)].map((d) => touch(d))),
};

describe('checkAsk: the stories', () => {
  it('a contact added today with nothing logged: any ask is premature, not met and nothing invested', () => {
    for (const kind of ASK_KINDS) {
      const r = said(checkAsk(inputs(), kind));
      expect(r.verdict).toBe('premature');
      expect(r.reasons).toContain('you have not met yet');
      expect(r.reasons.join('\n')).toContain('nothing invested yet');
    }
  });

  it('met once at an event yesterday: an introduction is premature (003)', () => {
    const r = said(checkAsk(inputs({ events: [touch(ago(1), 'event')] }), 'introduction'));
    expect(r.verdict).toBe('premature');
    expect(r.reasons[0]).toBe('known for 1 day (since 2026-11-21); asking for an introduction needs 180 days');
    expect(r.suggestions[0]).toMatch(/^farm, don't hunt: schedule more times to connect/);
  });

  it("known thirteen months, five gives with touchpoints between and no asks: a favour is ready (004, Alex)", () => {
    const r = said(checkAsk(inputs(alex), 'favour'));
    expect(r.verdict).toBe('ready');
    expect(r.breakdown).toMatchObject({ gave: { count: 5 }, touch: { count: 6 }, ask: { count: 0 } });
    expect(r.suggestions[0]).toMatch(/^keep giving/);
  });

  it('gave once two years ago and asked three times since: premature, the balance drawn down', () => {
    const r = said(checkAsk(inputs({ events: [gave(ago(730)), ask(ago(500)), ask(ago(300)), ask(ago(100))] }), 'favour'));
    expect(r.verdict).toBe('premature');
    expect(r.balance).toBeLessThan(0);
    expect(r.reasons.join('\n')).toContain('drawn down by 3 asks since you last gave or met');
  });

  it('all thirteen points: deep, and ready for the biggest ask', () => {
    const deep: Journal = { ...alex, metOn: ago(500), services: 3, family: 1, goals: 5, answers: allYes };
    const r = said(checkAsk(inputs(deep), 'introduction'));
    expect(r).toMatchObject({ verdict: 'ready', depth: { score: 13, of: 13 }, stage: 'deep' });
  });
});

describe('checkAsk: the rules', () => {
  it('an open ask holds back the next one', () => {
    const r = said(checkAsk(inputs({ ...alex, events: [...alex.events!, ask(ago(3), 'favour', 'pending')] }), 'favour'));
    expect(r.verdict).toBe('premature');
    expect(r.reasons).toContain(`your ask of ${ago(3)} is still open`);
  });

  it('what they gave is a reason to thank them and give, never a reason in the verdict on your own ask', () => {
    const result = checkAsk(inputs({ events: [touch(ago(40)), received(ago(20), 4), received(ago(10), 2)] }), 'favour');
    const r = said(result);
    expect(result.thanks).toEqual({ count: 2, lastOn: ago(10) });
    expect(result.reasons.map((x) => x.code)).not.toContain('they-gave');
    expect([...r.reasons, ...r.suggestions].join('\n')).not.toMatch(/gave you|\bowe/);
  });

  const justEnoughFor = (kind: AskKind) => {
    const n = ASK_NEEDS[kind];
    const gives = n.balance > 5 ? [gave(TODAY, 5), gave(TODAY, n.balance - 5)] : [gave(TODAY, n.balance)];
    return inputs({ metOn: ago(n.knownDays), events: gives, answers: allYes.slice(0, n.depth) });
  };
  it.each(ASK_KINDS.map((k) => [k]))('just enough for %s is ready for it, and premature for any ask that needs more', (kind) => {
    expect(checkAsk(justEnoughFor(kind), kind).verdict).toBe('ready');
    const n = ASK_NEEDS[kind];
    for (const k of ASK_KINDS.filter((k) => ASK_NEEDS[k].balance > n.balance || ASK_NEEDS[k].depth > n.depth || ASK_NEEDS[k].knownDays > n.knownDays)) {
      expect(checkAsk(justEnoughFor(kind), k).verdict).toBe('premature');
    }
  });
});

describe('checkReferral', () => {
  it('needs trust and knowledge of their services, not balance', () => {
    const r = said(checkReferral(inputs({ metOn: ago(400), services: 3, answers: allYes })));
    expect(r.verdict).toBe('ready');
    expect(r.balance).toBe(0);
  });

  it.each<[string, Journal, string]>([
    ['no trust', { metOn: ago(400), services: 3, answers: allYes.filter((a) => a.point !== 'trust') }, 'you have not said you trust their work'],
    ['two services', { metOn: ago(400), services: 2, answers: allYes }, '2 services of theirs recorded (referring them needs 3)'],
    ['known a month', { metOn: ago(30), services: 3, answers: allYes }, 'known for 30 days (since 2026-10-23); referring them needs 180 days'],
  ])('is premature with %s', (_, j, reason) => {
    const r = said(checkReferral(inputs(j)));
    expect(r.verdict).toBe('premature');
    expect(r.reasons).toContain(reason);
  });
});

// ---- properties ---------------------------------------------------------------------------------------------------

const dayArb = fc.integer({ min: 0, max: 3000 }).map(ago);
const eventArb: fc.Arbitrary<Ev> = fc.oneof(
  fc.record({ type: fc.constant('touch' as const), kind: fc.constantFrom(...CHANNELS), value: fc.constant(null), occurredOn: dayArb, outcome: fc.constant(null) }),
  fc.record({ type: fc.constantFrom('gave' as const, 'received' as const), kind: fc.constantFrom(...GIVE_KINDS), value: fc.integer({ min: 1, max: 5 }), occurredOn: dayArb, outcome: fc.constant(null) }),
  fc.record({ type: fc.constant('ask' as const), kind: fc.constantFrom(...ASK_KINDS), value: fc.integer({ min: 1, max: 5 }), occurredOn: dayArb, outcome: fc.constantFrom('pending', 'yes', 'no') }),
);
const journalArb: fc.Arbitrary<Journal> = fc.record({
  events: fc.array(eventArb, { maxLength: 40 }),
  metOn: fc.option(fc.integer({ min: -30, max: 3000 }).map(ago)),
  everyDays: fc.option(fc.integer({ min: 1, max: 3650 })),
  services: fc.nat(6),
  family: fc.nat(3),
  goals: fc.nat(8),
  followUpOn: fc.option(fc.integer({ min: -400, max: 400 }).map(ago)),
  answers: fc.subarray(ANSWERED_IDS).chain((ids) =>
    fc.tuple(...ids.map((point) => fc.record({ point: fc.constant(point), answer: fc.boolean(), answeredOn: fc.integer({ min: 0, max: 900 }).map(ago) }))),
  ),
});

describe('properties', () => {
  it('the balance is the same whatever order the events come in', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), fc.integer(), (events, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), { numRuns: 1, seed })[0]!;
        const a = contact({ events });
        const b = contact({ events: shuffled });
        expect(toBalance(b, TODAY, HALF_LIFE)).toBe(toBalance(a, TODAY, HALF_LIFE));
        expect(toBalanceBreakdown(shuffled, TODAY, HALF_LIFE)).toEqual(toBalanceBreakdown(events, TODAY, HALF_LIFE));
      }),
    );
  });

  it('a give never lowers a balance', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), dayArb, fc.integer({ min: 1, max: 5 }), (events, day, value) => {
        const before = toBalance(contact({ events }), TODAY, HALF_LIFE);
        const after = toBalance(contact({ events: [...events, gave(day, value)] }), TODAY, HALF_LIFE);
        expect(after).toBeGreaterThanOrEqual(before);
        const b0 = toBalanceBreakdown(events, TODAY, HALF_LIFE).balance;
        expect(toBalanceBreakdown([...events, gave(day, value)], TODAY, HALF_LIFE).balance).toBeGreaterThanOrEqual(b0);
      }),
    );
  });

  it('checkAsk, checkReferral and toStanding never throw, and always give reasons', () => {
    fc.assert(
      fc.property(journalArb, fc.constantFrom(...ASK_KINDS), fc.integer({ min: 30, max: 3650 }), (j, kind, halfLife) => {
        const i = { ...inputs(j), halfLifeDays: halfLife };
        const standing = toStanding(i.contact, TODAY, halfLife);
        expect(Number.isFinite(standing.balance)).toBe(true);
        for (const r of [said(checkAsk(i, kind)), said(checkReferral(i))]) {
          expect(r.reasons.length).toBeGreaterThan(0);
          expect(r.reasons.every((s) => s.length > 0)).toBe(true);
          if (r.verdict === 'premature') expect(r.suggestions.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
