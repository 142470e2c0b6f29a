/** Queries for needs, ideas and introductions: one statement each, never one per contact. */
import { STANDING_FIELDS, type StandingInputs } from '../core/capital.js';
import type { IsoDate } from '../core/dates.js';
import type { Offer, OfferField, OfferText, Wish, WishKind } from '../core/matching.js';
import type { Answer, ContactWithSummary, Fact, JournalEvent } from '../core/types.js';
import { toFact, toRowReader, toSelectList, type Row } from './rows.js';
import { NET_SQL } from './standing-sql.js';
import type { Store } from './store.js';

// ---- needs ----------------------------------------------------------------------------------------------------------

export type DatedFact = Fact & { doneOn: IsoDate | null };

/** A contact's facts with the day each need was met, in the order of store.listFacts. */
export function listDatedFacts(store: Store, contactId: string): DatedFact[] {
  return (store.stmt('SELECT * FROM facts WHERE contact_id = ? ORDER BY kind, created_at, text_key').all(contactId) as Row[]).map((r) => ({
    ...toFact(r),
    doneOn: r.done_on === null || r.done_on === undefined ? null : String(r.done_on),
  }));
}

/** The need with this text (case-insensitive): open, met on a day, or absent. */
export function findNeed(store: Store, contactId: string, text: string): { kind: 'need' | 'met-need'; doneOn: IsoDate | null } | undefined {
  return store
    .stmt("SELECT kind, done_on AS doneOn FROM facts WHERE contact_id = ? AND kind IN ('need', 'met-need') AND text_key = ? ORDER BY kind LIMIT 1")
    .get(contactId, text.toLowerCase()) as { kind: 'need' | 'met-need'; doneOn: IsoDate | null } | undefined;
}

/** Marks an open need met on `day`; a need met before with the same text gives way to this one. */
export function markNeedMet(store: Store, contactId: string, text: string, day: IsoDate, at: string): boolean {
  const key = text.toLowerCase();
  store.stmt("DELETE FROM facts WHERE contact_id = ? AND kind = 'met-need' AND text_key = ? AND EXISTS (SELECT 1 FROM facts WHERE contact_id = ? AND kind = 'need' AND text_key = ?)").run(contactId, key, contactId, key);
  return store.stmt("UPDATE facts SET kind = 'met-need', done_on = ?, updated_at = ? WHERE contact_id = ? AND kind = 'need' AND text_key = ?").run(day, at, contactId, key).changes > 0;
}

// ---- matching -------------------------------------------------------------------------------------------------------

const WISH_SQL = "SELECT contact_id AS contactId, kind, text FROM facts WHERE kind IN ('need', 'ideal', 'goal')";

/** A contact's open needs, ideal referrals and goals. */
export function listWishesOf(store: Store, contactId: string): Wish[] {
  return store.stmt(`${WISH_SQL} AND contact_id = ? ORDER BY kind DESC, created_at, text_key`).all(contactId) as Wish[];
}

/** Every open need and ideal referral in the journal (through the facts index on kind). */
export function listOpenWishes(store: Store): Wish[] {
  return store.stmt("SELECT contact_id AS contactId, kind, text FROM facts WHERE kind IN ('need', 'ideal') ORDER BY contact_id, kind, text_key").all() as Wish[];
}

/** Instr() conditions that a text must meet one of: the pre-selection; the matcher decides. */
function anyKey(column: string, keys: readonly string[]): string {
  return keys.length ? `(${keys.map(() => `instr(${column}, ?) > 0`).join(' OR ')})` : '0';
}

/** The distinct texts (lower-case keys) of other contacts' wishes of a kind that contain one of the keys, from the index. */
export function findWishTexts(store: Store, kind: WishKind, keys: readonly string[]): string[] {
  if (!keys.length) return [];
  return store.stmt(`${distinctSql('facts', 'text_key', 'kind = ?')} AND ${anyKey('v', keys)}`).pluck().all(kind, kind, ...keys) as string[];
}

