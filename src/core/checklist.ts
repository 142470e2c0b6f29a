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

export interface ChecklistPoint {
  id: ChecklistId;
  /** The point as the checklist states it. */
  text: string;
  /** For points read from the journal: how, so that errors and help can say it. */
  derivedFrom?: string;
}

export const CHECKLIST: readonly ChecklistPoint[] = [
  { id: 'trust', text: 'You trust them to do a great job and take great care of your referred prospects' },
  { id: 'known-a-year', text: 'You have known each other for at least one year', derivedFrom: 'when you met (--met) or the first event in the journal' },
  { id: 'knows-services', text: 'You understand at least three of their products or services', derivedFrom: 'three or more services recorded with net edit --service' },
  { id: 'knows-family', text: 'You know the names of their family members', derivedFrom: 'a family member recorded with net edit --family' },
  { id: 'asked-how-to-help', text: 'You have both asked each other how you can help grow your businesses' },
  { id: 'knows-goals', text: 'You know at least five of their goals for the year', derivedFrom: 'five or more goals recorded with net edit --goal' },
  { id: 'call-at-night', text: 'You could call them at 9 at night if you really needed something' },
  { id: 'ask-for-help', text: 'You would not feel awkward asking them for help with a personal or business challenge' },
  { id: 'enjoy-time', text: 'You enjoy the time you spend together' },
  { id: 'regular-appointments', text: 'You have regular appointments scheduled', derivedFrom: 'touchpoints that keep your cadence over the last three cycles, or a follow-up scheduled' },
  { id: 'enjoy-their-success', text: 'You enjoy seeing them achieve further success' },
  { id: 'top-of-mind', text: 'They are "top of mind" regularly' },
  { id: 'open-talks', text: 'You have open, honest talks about how you can help each other further' },
];

export type DerivedId = 'known-a-year' | 'knows-services' | 'knows-family' | 'knows-goals' | 'regular-appointments';
export const DERIVED_IDS = CHECKLIST.filter((p) => p.derivedFrom).map((p) => p.id) as DerivedId[];
export const ANSWERED_IDS = CHECKLIST.filter((p) => !p.derivedFrom).map((p) => p.id);

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

export interface DepthPoint {
  id: ChecklistId;
  text: string;
  state: PointState;
  /** journal: read from the journal; answer: the user's own answer. */
  source: 'journal' | 'answer';
  /** Why a journal point holds or not, in plain words. */
  why?: string;
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
export function toDerivedPoints(c: DerivedInputs, today: IsoDate): Record<DerivedId, { met: boolean; why: string }> {
  const { since, cadence, followUpAhead, keepsCadence, met } = readDerived(c, today);
  return {
    'known-a-year': { met: met['known-a-year'], why: since ? `known since ${since}` : 'not met yet' },
    'knows-services': { met: met['knows-services'], why: `${c.serviceCount} of 3 services recorded` },
    'knows-family': { met: met['knows-family'], why: c.familyCount ? `${c.familyCount} family recorded` : 'no family recorded' },
    'knows-goals': { met: met['knows-goals'], why: `${c.goalCount} of 5 goals recorded` },
    'regular-appointments': {
      met: met['regular-appointments'],
      why: followUpAhead ? `follow-up scheduled for ${c.nextFollowUpOn}` : keepsCadence ? `touchpoints keep a ${cadence}-day cadence` : `no follow-up scheduled and touchpoints do not keep a ${cadence}-day cadence`,
    },
  };
}

/** Depth from the summary alone (for lists): journal points plus the count of yes answers. */
export function toDepth(c: DerivedInputs & Pick<ContactWithSummary, 'answersYes'>, today: IsoDate): Depth {
  const { met } = readDerived(c, today);
  const derived = Number(met['known-a-year']) + Number(met['knows-services']) + Number(met['knows-family']) + Number(met['knows-goals']) + Number(met['regular-appointments']);
  return { score: derived + c.answersYes, of: CHECKLIST.length };
}

/** Every point with its state, for `net check` and `net deepen`; its yes count equals toDepth's score. */
export function toDepthPoints(c: DerivedInputs, answers: readonly Pick<Answer, 'point' | 'answer' | 'answeredOn'>[], today: IsoDate): DepthPoint[] {
  const derived = toDerivedPoints(c, today);
  const staleBefore = addDays(today, -ANSWER_STALE_DAYS);
  return CHECKLIST.map((p) => {
    const d = derived[p.id as DerivedId] as { met: boolean; why: string } | undefined;
    if (d) return { id: p.id, text: p.text, state: d.met ? 'yes' : 'no', source: 'journal', why: d.why };
    const a = answers.find((x) => x.point === p.id);
    if (!a) return { id: p.id, text: p.text, state: 'unanswered', source: 'answer' };
    return { id: p.id, text: p.text, state: a.answer ? 'yes' : 'no', source: 'answer', answeredOn: a.answeredOn, stale: a.answeredOn < staleBefore };
  });
}
