/** The SQL of `net merge`: one contact's rows moved to another, keeping both histories. */
import type { Store } from './store.js';

export interface MovedRows {
  events: number;
  followUps: number;
  facts: number;
  answers: number;
  dates: number;
  /** Emails and phones (contact_points, schema 10). */
  points: number;
}

/**
 * Moves every row of contact `from` to contact `to`. Events and follow-ups all move. A fact, checklist answer or
 * important date that `to` already has (the same tag, point or label) stays `to`'s: a checklist answer takes the later
 * of the two, and the other row goes. An email or phone `to` already has goes; the others follow `to`'s own, in order.
 */
export function moveContactRows(store: Store, from: string, to: string, at: string): MovedRows {
  const p = { from, to, at };
  const events = store.stmt('UPDATE events SET contact_id = @to, updated_at = @at WHERE contact_id = @from').run(p).changes;
  const followUps = store.stmt('UPDATE follow_ups SET contact_id = @to, updated_at = @at WHERE contact_id = @from').run(p).changes;
  store.stmt('DELETE FROM facts WHERE contact_id = @from AND EXISTS (SELECT 1 FROM facts f WHERE f.contact_id = @to AND f.kind = facts.kind AND f.text_key = facts.text_key)').run(p);
  const facts = store.stmt('UPDATE facts SET contact_id = @to, updated_at = @at WHERE contact_id = @from').run(p).changes;
  store
    .stmt(
      `UPDATE answers SET answer = b.answer, answered_on = b.answered_on, updated_at = @at
       FROM (SELECT point, answer, answered_on FROM answers WHERE contact_id = @from) AS b
       WHERE answers.contact_id = @to AND answers.point = b.point AND b.answered_on > answers.answered_on`,
    )
    .run(p);
  store.stmt('DELETE FROM answers WHERE contact_id = @from AND point IN (SELECT point FROM answers WHERE contact_id = @to)').run(p);
  const answers = store.stmt('UPDATE answers SET contact_id = @to, updated_at = @at WHERE contact_id = @from').run(p).changes;
  store.stmt('DELETE FROM dates WHERE contact_id = @from AND EXISTS (SELECT 1 FROM dates d WHERE d.contact_id = @to AND d.label = dates.label COLLATE NOCASE)').run(p);
  const dates = store.stmt('UPDATE dates SET contact_id = @to, updated_at = @at WHERE contact_id = @from').run(p).changes;
  store.stmt('DELETE FROM contact_points WHERE contact_id = @from AND EXISTS (SELECT 1 FROM contact_points q WHERE q.contact_id = @to AND q.kind = contact_points.kind AND q.value_key = contact_points.value_key)').run(p);
  const points = store
    .stmt('UPDATE contact_points SET contact_id = @to, position = position + 1 + coalesce((SELECT max(q.position) FROM contact_points q WHERE q.contact_id = @to AND q.kind = contact_points.kind), -1), updated_at = @at WHERE contact_id = @from')
    .run(p).changes;
  return { events, followUps, facts, answers, dates, points };
}

/** Contacts whose id starts with `prefix` (at most 2: enough to know whether it is unique). */
export function findContactIdsByPrefix(store: Store, prefix: string): string[] {
  return store.stmt("SELECT id FROM contacts WHERE id >= ? AND id < ? || '~' ORDER BY id LIMIT 2").pluck().all(prefix, prefix) as string[];
}
