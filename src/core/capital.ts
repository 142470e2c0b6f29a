/**
 * Social capital: what the user has invested in a relationship, how deep it is, and whether it can bear an ask.
 * Pure: every figure comes from the contact's summary (lists) or its events (one contact), the date and the half-life.
 *
 *   balance(t) = Σ deposits · 2^(−age/halfLife) − Σ asks · 2^(−age/halfLife)
 *     deposits: a give counts its value (1..5); a touchpoint counts TOUCH_DEPOSIT[channel] (0.25..1)
 *     asks:     count their size (ASK_SIZE, 2 for a favour .. 5 for an introduction)
 *   What the contact gave the user is shown beside the balance, as their investment: never netted, never "owed".
 */
import { type ChecklistId, toDepth, toDepthPoints, toKnownSince, type Depth, type DepthPoint } from './checklist.js';
import { daysBetween, type IsoDate } from './dates.js';
import { readFaded, toBalanceWeight, toCanonicalOrder, toEpochScale } from './summary.js';
import type { Answer, ContactWithSummary, JournalEvent } from './types.js';
import type { AskKind } from './vocabulary.js';

/** How much an ask draws on the relationship. */
export const ASK_SIZE: Record<AskKind, number> = { favour: 2, promotion: 3, business: 4, referral: 4, introduction: 5 };

export const STAGES = ['stranger', 'acquaintance', 'growing', 'deep'] as const;
export type Stage = (typeof STAGES)[number];

export const round1 = (n: number) => Math.round(n * 10) / 10;

export function toBalance(c: Pick<ContactWithSummary, 'invested' | 'withdrawn'>, today: IsoDate, halfLifeDays: number): number {
  return readFaded(c.invested - c.withdrawn, today, halfLifeDays);
}

/** Their investment in the user, faded like the balance: a reason to give back. */
export function toReceived(c: Pick<ContactWithSummary, 'received'>, today: IsoDate, halfLifeDays: number): number {
  return readFaded(c.received, today, halfLifeDays);
}

export interface BalanceLine {
  count: number;
  /** Before fading. */
  points: number;
  /** As of today. */
  faded: number;
}

export interface BalanceBreakdown {
  gave: BalanceLine;
  touch: BalanceLine;
  ask: BalanceLine;
  received: BalanceLine;
  balance: number;
  /** Asks since the last give or touchpoint. */
  asksSinceLastDeposit: number;
}

/** One contact's balance traced to its events; `balance` equals toBalance over the stored summary. */
export function toBalanceBreakdown(events: readonly Pick<JournalEvent, 'type' | 'kind' | 'value' | 'occurredOn'>[], today: IsoDate, halfLifeDays: number): BalanceBreakdown {
  const line = (): BalanceLine => ({ count: 0, points: 0, faded: 0 });
  const b = { gave: line(), touch: line(), ask: line(), received: line() };
  let lastDeposit = '';
  const todayScale = toEpochScale(today, halfLifeDays);
  let day = '';
  let dayScale = 0;
  for (const e of toCanonicalOrder(events)) {
    const weight = e.type === 'received' ? (e.value ?? 0) : Math.abs(toBalanceWeight(e));
    if (e.occurredOn !== day) {
      day = e.occurredOn; // in canonical order a day's events come together: one scale each day
      dayScale = toEpochScale(day, halfLifeDays);
    }
    const l = b[e.type];
    l.count++;
    l.points += weight;
    l.faded += (weight * dayScale) / todayScale;
    if ((e.type === 'gave' || e.type === 'touch') && e.occurredOn > lastDeposit) lastDeposit = e.occurredOn;
  }
  const asksSinceLastDeposit = events.filter((e) => e.type === 'ask' && e.occurredOn >= lastDeposit).length;
  return { ...b, balance: b.gave.faded + b.touch.faded - b.ask.faded, asksSinceLastDeposit };
}

/**
 * Where a relationship stands, from depth, time known and balance.
 *
 *   stage          rule (first that holds)
 *   deep           depth ≥ 10 of 13 and known a year or more
 *   growing        depth ≥ 5, or depth ≥ 3 with balance ≥ 3 and known 90 days or more
 *   acquaintance   met: a touchpoint, a give, or a --met date
 *   stranger       otherwise
 *
 * The numbers live in STAGE_RULES alone: store/standing-sql.ts writes the same rule into SQL from it.
 */
