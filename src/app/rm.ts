/** `net rm`: removes a contact and, through ON DELETE CASCADE, only the rows that belong to them. */
import type { ContactWithSummary } from '../core/types.js';
import { countContactRows, type ContactRowCounts } from '../store/contacts-extra.js';
import type { Store } from '../store/store.js';
import { getContact, NO_ANSWERS, resolveContact, type Answers } from './resolve.js';

export type { ContactRowCounts };

export interface RemoveResult {
  contact: ContactWithSummary;
  removed: ContactRowCounts;
}

export interface RemoveRequest {
  name: string;
  /** Remove without asking (--yes). */
  yes: boolean;
  /** What a person agreed to remove, as shown to them: removed only if the journal still holds just that. */
  agreed?: RemoveResult;
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

const sameRows = (a: ContactRowCounts, b: ContactRowCounts) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Removes the contact a name means, with --yes or when what the person agreed to is still what would go; otherwise
 * removes nothing and returns what would go, for the question (asked again when another net changed it meanwhile).
 */
export function removeByName(store: Store, req: RemoveRequest, answers: Answers = NO_ANSWERS): { result: RemoveResult; removed: boolean } {
  const preview = previewRemoval(store, resolveContact(store, req.name, answers).id);
  const agreed = req.agreed !== undefined && req.agreed.contact.id === preview.contact.id && sameRows(req.agreed.removed, preview.removed);
  if (!req.yes && !agreed) return { result: preview, removed: false };
  store.deleteContact(preview.contact.id);
  return { result: preview, removed: true };
}
