/** `net add`: a new contact with its profile. */
import { newId } from './ids.js';
import { UsageError } from '../core/errors.js';
import { isSameButCase } from '../core/text.js';
import { toNameKey } from '../core/names.js';
import type { ContactWithSummary, Fact } from '../core/types.js';
import type { FactKind } from '../core/vocabulary.js';
import type { Labelled } from '../core/profile.js';
import type { ContactPoint, PointKind } from '../core/types.js';
import { findContactsByEmail, findPoint, insertPoint, listPoints, nextPointPosition, updatePointLabel } from '../store/points.js';
import type { ImportantDate } from '../core/important-dates.js';
import type { Store } from '../store/store.js';
import { saveImportantDates } from './dates.js';
import type { Clock } from './clock.js';
import { getContact } from './resolve.js';

export interface ProfileFields {
  company?: string;
  role?: string;
  metOn?: string;
  howMet?: string;
  everyDays?: number;
  /** `YYYY-MM-DD` or `--MM-DD`. */
  birthday?: string;
  givenName?: string;
  familyName?: string;
  /** The contact's own note: how you know them, what matters to them. */
  note?: string;
}

export interface FactLists {
  tags?: string[];
  services?: string[];
  goals?: string[];
  family?: string[];
}

/** Emails and phones to add, each with its label; the first of a contact's becomes the main one. */
export interface PointLists {
  emails?: Labelled[];
  phones?: Labelled[];
}

export interface AddInput extends ProfileFields, FactLists, PointLists {
  name: string;
  /** Custom important dates, by label (kept in their own table). */
  dates?: ImportantDate[];
}

export function checkNameFree(store: Store, name: string, exceptId?: string): void {
  const key = toNameKey(name);
  const same = store.findNameCandidates(key).find((c) => toNameKey(c.name) === key && c.id !== exceptId);
  if (same) throw new UsageError(`"${same.name}" is already in the journal`, 'use net edit to change them, or add something that tells the two apart, such as "Jane Doe (Acme)"');
}

export function checkEmailFree(store: Store, email: string, exceptId?: string): void {
  const owner = findContactsByEmail(store, [email]).find((c) => c.id !== exceptId);
  if (owner) throw new UsageError(`${email} already belongs to ${owner.name}`, 'each contact has their own email address');
}

const POINT_LISTS: [keyof PointLists, PointKind][] = [
  ['emails', 'email'],
  ['phones', 'phone'],
];

/**
 * Adds each email and phone after the contact's others (the first a contact has is the main one); one it has already
 * gets the label given. From a file (`imported`), a label that differs only in capitals is the same label: the
 * journal's stays. Returns how many of each kind were new or relabelled.
 */
export function insertPoints(store: Store, contactId: string, lists: PointLists, clock: Clock, imported = false): Record<PointKind, number> {
  const changed: Record<PointKind, number> = { email: 0, phone: 0 };
  for (const [list, kind] of POINT_LISTS) {
    for (const { value, label } of lists[list] ?? []) {
      if (kind === 'email') checkEmailFree(store, value, contactId);
      const had = findPoint(store, contactId, kind, value);
      if (had) {
        if (label && had.label !== label && !(imported && had.label !== null && isSameButCase(had.label, label))) {
          updatePointLabel(store, had.id, label, clock.timestamp);
          changed[kind]++;
        }
        continue;
      }
      const point = { id: newId(), contactId, kind, value, label, position: nextPointPosition(store, contactId, kind), createdAt: clock.timestamp, updatedAt: clock.timestamp };
      if (insertPoint(store, point)) changed[kind]++;
    }
  }
  return changed;
}

export function checkMetOn(metOn: string | undefined, clock: Clock): void {
  if (metOn && metOn > clock.today) throw new UsageError(`--met ${metOn} is in the future`, 'give the day you first met, today or earlier');
}

const FACT_FIELDS: [keyof FactLists, FactKind][] = [
  ['tags', 'tag'],
  ['services', 'service'],
  ['goals', 'goal'],
  ['family', 'family'],
];

/** Adds each listed fact; returns how many were new. */
export function insertFacts(store: Store, contactId: string, lists: FactLists, clock: Clock): number {
  let added = 0;
  for (const [field, kind] of FACT_FIELDS) {
    for (const text of lists[field] ?? []) {
      const fact: Fact = { id: newId(), contactId, kind, text, createdAt: clock.timestamp, updatedAt: clock.timestamp };
      if (store.insertFact(fact)) added++;
    }
  }
  return added;
}

export function addContact(store: Store, input: AddInput, clock: Clock): ContactWithSummary {
  checkNameFree(store, input.name);
  checkMetOn(input.metOn, clock);
  const id = newId();
  store.insertContact(
    {
      id,
      name: input.name,
      company: input.company ?? null,
      role: input.role ?? null,
      email: null,
      phone: null,
      metOn: input.metOn ?? null,
      howMet: input.howMet ?? null,
      everyDays: input.everyDays ?? null,
      snoozedUntil: null,
      note: input.note ?? null,
      birthday: input.birthday ?? null,
      givenName: input.givenName ?? null,
      familyName: input.familyName ?? null,
      createdAt: clock.timestamp,
      updatedAt: clock.timestamp,
    },
    toNameKey(input.name),
  );
  insertPoints(store, id, input, clock);
  insertFacts(store, id, input, clock);
  saveImportantDates(store, id, input.dates ?? [], clock);
  store.refreshSummary(id);
  return getContact(store, id);
}

/** `net add`: the contact added, with the facts it was given, for the confirmation. */
export function addContactWithFacts(store: Store, input: AddInput, clock: Clock): { contact: ContactWithSummary; facts: Fact[]; points: ContactPoint[] } {
  const contact = addContact(store, input, clock);
  return { contact, facts: store.listFacts(contact.id), points: listPoints(store, contact.id) };
}
