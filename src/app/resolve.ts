/**
 * The one name resolver: from a typed name to one contact, inside the command's transaction. A name it cannot settle
 * alone (several people match; nobody does, where the command may add them) is an error that carries what a person
 * could answer; cli/context.ts asks on a terminal, notes the answer in `Answers` and runs the command again.
 */
import { NotFoundError, UsageError } from '../core/errors.js';
import { matchName, parseContactName, suggestNames, toDistinctLabels, toNameKey, type NamedContact } from '../core/names.js';
import type { ContactWithSummary } from '../core/types.js';
import { findContactIdsByPrefix } from '../store/merge.js';
import type { Store } from '../store/store.js';

/** What a person answered while a command ran: whom an ambiguous name meant, which unknown names to add. */
export class Answers {
  private readonly picks = new Map<string, string>();
  private readonly adds = new Set<string>();

  pick(query: string, contactId: string): void {
    this.picks.set(query, contactId);
  }

  picked(query: string): string | undefined {
    return this.picks.get(query);
  }

  add(query: string): void {
    this.adds.add(query);
  }

  added(query: string): boolean {
    return this.adds.has(query);
  }
}

/** Nobody asked anything: ambiguous and unknown names stay errors. */
export const NO_ANSWERS: Answers = new Answers();

export class AmbiguousNameError extends NotFoundError {
  constructor(
    readonly query: string,
    readonly choices: readonly NamedContact[],
  ) {
    // Two of one name (added on two machines, say) are told apart by id, which every command takes for a name.
    const shown = choices.slice(0, 8);
    const names = toDistinctLabels(shown);
    const byId = names.filter((n, i) => n !== shown[i]!.name).length;
    const more = choices.length > 8 ? ` and ${choices.length - 8} more` : '';
    const how = byId === 0 ? 'use more of the name' : byId === shown.length ? 'give the id in brackets' : 'use more of the name, or the id in brackets';
    super(`"${query}" could mean ${names.join(', ')}${more}`, [], how);
  }
}

export class UnknownNameError extends NotFoundError {
  constructor(
    readonly query: string,
    closest: readonly string[],
    /** The name to add them under, when the command may add an unknown contact (net log, on a terminal). */
    readonly addable?: string,
    /** The contacts of the closest names, for a terminal to offer before adding a new one (a typo is likelier). */
    readonly lookAlikes: readonly NamedContact[] = [],
  ) {
    // The name net add would take is the one a terminal offers to add (context.ts): both say "bob", never two names.
    const add = `net add ${JSON.stringify(addable ?? query.replace(/\s+/g, ' ').trim())}`;
    const similar = closest.length ? `did you mean ${closest.map((n) => `"${n}"`).join(' or ')}?` : undefined;
    super(`no contact called "${query}"`, [], similar ? (addable === undefined ? similar : `${similar} If they are new: ${add}`) : `see net list, or add them with ${add}`);
  }
}

function findNameMatch(store: Store, query: string) {
  // An empty query would otherwise be "unknown", with every short name offered as a "did you mean".
  const key = toNameKey(query);
  if (!key) throw new UsageError('no name given', 'give a name in quotes, for example "Jane Doe"');
  // A name given in full matches exactly, and an exact match wins: the index answers without reading every name.
  const exact = store.findNamesByKey(key);
  return matchName(query, exact.length ? exact : store.findNameCandidates(key));
}

/**
 * The contact a typed name means, or a contact's id (its first 8 or more characters) where a name would go.
 * `offerToAdd`: an unknown name may become a new contact (the error says under which name); the caller adds them when
 * `answers` says so, and gets undefined here.
 */
export function resolveContact(store: Store, query: string, answers?: Answers): ContactWithSummary;
export function resolveContact(store: Store, query: string, answers: Answers, opts: { offerToAdd: true }): ContactWithSummary | undefined;
export function resolveContact(store: Store, query: string, answers: Answers = NO_ANSWERS, opts: { offerToAdd?: boolean } = {}): ContactWithSummary | undefined {
  const byId = findById(store, query);
  if (byId) return byId;
  const match = findNameMatch(store, query);
  if (match.kind === 'found') return getContact(store, match.contact.id);
  if (match.kind === 'ambiguous') {
    const picked = answers.picked(query);
    if (picked !== undefined) return getContact(store, picked);
    throw new AmbiguousNameError(query, match.candidates);
  }
  if (opts.offerToAdd && answers.added(query)) return undefined;
  // An id no contact has any more (merged into another, or removed) is not a name to add.
  if (ID_PREFIX.test(query.trim())) throw new NotFoundError(`no contact has the id ${query.trim()}`, [], 'it may have been merged into another or removed; net --json list shows the ids');
  const closest = suggestNames(query, store.listNames());
  if (!opts.offerToAdd) throw new UnknownNameError(query, closest);
  // A look-alike picked on a terminal, in place of the unknown name.
  const picked = answers.picked(query);
  if (picked !== undefined) return getContact(store, picked);
  const lookAlikes = new Map(closest.flatMap((name) => store.findNamesByKey(toNameKey(name))).map((c) => [c.id, c]));
  throw new UnknownNameError(query, closest, parseContactName(query), [...lookAlikes.values()]);
}

export function getContact(store: Store, id: string): ContactWithSummary {
  const contact = store.findContact(id);
  if (!contact) throw new NotFoundError('that contact is no longer in the journal', [], 'see net list');
  return contact;
}

/** An id as `net sync` and `net show --json` print it: 8 or more hexadecimal digits (a UUID's first part, or all of it). */
const ID_PREFIX = /^[0-9a-f]{8}(?:-?[0-9a-f]{1,4})*(?:-[0-9a-f]{0,12})?$/i;

/**
 * A contact named by id: the first 8 or more characters of it, as `net sync`, an ambiguous name's error and `--json`
 * print them, which tell apart two contacts of one name. Undefined when `ref` is no such id (it is then read as a name).
 */
function findById(store: Store, ref: string): ContactWithSummary | undefined {
  if (!ID_PREFIX.test(ref.trim())) return undefined;
  const ids = findContactIdsByPrefix(store, ref.trim().toLowerCase());
  return ids.length === 1 ? getContact(store, ids[0]!) : undefined;
}
