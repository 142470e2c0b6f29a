/**
 * What commands show, as plain data: the same object becomes JSON with --json and text through a renderer.
 * Keys are stable camelCase; dates are YYYY-MM-DD; timestamps ISO. Adding a key is fine, renaming one is not.
 */
import type { LogResult } from '../app/log.js';
import { toIntervalText } from '../core/intervals.js';
import type { ContactWithSummary, Fact, JournalEvent } from '../core/types.js';

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

export function toContactView(c: ContactWithSummary, facts: readonly Fact[]): ContactView {
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
