/** From a typed name to one contact, or an error listing the candidates or the closest names. */
import { NotFoundError, UsageError } from '../core/errors.js';
import { matchName, suggestNames, toNameKey, type NameMatch, type NamedContact } from '../core/names.js';
import type { ContactWithSummary } from '../core/types.js';
import type { Store } from '../store/store.js';

export function findNameMatch(store: Store, query: string): NameMatch<NamedContact> {
  // An empty query would otherwise be "unknown", with every short name offered as a "did you mean".
  if (!toNameKey(query)) throw new UsageError('no name given', 'give a name in quotes, for example "Jane Doe"');
  // A name given in full matches exactly, and an exact match wins: the index answers without reading every name.
  const key = toNameKey(query);
  const exact = store.findNamesByKey(key);
  return matchName(query, exact.length ? exact : store.findNameCandidates(key));
}

export function toUnknownNameError(store: Store, query: string): NotFoundError {
  const close = suggestNames(query, store.listNames());
  const hint = close.length ? `did you mean ${close.map((n) => `"${n}"`).join(' or ')}?` : 'see net list, or add them with net add';
  return new NotFoundError(`no contact called "${query}"`, [], hint);
}

export function toAmbiguousNameError(query: string, candidates: readonly NamedContact[]): NotFoundError {
  const names = candidates.slice(0, 8).map((c) => c.name);
  const more = candidates.length > 8 ? ` and ${candidates.length - 8} more` : '';
  return new NotFoundError(`"${query}" could mean ${names.join(', ')}${more}`, [], 'use more of the name');
}

/** Resolves without asking anyone: unknown and ambiguous names are errors. */
export function getContactByName(store: Store, query: string): ContactWithSummary {
  const match = findNameMatch(store, query);
  if (match.kind === 'unknown') throw toUnknownNameError(store, query);
  if (match.kind === 'ambiguous') throw toAmbiguousNameError(query, match.candidates);
  return getContact(store, match.contact.id);
}

export function getContact(store: Store, id: string): ContactWithSummary {
  const contact = store.findContact(id);
  if (!contact) throw new NotFoundError('that contact is no longer in the journal', [], 'see net list');
  return contact;
}
