// The benchmark's rows for touchpoints from calendars and mail (issue 18): a ten-year calendar export of 20,000
// events with recurring series, and a 1 GB mbox of 100,000 messages with attachments, each imported into a copy of
// the heavy journal (5,000 contacts, half of them with an address the files use). The files are generated once and
// cached in the OS temp folder beside the journals, never in the repository. Targets are absolute: seconds and MB.
import { closeSync, existsSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const GENERATOR_VERSION = 1; // bump when what this file writes changes

export const IMPORT_SIZES = {
  quick: { events: 500, messages: 300, messageBytes: 3_000 },
  full: { events: 20_000, messages: 100_000, messageBytes: 10_700 },
};
export const IMPORT_TARGETS = { calendar: { seconds: 10 }, mbox: { seconds: 60, rssMb: 150 } };

function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Writes through a buffer of a few megabytes, then renames: a half-written file is never taken for a cached one. */
function writeFile(path, fill) {
  const fd = openSync(`${path}.tmp`, 'w');
  let pending = [];
  let size = 0;
  const flush = () => {
    if (pending.length) writeSync(fd, pending.join(''));
    pending = [];
    size = 0;
  };
  fill((text) => {
    pending.push(text);
    size += text.length;
    if (size > 4 << 20) flush();
  });
  flush();
  closeSync(fd);
  renameSync(`${path}.tmp`, path);
}

const pad = (n) => String(n).padStart(2, '0');
const stamp = (d) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
const LONDON = ['BEGIN:VTIMEZONE', 'TZID:Europe/London', 'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0000', 'TZOFFSETTO:+0100', 'TZNAME:BST', 'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT', 'BEGIN:STANDARD', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0000', 'TZNAME:GMT', 'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD', 'END:VTIMEZONE'].join('\r\n');

/** Google Calendar's shape: ten years up to `today`; one event in twenty a weekly or monthly series with exceptions. */
export function calendarFile(dir, size, today) {
  const { events } = IMPORT_SIZES[size];
  const path = join(dir, `calendar-${size}-gen${GENERATOR_VERSION}.ics`);
  if (existsSync(path)) return path;
  const rand = random(7);
  const end = Date.parse(`${today}T00:00:00Z`);
  const start = end - 10 * 365 * 86_400_000;
  const person = () => `c${Math.floor(rand() * 10_000)}@example.com`;
  writeFile(path, (write) => {
    write(['BEGIN:VCALENDAR', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN', 'VERSION:2.0', 'METHOD:PUBLISH', 'X-WR-TIMEZONE:Europe/London', LONDON, ''].join('\r\n'));
    for (let i = 0; i < events; i++) {
      const at = new Date(start + Math.floor(rand() * (end - start) / 900_000) * 900_000);
      const people = Array.from({ length: rand() < 0.6 ? 1 : 2 + Math.floor(rand() * 4) }, person);
      const lines = ['BEGIN:VEVENT', `DTSTART;TZID=Europe/London:${stamp(at)}`, `DTEND;TZID=Europe/London:${stamp(new Date(at.getTime() + 3_600_000))}`, `UID:ev${i}@google.com`,
        'ORGANIZER;CN=Alex Morgan:mailto:me@myfirm.example', 'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Alex Morgan:mailto:me@myfirm.example',
        ...people.map((p) => `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;X-NUM-GUESTS=0:mailto:${p}`), `SUMMARY:Meeting ${i}`,
        rand() < 0.3 ? 'DESCRIPTION:Join with Google Meet: https://meet.google.com/abc-defg-hij' : 'LOCATION:Café Central', rand() < 0.03 ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED'];
      const series = rand() < 0.05;
      if (series) lines.push(rand() < 0.5 ? 'RRULE:FREQ=WEEKLY;COUNT=40' : 'RRULE:FREQ=MONTHLY;COUNT=24', `EXDATE;TZID=Europe/London:${stamp(new Date(at.getTime() + 7 * 86_400_000))}`);
      lines.push('END:VEVENT');
      if (series) {
        const moved = new Date(at.getTime() + 14 * 86_400_000);
        lines.push('BEGIN:VEVENT', `RECURRENCE-ID;TZID=Europe/London:${stamp(moved)}`, `DTSTART;TZID=Europe/London:${stamp(new Date(moved.getTime() + 86_400_000))}`,
          `UID:ev${i}@google.com`, 'ORGANIZER;CN=Alex Morgan:mailto:me@myfirm.example', ...people.map((p) => `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${p}`), `SUMMARY:Meeting ${i} (moved)`, 'END:VEVENT');
      }
      write(`${lines.join('\r\n')}\r\n`);
    }
    write('END:VCALENDAR\r\n');
  });
  return path;
}

/** Gmail Takeout's shape: a year of mail, half of it sent, each message with a base64 attachment. */
export function mboxFile(dir, size, today) {
  const { messages, messageBytes } = IMPORT_SIZES[size];
  const path = join(dir, `mail-${size}-gen${GENERATOR_VERSION}.mbox`);
  if (existsSync(path)) return path;
  const rand = random(11);
  const end = Date.parse(`${today}T00:00:00Z`);
  const line = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODkrLw==AAAA\r\n'.slice(0, 76) + '\r\n';
  const person = () => `c${Math.floor(rand() * 10_000)}@example.com`;
  writeFile(path, (write) => {
    for (let i = 0; i < messages; i++) {
      const date = new Date(end - Math.floor(rand() * 365 * 86_400_000)).toUTCString().replace('GMT', '+0000');
      const sent = rand() < 0.5;
      const to = Array.from({ length: rand() < 0.05 ? 8 : 1 + Math.floor(rand() * 3) }, person);
      const headers = [`From ${1_700_000_000_000_000_000n + BigInt(i)}@xxx ${date.slice(0, 3)} Nov 30 08:00:00 +0000 2026`, `X-GM-THRID: ${1_700_000_000_000_000_000n + BigInt(i)}`,
        `X-Gmail-Labels: ${sent ? 'Sent' : 'Inbox,Category Personal'}`, 'MIME-Version: 1.0', `Date: ${date}`, `Message-ID: <m${i}@mail.gmail.example>`, `Subject: Message ${i}`,
        sent ? 'From: Alex Morgan <me@myfirm.example>' : `From: ${person()}`, sent ? `To: ${to.join(', ')}` : 'To: Alex Morgan <me@myfirm.example>',
        'Content-Type: multipart/mixed; boundary="b1"', '', '--b1', 'Content-Type: text/plain; charset="UTF-8"', '', 'Hello,', '', '>From the notes of our meeting.', '',
        '--b1', 'Content-Type: application/pdf; name="notes.pdf"', 'Content-Transfer-Encoding: base64', ''].join('\r\n');
      const body = line.repeat(Math.max(1, Math.floor((messageBytes - headers.length) / line.length)));
      write(`${headers}\r\n${body}--b1--\r\n\r\n`);
    }
  });
  return path;
}

/**
 * Each import timed as one cold process on a fresh copy of the journal (`prepare` makes it and sets the user's
 * address), since a second import of the same file only finds what it has already logged.
 */
export function measureImports({ once, net, prepare, dir, size, today, runs, quick }) {
  const rows = {};
  const files = { calendar: calendarFile(dir, size, today), mbox: mboxFile(dir, size, today) };
  for (const [key, file] of Object.entries(files)) {
    const samples = [];
    for (let i = 0; i < (key === 'mbox' ? 1 : runs); i++) {
      prepare();
      samples.push(once(net('import', file)));
    }
    const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
    const median = ms[Math.floor((ms.length - 1) / 2)];
    const rss = samples.map((s) => s.rss).filter((x) => x !== null);
    const rssMb = rss.length ? Math.max(...rss) : null;
    const target = quick ? null : IMPORT_TARGETS[key];
    const pass = target ? median / 1000 <= target.seconds && (target.rssMb === undefined || rssMb === null || rssMb <= target.rssMb) : null;
    rows[key] = { median, min: ms[0], max: ms.at(-1), rssMb, file: { path: file, ...IMPORT_SIZES[size] }, target: target ?? null, pass };
  }
  return rows;
}
