/** The journal's records as the rest of the program sees them (camelCase; store/rows.ts maps the rows). */
import type { IsoDate } from './dates.js';
import type { EventType, FactKind } from './vocabulary.js';

export interface Contact {
  id: string;
  name: string;
  company: string | null;
  role: string | null;
  /** The main email address and phone number: the first of the contact's points of each kind (ContactPoint). */
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

/** How to reach a contact: an email address or a phone number. */
export const POINT_KINDS = ['email', 'phone'] as const;
export type PointKind = (typeof POINT_KINDS)[number];

/**
 * One email address or phone number of a contact, with its label where the source gave one (work, home, mobile…).
 * The first of each kind (position 0) is the main one: `Contact.email` and `Contact.phone` are kept equal to it.
 */
export interface ContactPoint {
  id: string;
  contactId: string;
  kind: PointKind;
  value: string;
  label: string | null;
  position: number;
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
  /** The day it was scheduled; a touchpoint or give on a later day (or on or after dueOn) closes the follow-up. */
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
 * What a summary field holds: its type, and its value when a contact has no rows yet.
 *
 *   kind    type               empty
 *   date    IsoDate | null     null
 *   days    number | null      null      (a number of days)
 *   text    string | null      null
 *   count   number             0
 *   sum     number             0         (a fading sum at the scale of DECAY_EPOCH)
 */
export type SummaryKind = 'date' | 'days' | 'text' | 'count' | 'sum';
type SummaryType<K extends SummaryKind> = K extends 'count' | 'sum' ? number : K extends 'days' ? number | null : K extends 'date' ? IsoDate | null : string | null;

/**
 * What the journal keeps per contact so that lists never scan events, declared once: the type ContactSummary, the
 * empty summary (core/summary.ts) and the store's columns (`first_event_on`…), SELECT lists and row mappers
 * (store/rows.ts) all come from this table. Always equal to `summarize()` over the contact's rows.
 */
export const SUMMARY_FIELDS = {
  /** The first touchpoint, give or received (not an ask): with --met, what "known since" is read from. */
  firstEventOn: 'date',
  lastEventOn: 'date',
  /** The latest touchpoint or give: what "last touch" means in lists and in `net due`. */
  lastTouchOn: 'date',
  touchCount: 'count',
  giveCount: 'count',
  receivedCount: 'count',
  askCount: 'count',
  invested: 'sum',
  withdrawn: 'sum',
  received: 'sum',
  lastReceivedOn: 'date',
  /** The oldest ask still waiting for an outcome. */
  openAskOn: 'date',
  nextFollowUpOn: 'date',
  /** The longest gap in days between the last three touchpoints; null with fewer than three. */
  recentTouchGap: 'days',
  serviceCount: 'count',
  familyCount: 'count',
  goalCount: 'count',
  /** How many of the user's own checklist answers are yes. */
  answersYes: 'count',
  /** The latest day a referral they gave the user was marked won: a thank-you is due until a touch or give after it. */
  wonReferralOn: 'date',
  /** The latest change of a referral the user gave that is still open or contacted: "ask how it went". */
  referralCheckOn: 'date',
  /** The contact's custom important dates, one `date<TAB>label` a line (core/important-dates.ts toDatesText). */
  importantDates: 'text',
  /**
   * The length of the contact's tags as lists write them (core/tags.ts toTagsText), 0 without tags: migration 15
   * indexes it, so that `net list` has the width of its tags column at once instead of grouping every tag.
   */
  tagsLength: 'count',
} as const satisfies Record<string, SummaryKind>;

export type ContactSummary = { -readonly [F in keyof typeof SUMMARY_FIELDS]: SummaryType<(typeof SUMMARY_FIELDS)[F]> };

export type ContactWithSummary = Contact & ContactSummary;
