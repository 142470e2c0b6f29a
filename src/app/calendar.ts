/** `net due --ics`: the scheduled follow-ups and each contact's next due day, as an iCalendar file. */
import { chmodSync, writeFileSync } from 'node:fs';
import { toDueStanding, toNextDueOn } from '../core/due.js';
import { UsageError } from '../core/errors.js';
import type { IsoDate } from '../core/dates.js';
import { listCalendarContacts, listOpenFollowUps } from '../store/due.js';
import type { Store } from '../store/store.js';

export interface CalendarInput {
  day: IsoDate;
  tag?: string;
}

export interface CalendarEntry {
  /** Stable across exports, so that a calendar app updates the event on re-import instead of adding another. */
  uid: string;
  date: IsoDate;
  summary: string;
  description: string;
}

const later = (a: IsoDate, b: IsoDate | null) => (b !== null && b > a ? b : a);

/**
 * What the calendar holds: one event per open follow-up, and one per contact with a cadence and no follow-up
 * planned (last touch + cadence). Anything already late is put on the day itself, and a snooze pushes it back, so
 * that the calendar shows what `net due` would list.
 */
export function listCalendarEntries(store: Store, input: CalendarInput): CalendarEntry[] {
  const halfLife = store.halfLifeDays();
  const entries: CalendarEntry[] = [];
  for (const f of listOpenFollowUps(store, { tag: input.tag })) {
    entries.push({
      uid: `follow-up-${f.id}@net`,
      date: later(input.day, f.dueOn),
      summary: `Follow up with ${f.name}`,
      description: [`planned for ${f.dueOn}`, f.note].filter(Boolean).join(': '),
    });
  }
  for (const c of listCalendarContacts(store, { tag: input.tag })) {
    if (c.nextFollowUpOn !== null) continue; // the follow-up stands in for the cadence
    const standing = toDueStanding(c, input.day, halfLife);
    const dueOn = toNextDueOn(standing);
    if (dueOn === null) continue;
    entries.push({
      uid: `due-${c.id}@net`,
      date: later(later(input.day, dueOn), c.snoozedUntil),
      summary: `Reach out to ${c.name}`,
      description: `every ${standing.cadenceDays} days (${c.everyDays === null ? `${standing.stage} default` : 'their own'}); ${standing.reference.what} ${standing.reference.on}`,
    });
  }
  return entries.sort((a, b) => a.date.localeCompare(b.date) || a.summary.localeCompare(b.summary));
}

/** The iCalendar text of the entries: all-day events. ical-generator is loaded only here. */
export async function toIcs(entries: readonly CalendarEntry[], stamp: Date): Promise<string> {
  const { default: ical } = await import('ical-generator');
  const cal = ical({ name: 'net: due', prodId: { company: 'net', product: 'net due', language: 'EN' } });
  for (const e of entries) cal.createEvent({ id: e.uid, start: e.date, allDay: true, summary: e.summary, description: e.description, stamp });
  const text = cal.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`; // RFC 5545: every line, the last too, ends in CRLF
}

/** Writes owner-only; an existing file is replaced only when forced. */
export function writeCalendarFile(file: string, text: string, force: boolean): void {
  try {
    writeFileSync(file, text, { mode: 0o600, flag: force ? 'w' : 'wx' });
    chmodSync(file, 0o600);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${file} already exists`, 'add --force to replace it, or give another file name');
    throw new UsageError(`cannot write ${file} (${code ?? 'error'})`, 'check that the folder exists and is writable');
  }
}
