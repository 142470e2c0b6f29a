/**
 * Important dates: a birthday and the user's own dates (a work anniversary, a wedding day), remembered once a year.
 * Stored as `YYYY-MM-DD`, or `--MM-DD` when the year is unknown (as vCard writes it). Pure: `today` is passed in.
 */
import { addDays, daysBetween, findIsoDate, type IsoDate } from './dates.js';
import { UsageError } from './errors.js';
import { refuseOddCharacters, TEXT_RULES } from './text.js';

/** How many days ahead `net due` lists an important date, unless `net config date-window` says otherwise. */
export const DEFAULT_DATE_WINDOW_DAYS = 7;
export const MAX_DATE_WINDOW_DAYS = 60;
export const MAX_DATE_LABEL = TEXT_RULES.dateLabel.max;

export interface ImportantDate {
  label: string;
  /** `YYYY-MM-DD` or `--MM-DD`. */
  date: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** "January" … "December". */
export const MONTH_NAMES = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));

export const MONTH_DAY_HINT = 'write it as YYYY-MM-DD or MM-DD (the year is optional), for example 1980-05-17, 05-17 or "May 17"';

function toMonth(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m.startsWith(w));
  return i < 0 ? undefined : i + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Year, month and day as typed, before any check: `1980-05-17`, `05-17`, `--05-17`, `May 17`, `17 May 1980`. */
function readParts(text: string): { y: number | null; m: number; d: number } | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  let r = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (r) return { y: +r[1]!, m: +r[2]!, d: +r[3]! };
  r = /^(?:--)?(\d{1,2})-(\d{1,2})$/.exec(t);
  if (r) return { y: null, m: +r[1]!, d: +r[2]! };
  r = /^([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$/i.exec(t);
  if (r) {
    const m = toMonth(r[1]!);
    return m === undefined ? undefined : { y: r[3] ? +r[3] : null, m, d: +r[2]! };
  }
  r = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+\.?)(?:,? (\d{4}))?$/i.exec(t);
  if (r) {
    const m = toMonth(r[2]!);
    return m === undefined ? undefined : { y: r[3] ? +r[3] : null, m, d: +r[1]! };
  }
  return undefined;
}

/**
 * Reads a day of the year with an optional year. Throws UsageError for what cannot be read and for days that do not
 * exist (02-30; 02-29 of a year that is not a leap year). `what` names the flag in the message.
 */
export function parseMonthDay(text: string, what: string): string {
  const p = readParts(text);
  if (!p) throw new UsageError(`cannot read ${what} "${text}"`, MONTH_DAY_HINT);
  // 2000 is a leap year: without a year, 02-29 is a real day.
  const iso = findIsoDate(`${p.y === null ? 2000 : String(p.y).padStart(4, '0')}-${pad(p.m)}-${pad(p.d)}`);
  if (!iso) {
    const month = MONTH_NAMES[p.m - 1];
    const why = month ? `${month}${p.y === null ? '' : ` ${p.y}`} has no day ${p.d}` : `there is no month ${p.m}`;
    throw new UsageError(`${what} "${text}" is not a real day: ${why}`, MONTH_DAY_HINT);
  }
  if (p.y !== null && p.y < 1900) throw new UsageError(`${what} "${text}" is too long ago`, 'give a year after 1900, or leave the year out');
  return p.y === null ? `--${pad(p.m)}-${pad(p.d)}` : iso;
}

/** `--birthday`: a day of the year, with a year that is not in the future. */
export function parseBirthday(text: string, today: IsoDate): string {
  const date = parseMonthDay(text, '--birthday');
  if (!date.startsWith('--') && date > today) throw new UsageError(`--birthday ${date} is in the future`, 'give the day they were born, or leave the year out: --birthday 05-17');
  return date;
}

