/** `net due --ics`: the scheduled follow-ups and each contact's next due day, as an iCalendar file. */
import { toDueStanding, toNextDueOn } from '../core/due.js';
import { toCalendarText } from '../core/text.js';
import type { IsoDate } from '../core/dates.js';
import { iterateCalendarContacts, iterateOpenFollowUps } from '../store/due.js';
import type { Store } from '../store/store.js';
import { bufferWrites } from './write-file.js';

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
 * What the calendar holds: one event per open follow-up (earliest first), then one per contact with a cadence and no
 * follow-up planned (last touch + cadence), in name order. Anything already late is put on the day itself, and a
 * snooze pushes it back, so that the calendar shows what `net due` would list. Read one contact at a time: the
 * journal's size never decides how much memory the calendar takes.
 */
export function* iterateCalendarEntries(store: Store, input: CalendarInput): Generator<CalendarEntry> {
  const halfLife = store.halfLifeDays();
  for (const f of iterateOpenFollowUps(store, { tag: input.tag })) {
    yield {
      uid: `follow-up-${f.id}@net`,
      date: later(input.day, f.dueOn),
      summary: `Follow up with ${f.name}`,
      description: [`planned for ${f.dueOn}`, f.note].filter(Boolean).join(': '),
    };
  }
  for (const c of iterateCalendarContacts(store, { tag: input.tag })) {
    if (c.nextFollowUpOn !== null) continue; // the follow-up stands in for the cadence
    const standing = toDueStanding(c, input.day, halfLife);
    const dueOn = toNextDueOn(standing);
    if (dueOn === null) continue;
    yield {
      uid: `due-${c.id}@net`,
      date: later(later(input.day, dueOn), c.snoozedUntil),
      summary: `Reach out to ${c.name}`,
      description: `every ${standing.cadenceDays} days (${c.everyDays === null ? `${standing.stage} default` : 'their own'}); ${standing.reference.what} ${standing.reference.on}`,
    };
  }
}

export type IcsWriter = (entries: Iterable<CalendarEntry>, write: (chunk: string) => void) => number;

/**
 * A writer of entries as iCalendar all-day events, one event at a time (ical-generator, loaded only here, makes each
 * one); it returns how many it wrote. Text that iCalendar does not allow (control characters) is left out.
 */
export async function loadIcsWriter(stamp: Date): Promise<IcsWriter> {
  const { default: ical } = await import('ical-generator');
  return (entries, write) => {
    const cal = ical({ name: 'net: due', prodId: { company: 'net', product: 'net due', language: 'EN' } });
    const end = 'END:VCALENDAR';
    const empty = cal.toString();
    const out = bufferWrites(write);
    out.add(empty.slice(0, empty.lastIndexOf(end)));
    let count = 0;
    for (const e of entries) {
      const text = cal.createEvent({ id: e.uid, start: e.date, allDay: true, summary: toCalendarText(e.summary), description: toCalendarText(e.description), stamp }).toString();
      cal.clear();
      out.add(text.endsWith('\r\n') ? text : `${text}\r\n`); // RFC 5545: every line, the last too, ends in CRLF
      count++;
    }
    out.add(`${end}\r\n`);
    out.flush();
    return count;
  };
}
