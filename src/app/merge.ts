/**
 * `net merge <a> <b>`: one person recorded as two contacts (added on two machines, say) becomes one. The first is
 * kept, with both histories: every event, follow-up, fact, checklist answer and important date of the second moves to
 * it; a field the first lacks is taken from the second; where both have one, the first's stays and the second's is
 * said. Every email and phone of the second becomes one of the first's, after its own. Then the second is removed.
 */
import { UsageError } from '../core/errors.js';
import { minDate } from '../core/dates.js';
import { parseFieldText } from '../core/text.js';
import type { ContactWithSummary } from '../core/types.js';
import { moveContactRows, type MovedRows } from '../store/merge.js';
import type { ContactPatch, Store } from '../store/store.js';
import type { Clock } from './clock.js';
import { getContact, NO_ANSWERS, resolveContact, type Answers } from './resolve.js';

export interface MergeContactsInput {
  /** The contact kept, and the one merged into it: names or ids (the first 8 characters are enough). */
  keep: string;
  merge: string;
}

export interface MergeContactsResult {
  kept: ContactWithSummary;
  removed: { id: string; name: string };
  moved: MovedRows;
  /** Fields the kept contact lacked, taken from the other. */
  filled: string[];
  /** Fields both had, differently: the kept contact's stays. */
  differing: { field: string; kept: string; dropped: string }[];
}

type Field = keyof ContactPatch;

/** The fields merged, by their name in messages. */
const FIELDS: [Field, string][] = [
  ['company', 'company'],
  ['role', 'role'],
  ['howMet', 'how met'],
  ['everyDays', 'every'],
  ['url', 'url'],
  ['birthday', 'birthday'],
  ['givenName', 'given name'],
  ['familyName', 'family name'],
];


export function mergeContacts(store: Store, input: MergeContactsInput, clock: Clock, answers: Answers = NO_ANSWERS): MergeContactsResult {
  const a = resolveContact(store, input.keep, answers);
  const b = resolveContact(store, input.merge, answers);
  if (a.id === b.id) throw new UsageError(`"${input.keep}" and "${input.merge}" are the same contact, ${a.name}`, 'name two contacts (their ids tell apart two of one name: net --json list)');
  const patch: ContactPatch = {};
  const filled: string[] = [];
  const differing: MergeContactsResult['differing'] = [];
  for (const [field, words] of FIELDS) {
    const [mine, theirs] = [a[field], b[field]];
    if (theirs === null || theirs === undefined || theirs === '') continue;
    if (mine === null || mine === undefined || mine === '') {
      (patch as Record<string, unknown>)[field] = theirs;
      filled.push(words);
    } else if (String(mine) !== String(theirs)) {
      differing.push({ field: words, kept: String(mine), dropped: String(theirs) });
    }
  }
  const metOn = minDate(a.metOn, b.metOn);
  if (metOn !== a.metOn) {
    patch.metOn = metOn;
    filled.push('met');
  }
  const notes = [a.note, b.note && b.note !== a.note ? b.note : null].filter((n): n is string => Boolean(n));
  if (notes.length && notes.join('\n') !== (a.note ?? '')) patch.note = parseFieldText('note', notes.join('\n'), 'the merged note');
  const moved = moveContactRows(store, b.id, a.id, clock.timestamp);
  store.deleteContact(b.id);
  if (Object.keys(patch).length) store.updateContact(a.id, patch, clock.timestamp);
  store.refreshSummary(a.id);
  return { kept: getContact(store, a.id), removed: { id: b.id, name: b.name }, moved, filled, differing };
}
