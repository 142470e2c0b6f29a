/**
 * `net import <file.ics>` and `net import <folder>` (vdirsyncer's and khal's folders of .ics files): the meetings that
 * have taken place become touchpoints with the contacts who were in them (app/touchpoints.ts writes them).
 *
 * ical.js (Mozilla's, the parser of Thunderbird's calendar) reads the files, their time zones (VTIMEZONE) and
 * recurrence (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides): iCalendar's recurrence and time zone rules are a
 * standard's worth of cases that a well-tried library has met already. It is loaded only by this import.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import ICAL from 'ical.js';
import type { IsoDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { decodeText } from '../core/import/text.js';
import { hasConferenceLink, toCalendarAddress, toMeetingChannel } from '../core/touchpoints.js';
import type { Sightings } from './touchpoints.js';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type CalendarEvent = InstanceType<typeof ICAL.Event>;

/** What a calendar held besides the touchpoints: each count is of occurrences (one of a series, or a single event). */
export interface CalendarCounts {
  files: number;
  /** Occurrences that took place, were not cancelled or declined, and had someone else in them. */
  meetings: number;
  cancelled: number;
  declined: number;
  /** Not yet taken place. */
  future: number;
  /** Only the user in them (a reminder, a block of time). */
  alone: number;
  /** Before --since. */
  before: number;
}

/** A series is expanded up to now; a rule that would run past this many occurrences before now is cut there. */
const MAX_OCCURRENCES = 100_000;

/** The .ics files of a folder, and of the folders in it (vdirsyncer keeps one folder per calendar), in name order. */
export function listCalendarFiles(folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < 3) walk(path, depth + 1);
      else if (entry.isFile() && /\.ics$/i.test(entry.name)) files.push(path);
    }
  };
  walk(folder, 0);
  return files;
}

/** Intl's formatters are slow to make and quick to use: one per zone and purpose. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(zone: string, purpose: 'offset' | 'date'): Intl.DateTimeFormat {
  const key = `${purpose} ${zone}`;
  let f = formatters.get(key);
  if (!f) {
    f =
      purpose === 'offset'
        ? new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
        : new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(key, f);
  }
  return f;
}

/** The instant a wall-clock time in an IANA zone is (the zone's offset at that moment, checked once more across a change). */
function toInstant(t: Time, zone: string): number {
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const offset = (at: number) => {
    const parts = formatterOf(zone, 'offset').formatToParts(at);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - at;
  };
  const first = wall - offset(wall);
  return wall - offset(first);
}

const knownZones = new Map<string, boolean>();
function isIanaZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      formatterOf(zone, 'offset');
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(zone, known);
  }
  return known;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** When a meeting starts: an all-day one on its date; a timed one as an instant, or as a wall-clock time when floating. */
type Start = { date: IsoDate; instant: null } | { date: null; instant: number } | { date: null; instant: null; wall: Time };

function toStart(t: Time, tzid: string | null): Start {
  if (t.isDate) return { date: `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`, instant: null };
  const zone = t.zone?.tzid;
  if (zone && zone !== 'floating') return { date: null, instant: t.toUnixTime() * 1000 };
  if (tzid && isIanaZone(tzid)) return { date: null, instant: toInstant(t, tzid) };
  return { date: null, instant: null, wall: t };
}

export interface CalendarReading {
  /** The instant the import runs (NET_NOW honoured): later meetings have not taken place. */
  now: number;
  today: IsoDate;
  /** The user's time zone (the process's): a meeting's day is its day there. */
  timeZone: string;
}

function toLocalDate(start: Start, reading: CalendarReading): IsoDate {
  if (start.date !== null) return start.date;
  if (start.instant === null) {
    const w = start.wall;
    return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  }
  // Every zone's offset is a multiple of 15 minutes: the day is the same all through a quarter of an hour.
  const quarter = `${reading.timeZone} ${Math.floor(start.instant / 900_000)}`;
  let day = dayOfQuarter.get(quarter);
  if (day === undefined) {
    const parts = formatterOf(reading.timeZone, 'date').formatToParts(start.instant);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    day = `${get('year')}-${get('month')}-${get('day')}`;
    dayOfQuarter.set(quarter, day);
  }
  return day;
}
const dayOfQuarter = new Map<string, IsoDate>();

