/** `net edit`: change a contact's profile, add profile facts, remove facts, clear fields. */
import { UsageError } from '../core/errors.js';
import { toNameKey } from '../core/names.js';
import type { Contact, ContactWithSummary, Fact } from '../core/types.js';
import type { FactKind } from '../core/vocabulary.js';
import type { ContactPatch, Store } from '../store/store.js';
import { checkMetOn, checkNameFree, insertFacts, insertPoints, type FactLists, type PointLists, type ProfileFields } from './add.js';
import { POINT_KINDS, type ContactPoint, type PointKind } from '../core/types.js';
import { deletePoint, deletePoints, listPoints } from '../store/points.js';
import type { Clock } from './clock.js';
import { getContact } from './resolve.js';
import { listOccasions, saveImportantDates } from './dates.js';
import { saveNeeds, type NeedsInput } from './needs.js';
import { listDatedFacts } from '../store/ideas.js';
import type { ImportantDate, Occasion } from '../core/important-dates.js';
import { TEXT_RULES } from '../core/text.js';
import { toThousands } from '../core/numbers.js';

/** The fields `--clear` takes, as the user types them, and the contact field each one empties (email and phone: all). */
export const CLEARABLE_FIELDS = {
  company: 'company',
  role: 'role',
  email: 'email',
  phone: 'phone',
  met: 'metOn',
  'how-met': 'howMet',
  every: 'everyDays',
  birthday: 'birthday',
  'given-name': 'givenName',
  'family-name': 'familyName',
  note: 'note',
} as const satisfies Record<string, keyof ProfileFields | PointKind>;
export type ClearableField = keyof typeof CLEARABLE_FIELDS;

export const EDIT_FLAGS =
  '--name, --given-name, --family-name, --company, --role, --email, --phone, --met, --how-met, --every, --note, --append-note, --tag, --service, --goal, --family, --birthday, --date-of, --need, --ideal, --met-need, --untag, --forget, --forget-email, --forget-phone, --clear';

export function parseClearField(text: string): ClearableField {
  const word = text.trim().toLowerCase().replace(/^--/, '').replace(/[\s_]+/g, '-');
  const field = Object.keys(CLEARABLE_FIELDS).find((f) => f === word) as ClearableField | undefined;
  if (!field) throw new UsageError(`cannot clear "${text}"`, `--clear takes one of: ${Object.keys(CLEARABLE_FIELDS).join(', ')}`);
  return field;
}

export interface EditInput extends ProfileFields, FactLists, PointLists, NeedsInput {
  /** Emails and phones to remove, by their value (compared as toPointKey compares them). */
  forgetEmails?: string[];
  forgetPhones?: string[];
  contactId: string;
  /** A new name. */
  name?: string;
  /** Tags to take off. */
  untag?: string[];
  /** Service, goal, family, need or ideal referral facts to remove, by their text. */
  forget?: string[];
  clear?: ClearableField[];
  /** Custom important dates to add or change, by label. */
  dates?: ImportantDate[];
  /** Text added at the end of the note, on a line of its own. */
  appendNote?: string;
}

/** Profile fields by the names views use (metOn, howMet, every…), and fact counts by kind. */
export type EditedField = 'name' | 'givenName' | 'familyName' | 'company' | 'role' | 'email' | 'phone' | 'metOn' | 'howMet' | 'every' | 'birthday' | 'note' | 'dates';

export interface EditChanges {
  set: EditedField[];
  cleared: EditedField[];
  added: Record<FactKind, number>;
  removed: Record<FactKind, number>;
}

export interface EditResult {
  contact: ContactWithSummary;
  facts: Fact[];
  points: ContactPoint[];
  /** The birthday and the custom dates, as net show lists them. */
  occasions: Occasion[];
  changes: EditChanges;
}

/** Each profile field and its name in views and JSON. */
const PROFILE_FIELDS: [keyof ProfileFields, EditedField][] = [
  ['givenName', 'givenName'],
  ['familyName', 'familyName'],
  ['company', 'company'],
  ['role', 'role'],
  ['metOn', 'metOn'],
  ['howMet', 'howMet'],
  ['everyDays', 'every'],
  ['birthday', 'birthday'],
  ['note', 'note'],
];

const FACT_LISTS: [keyof FactLists, FactKind][] = [
  ['tags', 'tag'],
  ['services', 'service'],
  ['goals', 'goal'],
  ['family', 'family'],
];

const noFacts = (): Record<FactKind, number> => ({ tag: 0, service: 0, goal: 0, family: 0, need: 0, ideal: 0, 'met-need': 0 });

/** The note with `text` added on a line of its own (a note holds at most TEXT_RULES.note.max characters). */
export function toAppendedNote(note: string | null, text: string): string {
  const joined = note ? `${note}\n${text}` : text;
  if (joined.length > TEXT_RULES.note.max) throw new UsageError(`the note would be longer than ${toThousands(TEXT_RULES.note.max)} characters`, 'shorten it with --note, which replaces the whole note');
  return joined;
}

