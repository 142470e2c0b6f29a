/**
 * What commands show, as plain data: the same object becomes JSON with --json and text through a renderer.
 * Keys are stable camelCase; dates are YYYY-MM-DD; timestamps ISO. Adding a key is fine, renaming one is not.
 */
import type { DueResult } from '../app/due.js';
import type { LogResult } from '../app/log.js';
import type { SnoozeResult } from '../app/snooze.js';
import type { AskResult, OutcomeResult } from '../app/ask.js';
import type { BalanceResult } from '../app/balance.js';
import type { CheckOutcome } from '../app/check.js';
import type { SetResult, SettingEntry, SettingKey } from '../app/config.js';
import type { DeepenResult, DepthResult } from '../app/deepen.js';
import { round1, type BalanceLine, type CheckAdvice, type CheckReason, type NetworkShape, type Stage, type Standing, type Verdict } from '../core/capital.js';
import type { DepthPoint } from '../core/checklist.js';
import type { IsoDate } from '../core/dates.js';
import type { DueAction, DueItem, DueReason } from '../core/due.js';
import { toIntervalText } from '../core/intervals.js';
import type { ContactPoint, ContactWithSummary, Fact, FollowUp, JournalEvent } from '../core/types.js';
import type { EditChanges, EditResult } from '../app/edit.js';
import type { ContactRowCounts, RemoveResult } from '../app/rm.js';
import type { ShowResult } from '../app/show.js';
import type { DoctorCheckId, DoctorFinding, DoctorResult } from '../app/doctor.js';
import type { IdeasResult } from '../app/ideas.js';
import type { PrematureResult } from '../app/premature.js';
import type { EarlyWhy, RepairGive } from '../core/premature.js';
import { describeEarlyAsk, describeRepair } from './messages/premature.js';
import type { IntroCheck, IntroResult } from '../app/intro.js';
import { describeCheckAdvice, describeCheckReason, describeCheckSubject, describeFirstStep, describeThanks } from './messages/check.js';
import { CHECKLIST_TEXT, describePointWhy } from './messages/checklist.js';
import { describeFinding } from './messages/doctor.js';
import { SETTING_WORDS } from './messages/settings.js';
import { describeDueAction, describeDueReason } from './messages/due.js';
import { describeIdeaAction, describeIdeaReason, describeLearnFirst } from './messages/ideas.js';

export interface ContactView {
  id: string;
  name: string;
  company: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  tags: string[];
  services: string[];
  goals: string[];
  family: string[];
  /** Open needs, matched by net ideas. */
  needs: string[];
  /** What a good referral for them looks like. */
  ideals: string[];
  /** Needs since met, with the day (null when the facts given carry no day, as in lists). */
  metNeeds: { text: string; metOn: string | null }[];
  /** The parts of the name, when a source or the user gave them. */
  givenName: string | null;
  familyName: string | null;
  metOn: string | null;
  howMet: string | null;
  /** The contact's own cadence, such as "3w"; null means the stage's default. */
  every: string | null;
  everyDays: number | null;
  snoozedUntil: string | null;
  lastTouch: string | null;
  /** The contact's own note (show, add, edit; a list leaves it out). */
  note?: string | null;
  /** Every email and phone with its label, the main one first (show, add, edit; a list has the main ones alone). */
  emails?: { address: string; label: string | null }[];
  phones?: { number: string; label: string | null }[];
  createdAt: string;
  updatedAt: string;
}