export const STAGE_RULES = {
  deep: { depth: 10, knownDays: 365 },
  growing: { depth: 5, orDepth: 3, orBalance: 3, orKnownDays: 90 },
} as const;

/** Below this depth a relationship is an acquaintance or a stranger, whatever its balance and age. */
export const MIN_CLOSE_DEPTH = Math.min(STAGE_RULES.deep.depth, STAGE_RULES.growing.depth, STAGE_RULES.growing.orDepth);

export function toStage(depth: number, knownDays: number | null, balance: number, met: boolean): Stage {
  const { deep, growing } = STAGE_RULES;
  if (depth >= deep.depth && (knownDays ?? 0) >= deep.knownDays) return 'deep';
  if (depth >= growing.depth || (depth >= growing.orDepth && balance >= growing.orBalance && (knownDays ?? 0) >= growing.orKnownDays)) return 'growing';
  if (met) return 'acquaintance';
  return 'stranger';
}

/** Closer relationships want more frequent contact: the cadence when the contact has none of their own. */
export const STAGE_CADENCE_DAYS: Record<Stage, number | null> = { deep: 30, growing: 45, acquaintance: 90, stranger: null };

export function hasMet(c: Pick<ContactWithSummary, 'touchCount' | 'giveCount' | 'metOn'>): boolean {
  return c.touchCount > 0 || c.giveCount > 0 || c.metOn !== null;
}

/** The summary columns a standing is read from: lists fetch only these. */
export const STANDING_FIELDS = [
  'invested',
  'withdrawn',
  'received',
  'touchCount',
  'giveCount',
  'metOn',
  'firstEventOn',
  'serviceCount',
  'familyCount',
  'goalCount',
  'everyDays',
  'recentTouchGap',
  'lastTouchOn',
  'nextFollowUpOn',
  'answersYes',
] as const satisfies readonly (keyof ContactWithSummary)[];
export type StandingInputs = Pick<ContactWithSummary, (typeof STANDING_FIELDS)[number]>;

export interface Standing {
  balance: number;
  received: number;
  depth: Depth;
  stage: Stage;
  knownSince: IsoDate | null;
  knownDays: number | null;
}

/** Balance, depth and stage of one contact from its summary row: what every list shows. */
export function toStanding(c: StandingInputs, today: IsoDate, halfLifeDays: number): Standing {
  const balance = toBalance(c, today, halfLifeDays);
  const depth = toDepth(c, today);
  const knownSince = toKnownSince(c);
  const knownDays = knownSince ? Math.max(0, daysBetween(knownSince, today)) : null;
  return { balance, received: toReceived(c, today, halfLifeDays), depth, stage: toStage(depth.score, knownDays, balance, hasMet(c)), knownSince, knownDays };
}

/**
 * What an ask needs. A bigger ask needs more: an introduction to someone in their network spends their reputation.
 *
 *   ask            size   balance ≥   depth ≥   known for ≥
 *   favour          2        2          1        30 days
 *   promotion       3        3          2        90 days
 *   business        4        4          3        90 days
 *   referral        4        5          5       180 days
 *   introduction    5        6          6       180 days
 *
 * And always: the two have met, and no earlier ask is still waiting for its answer.
 */
export const ASK_NEEDS: Record<AskKind, { balance: number; depth: number; knownDays: number }> = {
  favour: { balance: 2, depth: 1, knownDays: 30 },
  promotion: { balance: 3, depth: 2, knownDays: 90 },
  business: { balance: 4, depth: 3, knownDays: 90 },
  referral: { balance: 5, depth: 5, knownDays: 180 },
  introduction: { balance: 6, depth: 6, knownDays: 180 },
};

/**
 * Referring the contact to the user's own people spends the user's reputation: it needs trust and knowledge of what
 * they do, not balance.
 */
export const REFER_NEEDS = { depth: 5, knownDays: 180, points: ['trust', 'knows-services'] as ChecklistId[] };

export type Verdict = 'ready' | 'premature';

