/** The SQL of `net search`: the FTS5 indexes of migration 11, each read in a bounded window, then ranked. */
import { SEARCH_WINDOW, toMarkedText, type MarkedText } from '../core/search.js';
import type { Store } from './store.js';

const OPEN = '\u0002';
const CLOSE = '\u0003';
/** How many words of context a snippet shows around what matched. */
const SNIPPET_WORDS = 12;

/** A document's columns, by the names of the fields they hold. */
const CONTACT_FIELDS = ['name', 'company', 'role', 'howMet', 'about', 'note'] as const;
const EVENT_FIELDS = ['note', 'prospect', 'outcome'] as const;
export type ContactSearchField = (typeof CONTACT_FIELDS)[number];
export type EventSearchField = (typeof EVENT_FIELDS)[number];

/**
 * bm25's weight of each column: a word in the name counts most, then the company and the role, then how you met and
 * what you know of them, then the note; for an event, the prospect of a referral before the notes.
 */
const CONTACT_WEIGHTS = [10, 5, 5, 3, 3, 1];
const EVENT_WEIGHTS = [1, 2, 1];

export interface FieldMatch<F extends string> {
  field: F;
  /** The field's text around what matched, the matching words marked. */
  context: MarkedText;
}

export interface ContactHit {
  contactId: string;
  name: string;
  score: number;
  fields: FieldMatch<ContactSearchField>[];
}

export interface EventHit {
  eventId: string;
  contactId: string;
  name: string;
  date: string;
  type: string;
  kind: string;
  score: number;
  fields: FieldMatch<EventSearchField>[];
}

export interface SearchHits<T> {
  hits: T[];
  /** How many matched, up to SEARCH_WINDOW + 1 (more than the window: "2,000 or more"). */
  count: number;
}

/** The fields of one document that hold a match, each with its context. */
function readFields<F extends string>(store: Store, index: string, fields: readonly F[], match: string, rowid: number): FieldMatch<F>[] {
  const snippets = fields.map((_, i) => `snippet(${index}, ${i}, '${OPEN}', '${CLOSE}', '…', ${SNIPPET_WORDS})`).join(', ');
  const row = store.stmt(`SELECT ${snippets} FROM ${index} WHERE ${index} MATCH ? AND rowid = ?`).raw().get(match, rowid) as (string | null)[] | undefined;
  if (!row) return [];
  return fields.flatMap((field, i) => (row[i]?.includes(OPEN) ? [{ field, context: toMarkedText(row[i]!, OPEN, CLOSE) }] : []));
}

function countMatches(store: Store, index: string, match: string): number {
  return store.stmt(`SELECT count(*) FROM (SELECT 1 FROM ${index} WHERE ${index} MATCH ? LIMIT ${SEARCH_WINDOW + 1})`).pluck().get(match) as number;
}

/**
 * Contacts whose text has every word: ranked by bm25 among the SEARCH_WINDOW most recently written matches (a word
 * common to thousands is ranked among the latest of them, in a time that does not grow with the journal).
 */
export function searchContacts(store: Store, match: string, limit: number): SearchHits<ContactHit> {
  const rows = store
    .stmt(
      `WITH hits AS (SELECT rowid AS doc, bm25(search_contacts, ${CONTACT_WEIGHTS.join(', ')}) AS score FROM search_contacts
                     WHERE search_contacts MATCH @match ORDER BY rowid DESC LIMIT ${SEARCH_WINDOW})
       SELECT hits.doc, hits.score, c.id, c.name FROM hits JOIN search_contact_docs d ON d.doc_id = hits.doc JOIN contacts c ON c.id = d.contact_id
       ORDER BY hits.score, c.name_key LIMIT @limit`,
    )
    .raw()
    .all({ match, limit }) as [number, number, string, string][];
  const hits = rows.map(([doc, score, contactId, name]) => ({ contactId, name, score, fields: readFields(store, 'search_contacts', CONTACT_FIELDS, match, doc) }));
  return { hits, count: rows.length < limit ? rows.length : countMatches(store, 'search_contacts', match) };
}

/** Events whose words hold every word of the search, ranked as contacts are. */
export function searchEvents(store: Store, match: string, limit: number): SearchHits<EventHit> {
  const rows = store
    .stmt(
      `WITH hits AS (SELECT rowid AS doc, bm25(search_events, ${EVENT_WEIGHTS.join(', ')}) AS score FROM search_events
                     WHERE search_events MATCH @match ORDER BY rowid DESC LIMIT ${SEARCH_WINDOW})
       SELECT hits.doc, hits.score, e.id, e.contact_id, c.name, e.occurred_on, e.type, e.kind
       FROM hits JOIN search_event_docs d ON d.doc_id = hits.doc JOIN events e ON e.id = d.event_id JOIN contacts c ON c.id = e.contact_id
       ORDER BY hits.score, e.occurred_on DESC LIMIT @limit`,
    )
    .raw()
    .all({ match, limit }) as [number, number, string, string, string, string, string, string][];
  const hits = rows.map(([doc, score, eventId, contactId, name, date, type, kind]) => ({
    eventId,
    contactId,
    name,
    date,
    type,
    kind,
    score,
    fields: readFields(store, 'search_events', EVENT_FIELDS, match, doc),
  }));
  return { hits, count: rows.length < limit ? rows.length : countMatches(store, 'search_events', match) };
}