/** Takes any contact with the profile columns (a list reads only those) and its facts' kinds and texts. */
export function toContactView(
  c: ContactProfile,
  facts: readonly (Pick<Fact, 'kind' | 'text'> & { doneOn?: string | null })[],
  points?: readonly Pick<ContactPoint, 'kind' | 'value' | 'label'>[],
): ContactView {
  const texts = (kind: Fact['kind']) => facts.filter((f) => f.kind === kind).map((f) => f.text);
  return {
    id: c.id,
    name: c.name,
    company: c.company,
    role: c.role,
    email: c.email,
    phone: c.phone,
    tags: texts('tag'),
    services: texts('service'),
    goals: texts('goal'),
    family: texts('family'),
    needs: texts('need'),
    ideals: texts('ideal'),
    metNeeds: facts.filter((f) => f.kind === 'met-need').map((f) => ({ text: f.text, metOn: f.doneOn ?? null })),
    givenName: c.givenName ?? null,
    familyName: c.familyName ?? null,
    metOn: c.metOn,
    howMet: c.howMet,
    every: c.everyDays === null ? null : toIntervalText(c.everyDays),
    everyDays: c.everyDays,
    snoozedUntil: c.snoozedUntil,
    lastTouch: c.lastTouchOn,
    ...('note' in c ? { note: c.note ?? null } : {}),
    ...(points
      ? {
          emails: points.filter((p) => p.kind === 'email').map((p) => ({ address: p.value, label: p.label })),
          phones: points.filter((p) => p.kind === 'phone').map((p) => ({ number: p.value, label: p.label })),
        }
      : {}),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export interface EventView {
  id: string;
  date: string;
  type: JournalEvent['type'];
  kind: string;
  value: number | null;
  note: string | null;
  outcome: string | null;
  outcomeOn: string | null;
  premature: boolean;
  /** `net intro` gives only (in `net show`): the other one of the pair. */
  introducedTo?: { id: string; name: string };
  /** Referrals given or received only: the prospect and how it went. */
  referral?: ReferralStateView;
}

export interface ReferralStateView {
  shortId: string;
  prospect: string | null;
  status: string;
  statusOn: string | null;
  amount: number | null;
  statusNote: string | null;
}

export function toEventView(e: JournalEvent): EventView {
  const view: EventView = { id: e.id, date: e.occurredOn, type: e.type, kind: e.kind, value: e.value, note: e.note, outcome: e.outcome, outcomeOn: e.outcomeOn, premature: e.premature };
  if (e.status) view.referral = { shortId: e.id.slice(0, 8), prospect: e.prospect ?? null, status: e.status, statusOn: e.statusOn ?? null, amount: e.amount ?? null, statusNote: e.statusNote ?? null };
  return view;
}

export interface LoggedView {
  contact: { id: string; name: string };
  events: EventView[];
  followUp: { id: string; dueOn: string; note: string | null } | null;
  closedFollowUps: number;
}

export function toLoggedView(r: LogResult): LoggedView {
  return {
    contact: { id: r.contact.id, name: r.contact.name },
    events: r.events.map(toEventView),
    followUp: r.followUp && { id: r.followUp.id, dueOn: r.followUp.dueOn, note: r.followUp.note },
    closedFollowUps: r.closedFollowUps,
  };
}

// ---- list, show, edit, rm -------------------------------------------------------------------------------------

export type ContactProfile = Pick<
  ContactWithSummary,
  'id' | 'name' | 'givenName' | 'familyName' | 'company' | 'role' | 'email' | 'phone' | 'metOn' | 'howMet' | 'everyDays' | 'snoozedUntil' | 'lastTouchOn' | 'createdAt' | 'updatedAt'
> & Partial<Pick<ContactWithSummary, 'note'>>;

export function toContactViews(contacts: readonly ContactProfile[], factsByContact: ReadonlyMap<string, readonly Pick<Fact, 'kind' | 'text'>[]>): ContactView[] {
  return contacts.map((c) => toContactView(c, factsByContact.get(c.id) ?? []));
}

export interface FollowUpView {
  id: string;
  dueOn: string;
  note: string | null;
  scheduledOn: string;
  doneOn: string | null;
  open: boolean;
}

export function toFollowUpView(f: FollowUp): FollowUpView {
  return { id: f.id, dueOn: f.dueOn, note: f.note, scheduledOn: f.scheduledOn, doneOn: f.doneOn, open: f.doneOn === null };
}

/** `net show`: later features add keys (balance, stage…) beside these; the three below stay as they are. */
export interface ShowView {
  contact: ContactView;
  /** Events, newest first: all of them in JSON; the text shows the latest unless --all. */
  timeline: EventView[];
  /** Older events not in `timeline` (0 with --json or --all). */
  earlierEvents: number;
  /** Open and done, latest due first. */
  followUps: FollowUpView[];
  standing: StandingView;
  /** The birthday and custom dates: each with the day it next falls on. */
  importantDates: ImportantDateView[];
}

export interface ImportantDateView {
  label: string;
  /** As stored: `YYYY-MM-DD`, or `--MM-DD` without a year. */
  date: string;
  next: string;
  inDays: number;
}

/** Balance, depth and stage as every view shows them; `received` is the contact's investment in the user. */
export interface StandingView {
  stage: string;
  balance: number;
  received: number;
  depth: { score: number; of: number };
  knownSince: string | null;
}

export function toStandingView(s: Standing): StandingView {
  return { stage: s.stage, balance: round1(s.balance), received: round1(s.received), depth: s.depth, knownSince: s.knownSince };
}

export function toShowView(r: ShowResult): ShowView {
  return {
    contact: toContactView(r.contact, r.facts, r.points),
    timeline: r.events.map((e) => (r.introductions.has(e.id) ? { ...toEventView(e), introducedTo: r.introductions.get(e.id)! } : toEventView(e))),
    earlierEvents: r.earlierEvents,
    followUps: r.followUps.map(toFollowUpView),
    standing: toStandingView(r.standing),
    importantDates: r.occasions.map((o) => ({ label: o.label, date: o.date, next: o.on, inDays: o.inDays })),
  };
}

/** `net edit`: the updated contact, and what changed. */
export interface EditedView extends ContactView {
  changes: EditChanges;
}

export function toEditedView(r: EditResult): EditedView {
  return { ...toContactView(r.contact, r.facts, r.points), changes: r.changes };
}

export interface RemovedView {
  id: string;
  name: string;
  removed: ContactRowCounts;
}

export function toRemovedView(r: RemoveResult): RemovedView {
  return { id: r.contact.id, name: r.contact.name, removed: r.removed };
}

// ---- check, ask, balance, deepen, config ----------------------------------------------------------------------

export interface PointView {
  id: string;
  text: string;
  state: DepthPoint['state'];
  /** journal: read from the journal; answer: the user's own answer (net deepen). */
  source: DepthPoint['source'];
  /** For journal points: why it holds or not. */
  why: string | null;
  answeredOn: string | null;
  /** An answer over a year old: people change. */
  stale: boolean;
}

export function toPointView(p: DepthPoint): PointView {
  return {
    id: p.id,
    text: CHECKLIST_TEXT[p.id],
    state: p.state,
    source: p.source,
    why: p.why ? describePointWhy(p.why) : null,
    answeredOn: p.answeredOn ?? null,
    stale: p.stale ?? false,
  };
}

export interface BalanceLineView {
  count: number;
  /** Before fading: values of gives, sizes of asks, TOUCH_DEPOSIT of touchpoints. */
  points: number;
  /** As of today. */
  faded: number;
  /** The events counted, as `net show` lists them. */
  eventIds: string[];
}

export interface CheckView {
  id: string;
  name: string;
  /** The ask judged; null with --to-refer. */
  ask: string | null;
  toRefer: boolean;
  verdict: Verdict;
  balance: number;
  /** Their investment in the user, faded like the balance. */
  received: number;
  depth: { score: number; of: number };
  stage: Stage;
  knownSince: string | null;
  lastTouch: string | null;
  needs: { balance: number | null; depth: number; knownDays: number };
  reasons: string[];
  /** Each reason marked: met, not-met, or info (the last touch, which is neither). */
  reasonMarks: ('met' | 'not-met' | 'info')[];
  /** What to do, in a few words, for the first line. */
  firstStep: string;
  /** What is checked: "ask Tom Baker for business", "refer Tom Baker to your contacts". */
  subject: string;
  suggestions: string[];
  /** What they gave you, as a reason to thank them and give: never among the reasons for your own ask. */
  thanks: string | null;
  points: PointView[];
  breakdown: { gave: BalanceLineView; touch: BalanceLineView; ask: BalanceLineView; received: BalanceLineView; asksSinceLastDeposit: number };
  halfLifeDays: number;
  /** What each reason is, beside its words (core/capital.ts CheckReason): known-for, balance, depth, … */
  reasonCodes: CheckReason['code'][];
  /** What each suggestion is: give-first, meet-first, farm, close-ask, point:<checklist id>, … */
  suggestionCodes: string[];
}

/** An advice's code; advice on a checklist point names the point: `point:knows-services`. */
const toAdviceCode = (a: CheckAdvice) => (a.code === 'point' ? `point:${a.point}` : a.code);

export function toCheckView(o: CheckOutcome): CheckView {
  const r = o.result;
  const line = (type: 'gave' | 'touch' | 'ask' | 'received', l: BalanceLine): BalanceLineView => ({
    count: l.count,
    points: l.points,
    faded: round1(l.faded),
    eventIds: o.eventIds[type],
  });
  const b = r.breakdown;
  return {
    id: o.contact.id,
    name: o.contact.name,
    ask: o.kind,
    toRefer: o.kind === null,
    verdict: r.verdict,
    balance: round1(r.balance),
    received: round1(r.received),
    depth: r.depth,
    stage: r.stage,
    knownSince: r.knownSince,
    lastTouch: r.lastTouch,
    needs: { balance: o.needs.balance ?? null, depth: o.needs.depth, knownDays: o.needs.knownDays },
    reasons: r.reasons.map(describeCheckReason),
    reasonMarks: r.reasons.map((x) => (x.code === 'last-touch' ? 'info' : x.ok ? 'met' : 'not-met')),
    firstStep: describeFirstStep(r.suggestions[0] ?? { code: 'keep-giving' }),
    subject: describeCheckSubject(o.contact.name, o.kind),
    suggestions: r.suggestions.map((a) => describeCheckAdvice(a, o.contact.name)),
    thanks: r.thanks ? describeThanks(o.contact.name, r.thanks) : null,
    points: r.points.map(toPointView),
    breakdown: { gave: line('gave', b.gave), touch: line('touch', b.touch), ask: line('ask', b.ask), received: line('received', b.received), asksSinceLastDeposit: b.asksSinceLastDeposit },
    halfLifeDays: o.halfLifeDays,
    reasonCodes: r.reasons.map((x) => x.code),
    suggestionCodes: r.suggestions.map(toAdviceCode),
  };
}

export interface AskView {
  contact: { id: string; name: string };
  /** False when the ask was premature and not confirmed: nothing was written. */
  recorded: boolean;
  premature: boolean;
  /** The ask as recorded, or null. */
  event: EventView | null;
  check: CheckView;
}

export function toAskView(check: CheckOutcome, recorded: AskResult | null): AskView {
  return {
    contact: { id: check.contact.id, name: check.contact.name },
    recorded: recorded !== null,
    premature: check.result.verdict === 'premature',
    event: recorded && toEventView(recorded.event),
    check: toCheckView(check),
  };
}

export interface OutcomeView {
  contact: { id: string; name: string };
  event: EventView;
  /** The outcome before: pending when the ask was open. */
  previous: string;
}

export function toOutcomeView(r: OutcomeResult): OutcomeView {
  return { contact: { id: r.contact.id, name: r.contact.name }, event: toEventView(r.event), previous: r.previous };
}

export interface BalanceEntryView {
  id: string;
  name: string;
  balance: number;
  /** Their investment in the user: what they gave, faded like the balance. */
  received: number;
  depth: { score: number; of: number };
  stage: Stage;
  lastTouch: string | null;
  knownSince: string | null;
}

export interface BalanceView {
  contacts: BalanceEntryView[];
  /** Contacts counted (all, or those with --tag), before --limit. */
  total: number;
  stages: Record<Stage, number>;
  shape: NetworkShape;
  halfLifeDays: number;
}

export function toBalanceView(r: BalanceResult): BalanceView {
  return {
    contacts: r.entries.map((e) => ({
      id: e.id,
      name: e.name,
      balance: round1(e.standing.balance),
      received: round1(e.standing.received),
      depth: e.standing.depth,
      stage: e.standing.stage,
      lastTouch: e.lastTouch,
      knownSince: e.standing.knownSince,
    })),
    total: r.total,
    stages: r.stages,
    shape: r.shape,
    halfLifeDays: r.halfLifeDays,
  };
}

export interface DepthView {
  id: string;
  name: string;
  depth: { score: number; of: number };
  stage: Stage;
  points: PointView[];
  /** What this command answered (empty when nothing changed). */
  answered: { id: string; answer: boolean }[];
}

export function toDepthView(r: DepthResult | DeepenResult): DepthView {
  return { id: r.contact.id, name: r.contact.name, depth: r.depth, stage: r.stage, points: r.points.map(toPointView), answered: 'answered' in r ? r.answered : [] };
}

export interface SettingView extends SettingEntry {
  /** What the setting means. */
  description: string;
}

export function toSettingView(s: SettingEntry): SettingView {
  return { ...s, description: SETTING_WORDS[s.key as SettingKey] ?? '' };
}

export interface SettingChangedView extends SettingView {
  recomputed: number;
}

export function toSettingChangedView(r: SetResult): SettingChangedView {
  return { ...toSettingView(r.setting), recomputed: r.recomputed };
}

// ---- due, snooze ----------------------------------------------------------------------------------------------

/** One line of `net due`; `terms` only with --explain. */
export interface DueItemView {
  id: string;
  name: string;
  /** The urgency: the sum of the terms' value × weight. */
  score: number;
  reasons: string[];
  nextAction: string;
  lastTouch: string | null;
  stage: string;
  cadenceDays: number | null;
  /** What each reason is, beside its words (core/due.ts DueReason): follow-up, cadence-overdue, received, … */
  reasonCodes: DueReason['code'][];
  /** The next step's code (core/due.ts DueAction). */
  nextActionCode: DueAction;
  terms?: { term: string; value: number; weight: number; score: number }[];
}

/** `net due`: JSON prints `items` alone (an array, most urgent first); the text also says what was left out. */
export interface DueListView {
  /** The day of --on; null for today. */
  on: string | null;
  items: DueItemView[];
  /** How many are due in all. */
  total: number;
  emptyJournal: boolean;
  explain: boolean;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** One due contact's line: its reasons in words (as of `day`), and the terms with --explain. */
export function toDueItemView(i: DueItem, day: IsoDate, explain: boolean): DueItemView {
  const view: DueItemView = {
    id: i.id,
    name: i.name,
    score: round3(i.score),
    reasons: i.reasons.map((reason) => describeDueReason(reason, day)),
    nextAction: describeDueAction(i.nextAction, i.name),
    lastTouch: i.lastTouch,
    stage: i.stage,
    cadenceDays: i.cadenceDays,
    reasonCodes: i.reasons.map((reason) => reason.code),
    nextActionCode: i.nextAction,
  };
  if (explain) view.terms = i.terms.map((t) => ({ term: t.term, value: round3(t.value), weight: t.weight, score: round3(t.score) }));
  return view;
}

export function toDueListView(r: DueResult, opts: { on: string | null; explain: boolean }): DueListView {
  const items = r.items.map((i) => toDueItemView(i, r.day, opts.explain));
  return { on: opts.on, items, total: r.total, emptyJournal: r.emptyJournal, explain: opts.explain };
}

export interface SnoozeView {
  id: string;
  name: string;
  /** Not due before this day; null when not snoozed. */
  snoozedUntil: string | null;
  previous: string | null;
}

export function toSnoozeView(r: SnoozeResult): SnoozeView {
  return { id: r.contact.id, name: r.contact.name, snoozedUntil: r.contact.snoozedUntil, previous: r.previous };
}

/** `net due --ics <file>`: what was written. */
export interface CalendarWrittenView {
  file: string;
  events: number;
}

// ---- ideas, intro, synonyms -----------------------------------------------------------------------------------

/** One way to give: `net ideas --json` prints an array of these, best first. */
export interface IdeaView {
  /** introduction, referral, goal (a pair); article, one-to-one, ask-how-to-help (one person). */
  kind: string;
  /** The one it helps first. */
  for: string;
  /** The other one of an introduction, or null. */
  with: string | null;
  action: string;
  because: string;
  score: number;
  /** False: the user should learn more about one of them before vouching. */
  ready: boolean;
  learnFirst: string[];
  forId: string;
  withId: string | null;
}

export interface IdeasView {
  /** The contact asked about; null for the whole network. */
  contact: { id: string; name: string; stage: string } | null;
  ideas: IdeaView[];
  /** Ideas found before --limit. */
  total: number;
  /** Open needs and ideal referrals the ideas come from. */
  wishes: number;
}

export function toIdeasView(r: IdeasResult): IdeasView {
  return {
    contact: r.contact,
    ideas: r.ideas.map((i) => ({
      kind: i.kind,
      for: i.for.name,
      with: i.with?.name ?? null,
      action: describeIdeaAction(i),
      because: describeIdeaReason(i.because),
      score: Math.round(i.score * 100) / 100,
      ready: i.ready,
      learnFirst: i.learnFirst.map(describeLearnFirst),
      forId: i.for.id,
      withId: i.with?.id ?? null,
    })),
    total: r.total,
    wishes: r.wishes,
  };
}

export interface IntroSideView {
  id: string;
  name: string;
  /** recommended: the introduction vouches for them (they must pass net check --to-refer); receiving: they are sent
   * to the one recommended (the user must have met them). */
  role: string;
  /** Ready in their role. */
  verdict: Verdict;
  /** Before, and after when recorded. */
  balance: number;
  balanceAfter: number | null;
  learnFirst: string[];
  /** What each of learnFirst is, as in `net check --json` suggestionCodes. */
  learnFirstCodes: string[];
}

export interface IntroView {
  /** False when not ready and not confirmed: nothing was written. */
  recorded: boolean;
  ready: boolean;
  date: string;
  note: string | null;
  contacts: [IntroSideView, IntroSideView];
  /** The two linked gives, when recorded. */
  events: EventView[];
}

export function toIntroView(check: IntroCheck, date: string, note: string | null, recorded: IntroResult | null): IntroView {
  const side = (i: 0 | 1): IntroSideView => {
    const o = check.checks[i];
    const s = check.sides[i];
    return {
      id: o.contact.id,
      name: o.contact.name,
      role: check.roles[i],
      verdict: s.ready ? 'ready' : 'premature',
      balance: round1(o.result.balance),
      balanceAfter: recorded ? round1(recorded.balances[i]) : null,
      learnFirst: s.learnFirst.map((a) => describeCheckAdvice(a, o.contact.name)),
      learnFirstCodes: s.learnFirst.map(toAdviceCode),
    };
  };
  return { recorded: recorded !== null, ready: check.ready, date, note, contacts: [side(0), side(1)], events: recorded ? recorded.events.map(toEventView) : [] };
}

export interface SynonymsView {
  /** The groups net knows without being told. */
  builtIn: string[][];
  /** The user's own groups (net config synonyms a=b). */
  yours: string[][];
  /** What this command changed. */
  added: string[] | null;
  removed: string[] | null;
}

// ---- premature asks -------------------------------------------------------------------------------------------

/** `net asks --premature` and the report's section: asks made before the relationship was ready. */
export interface PrematureView {
  since: string;
  until: string;
  /** Every ask in the window. */
  asks: number;
  /** Per contact, the contacts with the latest premature ask first. */
  people: { id: string; name: string; asks: { kind: string; on: string; note: string | null; why: EarlyWhy; text: string }[]; repair: string; repairCode: RepairGive }[];
  /** Where the user's asks outweigh what they gave in the last `latelyDays` days. */
  outweighed: { id: string; name: string; repair: string; repairCode: RepairGive }[];
  latelyDays: number;
}

export function toPrematureView(r: PrematureResult): PrematureView {
  return {
    since: r.since,
    until: r.until,
    asks: r.asks,
    people: r.habits.map((h) => ({ id: h.contactId, name: h.name, asks: h.asks.map((a) => ({ ...a, text: describeEarlyAsk(a) })), repair: describeRepair(h.repair, h.name), repairCode: h.repair })),
    outweighed: r.outweighed.map((o) => ({ id: o.contactId, name: o.name, repair: describeRepair(o.repair, o.name), repairCode: o.repair })),
    latelyDays: r.latelyDays,
  };
}

// ---- doctor ---------------------------------------------------------------------------------------------------

/** `net doctor --json`: each check with what it found in words, and its code beside them. */
export interface DoctorView {
  path: string;
  exists: boolean;
  healthy: boolean;
  checks: { id: DoctorCheckId; ok: boolean; detail: string; fix: string | null; fixed: boolean; code: DoctorFinding['code'] }[];
}

export function toDoctorView(r: DoctorResult): DoctorView {
  return { path: r.path, exists: r.exists, healthy: r.healthy, checks: r.checks.map((c) => ({ id: c.id, ok: c.ok, ...describeFinding(c.finding), fixed: c.fixed, code: c.finding.code })) };
}
