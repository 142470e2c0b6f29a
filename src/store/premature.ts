/** Queries for premature asks across the network: the asks of a window with what the journal knew on their day. */
import type { IsoDate } from '../core/dates.js';
import type { AskFacts } from '../core/premature.js';
import type { JournalEvent } from '../core/types.js';
import type { Store } from './store.js';

/**
 * Every ask in the window, with the day the user first met the contact (met date, first touchpoint or give) and the
 * day the journal first knew them (met date or first event of any kind).
 */
export function listAsksWithHistory(store: Store, since: IsoDate, until: IsoDate): AskFacts[] {
  const rows = store
    .stmt(
      `SELECT e.contact_id AS contactId, c.name, e.kind, e.occurred_on AS occurredOn, e.note, e.premature AS marked,
         (SELECT min(d) FROM (SELECT c.met_on AS d UNION ALL SELECT min(occurred_on) FROM events m WHERE m.contact_id = e.contact_id AND m.type IN ('touch', 'gave'))) AS metOn,
         (SELECT min(d) FROM (SELECT c.met_on AS d UNION ALL SELECT min(occurred_on) FROM events m WHERE m.contact_id = e.contact_id)) AS knownSince
       FROM events e JOIN contacts c ON c.id = e.contact_id
       WHERE e.type = 'ask' AND e.occurred_on >= ? AND e.occurred_on <= ?
       ORDER BY e.occurred_on DESC, c.name_key, e.id`,
    )
    .all(since, until) as (Omit<AskFacts, 'marked'> & { marked: number })[];
  return rows.map((r) => ({ ...r, marked: Number(r.marked) === 1 }));
}

/** The window's events of these contacts (the user's gives, touchpoints and asks), with the contact's name. */
export function listWindowEvents(store: Store, ids: readonly string[], since: IsoDate, until: IsoDate): (Pick<JournalEvent, 'contactId' | 'type' | 'kind' | 'value'> & { name: string })[] {
  if (!ids.length) return [];
  return store
    .stmt(
      `SELECT e.contact_id AS contactId, c.name, e.type, e.kind, e.value FROM events e JOIN contacts c ON c.id = e.contact_id
       WHERE e.contact_id IN (SELECT value FROM json_each(?)) AND e.type IN ('gave', 'touch', 'ask') AND e.occurred_on >= ? AND e.occurred_on <= ?`,
    )
    .all(JSON.stringify(ids), since, until) as (Pick<JournalEvent, 'contactId' | 'type' | 'kind' | 'value'> & { name: string })[];
}

/** Of these contacts, those the user has met by now. */
export function listMet(store: Store, ids: readonly string[]): Set<string> {
  if (!ids.length) return new Set();
  return new Set(
    store.stmt('SELECT id FROM contacts WHERE id IN (SELECT value FROM json_each(?)) AND (met_on IS NOT NULL OR touch_count > 0 OR give_count > 0)').pluck().all(JSON.stringify(ids)) as string[],
  );
}

/** What people gave the user in the window, latest first: people to thank, never a ranking. */
export function listGifts(store: Store, since: IsoDate, until: IsoDate, limit: number): { id: string; name: string; kind: string; on: IsoDate; note: string | null }[] {
  return store
    .stmt(
      `SELECT c.id, c.name, e.kind, e.occurred_on AS "on", e.note FROM events e JOIN contacts c ON c.id = e.contact_id
       WHERE e.type = 'received' AND e.occurred_on >= ? AND e.occurred_on <= ? ORDER BY e.occurred_on DESC, c.name_key, e.id LIMIT ?`,
    )
    .all(since, until, limit) as { id: string; name: string; kind: string; on: IsoDate; note: string | null }[];
}
