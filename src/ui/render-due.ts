/** `net due` and `net snooze`: their views (the JSON) and their text. */
import type { DueResult } from '../app/due.js';
import type { SnoozeResult } from '../app/snooze.js';
import type { IsoDate } from '../core/dates.js';
import type { DueAction, DueItem, DueReason } from '../core/due.js';
import type { Palette } from './palette.js';
import { describeDueAction, describeDueReason } from './messages/due.js';
import { describeUnusedTag, plural, toDayText } from './messages/words.js';
import { TEXT_WIDTH, wrapWords } from './wrap.js';

/** One line of `net due`; `terms` only with --explain. */
export interface DueItemView {
  id: string;
  name: string;
  /** The urgency: the sum of the terms' value × weight. */
  score: number;
  reasons: string[];
  nextAction: string;
  lastTouch: string | null;
  stage: string;
  cadenceDays: number | null;
  /** What each reason is, beside its words (core/due.ts DueReason): follow-up, cadence-overdue, received, … */
  reasonCodes: DueReason['code'][];
  /** The next step's code (core/due.ts DueAction). */
  nextActionCode: DueAction;
  terms?: { term: string; value: number; weight: number; score: number }[];
}

/** `net due`: JSON prints `items` alone (an array, most urgent first); the text also says what was left out. */
export interface DueListView {
  /** The day of --on; null for today. */
  on: string | null;
  items: DueItemView[];
  /** How many are due in all. */
  total: number;
  emptyJournal: boolean;
  /** The tag asked for, when no contact has it. */
  unusedTag?: string;
  explain: boolean;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** One due contact's line: its reasons in words (as of `day`), and the terms with --explain. */
export function toDueItemView(i: DueItem, day: IsoDate, explain: boolean): DueItemView {
  const view: DueItemView = {
    id: i.id,
    name: i.name,
    score: round3(i.score),
    reasons: i.reasons.map((reason) => describeDueReason(reason, day)),
    nextAction: describeDueAction(i.nextAction, i.name),
    lastTouch: i.lastTouch,
    stage: i.stage,
    cadenceDays: i.cadenceDays,
    reasonCodes: i.reasons.map((reason) => reason.code),
    nextActionCode: i.nextAction,
  };
  if (explain) view.terms = i.terms.map((t) => ({ term: t.term, value: round3(t.value), weight: t.weight, score: round3(t.score) }));
  return view;
}

export function toDueListView(r: DueResult, opts: { on: string | null; explain: boolean }): DueListView {
  const items = r.items.map((i) => toDueItemView(i, r.day, opts.explain));
  return { on: opts.on, items, total: r.total, emptyJournal: r.emptyJournal, ...(r.unusedTag !== undefined && { unusedTag: r.unusedTag }), explain: opts.explain };
}

export interface SnoozeView {
  id: string;
  name: string;
  /** Not due before this day; null when not snoozed. */
  snoozedUntil: string | null;
  previous: string | null;
}

export function toSnoozeView(r: SnoozeResult): SnoozeView {
  return { id: r.contact.id, name: r.contact.name, snoozedUntil: r.contact.snoozedUntil, previous: r.previous };
}

/** `net due --ics <file>`: what was written. */
export interface CalendarWrittenView {
  file: string;
  events: number;
}

export function renderDue(v: DueListView, p: Palette): string {
  if (v.emptyJournal) {
    return [
      'Your journal is empty. Start with the people you already know:',
      `  ${p.bold('net add "Jane Doe" --tag bni')}       add a contact`,
      `  ${p.bold('net log jane --touch coffee')}        record a touchpoint after you meet`,
      'Then net due tells you each morning whom to reach out to.',
    ].join('\n');
  }
  if (v.unusedTag !== undefined) return describeUnusedTag(v.unusedTag, 'See everyone due with: net due');
  const when = v.on === null ? 'today' : `on ${v.on}`;
  // Two lines, as every line of net due keeps within TEXT_WIDTH.
  if (!v.items.length) return `Nobody is due ${when}: your relationships are well tended.\nKeep giving first: share something useful with someone you value.`;
  const lines = v.on === null ? [] : [renderDueHeading(v.on, p)];
  for (const item of v.items) lines.push(renderDueItem(item, p));
  const more = v.total - v.items.length;
  if (more > 0) lines.push(p.dim(`${plural(more, 'more contact')} ${plural(more, 'is', 'are', null)} due ${when}: net due --all shows everyone.`));
  return lines.join('\n');
}

/** The line above a list for another day than today. */
export const renderDueHeading = (on: string, p: Palette): string => p.dim(`As of ${on}:`);

/** One due contact: name, reasons, next step; with --explain (terms present) each term's part of the urgency. */
export function renderDueItem(item: DueItemView, p: Palette): string {
  const lines: string[] = [];
  // A next step too long for one line goes on at two columns, apart from the reasons at four.
  const head = wrapWords(`${item.name} → ${item.nextAction}`, TEXT_WIDTH, '  ');
  for (let i = 0; i < head.length; i++) lines.push(i === 0 ? head[0]!.replace(item.name, p.bold(item.name)).replace('→', p.cyan('→')) : head[i]!);
  for (const r of item.reasons) for (const l of wrapWords(r, TEXT_WIDTH, '      ', '    ')) lines.push(l);
  if (item.terms) {
    for (const t of item.terms.filter((t) => t.score > 0)) lines.push(p.dim(`    ${t.term.padEnd(10)} ${t.value.toFixed(3)} × ${String(t.weight).padStart(2)} = ${t.score.toFixed(3)}`));
    lines.push(p.dim(`    ${'urgency'.padEnd(10)} ${item.score.toFixed(3)}`));
  }
  return lines.join('\n');
}

export function renderSnoozed(v: SnoozeView, p: Palette): string {
  if (v.snoozedUntil !== null) return `${p.green('Snoozed')} ${p.bold(v.name)} until ${toDayText(v.snoozedUntil)}: not due before then.`;
  return v.previous === null ? `${p.bold(v.name)} was not snoozed.` : `${p.green('Cleared')} the snooze on ${p.bold(v.name)}: due as usual again.`;
}

export function renderCalendarWritten(v: CalendarWrittenView, p: Palette): string {
  return `${p.green('Wrote')} ${plural(v.events, 'event')} to ${v.file}: import it in your calendar app; importing again updates them.`;
}