/**
 * Who wishes for this text (a lower-case key), other than `exceptId`, with the words they wrote: at most `perText`,
 * those the journal knows best first, as listOfferHolders takes an offer's holders. In the walk, each holder's words
 * come from the index on (kind, text) whose range the holders were just read from (its pages still cached), not from
 * the unique index on (contact, kind, text) and then the fact's row: two fresh pages per holder kept. On the extreme
 * journal the two walks of `net ideas "Ada Abbott"` took 5.1 ms of CPU, now 4.3 (medians of 15, fresh processes).
 */
export function listWishHolders(store: Store, kind: WishKind, key: string, perText: number, exceptId: string): Wish[] {
  const holders = store.stmt('SELECT count(*) FROM facts WHERE kind = ? AND text_key = ?').pluck().get(kind, key) as number;
  const sql =
    holders > perText * WALK_FACTOR
      ? `SELECT c.id AS contactId, (SELECT f.text FROM facts f INDEXED BY facts_kind_text_cover WHERE f.kind = @kind AND f.text_key = @key AND f.contact_id = c.id LIMIT 1) AS text
         FROM contacts c INDEXED BY contacts_known
         WHERE c.id <> @exceptId AND c.id IN (${HOLDERS_SQL('@kind', '@key')}) ORDER BY ${knownOrder('c.id')} LIMIT @perText`
      : `SELECT c.id AS contactId, f.text FROM facts f JOIN contacts c ON c.id = f.contact_id
         WHERE f.kind = @kind AND f.text_key = @key AND c.id <> @exceptId ORDER BY ${knownOrder('c.id')} LIMIT @perText`;
  return (store.stmt(sql).all({ kind, key, exceptId, perText }) as { contactId: string; text: string }[]).map((r) => ({ contactId: r.contactId, kind, text: r.text }));
}

/** What a contact offers: services, tags, role and company. */
export function listOffersOf(store: Store, contact: Pick<ContactWithSummary, 'id' | 'role' | 'company'>): Offer[] {
  const facts = store.stmt("SELECT contact_id AS contactId, kind AS field, text FROM facts WHERE contact_id = ? AND kind IN ('service', 'tag')").all(contact.id) as Offer[];
  const own: Offer[] = [];
  if (contact.role) own.push({ contactId: contact.id, field: 'role', text: contact.role });
  if (contact.company) own.push({ contactId: contact.id, field: 'company', text: contact.company });
  return [...facts, ...own];
}

/**
 * The distinct values of an indexed expression among the rows that `where` selects, in index order: a loose index scan
 * that seeks from each value to the next, so that it reads as many index entries as there are values, not rows (16,000
 * services and tags share a dozen texts in a network of 5,000).
 */
const distinctSql = (table: string, expr: string, where: string) => `WITH RECURSIVE d(v) AS (
    SELECT (SELECT min(${expr}) FROM ${table} WHERE ${where})
    UNION ALL SELECT (SELECT min(${expr}) FROM ${table} WHERE ${where} AND ${expr} > d.v) FROM d WHERE d.v IS NOT NULL)
  SELECT v FROM d WHERE v IS NOT NULL`;

/**
 * The distinct texts that contacts offer (services and tags by their lower-case key, roles and companies lower-cased),
 * only those containing one of the keys (the stems looked for) unless keys is null. SQLite reads the indexes alone,
 * and JavaScript stems each text once however many contacts share it.
 */
export function findOfferTexts(store: Store, keys: readonly string[] | null): OfferText[] {
  // No stem looked for, no text can match: the loose scans would walk every distinct text only to keep none.
  if (keys !== null && !keys.length) return [];
  const args = keys ?? [];
  const filter = keys === null ? '' : ` AND ${anyKey('v', keys)}`;
  const texts: OfferText[] = [];
  for (const field of ['service', 'tag'] as const) {
    const rows = store.stmt(`${distinctSql('facts', 'text_key', 'kind = ?')}${filter}`).pluck().all(field, field, ...args) as string[];
    for (const text of rows) texts.push({ field, text });
  }
  for (const field of ['role', 'company'] as const) {
    const rows = store.stmt(`${distinctSql('contacts', `lower(${field})`, `${field} IS NOT NULL`)}${filter}`).pluck().all(...args) as string[];
    for (const text of rows) texts.push({ field, text });
  }
  return texts;
}

