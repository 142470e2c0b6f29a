/** `net log <name>` for a name the journal does not know: on a terminal, offer to add them on the spot. */
import type { LogInput } from '../app/log.js';
import { findNameMatch, toUnknownNameError } from '../app/resolve.js';
import { parseContactName } from '../core/names.js';
import type { Store } from '../store/store.js';
import type { CliContext } from './context.js';
import { resolveContact } from './options.js';

/** The contact part of a LogInput: an existing contact, or (after a yes on a terminal) a new one to add. */
export async function resolveLogContact(ctx: CliContext, store: Store, name: string): Promise<Pick<LogInput, 'contactId' | 'newContact'>> {
  if (findNameMatch(store, name).kind !== 'unknown' || !ctx.interactive || ctx.out.json) return { contactId: (await resolveContact(ctx, store, name)).id };
  const { confirmAddContact } = await import('../ui/prompts.js');
  const fullName = parseContactName(name);
  if (!(await confirmAddContact(fullName))) throw toUnknownNameError(store, name);
  return { newContact: { name: fullName } };
}
