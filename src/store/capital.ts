/** Queries for social capital: open asks, and the per-contact standing columns that `net balance` reads. */
import { STAGES, STANDING_FIELDS, type Stage, type StandingInputs } from '../core/capital.js';
import type { IsoDate } from '../core/dates.js';
import type { JournalEvent } from '../core/types.js';
import { toEvent, toRowReader, toSelectList, type Row } from './rows.js';
import { DEPTH_SQL, FRESH_DAYS_SQL, FRESH_SQL, NET_SQL, STAGE_COUNT_SQL, toStandingParams } from './standing-sql.js';
import type { Store } from './store.js';

/** The contact's asks still waiting for an outcome, latest first. */
export function listOpenAsks(store: Store, contactId: string): JournalEvent[] {
  return (store.stmt("SELECT * FROM events WHERE contact_id = ? AND type = 'ask' AND outcome = 'pending' ORDER BY occurred_on DESC, created_at DESC, id DESC").all(contactId) as Row[]).map(toEvent);
}

/** The contact's asks whose id starts with the prefix (case-insensitive), at most five. */
export function findAsksByIdPrefix(store: Store, contactId: string, prefix: string): JournalEvent[] {
  const like = `${prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return (store.stmt("SELECT * FROM events WHERE contact_id = ? AND type = 'ask' AND lower(id) LIKE ? ESCAPE '\\' ORDER BY id LIMIT 5").all(contactId, like) as Row[]).map(toEvent);
}

/** What came of an ask, said in a note: added to the note the ask was recorded with, on a line of its own. */
export function appendEventNote(store: Store, id: string, note: string, updatedAt: string): void {
  store.stmt("UPDATE events SET note = CASE WHEN note IS NULL OR note = '' THEN ? ELSE note || char(10) || ? END, updated_at = ? WHERE id = ?").run(note, note, updatedAt, id);
}

export interface StandingRow extends StandingInputs {
  id: string;
  name: string;
  nameKey: string;
}

export type BalanceOrder = 'balance' | 'depth' | 'last' | 'name';

const TAGGED = "WHERE id IN (SELECT contact_id FROM facts WHERE kind = 'tag' AND text_key = @tag)";
const ORDER_BY: Record<BalanceOrder, string> = {
  // The fading factor is the same for every contact on a given day: ordering by the stored sums is ordering by balance,
  // and migration 6 indexes exactly this order, so that the first page is read straight from the index.
  balance: `${NET_SQL} DESC, name_key`,
  depth: `${DEPTH_SQL} DESC, ${NET_SQL} DESC, name_key`,
  last: 'last_touch_on IS NULL, last_touch_on DESC, name_key',
  name: 'name_key',
};

const PAGE_FIELDS = ['id', 'name', ...STANDING_FIELDS] as const;
const PAGE_COLUMNS = `${toSelectList(PAGE_FIELDS)}, name_key`;
const toPageRow = toRowReader(PAGE_FIELDS);

const withTag = (tag: string | undefined) => (tag === undefined ? {} : { tag: tag.toLowerCase() });

/** How many contacts (with the tag, when given) stand at each stage today. */
export function countStages(store: Store, opts: { today: IsoDate; halfLifeDays: number; tag?: string }): Record<Stage, number> {
  const params = { ...toStandingParams(opts.today, opts.halfLifeDays), ...withTag(opts.tag) };
  // store/standing-sql.ts: SQLite reads every value the stage needs from migration 15's index contacts_stage, never the
  // wide rows. The stage is worked out once per contact in a subquery (LIMIT -1 keeps it one) and counted without a
  // sort. Without a tag, the fresh contacts (migration 13) apart: one of each day they were added stands for that day's.
  // Measured on the extreme journal (50,000 contacts), CPU of the first count in a process: the pages read cold
  // dominate (about 30 µs each here), so the count read migration 13's contacts_due_rest (2,200 pages) in 110 ms, and
  // reads contacts_stage (411 pages) in about 25.
  const count = (rows: string, n: string) =>
    (store
      .stmt(`SELECT sum(${n} * (stage = 'deep')), sum(${n} * (stage = 'growing')), sum(${n} * (stage = 'acquaintance')), sum(${n} * (stage = 'stranger')) FROM (${rows} LIMIT -1)`)
      .raw()
      .get(params) as (number | null)[]).map((x) => x ?? 0);
  const counts =
    opts.tag === undefined
      ? [count(`SELECT ${STAGE_COUNT_SQL} AS stage FROM contacts WHERE ${FRESH_SQL} = 0`, '1'), count(`SELECT fresh_count, ${STAGE_COUNT_SQL} AS stage FROM ${FRESH_DAYS_SQL} JOIN contacts ON contacts.rowid = fresh_one`, 'fresh_count')]
      : [count(`SELECT ${STAGE_COUNT_SQL} AS stage FROM contacts ${TAGGED}`, '1')];
  const [deep, growing, acquaintance, stranger] = [0, 1, 2, 3].map((k) => counts.reduce((sum, c) => sum + c[k]!, 0)) as [number, number, number, number];
  return { stranger, acquaintance, growing, deep };
}

/** One page of contacts in the given order, sorted and limited by SQLite. */
export function listStandingPage(store: Store, opts: { order: BalanceOrder; today: IsoDate; limit?: number; tag?: string }): StandingRow[] {
  const where = opts.tag === undefined ? '' : TAGGED;
  const { day, jd, knownAYearBy } = toStandingParams(opts.today, 1);
  const params = { limit: opts.limit ?? -1, ...withTag(opts.tag), ...(opts.order === 'depth' ? { day, jd, knownAYearBy } : {}) };
  const rows = store.stmt(`SELECT ${PAGE_COLUMNS} FROM contacts ${where} ORDER BY ${ORDER_BY[opts.order]} LIMIT @limit`).raw().all(params) as unknown[][];
  return rows.map((r) => ({ ...toPageRow(r), nameKey: r[PAGE_FIELDS.length] as string }));
}