export function editContact(store: Store, input: EditInput, clock: Clock): EditResult {
  const contact = getContact(store, input.contactId);
  const changes: EditChanges = { set: [], cleared: [], added: noFacts(), removed: noFacts() };
  const patch: ContactPatch = {};
  const cleared = new Set<keyof ProfileFields | PointKind>((input.clear ?? []).map((f) => CLEARABLE_FIELDS[f]));

  for (const [flag, field] of Object.entries(CLEARABLE_FIELDS)) {
    // --clear email --email new@x replaces every email with the new one; a field takes one value or none.
    if (field === 'email' || field === 'phone') continue;
    if (cleared.has(field) && input[field] !== undefined) throw new UsageError(`--${flag} and --clear ${flag} say opposite things`, `give one of them`);
  }
  if (input.name !== undefined && input.name !== contact.name) {
    checkNameFree(store, input.name, contact.id);
    patch.name = input.name;
    changes.set.push('name');
  }
  if (input.appendNote !== undefined && (input.note !== undefined || cleared.has('note'))) {
    throw new UsageError('--append-note goes without --note and --clear note', '--note replaces the note, --append-note adds to it: give one of them');
  }
  if (input.appendNote !== undefined) input = { ...input, note: toAppendedNote(contact.note ?? null, input.appendNote) };
  checkMetOn(input.metOn, clock);
  const changed: Record<string, unknown> = {};
  for (const [field, viewName] of PROFILE_FIELDS) {
    const value = input[field];
    if (value !== undefined && value !== contact[field]) {
      changed[field] = value;
      changes.set.push(viewName);
    } else if (cleared.has(field) && contact[field] !== null && contact[field] !== undefined) {
      changed[field] = null;
      changes.cleared.push(viewName);
    }
  }
  Object.assign(patch, changed);

  changePoints(store, contact, input, cleared, changes, clock);
  removeFacts(store, contact, input, changes);
  for (const [list, kind] of FACT_LISTS) {
    changes.added[kind] = insertFacts(store, contact.id, { [list]: input[list] ?? [] }, clock);
  }
  Object.assign(changes.added, saveNeeds(store, contact, input, clock));

  if (saveImportantDates(store, contact.id, input.dates ?? [], clock) > 0) changes.set.push('dates');
  const factChanges = Object.values(changes.added).concat(Object.values(changes.removed)).some((n) => n > 0);
  if (!changes.set.length && !changes.cleared.length && !factChanges) {
    throw new UsageError(`nothing to change: ${contact.name} already has those details`, `give one or more of ${EDIT_FLAGS}`);
  }
  store.updateContact(contact.id, patch, clock.timestamp, patch.name === undefined ? undefined : toNameKey(patch.name));
  store.refreshSummary(contact.id);
  const updated = getContact(store, contact.id);
  return { contact: updated, facts: listDatedFacts(store, contact.id), points: listPoints(store, contact.id), occasions: listOccasions(store, updated, clock.today), changes };
}

/** Emails and phones: cleared (--clear email), forgotten one by one, then added; each change named once in `changes`. */
function changePoints(store: Store, contact: Contact, input: EditInput, cleared: ReadonlySet<string>, changes: EditChanges, clock: Clock): void {
  const removed: Record<PointKind, number> = { email: 0, phone: 0 };
  const forget: Record<PointKind, string[]> = { email: input.forgetEmails ?? [], phone: input.forgetPhones ?? [] };
  for (const kind of POINT_KINDS) {
    if (cleared.has(kind)) removed[kind] += deletePoints(store, contact.id, kind);
    for (const value of forget[kind]) {
      if (deletePoint(store, contact.id, kind, value)) {
        removed[kind]++;
        continue;
      }
      const have = listPoints(store, contact.id).filter((p) => p.kind === kind).map((p) => p.value);
      const what = kind === 'email' ? 'email' : 'phone number';
      throw new UsageError(`${contact.name} has no ${what} ${value}`, have.length ? `their ${what}s: ${have.join(', ')}` : `they have no ${what} yet`);
    }
  }
  const added = insertPoints(store, contact.id, input, clock);
  for (const kind of POINT_KINDS) {
    if (added[kind]) changes.set.push(kind);
    else if (removed[kind]) changes.cleared.push(kind);
  }
}

function removeFacts(store: Store, contact: Contact, input: EditInput, changes: EditChanges): void {
  const key = (s: string) => s.toLowerCase();
  for (const tag of input.untag ?? []) {
    if ((input.tags ?? []).some((t) => key(t) === key(tag))) throw new UsageError(`--tag ${tag} and --untag ${tag} say opposite things`, 'give one of them');
    if (!store.deleteFact(contact.id, 'tag', tag)) {
      const tags = store.listFacts(contact.id).filter((f) => f.kind === 'tag').map((f) => f.text);
      throw new UsageError(`${contact.name} has no tag "${tag}"`, tags.length ? `their tags are ${tags.join(', ')}` : 'they have no tags yet');
    }
    changes.removed.tag++;
  }
  for (const text of input.forget ?? []) {
    let removed = 0;
    for (const kind of ['service', 'goal', 'family', 'need', 'ideal', 'met-need'] as const) {
      if (store.deleteFact(contact.id, kind, text)) {
        changes.removed[kind]++;
        removed++;
      }
    }
    if (!removed) {
      throw new UsageError(`${contact.name} has no service, goal or family member "${text}"`, `--forget takes the text exactly as net show ${JSON.stringify(contact.name)} prints it`);
    }
  }
}