function hasTakenPlace(start: Start, reading: CalendarReading): boolean {
  if (start.date !== null) return start.date <= reading.today;
  if (start.instant === null) return toInstant(start.wall, reading.timeZone) <= reading.now;
  return start.instant <= reading.now;
}

/** Reads one file's components; a file ical.js cannot read refuses the import (nothing is written). */
function parseCalendar(file: string): Component {
  const { text } = decodeText(readFileSync(file));
  if (!/^\s*BEGIN:VCALENDAR/i.test(text.replace(/^\uFEFF/, ''))) throw new UsageError(`${basename(file)} is not an iCalendar file`, 'a calendar export starts with BEGIN:VCALENDAR; nothing was imported');
  try {
    return new ICAL.Component(ICAL.parse(text));
  } catch (err) {
    throw new UsageError(`cannot read ${basename(file)} as a calendar: ${(err as Error).message}`, 'export the calendar again (as .ics); nothing was imported');
  }
}

interface Series {
  main?: Component;
  exceptions: Component[];
}

/** Reads every file, then each event's series with its exceptions, into sightings; returns what it counted. */
export function readCalendars(files: readonly string[], sightings: Sightings, reading: CalendarReading, progress?: (done: number, total: number) => void): CalendarCounts {
  const counts: CalendarCounts = { files: files.length, meetings: 0, cancelled: 0, declined: 0, future: 0, alone: 0, before: 0 };
  const byUid = new Map<string, Series>();
  const calendars = files.map(parseCalendar);
  // Every time zone first: a folder may keep them in another file than the events that use them.
  for (const cal of calendars) for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  let anonymous = 0;
  for (const cal of calendars) {
    for (const vevent of cal.getAllSubcomponents('vevent')) {
      const uid = String(vevent.getFirstPropertyValue('uid') ?? '') || `no-uid-${++anonymous}-${String(vevent.getFirstPropertyValue('dtstart') ?? '')}`;
      let series = byUid.get(uid);
      if (!series) byUid.set(uid, (series = { exceptions: [] }));
      if (vevent.hasProperty('recurrence-id')) series.exceptions.push(vevent);
      else series.main ??= vevent;
    }
  }
  let done = 0;
  for (const [uid, series] of byUid) {
    readSeries(uid, series, sightings, reading, counts);
    progress?.(++done, byUid.size);
  }
  return counts;
}

const dtstartZone = (c: Component): string | null => {
  const tzid = c.getFirstProperty('dtstart')?.getParameter('tzid');
  return typeof tzid === 'string' ? tzid : null;
};

/** The occurrence's key: when the series meant it to be, in UTC (or as written, when floating or all-day). */
function toOccurrenceKey(recurrenceId: Time, tzid: string | null): string {
  const start = toStart(recurrenceId, tzid);
  if (start.date !== null) return start.date;
  if (start.instant !== null) return new Date(start.instant).toISOString();
  return recurrenceId.toString();
}

/**
 * `exceptions: []` keeps ical.js from relating every RECURRENCE-ID event of the whole file to each event it makes (it
 * scans the parent calendar, without checking UIDs unless told to): quadratic on a large export, and exceptions are
 * matched here by UID instead.
 */
const toEvent = (c: Component): CalendarEvent => new ICAL.Event(c, { exceptions: [] });

