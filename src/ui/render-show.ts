/** `net show`: its view (the JSON), and its text: the profile, then the timeline of events and follow-ups, newest first. */
import type { ShowResult } from '../app/show.js';
import { round1, type Standing } from '../core/capital.js';
import { toRelativeDays } from '../core/dates.js';
import type { Occasion } from '../core/important-dates.js';
import { maxOf, toThousands } from '../core/numbers.js';
import { toTagsText } from '../core/tags.js';
import type { FollowUp } from '../core/types.js';
import { EVENT_TYPES } from '../core/vocabulary.js';
import type { Palette } from './palette.js';
import { wrapInto } from './wrap.js';
import { toContactView, toEventView, type ContactView, type EventView, type ReferralStateView } from './contact-view.js';
import { toAbout, toLastTouchText } from './render-list.js';
import { describeStatus } from './render-referrals.js';
import { describeEvent, plural, toDayText } from './messages/words.js';

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
  /** Events, newest first: all of them in JSON; the text shows the latest unless --all. */
  timeline: EventView[];
  /** Older events not in `timeline` (0 with --json or --all). */
  earlierEvents: number;
  /** Open and done, latest due first. */
  followUps: FollowUpView[];
  standing: StandingView;
  /** The birthday and custom dates: each with the day it next falls on. */
  importantDates: ImportantDateView[];
}

export interface ImportantDateView {
  label: string;
  /** As stored: `YYYY-MM-DD`, or `--MM-DD` without a year. */
  date: string;
  next: string;
  inDays: number;
}

export function toImportantDateView(o: Occasion): ImportantDateView {
  return { label: o.label, date: o.date, next: o.on, inDays: o.inDays };
}

/**
 * Stage, balance and depth as `net show` gives them. What the contact gave the user is not here: beside the balance it
 * would read as a score to compare (README, "Balance"); their gives are in the timeline, as people to thank.
 */
export interface StandingView {
  stage: string;
  balance: number;
  depth: { score: number; of: number };
  knownSince: string | null;
}

export function toStandingView(s: Standing): StandingView {
  return { stage: s.stage, balance: round1(s.balance), depth: s.depth, knownSince: s.knownSince };
}

export function toShowView(r: ShowResult): ShowView {
  return {
    contact: toContactView(r.contact, r.facts, r.points),
    timeline: r.events.map((e) => (r.introductions.has(e.id) ? { ...toEventView(e), introducedTo: r.introductions.get(e.id)! } : toEventView(e))),
    earlierEvents: r.earlierEvents,
    followUps: r.followUps.map(toFollowUpView),
    standing: toStandingView(r.standing),
    importantDates: r.occasions.map(toImportantDateView),
  };
}

/**
 * The profile lines of a contact: every field that is set and every fact, one aligned block of labelled lines (the
 * dates to remember among them, after the family), the note last under its own label.
 */
export function renderProfile(c: ContactView, p: Palette, today: string, dates: readonly ImportantDateView[] = []): string {
  const rows: [string, string][] = [];
  const add = (label: string, value: string | null | undefined) => {
    if (value) rows.push([label, value]);
  };
  add('given name', c.givenName);
  add('family name', c.familyName);
  const labelled = (value: string, label: string | null) => (label ? `${value} (${label})` : value);
  if (c.emails) c.emails.forEach((e, i) => add(i === 0 ? 'email' : '', labelled(e.address, e.label)));
  else add('email', c.email);
  if (c.phones) c.phones.forEach((e, i) => add(i === 0 ? 'phone' : '', labelled(e.number, e.label)));
  else add('phone', c.phone);
  add('tags', toTagsText(c.tags));
  add('services', c.services.join('; '));
  add('goals', c.goals.join('; '));
  add('family', c.family.join('; '));
  for (const d of dates) add(d.label, `${d.date.replace(/^--/, '')}, next ${d.next}${d.inDays === 0 ? ' (today)' : ` (in ${plural(d.inDays, 'day')})`}`);
  add('needs', c.needs.join('; '));
  add('ideal referral', c.ideals.join('; '));
  add('needs met', c.metNeeds.map((m) => (m.metOn ? `${m.text} (met ${m.metOn})` : m.text)).join('; '));
  add('met', c.metOn && `${toDayText(c.metOn)} (${toRelativeDays(c.metOn, today)})`);
  add('how met', c.howMet);
  add('every', c.every ?? 'not set (the default for the relationship)');
  add('snoozed', c.snoozedUntil && `until ${toDayText(c.snoozedUntil)} (off net due before then)`);
  add('last touch', c.lastTouch ? `${toLastTouchText(c.lastTouch, today)} (${c.lastTouch})` : 'no touch yet');
  const about = toAbout(c);
  const width = maxOf(rows.map(([label]) => label.length), 0);
  // The view reaches a renderer with a line break inside a field shown as ↵ (ui/terminal-text.ts): a note's own lines
  // are laid out again here, each under the last.
  const note = c.note ? c.note.split('↵').map((l) => `    ${l}`) : [];
  return [`${p.bold(c.name)}${about ? `  ${about}` : ''}`, ...rows.map(([label, value]) => `  ${p.dim(label.padEnd(width))}  ${value}`), ...(note.length ? [`  ${p.dim('note')}`, ...note] : [])].join('\n');
}

