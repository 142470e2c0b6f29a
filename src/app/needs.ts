/** What a contact needs and what a good referral for them looks like (`net edit --need, --ideal, --met-need`). */
import { newId } from './ids.js';
import { UsageError } from '../core/errors.js';
import type { Contact } from '../core/types.js';
import { findNeed, listWishesOf, markNeedMet } from '../store/ideas.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';

export interface NeedsInput {
  needs?: string[];
  ideals?: string[];
  /** Open needs to mark met today, by their text. */
  metNeeds?: string[];
}

export interface NeedsChanges {
  need: number;
  ideal: number;
  'met-need': number;
}

export function saveNeeds(store: Store, contact: Pick<Contact, 'id' | 'name'>, input: NeedsInput, clock: Clock): NeedsChanges {
  const key = (s: string) => s.toLowerCase();
  const met = input.metNeeds ?? [];
  const both = (input.needs ?? []).find((n) => met.some((m) => key(m) === key(n)));
  if (both) throw new UsageError(`--need "${both}" and --met-need "${both}" say opposite things`, 'give one of them');
  const changes: NeedsChanges = { need: 0, ideal: 0, 'met-need': 0 };
  for (const text of met) {
    if (markNeedMet(store, contact.id, text, clock.today, clock.timestamp)) {
      changes['met-need']++;
      continue;
    }
    const found = findNeed(store, contact.id, text);
    if (found?.kind === 'met-need') throw new UsageError(`${contact.name}'s need "${text}" was already met on ${found.doneOn}`, 'a met need stays in the journal; record a new one with --need');
    const open = listWishesOf(store, contact.id).filter((w) => w.kind === 'need').map((w) => `"${w.text}"`);
    throw new UsageError(`${contact.name} has no open need "${text}"`, open.length ? `their open needs are ${open.join(', ')}` : `record one first with net edit ${JSON.stringify(contact.name)} --need "…"`);
  }
  for (const [kind, texts] of [['need', input.needs ?? []], ['ideal', input.ideals ?? []]] as const) {
    for (const text of texts) {
      if (store.insertFact({ id: newId(), contactId: contact.id, kind, text, createdAt: clock.timestamp, updatedAt: clock.timestamp })) changes[kind]++;
    }
  }
  return changes;
}
