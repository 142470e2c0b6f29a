/** The SQL of referral outcomes: finding a contact's referral, moving it on, and listing referrals across contacts. */
import type { IsoDate } from '../core/dates.js';
import type { ReferralDirection } from '../core/referrals.js';
import type { JournalEvent } from '../core/types.js';
import { toEvent, type Row } from './rows.js';
import type { Store } from './store.js';

const REFERRAL = "kind = 'referral' AND type IN ('gave', 'received') AND status IS NOT NULL";

/** The contact's latest referral still open or contacted. */
export function findLatestOpenReferral(store: Store, contactId: string): JournalEvent | undefined {
  const row = store
    .stmt(`SELECT * FROM events WHERE contact_id = ? AND ${REFERRAL} AND status IN ('open', 'contacted') ORDER BY occurred_on DESC, created_at DESC, id DESC LIMIT 1`)
    .get(contactId) as Row | undefined;
  return row ? toEvent(row) : undefined;
}

/** The contact's referrals whose id starts with `prefix` (any case). */
export function findReferralsByIdPrefix(store: Store, contactId: string, prefix: string): JournalEvent[] {
  const like = `${prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return (store.stmt(`SELECT * FROM events WHERE contact_id = ? AND ${REFERRAL} AND lower(id) LIKE ? ESCAPE '\\' ORDER BY id LIMIT 5`).all(contactId, like) as Row[]).map(toEvent);
}

export interface ReferralChange {
  status: string;
  statusOn: IsoDate;
  amount: number | null;
  statusNote: string | null;
  updatedAt: string;
}

export function updateReferralStatus(store: Store, id: string, c: ReferralChange): void {
  store.stmt('UPDATE events SET status = @status, status_on = @statusOn, amount = @amount, status_note = @statusNote, updated_at = @updatedAt WHERE id = @id').run({ ...c, id });
}

export interface ReferralFilter {
  openOnly: boolean;
  direction?: ReferralDirection;
  /** Logged on or after this day. */
  since?: IsoDate;
}

export interface ReferralRow {
  id: string;
  contactId: string;
  name: string;
  direction: ReferralDirection;
  date: IsoDate;
  value: number | null;
  note: string | null;
  prospect: string | null;
  status: string;
  statusOn: IsoDate | null;
  amount: number | null;
  statusNote: string | null;
}

/** Referrals given and received, newest first (the partial index on referral days keeps this off the other events). */
export function listReferrals(store: Store, f: ReferralFilter): ReferralRow[] {
  return store
    .stmt(
      `SELECT e.id, e.contact_id AS contactId, c.name, CASE e.type WHEN 'gave' THEN 'given' ELSE 'received' END AS direction,
         e.occurred_on AS date, e.value, e.note, e.prospect, e.status, e.status_on AS statusOn, e.amount, e.status_note AS statusNote
       FROM events e JOIN contacts c ON c.id = e.contact_id
       WHERE e.status IS NOT NULL AND e.kind = 'referral' AND e.type IN ('gave', 'received')
         AND (@openOnly = 0 OR e.status IN ('open', 'contacted'))
         AND (@type IS NULL OR e.type = @type)
         AND (@since IS NULL OR e.occurred_on >= @since)
       ORDER BY e.occurred_on DESC, e.created_at DESC, e.id`,
    )
    .all({ openOnly: f.openOnly ? 1 : 0, type: f.direction === undefined ? null : f.direction === 'given' ? 'gave' : 'received', since: f.since ?? null }) as ReferralRow[];
}