function readSeries(uid: string, series: Series, sightings: Sightings, reading: CalendarReading, counts: CalendarCounts): void {
  const overridden = new Set<string>();
  for (const exception of series.exceptions) {
    const e = toEvent(exception);
    const tzid = dtstartZone(exception);
    const rid = exception.getFirstPropertyValue('recurrence-id') as Time;
    const key = `${uid}/${toOccurrenceKey(rid, exception.getFirstProperty('recurrence-id')?.getParameter('tzid') as string | null ?? tzid)}`;
    overridden.add(key);
    readOccurrence(key, e, e.startDate, tzid, sightings, reading, counts);
  }
  if (!series.main) return;
  const main = toEvent(series.main);
  const tzid = dtstartZone(series.main);
  if (!main.isRecurring()) {
    readOccurrence(`${uid}/`, main, main.startDate, tzid, sightings, reading, counts);
    return;
  }
  const it = main.iterator();
  for (let n = 0; n < MAX_OCCURRENCES; n++) {
    const t = it.next();
    if (!t) break;
    const start = toStart(t, tzid);
    if (!hasTakenPlace(start, reading)) {
      counts.future++;
      break;
    }
    const key = `${uid}/${toOccurrenceKey(t, tzid)}`;
    if (overridden.has(key)) continue;
    readOccurrence(key, main, t, tzid, sightings, reading, counts);
  }
}

interface Person {
  /** null: someone who came with a name and no address (`ATTENDEE;CN=Jane Doe:invalid:nomail`). */
  address: string | null;
  name: string | null;
}

function readOccurrence(key: string, event: CalendarEvent, startTime: Time, tzid: string | null, sightings: Sightings, reading: CalendarReading, counts: CalendarCounts): void {
  const c = event.component;
  const start = toStart(startTime, tzid);
  if (!hasTakenPlace(start, reading)) {
    counts.future++;
    return;
  }
  if (String(c.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') {
    counts.cancelled++;
    return;
  }
  const people = new Map<string, Person>();
  let declined = false;
  const organizer = c.getFirstProperty('organizer');
  const consider = (value: unknown, name: unknown, partstat: string, cutype: string) => {
    const address = toCalendarAddress(typeof value === 'string' ? value : null);
    const named = typeof name === 'string' && name.trim() ? name.trim() : null;
    if (!address) {
      // Calendars write a person they have no email for with a placeholder (invalid:nomail, RFC 5545 wants a URI): still
      // someone met, whom the journal may know by name.
      if (named && partstat !== 'DECLINED' && cutype !== 'ROOM' && cutype !== 'RESOURCE') people.set(`name:${named.toLowerCase()}`, { address: null, name: named });
      return;
    }
    if (sightings.isMine(address)) {
      if (partstat === 'DECLINED') declined = true;
      return;
    }
    if (partstat === 'DECLINED' || cutype === 'ROOM' || cutype === 'RESOURCE') return;
    if (!people.has(address)) people.set(address, { address, name: named });
  };
  for (const a of c.getAllProperties('attendee')) {
    consider(a.getFirstValue(), a.getParameter('cn'), String(a.getParameter('partstat') ?? '').toUpperCase(), String(a.getParameter('cutype') ?? '').toUpperCase());
  }
  if (organizer) consider(organizer.getFirstValue(), organizer.getParameter('cn'), '', '');
  if (declined) {
    counts.declined++;
    return;
  }
  if (!people.size) {
    counts.alone++;
    return;
  }
  const date = toLocalDate(start, reading);
  if (!sightings.inRange(date)) {
    counts.before++;
    return;
  }
  counts.meetings++;
  const texts = ['location', 'description', 'conference', 'x-google-conference', 'url'].flatMap((p) => c.getAllProperties(p).map((x) => String(x.getFirstValue() ?? '')));
  const channel = toMeetingChannel(people.size, hasConferenceLink(texts));
  // No note: a meeting's title would go into the search index with every touchpoint, which took a ten-year calendar
  // past its time budget (4 s of 12 on the heavy journal), and the calendar keeps it anyway.
  for (const p of people.values()) {
    if (p.address) sightings.add(p.address, p.name, { key, date, channel, note: null });
    else sightings.addByName(p.name!, { key, date, channel, note: null });
  }
}

/** Whether a path is a calendar folder: it holds .ics files (at any depth vdirsyncer uses). */
export function isCalendarFolder(folder: string): boolean {
  try {
    return statSync(folder).isDirectory() && listCalendarFiles(folder).length > 0;
  } catch {
    return false;
  }
}
