/** The SQL of `net search`: the FTS5 indexes of migration 11, each read in a bounded window, then ranked. */
import { SEARCH_WINDOW, toMarkedText, type MarkedText } from '../core/search.js';
import type { FactKind } from '../core/vocabulary.js';
import type { Store } from './store.js';

const OPEN = '\u0002';
const CLOSE = '\u0003';
/** How many words of context a snippet shows around what matched. */
const SNIPPET_WORDS = 12;

/** A document's columns, by the names of the fields they hold. */
const CONTACT_FIELDS = ['name', 'company', 'role', 'howMet', 'about', 'note'] as const;
const EVENT_FIELDS = ['note', 'prospect', 'outcome'] as const;
/** A contact's field that matched: a column, or one of the facts the `about` column holds (a service, a tag, …). */
export type ContactSearchField = Exclude<(typeof CONTACT_FIELDS)[number], 'about'> | FactKind | 'about';
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

/** The most terms a word is replaced by (core/search.ts toMatchQuery); beyond, it stays a prefix. */
const MAX_TERMS = 16;

/**
 * The terms of an index that start with a word (as the index stores them), up to MAX_TERMS; undefined beyond. Read
 * from an fts5vocab table of the connection's temporary schema: nothing is written to the journal.
 */
export function listTerms(store: Store, index: 'search_contacts' | 'search_events', word: string): string[] | undefined {
  store.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${index}_terms USING fts5vocab(main, ${index}, row)`);
  const terms = store.stmt(`SELECT term FROM temp.${index}_terms WHERE term >= ? AND term < ? LIMIT ${MAX_TERMS + 1}`).pluck().all(word, `${word}\u{10FFFF}`) as string[];
  return terms.length > MAX_TERMS ? undefined : terms;
}

/** The fields of one document that hold a match, each with its context. */
function readFields<F extends string>(store: Store, index: string, fields: readonly F[], match: string, rowid: number): FieldMatch<F>[] {
  const snippets = fields.map((_, i) => `snippet(${index}, ${i}, '${OPEN}', '${CLOSE}', '…', ${SNIPPET_WORDS})`).join(', ');
  // The rowid as an integer: bound as a JS number it is a REAL, which FTS5 does not seek by, and the first match of the
  // whole index came back in place of this one (every hit showed the oldest match's words).
  const row = store.stmt(`SELECT ${snippets} FROM ${index} WHERE ${index} MATCH ? AND rowid = ?`).raw().get(match, BigInt(rowid)) as (string | null)[] | undefined;
  if (!row) return [];
  return fields.flatMap((field, i) => (row[i]?.includes(OPEN) ? [{ field, context: toMarkedText(row[i]!, OPEN, CLOSE) }] : []));
}

/**
 * The facts that matched, each by its kind ("service", "tag"): the `about` column holds a contact's facts one a line, in
 * the order of migration 11's CONTACT_ABOUT, which Store.listFacts reads them in. Undefined when the two disagree (the
 * column is then shown whole, as "profile").
 */
function readFactFields(store: Store, match: string, doc: number, contactId: string): FieldMatch<FactKind>[] | undefined {
  const text = store.stmt(`SELECT highlight(search_contacts, 4, '${OPEN}', '${CLOSE}') FROM search_contacts WHERE search_contacts MATCH ? AND rowid = ?`).pluck().get(match, BigInt(doc)) as string | null | undefined;
  const facts = store.listFacts(contactId);
  const lines = text?.split('\n') ?? [];
  if (lines.length !== facts.length) return undefined;
  return lines.flatMap((line, i) => (line.includes(OPEN) ? [{ field: facts[i]!.kind, context: toMarkedText(line, OPEN, CLOSE) }] : []));
}

/**
 * The CTEs of a search in one index, read once: `matches`, the most recently written matches, one more than the
 * window (to say "2,000 or more"); `hits`, the window, each with its bm25 score; `best`, the `limit` best of them (of
 * equally good ones, the most recently written), which alone are joined to their rows.
 */
function windowOf(index: string, weights: readonly number[]): string {
  return `matches AS MATERIALIZED (SELECT rowid AS doc, bm25(${index}, ${weights.join(', ')}) AS score FROM ${index}
                                   WHERE ${index} MATCH @match ORDER BY rowid DESC LIMIT ${SEARCH_WINDOW + 1}),
       hits AS MATERIALIZED (SELECT doc, score FROM matches ORDER BY doc DESC LIMIT ${SEARCH_WINDOW}),
       best AS MATERIALIZED (SELECT doc, score FROM hits ORDER BY score, doc DESC LIMIT @limit)`;
}

/**
 * Contacts whose text has every word: ranked by bm25 among the SEARCH_WINDOW most recently written matches (a word
 * common to thousands is ranked among the latest of them, in a time that does not grow with the journal).
 */
export function searchContacts(store: Store, match: string, limit: number): SearchHits<ContactHit> {
  const rows = store
    .stmt(
      `WITH ${windowOf('search_contacts', CONTACT_WEIGHTS)}
       SELECT best.doc, best.score, c.id, c.name, (SELECT count(*) FROM matches) FROM best JOIN search_contact_docs d ON d.doc_id = best.doc JOIN contacts c ON c.id = d.contact_id
       ORDER BY best.score, c.name_key`,
    )
    .raw()
    .all({ match, limit }) as [number, number, string, string, number][];
  const hits = rows.map(([doc, score, contactId, name]) => {
    // The about column, when it matched, as the facts in it that did (a handful: one contact's).
    const fields = readFields(store, 'search_contacts', CONTACT_FIELDS, match, doc).flatMap((f): FieldMatch<ContactSearchField>[] => (f.field === 'about' ? (readFactFields(store, match, doc, contactId) ?? [f]) : [f]));
    return { contactId, name, score, fields };
  });
  return { hits, count: rows[0]?.[4] ?? 0 };
}

/** Events whose words hold every word of the search, ranked as contacts are. */
export function searchEvents(store: Store, match: string, limit: number): SearchHits<EventHit> {
  const rows = store
    .stmt(
      `WITH ${windowOf('search_events', EVENT_WEIGHTS)}
       SELECT best.doc, best.score, e.id, e.contact_id, c.name, e.occurred_on, e.type, e.kind, (SELECT count(*) FROM matches)
       FROM best JOIN search_event_docs d ON d.doc_id = best.doc JOIN events e ON e.id = d.event_id JOIN contacts c ON c.id = e.contact_id
       ORDER BY best.score, e.occurred_on DESC`,
    )
    .raw()
    .all({ match, limit }) as [number, number, string, string, string, string, string, string, number][];
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
  return { hits, count: rows[0]?.[8] ?? 0 };
}
