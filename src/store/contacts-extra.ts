/** Contact queries for list, show, rm and the guided log: one statement each, never one per contact. */
import type { NamedContact } from '../core/names.js';
import type { ContactWithSummary, Fact } from '../core/types.js';
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
  'id' | 'name' | 'givenName' | 'familyName' | 'company' | 'role' | 'email' | 'phone' | 'metOn' | 'howMet' | 'everyDays' | 'snoozedUntil' | 'lastTouchOn' | 'createdAt' | 'updatedAt'
> & {
  /** Its tags, in the order of store.listFacts. */
  tags: string[];
};

const LISTED_COLUMNS = `c.id, c.name, c.given_name AS givenName, c.family_name AS familyName, c.company, c.role, c.email, c.phone, c.met_on AS metOn,
  c.how_met AS howMet, c.every_days AS everyDays, c.snoozed_until AS snoozedUntil, c.last_touch_on AS lastTouchOn, c.created_at AS createdAt, c.updated_at AS updatedAt`;
const TAGGED = "WHERE c.id IN (SELECT contact_id FROM facts WHERE kind = 'tag' AND text_key = @tag)";
const withTag = (tag: string | undefined) => ({ tag: tag === undefined ? null : tag.toLowerCase() });

/** The widest of each column a list shows, in characters, and whether it lists anyone. */
export interface ListWidths {
  /** Nobody to list (none in the journal, or none with the tag). */
  none: boolean;
  name: number;
  /** "role, company", or the one of them there is. */
  about: number;
  /** The tags as a list writes them: "#bni #client". */
  tags: number;
}

/**
 * Worked out by SQLite before the first line is printed, so that a list can be written one contact at a time and still
 * line up: the name and "role, company" from the contacts, the tags from their length kept in the summary.
 */
/** What the list's second column shows: role and company, or either. Migration 13 indexes its length, as the name's. */
export const ABOUT_SQL = "CASE WHEN role <> '' AND company <> '' THEN role || ', ' || company ELSE coalesce(role, company, '') END";

export function findListWidths(store: Store, tag?: string): ListWidths {
  // The whole journal: whether it is empty and each width from an index, never reading the rows (200,000 contacts: a
  // 250 MB scan), the tags' from the summary column tags_length (migration 15: grouping every tag by contact took 76 ms
  // on 50,000 contacts). With a tag, from its contacts' rows.
  const row = (
    tag === undefined
      ? [
          store.stmt('SELECT NOT EXISTS (SELECT 1 FROM contacts)').pluck().get() === 1,
          store.stmt('SELECT coalesce(max(length(name)), 0) FROM contacts').pluck().get(),
          store.stmt(`SELECT coalesce(max(length(${ABOUT_SQL})), 0) FROM contacts`).pluck().get(),
          store.stmt('SELECT coalesce(max(tags_length), 0) FROM contacts').pluck().get(),
        ]
      : store
          .stmt(
            `SELECT count(*) = 0, coalesce(max(length(c.name)), 0), coalesce(max(length(${ABOUT_SQL.replace(/\b(role|company)\b/g, 'c.$1')})), 0), coalesce(max(c.tags_length), 0)
             FROM contacts c ${TAGGED}`,
          )
          .raw()
          .get(withTag(tag))
  ) as [boolean | number, number, number, number];
  return { none: Boolean(row[0]), name: row[1], about: row[2], tags: row[3] };
}

/** Contacts in name order (only those with the tag, when one is given), read one at a time: a list's memory stays flat. */
export function* iterateListedContacts(store: Store, tag?: string): Generator<ListedContact> {
  const rows = store
    .stmt(
      `SELECT ${LISTED_COLUMNS},
         (SELECT json_group_array(text) FROM (SELECT text FROM facts WHERE contact_id = c.id AND kind = 'tag' ORDER BY created_at, text_key)) AS tags
       FROM contacts c ${tag === undefined ? '' : TAGGED} ORDER BY c.name_key`,
    )
    .iterate(withTag(tag)) as IterableIterator<Omit<ListedContact, 'tags'> & { tags: string }>;
  for (const row of rows) yield { ...row, tags: JSON.parse(row.tags) as string[] };
}

export type ListedFact = Pick<Fact, 'kind' | 'text'>;

/** One contact's profile facts, in the order of store.listFacts (what `net --json list` prints of each). */
export function listProfileFacts(store: Store, contactId: string): ListedFact[] {
  return store.stmt('SELECT kind, text FROM facts WHERE contact_id = ? ORDER BY kind, created_at, text_key').all(contactId) as ListedFact[];
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
