/** `net rm`: removes a contact and, through ON DELETE CASCADE, only the rows that belong to them. */
import type { ContactWithSummary } from '../core/types.js';
import { countContactRows, type ContactRowCounts } from '../store/contacts-extra.js';
import type { Store } from '../store/store.js';
import { getContact } from './resolve.js';

export type { ContactRowCounts };

export interface RemoveResult {
  contact: ContactWithSummary;
  removed: ContactRowCounts;
}

/** What removing the contact would take with it, for the question asked before. */
export function previewRemoval(store: Store, contactId: string): RemoveResult {
  return { contact: getContact(store, contactId), removed: countContactRows(store, contactId) };
}

export function removeContact(store: Store, contactId: string): RemoveResult {
  const result = previewRemoval(store, contactId);
  store.deleteContact(contactId);
  return result;
}