export const offerKey = (o: OfferText) => `${o.field}\u0000${o.text}`;

/** The order in which an offer's holders are taken (then by id): migration 8 indexes contacts in it. */
export const KNOWN_ORDER = ['(answers_yes + service_count + family_count) DESC', `${NET_SQL} DESC`];
const knownOrder = (id: string) => `${KNOWN_ORDER.join(', ')}, ${id}`;
/** Holders of a fact text beyond this many times those wanted are found by walking contacts in order instead. */
const WALK_FACTOR = 8;
/**
 * The holders of a fact text, for that walk: read once from the index on (kind, text), which SQLite keeps in memory
 * (with a Bloom filter) while it walks the contacts in order. Probing the facts' index for each contact walked instead
 * read pages of it for every one: 1,500 probes for the thirty best known of 950 holders among 50,000 contacts, about
 * four times the time in a new process (six need texts: 100 to 190 ms against 24 to 55).
 */
const HOLDERS_SQL = (kind: string, key: string) => `SELECT contact_id FROM facts WHERE kind = ${kind} AND text_key = ${key}`;

/**
 * Who offers each of these texts (as findOfferTexts gives them), keyed by offerKey: at most `perText` each, those the
 * journal knows best first (checklist answers, services and family recorded, then balance), so that a service that
 * a thousand contacts share costs no more than one that few do. A role or company is a range of an index in that
 * order; a service or tag shared by many is found by walking contacts in that order until enough hold it, one shared
 * by few by sorting its holders.
 */
export function listOfferHolders(store: Store, offers: readonly OfferText[], perText: number): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const o of offers) {
    let ids: string[];
    if (o.field === 'role' || o.field === 'company') {
      ids = store.stmt(`SELECT id FROM contacts WHERE lower(${o.field}) = ? AND ${o.field} IS NOT NULL ORDER BY ${knownOrder('id')} LIMIT ?`).pluck().all(o.text, perText) as string[];
    } else {
      const holders = store.stmt('SELECT count(*) FROM facts WHERE kind = ? AND text_key = ?').pluck().get(o.field, o.text) as number;
      ids = (
        holders > perText * WALK_FACTOR
          ? store.stmt(`SELECT id FROM contacts c INDEXED BY contacts_known WHERE id IN (${HOLDERS_SQL('?', '?')}) ORDER BY ${knownOrder('id')} LIMIT ?`)
          : store.stmt(`SELECT c.id FROM facts f JOIN contacts c ON c.id = f.contact_id WHERE f.kind = ? AND f.text_key = ? ORDER BY ${knownOrder('c.id')} LIMIT ?`)
      ).pluck().all(o.field, o.text, perText) as string[];
    }
    if (ids.length) map.set(offerKey(o), ids);
  }
  return map;
}

/** The services as their contacts wrote them (findOfferTexts gives lower-case keys), for the ideas shown. */
export function listServiceTexts(store: Store, refs: readonly { contactId: string; key: string }[]): Map<string, string> {
  if (!refs.length) return new Map();
  const wanted = new Set(refs.map((r) => `${r.contactId}\u0000${r.key}`));
  // +kind: by contact (a few facts each), not through facts_kind_text_cover, which would read every service in the journal.
  const rows = store
    .stmt("SELECT contact_id, text_key, text FROM facts WHERE contact_id IN (SELECT value FROM json_each(?)) AND +kind = 'service'")
    .raw()
    .all(JSON.stringify([...new Set(refs.map((r) => r.contactId))])) as [string, string, string][];
  return new Map(rows.map(([id, key, text]) => [`${id}\u0000${key}`, text] as const).filter(([k]) => wanted.has(k)));
}

export interface StandingRow extends StandingInputs {
  id: string;
  name: string;
  role: string | null;
  company: string | null;
}

const STANDING_ROW_FIELDS = ['id', 'name', 'role', 'company', ...STANDING_FIELDS] as const;
const toStandingRow = toRowReader(STANDING_ROW_FIELDS);

