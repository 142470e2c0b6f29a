/**
 * The 13-point deep referral relationship checklist. Five points are read from the journal; the other eight are the
 * user's own answers (`net deepen`), dated, and shown as stale after a year.
 */
import { addDays, daysBetween, minDate, type IsoDate } from './dates.js';
import type { Answer, ContactWithSummary } from './types.js';

export const CHECKLIST_IDS = [
  'trust',
  'known-a-year',
  'knows-services',
  'knows-family',
  'asked-how-to-help',
  'knows-goals',
  'call-at-night',
  'ask-for-help',
  'enjoy-time',
  'regular-appointments',
  'enjoy-their-success',
  'top-of-mind',
  'open-talks',
] as const;
export type ChecklistId = (typeof CHECKLIST_IDS)[number];

/** The five points read from the journal; the user answers the others with `net deepen`. */
export const DERIVED_IDS = ['known-a-year', 'knows-services', 'knows-family', 'knows-goals', 'regular-appointments'] as const satisfies readonly ChecklistId[];
export type DerivedId = (typeof DERIVED_IDS)[number];
export const isDerived = (id: ChecklistId): id is DerivedId => (DERIVED_IDS as readonly ChecklistId[]).includes(id);
export const ANSWERED_IDS = CHECKLIST_IDS.filter((id) => !isDerived(id));

/** An answer older than this is shown as stale: people change. */
export const ANSWER_STALE_DAYS = 365;
/** Without a cadence of their own, regular appointments means at least one touchpoint every 90 days. */
export const REGULAR_DEFAULT_DAYS = 90;

/**
 * What the journal must hold for each of its five points: the one home of these numbers, which
 * store/standing-sql.ts writes into its SQL.
 *
 *   point                  holds when
 *   known-a-year           met (or a first event) `knownDays` days ago or more
 *   knows-services         `services` or more services recorded
 *   knows-family           `family` or more family members recorded
 *   knows-goals            `goals` or more goals recorded
 *   regular-appointments   a follow-up scheduled today or later, or the last `touchpoints` touchpoints keep the
 *                          cadence (own, else REGULAR_DEFAULT_DAYS) and the last is within it
 */
export const JOURNAL_POINT_NEEDS = { knownDays: 365, services: 3, family: 1, goals: 5, touchpoints: 3 } as const;

export type PointState = 'yes' | 'no' | 'unanswered';

/** Why a journal point holds or not, with its figures: ui/messages/checklist.ts says it. */
export type PointWhy =
  | { code: 'known-since'; since: IsoDate }
  | { code: 'not-met' }
  | { code: 'services'; count: number; need: number }
  | { code: 'family'; count: number }
  | { code: 'goals'; count: number; need: number }
  | { code: 'follow-up-scheduled'; on: IsoDate }
  | { code: 'keeps-cadence'; days: number }
  | { code: 'misses-cadence'; days: number };

export interface DepthPoint {
  id: ChecklistId;
  state: PointState;
  /** journal: read from the journal; answer: the user's own answer. */
  source: 'journal' | 'answer';
  /** Why a journal point holds or not. */
  why?: PointWhy;
  answeredOn?: IsoDate;
  stale?: boolean;
}

export interface Depth {
  score: number;
  of: number;
}

/** "Known since": when they met, or the first event, whichever is earlier. */
export function toKnownSince(c: Pick<ContactWithSummary, 'metOn' | 'firstEventOn'>): IsoDate | null {
  return minDate(c.metOn, c.firstEventOn);
}

type DerivedInputs = Pick<ContactWithSummary, 'metOn' | 'firstEventOn' | 'serviceCount' | 'familyCount' | 'goalCount' | 'everyDays' | 'touchCount' | 'recentTouchGap' | 'lastTouchOn' | 'nextFollowUpOn'>;

interface DerivedFacts {
  since: IsoDate | null;
  knownDays: number;
  cadence: number;
  followUpAhead: boolean;
  keepsCadence: boolean;
  met: Record<DerivedId, boolean>;
}

// Plain numbers and booleans only: `net balance` computes this for every contact, so the words are left to
// toDerivedPoints.
function readDerived(c: DerivedInputs, today: IsoDate): DerivedFacts {
  const since = toKnownSince(c);
  const knownDays = since ? daysBetween(since, today) : 0;
  const cadence = c.everyDays ?? REGULAR_DEFAULT_DAYS;
  const followUpAhead = c.nextFollowUpOn !== null && c.nextFollowUpOn >= today;
  const need = JOURNAL_POINT_NEEDS;
  const keepsCadence =
    c.touchCount >= need.touchpoints && c.recentTouchGap !== null && c.recentTouchGap <= cadence && c.lastTouchOn !== null && daysBetween(c.lastTouchOn, today) <= cadence;
  const met = {
    'known-a-year': since !== null && knownDays >= need.knownDays,
    'knows-services': c.serviceCount >= need.services,
    'knows-family': c.familyCount >= need.family,
    'knows-goals': c.goalCount >= need.goals,
    'regular-appointments': followUpAhead || keepsCadence,
  };
  return { since, knownDays, cadence, followUpAhead, keepsCadence, met };
}

/** The five journal points, with the reason each holds or not. */
export function toDerivedPoints(c: DerivedInputs, today: IsoDate): Record<DerivedId, { met: boolean; why: PointWhy }> {
  const { since, cadence, followUpAhead, keepsCadence, met } = readDerived(c, today);
  const need = JOURNAL_POINT_NEEDS;
  return {
    'known-a-year': { met: met['known-a-year'], why: since ? { code: 'known-since', since } : { code: 'not-met' } },
    'knows-services': { met: met['knows-services'], why: { code: 'services', count: c.serviceCount, need: need.services } },
    'knows-family': { met: met['knows-family'], why: { code: 'family', count: c.familyCount } },
    'knows-goals': { met: met['knows-goals'], why: { code: 'goals', count: c.goalCount, need: need.goals } },
    'regular-appointments': {
      met: met['regular-appointments'],
      why: followUpAhead ? { code: 'follow-up-scheduled', on: c.nextFollowUpOn! } : keepsCadence ? { code: 'keeps-cadence', days: cadence } : { code: 'misses-cadence', days: cadence },
    },
  };
}

/** Depth from the summary alone (for lists): journal points plus the count of yes answers. */
export function toDepth(c: DerivedInputs & Pick<ContactWithSummary, 'answersYes'>, today: IsoDate): Depth {
  const { met } = readDerived(c, today);
  const derived = Number(met['known-a-year']) + Number(met['knows-services']) + Number(met['knows-family']) + Number(met['knows-goals']) + Number(met['regular-appointments']);
  return { score: derived + c.answersYes, of: CHECKLIST_IDS.length };
}

/** Every point with its state, for `net check` and `net deepen`; its yes count equals toDepth's score. */
export function toDepthPoints(c: DerivedInputs, answers: readonly Pick<Answer, 'point' | 'answer' | 'answeredOn'>[], today: IsoDate): DepthPoint[] {
  const derived = toDerivedPoints(c, today);
  const staleBefore = addDays(today, -ANSWER_STALE_DAYS);
  return CHECKLIST_IDS.map((id): DepthPoint => {
    if (isDerived(id)) return { id, state: derived[id].met ? 'yes' : 'no', source: 'journal', why: derived[id].why };
    const a = answers.find((x) => x.point === id);
    if (!a) return { id, state: 'unanswered', source: 'answer' };
    return { id, state: a.answer ? 'yes' : 'no', source: 'answer', answeredOn: a.answeredOn, stale: a.answeredOn < staleBefore };
  });
}
