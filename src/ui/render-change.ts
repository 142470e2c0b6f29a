/** `net edit` and `net rm`: their views (the JSON) and their text. */
import type { EditChanges, EditedField, EditResult } from '../app/edit.js';
import type { ContactRowCounts, RemoveResult } from '../app/rm.js';
import type { FactKind } from '../core/vocabulary.js';
import type { Palette } from './palette.js';
import { toContactView, type ContactView } from './contact-view.js';
import { renderProfile, toImportantDateView, type ImportantDateView } from './render-show.js';
import { FACT_WORDS, plural } from './messages/words.js';

/** `net edit`: the updated contact, and what changed. */
export interface EditedView extends ContactView {
  /** The birthday and custom dates, as net show gives them. */
  importantDates: ImportantDateView[];
  changes: EditChanges;
}

export function toEditedView(r: EditResult): EditedView {
  return { ...toContactView(r.contact, r.facts, r.points), importantDates: r.occasions.map(toImportantDateView), changes: r.changes };
}

export interface RemovedView {
  id: string;
  name: string;
  removed: ContactRowCounts;
}

export function toRemovedView(r: RemoveResult): RemovedView {
  return { id: r.contact.id, name: r.contact.name, removed: r.removed };
}

const FIELD_WORDS: Record<EditedField, string> = {
  name: 'name',
  givenName: 'given name',
  familyName: 'family name',
  company: 'company',
  role: 'role',
  email: 'email',
  phone: 'phone',
  metOn: 'met',
  howMet: 'how met',
  every: 'every',
  birthday: 'birthday',
  note: 'note',
  dates: 'important dates',
};

/** "company, cleared phone, +2 services, -1 tag". */
export function toChangeText(c: EditedView['changes']): string {
  const facts = (counts: Record<FactKind, number>, sign: string) =>
    (Object.keys(FACT_WORDS) as FactKind[]).filter((k) => counts[k] > 0).map((k) => `${sign}${plural(counts[k], FACT_WORDS[k][0], FACT_WORDS[k][1])}`);
  return [...c.set.map((f) => FIELD_WORDS[f]), ...c.cleared.map((f) => `cleared ${FIELD_WORDS[f]}`), ...facts(c.added, '+'), ...facts(c.removed, '-')].join(', ');
}

export function renderEdited(v: EditedView, p: Palette, today: string): string {
  return `${p.green('Updated')} ${p.bold(v.name)}: ${toChangeText(v.changes)}\n${renderProfile(v, p, today, v.importantDates)}`;
}

/** "3 events, 1 follow-up and 2 profile facts", or '' when the contact had nothing else. */
export function toRemovedRowsText(r: RemovedView['removed']): string {
  const parts = [
    r.events && plural(r.events, 'event'),
    r.followUps && plural(r.followUps, 'follow-up'),
    r.facts && plural(r.facts, 'profile fact'),
    r.answers && plural(r.answers, 'checklist answer'),
  ].filter((s): s is string => Boolean(s));
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}

export function renderRemoved(v: RemovedView, p: Palette): string {
  const rows = toRemovedRowsText(v.removed);
  return `${p.red('Removed')} ${p.bold(v.name)}${rows ? ` and their ${rows}` : ''}.`;
}
