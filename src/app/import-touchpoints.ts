/**
 * `net import` of a calendar or a mailbox (issue 18): which of the two a path is, and the import itself, in one
 * transaction (a dry run does the same work and rolls it back). The readers load their libraries only when used.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { IsoDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { detectMessageFormat, type MessageFormat } from '../core/import/detect.js';
import type { Store } from '../store/store.js';
import { useSmallPageCache } from '../store/touchpoint-sources.js';
import type { Clock } from './clock.js';
import type { Progress } from './import.js';
import type { CalendarCounts } from './import-calendar.js';
import type { MailCounts } from './import-mail.js';
import { readAnnouncementThreshold, readMyAddresses, Sightings, type WriteResult } from './touchpoints.js';

export type TouchpointFormat = MessageFormat | 'maildir';

export interface TouchpointImportInput {
  file: string;
  format: TouchpointFormat;
  dryRun: boolean;
  since?: IsoDate;
  /** --unknown: list the people not in the journal. */
  listUnknown: boolean;
  /** --add-unknown [N]: add the N most frequent of them (0: none). */
  addUnknown: number;
  /** The instant the import runs (NET_NOW honoured). */
  now: number;
  /** The user's time zone: a meeting's or a message's day is its day there. */
  timeZone: string;
}

export interface TouchpointImportResult extends WriteResult {
  file: string;
  format: TouchpointFormat;
  dryRun: boolean;
  /** The user's own addresses (net config me), never counted as anyone. */
  myAddresses: string[];
  calendar: CalendarCounts | null;
  mail: (MailCounts & { threshold: number }) | null;
}

/** A calendar or a mailbox, from a file's first bytes or a folder's shape; undefined for anything else (contacts). */
export async function findTouchpointFormat(path: string): Promise<TouchpointFormat | undefined> {
  let st;
  try {
    st = statSync(path);
  } catch {
    return undefined; // the contacts import says what is wrong with it
  }
  if (st.isDirectory()) {
    const { isMaildir } = await import('./import-mail.js');
    if (isMaildir(path)) return 'maildir';
    const { isCalendarFolder } = await import('./import-calendar.js');
    if (isCalendarFolder(path)) return 'ics';
    throw new UsageError(`${path} is a folder with neither calendar files (.ics) nor a Maildir (cur/, new/)`, 'give an exported file (.ics, .mbox, .eml, .vcf, .csv, .json), a folder of .ics files or a Maildir');
  }
  if (!st.isFile()) return undefined;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.allocUnsafe(Math.min(st.size, 64 * 1024));
    const n = readSync(fd, head, 0, head.length, 0);
    return detectMessageFormat(head.subarray(0, n).toString('utf8'));
  } finally {
    closeSync(fd);
  }
}

export const NO_ADDRESSES_HINT = 'set them first, as many as you have: net config me you@example.com you@work.example';

/** Thrown inside the transaction of a dry run so that everything it wrote is rolled back. */
class DryRunRollback extends Error {
  constructor(readonly result: TouchpointImportResult) {
    super('dry run');
  }
}

export async function importTouchpoints(store: Store, input: TouchpointImportInput, clock: Clock, progress?: Progress): Promise<TouchpointImportResult> {
  const calendar = input.format === 'ics' ? await import('./import-calendar.js') : undefined;
  const mail = input.format === 'ics' ? undefined : await import('./import-mail.js');
  const run = (): TouchpointImportResult => {
    const myAddresses = readMyAddresses(store);
    if (!myAddresses.length) throw new UsageError('net does not know your own email addresses yet', NO_ADDRESSES_HINT);
    const options = { addUnknown: input.addUnknown, listUnknown: input.listUnknown, since: input.since };
    const sightings = new Sightings(store, input.format === 'ics' ? 'calendar' : 'mail', myAddresses, options, clock);
    const base = { file: input.file, format: input.format, dryRun: input.dryRun, myAddresses, calendar: null, mail: null };
    if (calendar) {
      const files = input.format === 'ics' && statSync(input.file).isDirectory() ? calendar.listCalendarFiles(input.file) : [input.file];
      const counts = calendar.readCalendars(files, sightings, { now: input.now, today: clock.today, timeZone: input.timeZone }, progress);
      return { ...base, ...sightings.finish(), calendar: counts };
    }
    useSmallPageCache(store);
    const reading = { now: input.now, timeZone: input.timeZone, threshold: readAnnouncementThreshold(store) };
    const counts: MailCounts = { messages: 0, sent: 0, announcements: 0, drafts: 0, undated: 0, before: 0 };
    const onHeaders = (block: Buffer) => mail!.readMessage(block, sightings, reading, counts);
    if (input.format === 'mbox') {
      mail!.readMbox(input.file, onHeaders, (done, total) => progress?.(Math.floor(done / 1024), Math.floor(total / 1024)));
    } else {
      const files = input.format === 'maildir' ? mail!.listMaildirFiles(input.file) : [input.file];
      files.forEach((f, i) => {
        onHeaders(mail!.readMessageHeaders(f));
        progress?.(i + 1, files.length);
      });
    }
    return { ...base, ...sightings.finish(), mail: { ...counts, threshold: reading.threshold } };
  };
  try {
    return store.tx(() => {
      const result = run();
      if (input.dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (err) {
    if (err instanceof DryRunRollback) return err.result;
    if ((err as NodeJS.ErrnoException).code === 'EACCES') throw new UsageError(`cannot read ${basename(input.file)}: permission denied`, 'give a file or folder you can read');
    throw err;
  }
}
