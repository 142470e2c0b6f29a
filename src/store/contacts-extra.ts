/** Contact queries for list, show, rm and the guided log: one statement each, never one per contact. */
import type { NamedContact } from '../core/names.js';
import type { ContactWithSummary, Fact } from '../core/types.js';
import type { FactKind } from '../core/vocabulary.js';
import type { Store } from './store.js';

/** The most recently touched contacts first (then the most recently added), for an empty search term. */
export function listRecentContacts(store: Store, limit = 10): NamedContact[] {
  return store
    .stmt('SELECT id, name FROM contacts ORDER BY last_touch_on IS NULL, last_touch_on DESC, created_at DESC LIMIT ?')
    .all(limit) as NamedContact[];
}

/** What a list shows of a contact: the profile and the last touch, without the other summary columns. */
export type ListedContact = Pick<
  ContactWithSummary,
  'id' | 'name' | 'company' | 'role' | 'email' | 'phone' | 'metOn' | 'howMet' | 'everyDays' | 'snoozedUntil' | 'lastTouchOn' | 'createdAt' | 'updatedAt'
>;

const LISTED_COLUMNS = `c.id, c.name, c.company, c.role, c.email, c.phone, c.met_on AS metOn, c.how_met AS howMet, c.every_days AS everyDays,
  c.snoozed_until AS snoozedUntil, c.last_touch_on AS lastTouchOn, c.created_at AS createdAt, c.updated_at AS updatedAt`;

/** Contacts in name order (only those with the tag, when one is given); only the columns a list needs, for speed. */
export function listContactsForList(store: Store, tag?: string): ListedContact[] {
  return (
    tag === undefined
      ? store.stmt(`SELECT ${LISTED_COLUMNS} FROM contacts c ORDER BY c.name_key`).all()
      : store.stmt(`SELECT ${LISTED_COLUMNS} FROM facts f JOIN contacts c ON c.id = f.contact_id WHERE f.kind = 'tag' AND f.text_key = ? ORDER BY c.name_key`).all(tag.toLowerCase())
  ) as ListedContact[];
}

export type ListedFact = Pick<Fact, 'kind' | 'text'>;

/**
 * Every contact's profile facts in one query (only contacts with the tag, when one is given), keyed by contact id, in
 * the order of store.listFacts. Raw rows: building 100,000+ full Fact objects would cost more than the query.
 */
export function listFactsByContact(store: Store, tag?: string): Map<string, ListedFact[]> {
  const order = 'ORDER BY contact_id, kind, created_at, text_key';
  const rows = (
    tag === undefined
      ? store.stmt(`SELECT contact_id, kind, text FROM facts ${order}`).raw().all()
      : store
          .stmt(`SELECT contact_id, kind, text FROM facts WHERE contact_id IN (SELECT contact_id FROM facts WHERE kind = 'tag' AND text_key = ?) ${order}`)
          .raw()
          .all(tag.toLowerCase())
  ) as [string, FactKind, string][];
  const map = new Map<string, ListedFact[]>();
  for (const [contactId, kind, text] of rows) {
    const list = map.get(contactId);
    if (list) list.push({ kind, text });
    else map.set(contactId, [{ kind, text }]);
  }
  return map;
}

export interface ContactRowCounts {
  facts: number;
  events: number;
  followUps: number;
  answers: number;
}

/** How many rows of its own a contact has: what removing it takes away with it. */
export function countContactRows(store: Store, contactId: string): ContactRowCounts {
  const row = store
    .stmt(
      `SELECT (SELECT count(*) FROM facts WHERE contact_id = @id) AS facts,
              (SELECT count(*) FROM events WHERE contact_id = @id) AS events,
              (SELECT count(*) FROM follow_ups WHERE contact_id = @id) AS followUps,
              (SELECT count(*) FROM answers WHERE contact_id = @id) AS answers`,
    )
    .get({ id: contactId }) as ContactRowCounts;
  return { facts: row.facts, events: row.events, followUps: row.followUps, answers: row.answers };
}
