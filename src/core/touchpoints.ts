/**
 * Touchpoints read from calendars and mailboxes (issue 18): which channel a meeting is, which message is an
 * announcement, which people are the user, and how the people not in the journal rank. Pure: the readers (app/) give
 * the facts, these rules say what they mean.
 */
import type { IsoDate } from './dates.js';
import { UsageError } from './errors.js';

/** The settings rows: the user's own addresses (a JSON array), and the announcement threshold. */
export const MY_ADDRESSES_SETTING = 'my_addresses';
export const ANNOUNCEMENT_SETTING = 'announcement_recipients';
/** A message to more than this many recipients (To and Cc) is an announcement, not a touchpoint. */
export const DEFAULT_ANNOUNCEMENT_RECIPIENTS = 5;
/** `--add-unknown` without a number adds this many of the most frequent people. */
export const DEFAULT_ADD_UNKNOWN = 10;

/** The two kinds of source a touchpoint can come from. */
export type TouchpointSource = 'calendar' | 'mail';

/** An address compared as the journal compares emails: trimmed, case folded (core/profile.ts toPointKey). */
export function toAddressKey(address: string): string {
  return address.trim().toLowerCase();
}

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export function parseMyAddress(text: string): string {
  const address = text.trim().replace(/^mailto:/i, '');
  if (!ADDRESS.test(address)) throw new UsageError(`"${text}" is not an email address`, 'give your own addresses, for example net config me jane@acme.example jane@home.example');
  return address;
}

/** `mailto:Jane@Acme.example` (calendars) or `Jane@Acme.example` as an address key; undefined when it is none. */
export function toCalendarAddress(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const address = value.trim().replace(/^mailto:/i, '');
  return ADDRESS.test(address) ? toAddressKey(address) : undefined;
}

/** Google Meet, Zoom, Microsoft Teams, Webex, Whereby and Jitsi links: a meeting that carries one is held on video. */
const CONFERENCE_LINK = /\b(?:meet\.google\.com\/|[\w-]*\.?zoom\.us\/(?:j|my|w)\/|teams\.microsoft\.com\/l\/meetup-join|teams\.live\.com\/meet|[\w-]+\.webex\.com\/|whereby\.com\/|meet\.jit\.si\/)/i;

export function hasConferenceLink(texts: readonly (string | null | undefined)[]): boolean {
  return texts.some((t) => Boolean(t) && CONFERENCE_LINK.test(t!));
}

/**
 * The channel of a meeting, from how many people other than the user were in it:
 *
 * | others | conference link | channel    |
 * |--------|-----------------|------------|
 * | 1      | no              | one-to-one |
 * | 1      | yes             | video      |
 * | 2+     | either          | event      |
 */
export function toMeetingChannel(others: number, conference: boolean): 'one-to-one' | 'video' | 'event' {
  if (others > 1) return 'event';
  return conference ? 'video' : 'one-to-one';
}

/** A message to more than `threshold` recipients (To and Cc, the user left out) is an announcement. */
export function isAnnouncement(recipients: number, threshold: number): boolean {
  return recipients > threshold;
}

/** Someone met or written to who is not in the journal, with how often and when. */
export interface UnknownPerson {
  name: string | null;
  email: string;
  meetings: number;
  messages: number;
  first: IsoDate;
  last: IsoDate;
}

/** Most frequent first (meetings and messages together), then the most recent, then by address. */
export function compareUnknown(a: UnknownPerson, b: UnknownPerson): number {
  return b.meetings + b.messages - (a.meetings + a.messages) || (a.last < b.last ? 1 : a.last > b.last ? -1 : 0) || (a.email < b.email ? -1 : a.email > b.email ? 1 : 0);
}