export interface CheckResult {
  verdict: Verdict;
  stage: Stage;
  balance: number;
  received: number;
  depth: Depth;
  points: DepthPoint[];
  knownSince: IsoDate | null;
  lastTouch: IsoDate | null;
  breakdown: BalanceBreakdown;
  /** What the verdict rests on, in plain words. */
  reasons: string[];
  /** What to do first when premature (and ways to keep investing when ready). */
  suggestions: string[];
}

export interface CheckInputs {
  contact: ContactWithSummary;
  /** Only what figures are made of: `net check` reads these from an index, not whole rows. */
  events: readonly Pick<JournalEvent, 'type' | 'kind' | 'value' | 'occurredOn'>[];
  answers: readonly Pick<Answer, 'point' | 'answer' | 'answeredOn'>[];
  today: IsoDate;
  halfLifeDays: number;
}

const POINT_ADVICE: Partial<Record<ChecklistId, (name: string) => string>> = {
  'knows-services': (n) => `learn three of their services and record them (net edit "${n}" --service "…")`,
  'knows-goals': (n) => `ask about their goals for the year and record five (net edit "${n}" --goal "…")`,
  'knows-family': (n) => `get to know them beyond business: family, what matters to them (net edit "${n}" --family "…")`,
  'regular-appointments': (n) => `schedule regular one-to-ones (net log "${n}" --touch one-to-one --next "in 4 weeks")`,
  'asked-how-to-help': () => 'ask how you can help grow their business',
  trust: () => 'see their work first-hand before you vouch for it',
  'open-talks': () => 'talk openly about how you can help each other',
};

