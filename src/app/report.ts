/** `net report`: a look back over a window of weeks, from SQL aggregates and the contacts' summaries. */
import { STAGES, toNetworkShape, toStanding, type NetworkShape, type Stage } from '../core/capital.js';
import { addDays, daysBetween, type IsoDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { ACTIVITY_TYPES, GIFTS_TO_THANK, REPORT_LIST_LIMIT, toMoves, toWeekStarts, type ActivityType, type StageMove } from '../core/report.js';
import { countActivityByWeek, countReferrals, listStandingPairs } from '../store/report.js';
import { listGifts } from '../store/premature.js';
import { findPrematureAsks, type PrematureResult } from './premature.js';
import type { Store } from '../store/store.js';

export interface ReportInput {
  since: IsoDate;
  until: IsoDate;
}

export type ActivityCounts = Record<ActivityType, number>;

export interface ReferralSide {
  /** Logged in the window. */
  logged: number;
  /** Of those logged in the window, still open or contacted. */
  stillOpen: number;
  /** Marked won or lost in the window (whenever logged). */
  won: number;
  lost: number;
  /** The business the ones won in the window closed: reported, never scored. */
  amountWon: number;
}

export interface ReportResult {
  since: IsoDate;
  until: IsoDate;
  days: number;
  weeks: ({ start: IsoDate } & ActivityCounts)[];
  totals: ActivityCounts;
  referrals: { given: ReferralSide; received: ReferralSide };
  movedUp: StageMove[];
  goingCold: StageMove[];
  /** How many more there are than the lists show. */
  movedUpMore: number;
  goingColdMore: number;
  newContacts: number;
  stages: Record<Stage, number>;
  shape: NetworkShape;
  /** What people gave the user in the window, latest first: people to thank, never a ranking. */
  toThank: { id: string; name: string; kind: string; on: IsoDate; note: string | null }[];
  /** Asks made before the relationship was ready, and asks that outweigh gives lately. */
  premature: PrematureResult;
}

const zero = (): ActivityCounts => ({ gave: 0, touch: 0, ask: 0, received: 0 });
const noReferrals = (): ReferralSide => ({ logged: 0, stillOpen: 0, won: 0, lost: 0, amountWon: 0 });

export function checkReportWindow(input: ReportInput): void {
  if (input.since > input.until) throw new UsageError(`--since ${input.since} is after today`, 'look back from a day in the past, for example --since 90d or --since 2026-01-01');
  if (input.since < '1900-01-01') throw new UsageError(`--since ${input.since} is too long ago`, 'give a day after 1900');
}

export function buildReport(store: Store, input: ReportInput): ReportResult {
  checkReportWindow(input);
  const { since, until } = input;
  const halfLifeDays = store.halfLifeDays();
  const weeks = toWeekStarts(since, until).map((start) => ({ start, ...zero() }));
  const totals = zero();
  for (const r of countActivityByWeek(store, { since, until })) {
    const week = weeks[r.week];
    if (!week || !(ACTIVITY_TYPES as readonly string[]).includes(r.type)) continue;
    week[r.type as ActivityType] += r.n;
    totals[r.type as ActivityType] += r.n;
  }

  const referrals = { given: noReferrals(), received: noReferrals() };
  for (const r of countReferrals(store, { since, until })) {
    const side = r.type === 'gave' ? referrals.given : referrals.received;
    Object.assign(side, { logged: r.logged, stillOpen: r.stillOpen, won: r.won, lost: r.lost, amountWon: Math.round(r.amountWon * 100) / 100 });
  }

  const stages = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  const moves: StageMove[] = [];
  let newContacts = 0;
  for (const pair of listStandingPairs(store, since, halfLifeDays)) {
    const now = toStanding(pair.now, until, halfLifeDays).stage;
    stages[now]++;
    if (pair.isNew) {
      newContacts++;
      continue;
    }
    moves.push({ id: pair.id, name: pair.name, from: toStanding(pair.before, since, halfLifeDays).stage, to: now, lastTouch: pair.now.lastTouchOn });
  }
  const { movedUp, goingCold } = toMoves(moves, since);
  return {
    since,
    until,
    days: daysBetween(since, until) + 1,
    weeks,
    totals,
    referrals,
    movedUp: movedUp.slice(0, REPORT_LIST_LIMIT),
    goingCold: goingCold.slice(0, REPORT_LIST_LIMIT),
    movedUpMore: Math.max(0, movedUp.length - REPORT_LIST_LIMIT),
    goingColdMore: Math.max(0, goingCold.length - REPORT_LIST_LIMIT),
    newContacts,
    stages,
    shape: toNetworkShape(stages),
    toThank: listGifts(store, since, until, GIFTS_TO_THANK),
    premature: findPrematureAsks(store, { since, until }),
  };
}

/** The first day of the default window: `days` before `today`. */
export const toDefaultSince = (today: IsoDate, days: number): IsoDate => addDays(today, -days);