/** "growing · balance 8.9 · depth 6/13": the figures net check explains. */
export function renderStanding(s: StandingView, p: Palette): string {
  const parts = [p.bold(s.stage), `balance ${s.balance.toFixed(1)}`, `depth ${s.depth.score}/${s.depth.of}`];
  return `  ${parts.join(p.dim(' · '))}`;
}

/** " for Tom Baker [won 1,200 on 2026-11-20 · id 1a2b3c4d]": the prospect, how it went, and the id net referral takes. */
function describeReferral(type: string, r: ReferralStateView): string {
  const status = r.status === 'open' ? 'open' : `${describeStatus(r.status, r.amount)} on ${r.statusOn}`;
  return `${r.prospect ? ` ${type === 'gave' ? 'for' : 'with'} ${r.prospect}` : ''} [${status}${r.statusNote ? `: ${r.statusNote}` : ''} · id ${r.shortId}]`;
}

interface TimelineLine {
  date: string;
  text: string;
}

/** Events of one day with the same note were logged together (`--touch coffee --gave article`): one line. */
function toEventLines(events: readonly EventView[]): TimelineLine[] {
  const lines: { date: string; note: string | null; parts: EventView[] }[] = [];
  for (const e of events) {
    const last = lines.at(-1);
    if (last && last.date === e.date && last.note === e.note) last.parts.push(e);
    else lines.push({ date: e.date, note: e.note, parts: [e] });
  }
  const describe = (e: EventView) => {
    const states = [e.premature ? 'asked before the relationship was ready' : '', e.type === 'ask' && e.outcome ? (e.outcome === 'pending' ? 'waiting for an answer' : `answered ${e.outcome}`) : ''];
    const said = states.filter(Boolean).join(', ');
    const what = e.introducedTo ? `introduced to ${e.introducedTo.name}${e.value === null ? '' : ` (${e.value}/5)`}` : describeEvent(e);
    return `${what}${said ? ` (${said})` : ''}${e.referral ? describeReferral(e.type, e.referral) : ''}`;
  };
  const byType = (a: EventView, b: EventView) => EVENT_TYPES.indexOf(a.type) - EVENT_TYPES.indexOf(b.type);
  return lines.map((l) => ({ date: l.date, text: `${[...l.parts].sort(byType).map(describe).join(', ')}${l.note ? `: ${l.note}` : ''}` }));
}

function toFollowUpLine(f: FollowUpView, today: string): TimelineLine {
  const state = f.open ? (f.dueOn < today ? `overdue since ${toRelativeDays(f.dueOn, today)}` : `due ${toRelativeDays(f.dueOn, today)}`) : `done on ${f.doneOn}`;
  return { date: f.dueOn, text: `follow-up, ${state}${f.note ? `: ${f.note}` : ''}` };
}

export function renderShow(v: ShowView, p: Palette, today: string): string {
  // With older events left out, older follow-ups go too: the timeline starts where the events shown start.
  const from = v.earlierEvents ? (v.timeline.at(-1)?.date ?? today) : '';
  const followUps = v.followUps.filter((f) => f.open || f.dueOn >= from).map((f) => toFollowUpLine(f, today));
  const events = toEventLines(v.timeline);
  // Newest first; on the same day a follow-up comes before what was logged (it is what comes next).
  const lines = [...followUps.map((l) => ({ ...l, order: 0 })), ...events.map((l, i) => ({ ...l, order: i + 1 }))].sort(
    (a, b) => (a.date === b.date ? a.order - b.order : a.date < b.date ? 1 : -1),
  );
  const earlier = v.earlierEvents ? `\n  ${p.dim(`… ${toThousands(v.earlierEvents)} earlier: net show ${JSON.stringify(v.contact.name)} --all`)}` : '';
  // A line too long for 80 columns (a long note, a referral's prospect) goes on under its text, past the date.
  const wrapped: string[] = [];
  for (const l of lines) wrapInto(wrapped, l.text, ' '.repeat(14), `  ${p.dim(l.date)}  `);
  const timeline = lines.length
    ? `${wrapped.join('\n')}${earlier}`
    : `  Nothing logged yet. After you meet: net log ${JSON.stringify(v.contact.name)} --touch coffee`;
  return `${renderProfile(v.contact, p, today, v.importantDates)}\n${renderStanding(v.standing, p)}\n\n${p.bold('Timeline')}\n${timeline}`;
}
