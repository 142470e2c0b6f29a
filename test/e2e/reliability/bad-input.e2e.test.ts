/**
 * Bad input, the way real life types it: every refusal is one `net: ` line on stderr with the documented exit code,
 * nothing on stdout, no stack trace, and the journal (its rows and its bytes) exactly as it was. Names that look odd
 * but are valid (emoji, right-to-left, quotes, SQL) are stored and read back exactly.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpJournal, expectOneErrorLine, readPathState, runNetAt } from '../../helpers/journal-state.js';
import { makeJournal, TODAY, type Journal, type Runner } from '../../helpers/run-net.js';

const SECRET = 'Ravi is planning to leave Acme in March';
const LONG_NOTE = 'n'.repeat(100_000);

type Setup = 'journal' | 'missing-folder' | 'folder' | 'not-sqlite' | 'truncated';
interface BadCase {
  what: string;
  args: string[];
  code: 2 | 4 | 5;
  stderr: RegExp;
  setup?: Setup;
}

/** The rules are checked in this process (net's run(), as bin/net.js runs it); one case in five spawns bin/net.js. */
const runnerOf = (i: number): Runner => (i % 5 === 0 ? 'spawn' : 'in-process');

const DATE_HINT = /; use YYYY-MM-DD or words such as today/;

const CASES: BadCase[] = [
  // names
  { what: 'an empty name', args: ['add', ''], code: 2, stderr: /^net: a contact needs a name; / },
  { what: 'a whitespace-only name', args: ['add', '   '], code: 2, stderr: /^net: a contact needs a name; / },
  { what: 'a name of tabs and newlines', args: ['add', '\t\n \t'], code: 2, stderr: /^net: a contact needs a name; / },
  { what: 'a rename to blanks', args: ['edit', 'ravi', '--name', '  '], code: 2, stderr: /^net: a contact needs a name; / },
  { what: 'an empty name to show', args: ['show', ''], code: 2, stderr: /^net: no name given; / },
  { what: 'a blank name to log', args: ['log', '  ', '--touch', 'call'], code: 2, stderr: /^net: no name given; / },
  { what: 'a name with a leading dash', args: ['add', '-dash'], code: 2, stderr: /^net: unknown option '-dash'; see net add --help$/m },
  { what: 'a name of 201 characters', args: ['add', 'x'.repeat(201)], code: 2, stderr: /^net: that name is longer than 200 characters; / },
  { what: 'a name with a control character', args: ['add', 'Jane\u0007Doe'], code: 2, stderr: /^net: a name cannot hold control characters; / },
  { what: 'a name already in the journal', args: ['add', 'jane doe'], code: 2, stderr: /^net: "Jane Doe" is already in the journal; / },
  // notes
  { what: 'a 100,000-character note', args: ['log', 'ravi', '--touch', 'call', '--note', LONG_NOTE], code: 2, stderr: /^net: --note is longer than 10,000 characters; shorten --note$/m },
  { what: 'a 100,000-character ask note', args: ['ask', 'ravi', '--for', 'favour', '--anyway', '--note', LONG_NOTE], code: 2, stderr: /^net: --note is longer than 10,000 characters; / },
  { what: 'a blank note', args: ['log', 'ravi', '--touch', 'call', '--note', '   '], code: 2, stderr: /^net: --note is empty; / },
  { what: 'a 201-character company', args: ['edit', 'ravi', '--company', 'c'.repeat(201)], code: 2, stderr: /^net: --company is longer than 200 characters; / },
  // options and commands
  { what: 'an unknown option to add', args: ['add', 'Tom', '--bogus'], code: 2, stderr: /^net: unknown option '--bogus'; see net add --help$/m },
  { what: 'a misspelt option to log', args: ['log', 'ravi', '--tuch', 'call'], code: 2, stderr: /^net: unknown option '--tuch'/ },
  { what: 'an unknown global option', args: ['--colour', 'list'], code: 2, stderr: /^net: unknown option '--colour'/ },
  { what: 'an unknown command', args: ['lst'], code: 2, stderr: /^net: unknown command 'lst'/ },
  { what: 'an option without its value', args: ['log', 'ravi', '--touch'], code: 2, stderr: /^net: option '--touch <channel>' argument missing/ },
  // values
  ...['0', '6', '-1', '2.5', 'abc', ''].map((v): BadCase => ({ what: `--value "${v}"`, args: ['log', 'ravi', '--gave', 'idea', '--value', v], code: 2, stderr: /^net: value "[^"]*" is not a whole number from 1 to 5; / })),
  { what: '--value with a touch only', args: ['log', 'ravi', '--touch', 'call', '--value', '3'], code: 2, stderr: /^net: --value goes with --gave or --received; / },
  { what: 'an ask --size of 0', args: ['ask', 'ravi', '--for', 'favour', '--size', '0'], code: 2, stderr: /^net: size "0" is not a whole number from 1 to 5; / },
  { what: 'a --limit of -3', args: ['balance', '--limit', '-3'], code: 2, stderr: /^net: --limit "-3" is not a whole number of 1 or more; / },
  { what: 'an --every of 0 days', args: ['edit', 'ravi', '--every', '0d'], code: 2, stderr: /^net: cannot read interval "0d"; / },
  // dates
  { what: 'February 30th', args: ['log', 'ravi', '--touch', 'call', '--date', '2026-02-30'], code: 2, stderr: /^net: "2026-02-30" is not a calendar date; use YYYY-MM-DD/ },
  { what: 'a misspelt date word', args: ['log', 'ravi', '--touch', 'call', '--date', 'yesterdayy'], code: 2, stderr: /^net: cannot read date "yesterdayy"; use YYYY-MM-DD/ },
  { what: 'month 13 of a slashed date', args: ['log', 'ravi', '--touch', 'call', '--date', '13/13/2020'], code: 2, stderr: /^net: cannot read date "13\/13\/2020"; use YYYY-MM-DD/ },
  { what: 'a far future date for a past event', args: ['log', 'ravi', '--touch', 'call', '--date', '2999-01-01'], code: 2, stderr: /^net: --date 2999-01-01 is in the future; / },
  { what: 'a follow-up in the past', args: ['log', 'ravi', '--touch', 'call', '--next', '2020-01-01'], code: 2, stderr: /^net: --next 2020-01-01 is in the past; / },
  { what: 'a meeting day in the future', args: ['add', 'Tom', '--met', '2999-01-01'], code: 2, stderr: /^net: --met 2999-01-01 is in the future; / },
  { what: 'month 13 in --met', args: ['edit', 'ravi', '--met', '2026-13-01'], code: 2, stderr: /^net: "2026-13-01" is not a calendar date; / },
  { what: 'an ask dated in the future', args: ['ask', 'ravi', '--for', 'favour', '--anyway', '--date', '2999-01-01'], code: 2, stderr: /^net: --date 2999-01-01 is in the future; / },
  { what: 'an unreadable due day', args: ['due', '--on', 'yesterdayy'], code: 2, stderr: /^net: cannot read date "yesterdayy"; / },
  { what: 'snoozing until February 30th', args: ['snooze', 'ravi', '2026-02-30'], code: 2, stderr: /^net: "2026-02-30" is not a calendar date; / },
  // kinds
  { what: 'an unknown channel', args: ['log', 'ravi', '--touch', 'teleport'], code: 2, stderr: /^net: unknown channel "teleport"; --touch takes one of: coffee/ },
  { what: 'an unknown give kind', args: ['log', 'ravi', '--gave', 'money'], code: 2, stderr: /^net: unknown kind "money"; / },
  { what: 'an unknown received kind', args: ['log', 'ravi', '--received', 'bribe'], code: 2, stderr: /^net: unknown kind "bribe"; / },
  { what: 'an unknown ask kind', args: ['ask', 'ravi', '--for', 'money'], code: 2, stderr: /^net: unknown ask kind "money"; --for takes one of/ },
  { what: 'an unknown ask kind to check', args: ['check', 'ravi', '--for', 'loan'], code: 2, stderr: /^net: unknown ask kind "loan"; / },
  { what: 'an unknown outcome', args: ['ask', 'ravi', '--outcome', 'maybe'], code: 2, stderr: /^net: unknown outcome "maybe"; / },
  { what: 'an unknown checklist point', args: ['deepen', 'ravi', '--yes', 'bogus'], code: 2, stderr: /^net: unknown checklist point "bogus"; / },
  { what: 'an unknown sort', args: ['balance', '--sort', 'owed'], code: 2, stderr: /^net: cannot sort by "owed"; / },
  { what: 'an unknown setting', args: ['config', 'colour', 'red'], code: 2, stderr: /^net: unknown setting "colour"; / },
  // emails and phones
  { what: 'an email without a domain', args: ['add', 'Tom', '--email', 'tom@'], code: 2, stderr: /^net: "tom@" is not an email address; / },
  { what: 'an email with two @', args: ['add', 'Tom', '--email', 'a@@b.com'], code: 2, stderr: /^net: "a@@b.com" is not an email address; / },
  { what: 'an email with spaces', args: ['edit', 'ravi', '--email', 'ravi at example dot com'], code: 2, stderr: /^net: "ravi at example dot com" is not an email address; / },
  { what: 'an email that belongs to another', args: ['add', 'Tom', '--email', 'RAVI@example.com'], code: 2, stderr: /^net: RAVI@example.com already belongs to Ravi Patel; / },
  { what: 'a phone number of letters', args: ['edit', 'ravi', '--phone', 'call me'], code: 2, stderr: /^net: "call me" is not a phone number; / },
  // unknown and ambiguous names
  { what: 'an unknown name', args: ['log', 'nobody', '--touch', 'call'], code: 4, stderr: /^net: no contact called "nobody"; see net list/ },
  { what: 'a typo of a name', args: ['show', 'rvai'], code: 4, stderr: /^net: no contact called "rvai"; did you mean "Ravi Patel"\?$/m },
  { what: 'an ambiguous name to log', args: ['log', 'jane', '--touch', 'call'], code: 4, stderr: /^net: "jane" could mean Jane Doe, Jane Roe; use more of the name$/m },
  { what: 'an ambiguous name to remove', args: ['rm', 'jane', '--yes'], code: 4, stderr: /^net: "jane" could mean Jane Doe, Jane Roe; / },
  { what: 'an unknown name to check', args: ['check', 'nobody'], code: 4, stderr: /^net: no contact called "nobody"; / },
  { what: 'an unknown name to snooze', args: ['snooze', 'nobody', '2w'], code: 4, stderr: /^net: no contact called "nobody"; / },
  // missing confirmations and files
  { what: 'rm without --yes off a terminal', args: ['rm', 'ravi'], code: 2, stderr: /^net: net rm asks before removing Ravi Patel; / },
  { what: 'an edit that changes nothing', args: ['edit', 'ravi'], code: 2, stderr: /^net: nothing to change; / },
  { what: 'an import of a missing file', args: ['import', 'no-such-file.vcf'], code: 2, stderr: /^net: cannot read no-such-file.vcf: no such file; / },
  { what: 'a half-life of one day', args: ['config', 'half-life', '1d'], code: 2, stderr: /^net: half-life 1d is out of range; / },
  // the journal file itself
  { what: 'a write into a missing folder', setup: 'missing-folder', args: ['add', 'Tom'], code: 5, stderr: /^net: the folder \S+ does not exist; create it first/ },
  { what: 'a journal path that is a folder (read)', setup: 'folder', args: ['list'], code: 5, stderr: /^net: \S+ is a folder, not a journal file; / },
  { what: 'a journal path that is a folder (write)', setup: 'folder', args: ['add', 'Tom'], code: 5, stderr: /^net: \S+ is a folder, not a journal file; / },
  { what: 'a file that is not SQLite (read)', setup: 'not-sqlite', args: ['list'], code: 5, stderr: /^net: \S+ is not a net journal \(not an SQLite file\); / },
  { what: 'a file that is not SQLite (write)', setup: 'not-sqlite', args: ['log', 'ravi', '--touch', 'call'], code: 5, stderr: /^net: \S+ is not a net journal/ },
  { what: 'a truncated journal (read)', setup: 'truncated', args: ['list'], code: 5, stderr: /^net: \S+ is damaged or not a net journal; restore it from a backup, or run net doctor/ },
  { what: 'a truncated journal (write)', setup: 'truncated', args: ['add', 'Tom'], code: 5, stderr: /^net: \S+ is damaged or not a net journal; / },
];

let template: Journal;
let root: string;
let templateRows: Record<string, unknown[]>;

beforeAll(() => {
  template = makeJournal(TODAY, 'in-process');
  for (const args of [
    ['add', 'Jane Doe'],
    ['add', 'Jane Roe'],
    ['add', 'Ravi Patel', '--email', 'ravi@example.com', '--company', 'Acme'],
    ['log', 'ravi', '--touch', 'coffee', '--gave', 'idea', '--note', SECRET, '--next', 'in 2 weeks'],
  ]) {
    expect(template.run(...args)).toMatchObject({ code: 0, stderr: '' });
  }
  expect(readPathState(template.db).files).toEqual(['journal.db']); // no WAL left: the file's bytes are the journal
  templateRows = dumpJournal(template.db); // a read-only reader leaves -wal/-shm behind: dump the template, not the copies
  root = mkdtempSync(join(tmpdir(), 'net-bad-input-'));
});
afterAll(() => {
  template.cleanup();
  rmSync(root, { recursive: true, force: true });
});

/** A fresh copy of the seeded journal, or a path in the state the case needs. */
function prepare(setup: Setup, n: number): { home: string; db: string } {
  const home = join(root, String(n));
  mkdirSync(home);
  const db = join(home, 'journal.db');
  if (setup === 'journal') copyFileSync(template.db, db);
  if (setup === 'missing-folder') return { home, db: join(home, 'missing', 'journal.db') };
  if (setup === 'folder') mkdirSync(db);
  if (setup === 'not-sqlite') writeFileSync(db, 'name,email\nJane,jane@example.com\n');
  if (setup === 'truncated') writeFileSync(db, readFileSync(template.db).subarray(0, 8192));
  return { home, db };
}


describe('bad input', () => {
  it('has at least 40 distinct cases', () => {
    expect(new Set(CASES.map((c) => c.what)).size).toBe(CASES.length);
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES.map((c, i) => [c.what, c, i] as const))('refuses %s with one line, its exit code, and no change', (_, c, i) => {
    const setup = c.setup ?? 'journal';
    const { home, db } = prepare(setup, i);
    const before = readPathState(db);
    const r = runNetAt(db, home, c.args, { runner: runnerOf(i) });
    expect({ code: r.code, problem: expectOneErrorLine(r) }).toEqual({ code: c.code, problem: null });
    expect(r.stderr).toMatch(c.stderr);
    expect(r.stderr).not.toContain(SECRET);
    expect(readPathState(db)).toEqual(before);
    if (setup === 'journal') expect(dumpJournal(db)).toEqual(templateRows);
  });
});

describe('odd but valid names', () => {
  const NAMES = [
    '😀 Zoë Ünal',
    'שרה לוי',
    'محمد الأحمد',
    `Miles O'Brien "Chief"`,
    "Robert'); DROP TABLE contacts;--",
    'SELECT * FROM events; DELETE FROM contacts',
    'Ana; Bea',
    '%_\\ wildcard',
    '-dash',
  ];

  it.each(NAMES.map((name, i) => [name, i] as const))('stores %j and reads it back exactly', (name, i) => {
    const j = makeJournal(TODAY, runnerOf(i));
    try {
      expect(j.run('add', '--', name)).toMatchObject({ code: 0, stderr: '' });
      const note = `${name} said: '; DROP TABLE events; -- and "quotes"`;
      expect(j.run('log', '--touch', 'call', '--note', note, '--', name)).toMatchObject({ code: 0, stderr: '' });
      const shown = j.json('show', '--', name);
      expect(shown.contact.name).toBe(name);
      expect(shown.timeline.map((e: { note: string }) => e.note)).toEqual([note]);
      expect(j.json('list').map((c: { name: string }) => c.name)).toEqual([name]);
      const { contacts, events } = j.dump() as { contacts: { name: string }[]; events: { note: string }[] };
      expect(contacts.map((c) => c.name)).toEqual([name]);
      expect(events.map((e) => e.note)).toEqual([note]);
    } finally {
      j.cleanup();
    }
  });

  it('keeps a note of exactly 10,000 characters', () => {
    const j = makeJournal(TODAY, 'in-process');
    try {
      j.run('add', 'Jane Doe');
      const note = `${'é'.repeat(9_999)}!`;
      expect(j.run('log', 'jane', '--touch', 'call', '--note', note)).toMatchObject({ code: 0, stderr: '' });
      expect((j.dump().events as { note: string }[])[0]!.note).toBe(note);
    } finally {
      j.cleanup();
    }
  });
});
