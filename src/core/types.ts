/** The journal's records as the rest of the program sees them (camelCase; store/rows.ts maps the rows). */
import type { IsoDate } from './dates.js';
import type { EventType, FactKind } from './vocabulary.js';

export interface Contact {
  id: string;
  name: string;
  company: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  /** When the user first met them: "known since". */
  metOn: IsoDate | null;
  howMet: string | null;
  /** How often they want to be in touch, in days; null means the stage's default. */
  everyDays: number | null;
  /** Not due before this day. */
  snoozedUntil: IsoDate | null;
  /** A free note about the person (from an address book's NOTE, or typed). Optional here so that writers may leave it out. */
  note?: string | null;
  /** Their profile page, such as their LinkedIn URL. */
  url?: string | null;
  /** `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. */
  birthday?: string | null;
  /** The parts of the name as a source or the user gave them (vCard N, first and last name columns); never guessed. */
  givenName?: string | null;
  familyName?: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Fact {
  id: string;
  contactId: string;
  kind: FactKind;
  text: string;
  createdAt: string;
  updatedAt: string;
}

/** One thing that happened: a touchpoint, a give, something received, or an ask. */
export interface JournalEvent {
  id: string;
  contactId: string;
  type: EventType;
  /** The channel of a touch, the kind of a give/received, the kind of an ask. */
  kind: string;
  /** 1..5 for gives and received; the size of an ask; null for touches. */
  value: number | null;
  note: string | null;
  occurredOn: IsoDate;
  /** Asks only: pending until the user closes the loop. */
  outcome: string | null;
  outcomeOn: IsoDate | null;
  /** Asks only: recorded although `net check` called it premature. */
  premature: boolean;
  /** Referrals only (given or received): whom it was for, and how it went (core/referrals.ts). */
  prospect?: string | null;
  status?: string | null;
  statusOn?: IsoDate | null;
  /** The business a won referral closed: reported, never scored. */
  amount?: number | null;
  statusNote?: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FollowUp {
  id: string;
  contactId: string;
  dueOn: IsoDate;
  note: string | null;
  /** The day it was scheduled; a touchpoint on or after it closes the follow-up. */
  scheduledOn: IsoDate;
  doneOn: IsoDate | null;
  createdAt: string;
  updatedAt: string;
}

/** The user's own answer to one checklist point. */
export interface Answer {
  id: string;
  contactId: string;
  point: string;
  answer: boolean;
  answeredOn: IsoDate;
  createdAt: string;
  updatedAt: string;
}

/**
 * What the journal keeps per contact so that lists never scan events. Always equal to `summarize()` over the
 * contact's rows; the decayed sums are held at the scale of DECAY_EPOCH (see core/summary.ts).
 */
export interface ContactSummary {
  /** The first touchpoint, give or received (not an ask): with --met, what "known since" is read from. */
  firstEventOn: IsoDate | null;
  lastEventOn: IsoDate | null;
  /** The latest touchpoint or give: what "last touch" means in lists and in `net due`. */
  lastTouchOn: IsoDate | null;
  touchCount: number;
  giveCount: number;
  receivedCount: number;
  askCount: number;
  invested: number;
  withdrawn: number;
  received: number;
  lastReceivedOn: IsoDate | null;
  /** The oldest ask still waiting for an outcome. */
  openAskOn: IsoDate | null;
  nextFollowUpOn: IsoDate | null;
  /** The longest gap in days between the last three touchpoints; null with fewer than three. */
  recentTouchGap: number | null;
  serviceCount: number;
  familyCount: number;
  goalCount: number;
  /** How many of the user's own checklist answers are yes. */
  answersYes: number;
  /** The latest day a referral they gave the user was marked won: a thank-you is due until a touch or give after it. */
  wonReferralOn: IsoDate | null;
  /** The latest change of a referral the user gave that is still open or contacted: "ask how it went". */
  referralCheckOn: IsoDate | null;
  /** The contact's custom important dates, one `date<TAB>label` a line (core/important-dates.ts toDatesText). */
  importantDates: string | null;
}

export type ContactWithSummary = Contact & ContactSummary;