/** "a favour", "an introduction". */
export function withArticle(word: string): string {
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

function fmt(n: number): string {
  return round1(n).toFixed(1);
}

function describeBalance(b: BalanceBreakdown): string {
  const parts = [
    b.gave.count ? `${b.gave.count} give${b.gave.count === 1 ? '' : 's'} (+${fmt(b.gave.faded)})` : '',
    b.touch.count ? `${b.touch.count} touchpoint${b.touch.count === 1 ? '' : 's'} (+${fmt(b.touch.faded)})` : '',
    b.ask.count ? `${b.ask.count} ask${b.ask.count === 1 ? '' : 's'} (−${fmt(b.ask.faded)})` : '',
  ].filter(Boolean);
  return parts.length ? `balance ${fmt(b.balance)} from ${parts.join(', ')}, faded to today` : 'balance 0.0: nothing invested yet';
}

interface Need {
  ok: boolean;
  reason: string;
  suggestion?: string;
}

function judge(needs: Need[], base: Omit<CheckResult, 'verdict' | 'reasons' | 'suggestions'>, keepGiving: string[]): CheckResult {
  const failing = needs.filter((n) => !n.ok);
  return {
    ...base,
    verdict: failing.length ? 'premature' : 'ready',
    reasons: [...failing, ...needs.filter((n) => n.ok)].map((n) => n.reason),
    suggestions: failing.length ? [...new Set(failing.flatMap((n) => (n.suggestion ? [n.suggestion] : [])))] : keepGiving,
  };
}

function toBase(i: CheckInputs): Omit<CheckResult, 'verdict' | 'reasons' | 'suggestions'> {
  const standing = toStanding(i.contact, i.today, i.halfLifeDays);
  const breakdown = toBalanceBreakdown(i.events, i.today, i.halfLifeDays);
  return {
    stage: standing.stage,
    balance: breakdown.balance,
    received: breakdown.received.faded,
    depth: standing.depth,
    points: toDepthPoints(i.contact, i.answers, i.today),
    knownSince: standing.knownSince,
    lastTouch: i.contact.lastTouchOn,
    breakdown,
  };
}

function knownNeed(base: ReturnType<typeof toBase>, today: IsoDate, days: number, what: string, name: string): Need {
  const known = base.knownSince ? daysBetween(base.knownSince, today) : null;
  if (known === null) return { ok: false, reason: 'you have not met yet', suggestion: `meet them first: invite them to a one-to-one (net log "${name}" --next "in 1 week")` };
  const ok = known >= days;
  return {
    ok,
    reason: `known for ${known} day${known === 1 ? '' : 's'} (since ${base.knownSince}); ${what} needs ${days}`,
    suggestion: ok ? undefined : `farm, don't hunt: schedule more times to connect; ${what} fits in ${days - known} more days of knowing each other`,
  };
}

/** Advice for the missing points; trust is left to referrals, since a small ask does not spend the user's reputation. */
function missingPoints(points: DepthPoint[], name: string, limit = 3, skip: ChecklistId[] = []): string[] {
  return points
    .filter((p) => p.state !== 'yes' && !skip.includes(p.id))
    .flatMap((p) => (POINT_ADVICE[p.id] ? [POINT_ADVICE[p.id]!(name)] : []))
    .slice(0, limit);
}

function depthReason(d: Depth, points: DepthPoint[], need: number): string {
  const missing = points.filter((p) => p.state !== 'yes').map((p) => p.id);
  return `depth ${d.score}/${d.of} (needs ${need})${missing.length ? `; missing: ${missing.join(', ')}` : ''}`;
}

/** Is the relationship ready for this ask? */
export function checkAsk(i: CheckInputs, kind: AskKind): CheckResult {
  const base = toBase(i);
  const name = i.contact.name;
  const need = ASK_NEEDS[kind];
  const b = base.breakdown;
  const giveFirst = `give first: share something useful (an article, an idea) or pass them a referral (net log "${name}" --gave article)`;
  const needs: Need[] = [
    knownNeed(base, i.today, need.knownDays, `${withArticle(kind)} ask`, name),
    {
      ok: base.balance >= need.balance,
      reason: `${describeBalance(b)}; ${withArticle(kind)} needs ${need.balance}${b.asksSinceLastDeposit > 1 ? `; drawn down by ${b.asksSinceLastDeposit} asks since you last gave or met` : ''}`,
      suggestion: giveFirst,
    },
    { ok: base.depth.score >= need.depth, reason: depthReason(base.depth, base.points, need.depth), suggestion: missingPoints(base.points, name, 3, ['trust'])[0] ?? giveFirst },
  ];
  if (base.depth.score < need.depth) for (const s of missingPoints(base.points, name, 3, ['trust']).slice(1)) needs.push({ ok: false, reason: '', suggestion: s });
  if (i.contact.openAskOn) {
    needs.push({ ok: false, reason: `your ask of ${i.contact.openAskOn} is still open`, suggestion: `close the loop on it first (net ask "${name}" --outcome yes|no)` });
  }
  if (i.contact.lastTouchOn) needs.push({ ok: true, reason: `last touch ${i.contact.lastTouchOn}` });
  if (b.received.count) needs.push({ ok: true, reason: `they have given you ${b.received.count} time${b.received.count === 1 ? '' : 's'} (${fmt(b.received.faded)}): a reason to give back` });
  const result = judge(needs, base, [`keep giving: ${giveFirst.replace(/^give first: /, '')}`]);
  return { ...result, reasons: result.reasons.filter(Boolean) };
}

/** Is the user ready to refer this contact to their own people? */
export function checkReferral(i: CheckInputs): CheckResult {
  const base = toBase(i);
  const name = i.contact.name;
  const point = (id: ChecklistId) => base.points.find((p) => p.id === id)!;
  const trust = point('trust');
  const services = point('knows-services');
  const needs: Need[] = [
    {
      ok: trust.state === 'yes',
      reason: trust.state === 'yes' ? `you trust their work${trust.stale ? ' (answered over a year ago)' : ''}` : 'you have not said you trust their work',
      suggestion: `see their work first-hand; when you trust it, say so (net deepen "${name}" --yes trust)`,
    },
    { ok: services.state === 'yes', reason: `you know ${services.why}`, suggestion: POINT_ADVICE['knows-services']!(name) },
    knownNeed(base, i.today, REFER_NEEDS.knownDays, 'referring them', name),
    { ok: base.depth.score >= REFER_NEEDS.depth, reason: depthReason(base.depth, base.points, REFER_NEEDS.depth), suggestion: missingPoints(base.points, name, 3, REFER_NEEDS.points)[0] },
  ];
  return judge(needs, base, ['refer with care: tell both sides why you are connecting them']);
}