/** `--date-of "work anniversary=2019-05-01"`: a label and a day of the year. */
export function parseDateOf(text: string): ImportantDate {
  const at = text.indexOf('=');
  if (at < 0) throw new UsageError(`--date-of "${text}" has no "="`, 'write it as "label=date", for example --date-of "work anniversary=2019-05-01"');
  const label = text.slice(0, at).trim().replace(/\s+/g, ' ');
  if (!label) throw new UsageError(`--date-of "${text}" has no label before "="`, 'name the day, for example --date-of "work anniversary=2019-05-01"');
  if (label.length > MAX_DATE_LABEL) throw new UsageError(`the label "${label.slice(0, 20)}…" is longer than ${MAX_DATE_LABEL} characters`, 'shorten the label');
  refuseOddCharacters('dateLabel', label, 'the label of --date-of', 'type the label as plain text');
  if (label.toLowerCase() === 'birthday') throw new UsageError('a birthday has a flag of its own', 'use --birthday, for example --birthday "May 17"');
  return { label, date: parseMonthDay(text.slice(at + 1), `the date of "${label}"`) };
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The month and day of a stored date: `05-17`. */
export const toMonthDay = (date: string): string => date.slice(-5);

/** The day a date falls on in `year`: February 29 is kept on February 28 in other years. */
export function toOccurrenceIn(date: string, year: number): IsoDate {
  const md = toMonthDay(date);
  return `${String(year).padStart(4, '0')}-${md === '02-29' && !isLeap(year) ? '02-28' : md}`;
}

/** The next time the date comes round, today or later. */
export function toNextOccurrence(date: string, today: IsoDate): IsoDate {
  const year = Number(today.slice(0, 4));
  const thisYear = toOccurrenceIn(date, year);
  return thisYear >= today ? thisYear : toOccurrenceIn(date, year + 1);
}

/**
 * The month-days whose next occurrence lies in the window [today, today + windowDays]: what the store matches the
 * `MM-DD` ends of stored dates against. In a year that is not a leap year, 02-29 is matched on February 28.
 */
export function toMonthDaysAhead(today: IsoDate, windowDays: number): string[] {
  const out: string[] = [];
  for (let i = 0; i <= windowDays; i++) {
    const day = addDays(today, i);
    const md = toMonthDay(day);
    if (!out.includes(md)) out.push(md);
    if (md === '02-28' && !isLeap(Number(day.slice(0, 4))) && !out.includes('02-29')) out.push('02-29');
  }
  return out;
}

export interface Occasion {
  label: string;
  date: string;
  on: IsoDate;
  inDays: number;
  /** Years since the year given (the age a birthday turns); null without a year. */
  years: number | null;
}

/** The occasion of a date as of today: when it next falls, in how many days, and how many years it marks. */
export function toOccasion(d: ImportantDate, today: IsoDate): Occasion {
  const on = toNextOccurrence(d.date, today);
  const years = d.date.startsWith('--') ? null : Number(on.slice(0, 4)) - Number(d.date.slice(0, 4));
  return { label: d.label, date: d.date, on, inDays: daysBetween(today, on), years: years !== null && years > 0 ? years : null };
}

/** Occasions inside the window, soonest first. */
export function toUpcoming(dates: readonly ImportantDate[], today: IsoDate, windowDays: number): Occasion[] {
  return dates
    .map((d) => toOccasion(d, today))
    .filter((o) => o.inDays <= windowDays)
    .sort((a, b) => a.inDays - b.inDays || a.label.localeCompare(b.label));
}

/**
 * The custom dates of a contact as one text for its summary column, one `date<TAB>label` per line in label order:
 * `net due` reads the labels from the contact's row instead of a second query.
 */
export function toDatesText(dates: readonly ImportantDate[]): string | null {
  if (!dates.length) return null;
  return [...dates]
    .sort((a, b) => (a.label.toLowerCase() < b.label.toLowerCase() ? -1 : a.label.toLowerCase() > b.label.toLowerCase() ? 1 : 0))
    .map((d) => `${d.date}\t${d.label}`)
    .join('\n');
}

export function fromDatesText(text: string | null | undefined): ImportantDate[] {
  if (!text) return [];
  return text.split('\n').flatMap((line) => {
    const tab = line.indexOf('\t');
    return tab < 0 ? [] : [{ date: line.slice(0, tab), label: line.slice(tab + 1) }];
  });
}

/** A contact's birthday and custom dates as one list. */
export function toImportantDates(birthday: string | null | undefined, datesText: string | null | undefined): ImportantDate[] {
  return [...(birthday ? [{ label: 'birthday', date: birthday }] : []), ...fromDatesText(datesText)];
}
