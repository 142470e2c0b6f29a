/**
 * Touchpoints read from calendars and mailboxes (issue 18): what both readers share. A reader (import-calendar.ts,
 * import-mail.ts) reports sightings, one per person and meeting or message; they are gathered by address, then matched
 * to contacts by any of their emails and written as touchpoints with their sources (touchpoint_sources), so that a
 * second import of the same calendar or mailbox logs nothing twice and a moved meeting moves its touchpoint.
 */
import { newId } from './ids.js';
import { checkNameFree, insertPoints } from './add.js';
import { findSameContact } from './import.js';
import type { Clock } from './clock.js';
import type { IsoDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { toNameKey } from '../core/names.js';
import { toCleanText } from '../core/text.js';
import {
  ANNOUNCEMENT_SETTING,
  compareUnknown,
  DEFAULT_ANNOUNCEMENT_RECIPIENTS,
  MY_ADDRESSES_SETTING,
  parseMyAddress,
  toAddressKey,
  type TouchpointSource,
  type UnknownPerson,
} from '../core/touchpoints.js';
import { toPointKey } from '../core/profile.js';
import type { Store } from '../store/store.js';
import { countSourcesOf, findContactByEmailKey, findEventDay, findSource, findTouchOn, insertSource, moveTouch, updateSource } from '../store/touchpoint-sources.js';

// ---- the user's own addresses -------------------------------------------------------------------------------------

export function readMyAddresses(store: Store): string[] {
  const text = store.findSetting(MY_ADDRESSES_SETTING);
  if (!text) return [];
  try {
    const list = JSON.parse(text) as unknown;
    return Array.isArray(list) ? list.filter((a): a is string => typeof a === 'string') : [];
  } catch {
    return [];
  }
}

export interface MyAddressesResult {
  addresses: string[];
  added: string[];
  removed: string[];
}

/** `net config me a@x b@y` adds, with `remove` takes away; an address is compared as emails are (case aside). */
export function changeMyAddresses(store: Store, texts: readonly string[], remove: boolean, clock: Clock): MyAddressesResult {
  const given = texts.map(parseMyAddress);
  const list = readMyAddresses(store);
  const keys = new Set(list.map(toAddressKey));
  if (remove) {
    const missing = given.find((a) => !keys.has(toAddressKey(a)));
    if (missing) throw new UsageError(`${missing} is not one of your addresses`, list.length ? `yours are: ${list.join(', ')}` : 'you have set none: net config me you@example.com');
    const gone = new Set(given.map(toAddressKey));
    const kept = list.filter((a) => !gone.has(toAddressKey(a)));
    store.setSetting(MY_ADDRESSES_SETTING, JSON.stringify(kept), clock.timestamp);
    return { addresses: kept, added: [], removed: given };
  }
  const added = given.filter((a, i) => !keys.has(toAddressKey(a)) && given.findIndex((b) => toAddressKey(b) === toAddressKey(a)) === i);
  if (added.length) store.setSetting(MY_ADDRESSES_SETTING, JSON.stringify([...list, ...added]), clock.timestamp);
  return { addresses: [...list, ...added], added, removed: [] };
}

export function readAnnouncementThreshold(store: Store): number {
  const n = Number(store.findSetting(ANNOUNCEMENT_SETTING));
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_ANNOUNCEMENT_RECIPIENTS;
}

// ---- sightings ----------------------------------------------------------------------------------------------------

/** One person in one meeting occurrence or one message. */
export interface Sighting {
  /** The meeting's UID and occurrence, or the message's Message-ID. */
  key: string;
  date: IsoDate;
  channel: string;
  note: string | null;
}

/** Per contact: touchpoints added and moved, for the dry run's lines and for --json. */
export interface ContactTouchpoints {
  id: string;
  name: string;
  added: number;
  moved: number;
  /** New sources that joined a touchpoint already there that day (the user's own; for mail, that day's email). */
  joined: number;
  unchanged: number;
  first: IsoDate;
  last: IsoDate;
  /** Added by --add-unknown. */
  isNew: boolean;
}

export interface WriteOptions {
  /** --add-unknown: how many of the most frequent unknown people to add (0: none). */
  addUnknown: number;
  /** --unknown: list them (else only counted). */
  listUnknown: boolean;
  /** --since: nothing before this day. */
  since?: IsoDate;
}

export interface WriteResult {
  added: number;
  moved: number;
  joined: number;
  unchanged: number;
  contacts: ContactTouchpoints[];
  unknownCount: number;
  /** Most frequent first; with --unknown, the first MAX_UNKNOWN_LISTED. */
  unknown: UnknownPerson[];
  addedContacts: { id: string; name: string; email: string }[];
}

export const MAX_UNKNOWN_LISTED = 1000;

interface Unknown extends UnknownPerson {
  /** Kept only when some of them may be added (--add-unknown): a large mailbox names thousands of strangers. */
  sightings: Sighting[];
}

/**
 * Writes what a reader finds as it finds it, inside the import's transaction: a sighting of a contact (matched on any
 * of their emails) is placed at once; one of someone not in the journal is counted, and kept for --add-unknown.
 * The user's own addresses are never anyone's.
 */
export class Sightings {
  private readonly mine: Set<string>;
  private readonly contactOf = new Map<string, { id: string; name: string } | null>();
  private readonly perContact = new Map<string, ContactTouchpoints>();
  private readonly unknown = new Map<string, Unknown>();
  /** People who came with a name alone, by name key: their contact, or null (addByName). */
  private readonly contactOfName = new Map<string, { id: string; name: string } | null>();
  /** Addresses looked up by the name they came with (claimByName), once each. */
  private readonly namesTried = new Set<string>();
  private readonly result: WriteResult = { added: 0, moved: 0, joined: 0, unchanged: 0, contacts: [], unknownCount: 0, unknown: [], addedContacts: [] };

  constructor(
    private readonly store: Store,
    readonly source: TouchpointSource,
    myAddresses: readonly string[],
    private readonly options: WriteOptions,
    private readonly clock: Clock,
  ) {
    this.mine = new Set(myAddresses.map(toAddressKey));
  }

  isMine(address: string): boolean {
    return this.mine.has(toAddressKey(address));
  }

  /** False when the date is before --since (nothing is gathered). */
  inRange(date: IsoDate): boolean {
    return !this.options.since || date >= this.options.since;
  }

  add(address: string, name: string | null, s: Sighting): void {
    const key = toAddressKey(address);
    if (this.mine.has(key)) return;
    let contact = this.contactOf.get(key);
    if (contact === undefined) {
      contact = findContactByEmailKey(this.store, toPointKey('email', key)) ?? null;
      this.contactOf.set(key, contact);
    }
    // Someone the journal knows by name alone (no email) is that contact, as an address book's record would be: the
    // address becomes theirs, so that --add-unknown never adds them again under it.
    if (!contact && name && !this.namesTried.has(key)) {
      this.namesTried.add(key);
      contact = this.claimByName(address, name);
    }
    if (contact) return this.write(contact.id, contact.name, s, false);
    let u = this.unknown.get(key);
    if (!u) this.unknown.set(key, (u = { name: null, email: address.trim(), meetings: 0, messages: 0, first: s.date, last: s.date, sightings: [] }));
    if (name && !u.name) u.name = name;
    if (this.source === 'calendar') u.meetings++;
    else u.messages++;
    if (s.date < u.first) u.first = s.date;
    if (s.date > u.last) u.last = s.date;
    if (this.options.addUnknown > 0) u.sightings.push(s);
  }

  /**
   * Someone who came with a name alone (a calendar's placeholder for a person with no email): the contact of that name,
   * by the address-book import's rule (findSameContact), else nobody. Never counted among the unknown, nor added by
   * --add-unknown: without an address a name tells no stranger apart.
   */
  addByName(name: string, s: Sighting): void {
    const text = toCleanText('name', name).text.trim();
    if (!text) return;
    const key = toNameKey(text);
    let contact = this.contactOfName.get(key);
    if (contact === undefined) {
      const same = findSameContact(this.store, { name: text, emails: [] });
      contact = same ? { id: same.id, name: same.name } : null;
      this.contactOfName.set(key, contact);
    }
    if (contact) this.write(contact.id, contact.name, s, false);
  }

  /** The contact of this name with no email, given the address; its sightings so far (if kept) move to them. */
  private claimByName(address: string, name: string): { id: string; name: string } | null {
    const same = findSameContact(this.store, { name: toCleanText('name', name).text.trim(), emails: [address.trim()] });
    if (!same) return null;
    insertPoints(this.store, same.id, { emails: [{ value: address.trim(), label: null }], phones: [] }, this.clock, true);
    const contact = { id: same.id, name: same.name };
    const key = toAddressKey(address);
    this.contactOf.set(key, contact);
    const seen = this.unknown.get(key);
    this.unknown.delete(key);
    for (const s of seen?.sightings ?? []) this.write(contact.id, contact.name, s, false);
    return contact;
  }

  private write(contactId: string, name: string, s: Sighting, isNew: boolean): void {
    let c = this.perContact.get(contactId);
    if (!c) this.perContact.set(contactId, (c = { id: contactId, name, added: 0, moved: 0, joined: 0, unchanged: 0, first: s.date, last: s.date, isNew }));
    if (s.date < c.first) c.first = s.date;
    if (s.date > c.last) c.last = s.date;
    const what = place(this.store, this.source, contactId, s, this.clock);
    c[what]++;
    this.result[what]++;
  }

  /** Adds the most frequent unknown people (--add-unknown) with their history, then brings every summary up to date. */
  finish(): WriteResult {
    const ranked = [...this.unknown.values()].sort(compareUnknown);
    const adding = ranked.slice(0, this.options.addUnknown);
    for (const u of adding) {
      const id = newId();
      const name = toNewName(this.store, u);
      this.store.insertContact(
        { id, name, company: null, role: null, email: null, phone: null, metOn: u.first, howMet: null, everyDays: null, snoozedUntil: null, note: null, birthday: null, givenName: null, familyName: null, createdAt: this.clock.timestamp, updatedAt: this.clock.timestamp },
        toNameKey(name),
      );
      insertPoints(this.store, id, { emails: [{ value: u.email, label: null }], phones: [] }, this.clock);
      this.result.addedContacts.push({ id, name, email: u.email });
      for (const s of u.sightings) this.write(id, name, s, true);
    }
    const left = ranked.slice(adding.length);
    this.result.unknownCount = left.length;
    if (this.options.listUnknown) this.result.unknown = left.slice(0, MAX_UNKNOWN_LISTED).map(({ sightings: _, ...person }) => person);
    for (const c of this.perContact.values()) {
      // A touchpoint closes the follow-ups scheduled before its day or due by it: the latest day closes them all.
      if (c.added + c.moved) this.store.closeFollowUps(c.id, c.last, this.clock.timestamp);
      this.store.refreshSummary(c.id);
    }
    this.result.contacts = [...this.perContact.values()].sort((a, b) => b.added + b.moved - (a.added + a.moved) || a.name.localeCompare(b.name));
    return this.result;
  }
}

/** The name an added person gets: the one the header or calendar gave, else the address; the address when the name is taken. */
function toNewName(store: Store, u: UnknownPerson): string {
  const name = u.name ? toCleanText('name', u.name).text.trim().slice(0, 200) : '';
  if (name && !name.includes('@')) {
    try {
      checkNameFree(store, name);
      return name;
    } catch {
      // Another contact has that name: the address tells the two apart.
    }
  }
  return u.email;
}

/**
 * One person's meeting or message as a touchpoint, once. A source seen before is unchanged, or moved when its meeting
 * moved. A new one joins a touchpoint the user logged that day (a meeting) or that day's email (mail: at most one a
 * day per contact), else it is a new touchpoint.
 */
function place(store: Store, source: TouchpointSource, contactId: string, s: Sighting, clock: Clock): 'added' | 'moved' | 'joined' | 'unchanged' {
  const known = findSource(store, source, s.key, contactId);
  if (known && known.occurredOn === s.date) return 'unchanged';
  if (known) {
    const day = known.eventId ? findEventDay(store, known.eventId) : undefined;
    if (known.eventId && day !== undefined && countSourcesOf(store, known.eventId, known.id) === 0) {
      moveTouch(store, known.eventId, s.date, s.channel, clock.timestamp);
      updateSource(store, known.id, known.eventId, s.date, clock.timestamp);
    } else {
      updateSource(store, known.id, findOrAddTouch(store, source, contactId, s, clock).eventId, s.date, clock.timestamp);
    }
    return 'moved';
  }
  const { eventId, added } = findOrAddTouch(store, source, contactId, s, clock);
  insertSource(store, { id: newId(), source, sourceKey: s.key, contactId, eventId, occurredOn: s.date, createdAt: clock.timestamp, updatedAt: clock.timestamp });
  return added ? 'added' : 'joined';
}

/** The touchpoint a new source stands for: the user's own of that day (null), that day's email (mail), or a new one. */
function findOrAddTouch(store: Store, source: TouchpointSource, contactId: string, s: Sighting, clock: Clock): { eventId: string | null; added: boolean } {
  const found = findTouchOn(store, contactId, s.date, source === 'mail' ? s.channel : undefined);
  if (found && !found.sourced) return { eventId: null, added: false };
  if (found && source === 'mail') return { eventId: found.id, added: false };
  const id = newId();
  store.insertEvent({ id, contactId, type: 'touch', kind: s.channel, value: null, note: s.note, occurredOn: s.date, outcome: null, outcomeOn: null, premature: false, createdAt: clock.timestamp, updatedAt: clock.timestamp });
  return { eventId: id, added: true };
}
