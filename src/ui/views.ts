/**
 * What commands show, as plain data: the same object becomes JSON with --json and text through a renderer.
 * Keys are stable camelCase; dates are YYYY-MM-DD; timestamps ISO. Adding a key is fine, renaming one is not.
 */
import type { LogResult } from '../app/log.js';
import { round1, type BalanceLine, type Stage, type Standing, type Verdict } from '../core/capital.js';
import type { DepthPoint } from '../core/checklist.js';
import { toIntervalText } from '../core/intervals.js';
import type { ContactWithSummary, Fact, FollowUp, JournalEvent } from '../core/types.js';
import type { EditChanges, EditResult } from '../app/edit.js';
import type { ContactRowCounts, RemoveResult } from '../app/rm.js';
import type { ShowResult } from '../app/show.js';

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
  metOn: string | null;
  howMet: string | null;
  /** The contact's own cadence, such as "3w"; null means the stage's default. */
  every: string | null;
  everyDays: number | null;
  snoozedUntil: string | null;
  lastTouch: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Takes any contact with the profile columns (a list reads only those) and its facts' kinds and texts. */
export function toContactView(c: ContactProfile, facts: readonly Pick<Fact, 'kind' | 'text'>[]): ContactView {
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
    metOn: c.metOn,
    howMet: c.howMet,
    every: c.everyDays === null ? null : toIntervalText(c.everyDays),
    everyDays: c.everyDays,
    snoozedUntil: c.snoozedUntil,
    lastTouch: c.lastTouchOn,
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
}

export function toEventView(e: JournalEvent): EventView {
  return { id: e.id, date: e.occurredOn, type: e.type, kind: e.kind, value: e.value, note: e.note, outcome: e.outcome, outcomeOn: e.outcomeOn, premature: e.premature };
}

export interface LoggedView {
  contact: { id: string; name: string };
  events: EventView[];
  followUp: { id: string; dueOn: string; note: string | null } | null;
  closedFollowUps: number;
}

export function toLoggedView(r: LogResult): LoggedView {
  return {
    contact: { id: r.contact.id, name: r.contact.name },
    events: r.events.map(toEventView),
    followUp: r.followUp && { id: r.followUp.id, dueOn: r.followUp.dueOn, note: r.followUp.note },
    closedFollowUps: r.closedFollowUps,
  };
}

// ---- list, show, edit, rm -------------------------------------------------------------------------------------

export type ContactProfile = Pick<
  ContactWithSummary,
  'id' | 'name' | 'company' | 'role' | 'email' | 'phone' | 'metOn' | 'howMet' | 'everyDays' | 'snoozedUntil' | 'lastTouchOn' | 'createdAt' | 'updatedAt'
>;

export function toContactViews(contacts: readonly ContactProfile[], factsByContact: ReadonlyMap<string, readonly Pick<Fact, 'kind' | 'text'>[]>): ContactView[] {
  return contacts.map((c) => toContactView(c, factsByContact.get(c.id) ?? []));
}

export interface FollowUpView {
  id: string;
  dueOn: string;
  note: string | null;
  scheduledOn: string;
  doneOn: string | null;
  open: boolean;
}

export function toFollowUpView(f: FollowUp): FollowUpView {
  return { id: f.id, dueOn: f.dueOn, note: f.note, scheduledOn: f.scheduledOn, doneOn: f.doneOn, open: f.doneOn === null };
}

/** `net show`: later features add keys (balance, stage…) beside these; the three below stay as they are. */
export interface ShowView {
  contact: ContactView;
  /** Events, newest first. */
  timeline: EventView[];
  /** Open and done, latest due first. */
  followUps: FollowUpView[];
  standing: StandingView;
}

/** Balance, depth and stage as every view shows them; `received` is the contact's investment in the user. */
export interface StandingView {
  stage: string;
  balance: number;
  received: number;
  depth: { score: number; of: number };
  knownSince: string | null;
}

export function toStandingView(s: Standing): StandingView {
  return { stage: s.stage, balance: round1(s.balance), received: round1(s.received), depth: s.depth, knownSince: s.knownSince };
}

export function toShowView(r: ShowResult): ShowView {
  return {
    contact: toContactView(r.contact, r.facts),
    timeline: r.events.map(toEventView),
    followUps: r.followUps.map(toFollowUpView),
    standing: toStandingView(r.standing),
  };
}

/** `net edit`: the updated contact, and what changed. */
export interface EditedView extends ContactView {
  changes: EditChanges;
}

export function toEditedView(r: EditResult): EditedView {
  return { ...toContactView(r.contact, r.facts), changes: r.changes };
}

export interface RemovedView {
  id: string;
  name: string;
  removed: ContactRowCounts;
}

export function toRemovedView(r: RemoveResult): RemovedView {
  return { id: r.contact.id, name: r.contact.name, removed: r.removed };
}
