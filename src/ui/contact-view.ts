/**
 * The views several renderers share: a contact, its profile columns and an event as plain data (output.ts says how a
 * view is printed). Each command's own view sits in the renderer that prints it (render-*.ts).
 */
import { toIntervalText } from '../core/intervals.js';
import type { ContactPoint, ContactWithSummary, Fact, JournalEvent } from '../core/types.js';

export type ContactProfile = Pick<
  ContactWithSummary,
  'id' | 'name' | 'givenName' | 'familyName' | 'company' | 'role' | 'email' | 'phone' | 'metOn' | 'howMet' | 'everyDays' | 'snoozedUntil' | 'lastTouchOn' | 'createdAt' | 'updatedAt'
> & Partial<Pick<ContactWithSummary, 'note'>>;

export interface ContactView {
  id: string;
  name: string;
  company: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  tags: string[];
  services: string[];
  goals: string[];
  family: string[];
  /** Open needs, matched by net ideas. */
  needs: string[];
  /** What a good referral for them looks like. */
  ideals: string[];
  /** Needs since met, with the day (null when the facts given carry no day, as in lists). */
  metNeeds: { text: string; metOn: string | null }[];
  /** The parts of the name, when a source or the user gave them. */
  givenName: string | null;
  familyName: string | null;
  metOn: string | null;
  howMet: string | null;
  /** The contact's own cadence, such as "3w"; null means the stage's default. */
  every: string | null;
  everyDays: number | null;
  snoozedUntil: string | null;
  lastTouch: string | null;
  /** The contact's own note (show, add, edit; a list leaves it out). */
  note?: string | null;
  /** Every email and phone with its label, the main one first (show, add, edit; a list has the main ones alone). */
  emails?: { address: string; label: string | null }[];
  phones?: { number: string; label: string | null }[];
  createdAt: string;
  updatedAt: string;
}

/** Takes any contact with the profile columns (a list reads only those) and its facts' kinds and texts. */
export function toContactView(
  c: ContactProfile,
  facts: readonly (Pick<Fact, 'kind' | 'text'> & { doneOn?: string | null })[],
  points?: readonly Pick<ContactPoint, 'kind' | 'value' | 'label'>[],
): ContactView {
  const texts = (kind: Fact['kind']) => facts.filter((f) => f.kind === kind).map((f) => f.text);
  return {
    id: c.id,
    name: c.name,
    company: c.company,
    role: c.role,
    email: c.email,
    phone: c.phone,
    tags: texts('tag'),
    services: texts('service'),
    goals: texts('goal'),
    family: texts('family'),
    needs: texts('need'),
    ideals: texts('ideal'),
    metNeeds: facts.filter((f) => f.kind === 'met-need').map((f) => ({ text: f.text, metOn: f.doneOn ?? null })),
    givenName: c.givenName ?? null,
    familyName: c.familyName ?? null,
    metOn: c.metOn,
    howMet: c.howMet,
    every: c.everyDays === null ? null : toIntervalText(c.everyDays),
    everyDays: c.everyDays,
    snoozedUntil: c.snoozedUntil,
    lastTouch: c.lastTouchOn,
    ...('note' in c ? { note: c.note ?? null } : {}),
    ...(points
      ? {
          emails: points.filter((p) => p.kind === 'email').map((p) => ({ address: p.value, label: p.label })),
          phones: points.filter((p) => p.kind === 'phone').map((p) => ({ number: p.value, label: p.label })),
        }
      : {}),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export interface EventView {
  id: string;
  date: string;
  type: JournalEvent['type'];
  kind: string;
  value: number | null;
  note: string | null;
  outcome: string | null;
  outcomeOn: string | null;
  premature: boolean;
  /** `net intro` gives only (in `net show`): the other one of the pair. */
  introducedTo?: { id: string; name: string };
  /** Referrals given or received only: the prospect and how it went. */
  referral?: ReferralStateView;
}

export interface ReferralStateView {
  shortId: string;
  prospect: string | null;
  status: string;
  statusOn: string | null;
  amount: number | null;
  statusNote: string | null;
}

export function toEventView(e: JournalEvent): EventView {
  const view: EventView = { id: e.id, date: e.occurredOn, type: e.type, kind: e.kind, value: e.value, note: e.note, outcome: e.outcome, outcomeOn: e.outcomeOn, premature: e.premature };
  if (e.status) view.referral = { shortId: e.id.slice(0, 8), prospect: e.prospect ?? null, status: e.status, statusOn: e.statusOn ?? null, amount: e.amount ?? null, statusNote: e.statusNote ?? null };
  return view;
}

export function toContactViews(contacts: readonly ContactProfile[], factsByContact: ReadonlyMap<string, readonly Pick<Fact, 'kind' | 'text'>[]>): ContactView[] {
  return contacts.map((c) => toContactView(c, factsByContact.get(c.id) ?? []));
}