/** What ranking needs of many contacts: the summary columns a standing is read from, not whole rows. */
export function listStandingsById(store: Store, ids: readonly string[]): StandingRow[] {
  if (!ids.length) return [];
  const rows = store
    .stmt(`SELECT ${toSelectList(STANDING_ROW_FIELDS)} FROM contacts WHERE id IN (SELECT value FROM json_each(?))`)
    .raw()
    .all(JSON.stringify(ids)) as unknown[][];
  return rows.map(toStandingRow);
}

/** What a check reads of a checklist answer. */
export type CheckedAnswer = Pick<Answer, 'point' | 'answer' | 'answeredOn'>;

/** Checklist answers of many contacts, in one query, keyed by contact id: only what a check reads of them. */
export function listAnswersById(store: Store, ids: readonly string[]): Map<string, CheckedAnswer[]> {
  const map = new Map<string, CheckedAnswer[]>();
  if (!ids.length) return map;
  const rows = store.stmt('SELECT contact_id, point, answer, answered_on FROM answers WHERE contact_id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(ids)) as [string, string, number, string][];
  for (const [contactId, point, answer, answeredOn] of rows) {
    const a: CheckedAnswer = { point, answer: answer === 1, answeredOn };
    const list = map.get(contactId);
    if (list) list.push(a);
    else map.set(contactId, [a]);
  }
  return map;
}

// ---- introductions --------------------------------------------------------------------------------------------------

const PAIRS_SQL = `SELECT e.contact_id AS a, o.contact_id AS b, e.occurred_on AS day FROM events e JOIN events o ON o.id = e.link_id WHERE e.link_id IS NOT NULL`;

/** Pairs of contacts the user has introduced (with `net intro`), each once, as "idA|idB" with the smaller id first. */
export function listIntroducedPairs(store: Store): Set<string> {
  const pairs = new Set<string>();
  for (const [a, b] of store.stmt(PAIRS_SQL).raw().all() as [string, string][]) pairs.add(a < b ? `${a}|${b}` : `${b}|${a}`);
  return pairs;
}

/** The days on which these two were introduced to each other. */
export function listIntroductionDays(store: Store, a: string, b: string): IsoDate[] {
  return store.stmt(`${PAIRS_SQL} AND e.contact_id = ? AND o.contact_id = ? ORDER BY e.occurred_on`).raw().all(a, b).map((r) => String((r as unknown[])[2]));
}

/** Links two gives as one introduction: each names the other. */
export function linkEvents(store: Store, a: JournalEvent, b: JournalEvent): void {
  const link = store.stmt('UPDATE events SET link_id = ? WHERE id = ?');
  link.run(b.id, a.id);
  link.run(a.id, b.id);
}

/** For a contact's linked gives: the event id and whom it introduced them to. */
export function listIntroLinks(store: Store, contactId: string): Map<string, { id: string; name: string }> {
  const rows = store
    .stmt('SELECT e.id, c.id AS otherId, c.name FROM events e JOIN events o ON o.id = e.link_id JOIN contacts c ON c.id = o.contact_id WHERE e.contact_id = ? AND e.link_id IS NOT NULL')
    .raw()
    .all(contactId) as [string, string, string][];
  return new Map(rows.map(([id, otherId, name]) => [id, { id: otherId, name }]));
}

// ---- synonyms -------------------------------------------------------------------------------------------------------

const SYNONYMS_KEY = 'synonyms';

/** The user's own synonym groups, kept in the settings table as JSON so that they travel with the journal. */
export function readSynonymGroups(store: Store): string[][] {
  const raw = store.findSetting(SYNONYMS_KEY);
  if (!raw) return [];
  try {
    const v = JSON.parse(raw) as unknown;
    return Array.isArray(v) ? v.filter((g): g is string[] => Array.isArray(g) && g.every((w) => typeof w === 'string')) : [];
  } catch {
    return [];
  }
}

export function writeSynonymGroups(store: Store, groups: readonly (readonly string[])[], at: string): void {
  store.setSetting(SYNONYMS_KEY, JSON.stringify(groups), at);
}
