/**
 * What a fresh user read and found wrong, played by the real bin/net.js: each message says the right thing, on stdout
 * or stderr as it belongs, with its exit code, and the journal unchanged where nothing was to be written.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJournal, TODAY, type Journal } from '../helpers/run-net.js';

let j: Journal;
const setUp = (...args: string[]) => {
  const r = j.runWith({ runner: 'in-process' }, ...args);
  expect(r, r.stderr).toMatchObject({ code: 0 });
};
const VERSION = (await import('../../package.json', { with: { type: 'json' } })).default.version;

beforeAll(() => {
  j = makeJournal(TODAY, 'spawn'); // 2026-11-22, a Sunday
  setUp('add', 'Jane Doe', '--company', 'Acme Homes', '--role', 'estate agent', '--how-met', 'BNI breakfast', '--service', 'home staging', '--goal', 'open a second office', '--tag', 'bni');
  setUp('edit', 'jane', '--need', 'a photographer for the office opening');
  // A contact an address book gave with only a company: the company is their name.
  const card = join(j.dir, 'card.vcf');
  writeFileSync(card, 'BEGIN:VCARD\r\nVERSION:3.0\r\nORG:Lens & Co\r\nEND:VCARD\r\n');
  setUp('import', card);
});
afterAll(() => j.cleanup());

describe('net search names the field that matched', () => {
  it('a service, a goal, a need, a tag: each by its kind, never run together as "profile"', () => {
    const r = j.run('search', 'office');
    expect(r).toEqual({ code: 0, stderr: '', stdout: ['Contacts (1)', '  Jane Doe', '    goal  open a second office', '    need  a photographer for the office opening', ''].join('\n') });
    expect(j.run('search', 'staging').stdout).toBe(['Contacts (1)', '  Jane Doe', '    service  home staging', ''].join('\n'));
    expect(j.run('search', 'bni').stdout).toBe(['Contacts (1)', '  Jane Doe', '    how met  BNI breakfast', '    tag      bni', ''].join('\n'));
    const json = j.json('search', 'office');
    expect(json.contacts[0].matches).toEqual([
      { field: 'goal', text: 'open a second office', marks: [[14, 20]] },
      { field: 'need', text: 'a photographer for the office opening', marks: [[23, 29]] },
    ]);
  });
});

describe('an unknown name says how to add them', () => {
  it('net log bob coffee off a terminal: net add "bob", the name a terminal offers to add; nothing written', () => {
    const before = j.dump();
    expect(j.run('log', 'bartholomew', 'coffee')).toEqual({ code: 4, stdout: '', stderr: 'net: no contact called "bartholomew"; see net list, or add them with net add "bartholomew"\n' });
    expect(j.run('log', 'bob', 'coffee').stderr).toMatch(/^net: no contact called "bob"; did you mean .*\? If they are new: net add "bob"\n$/);
    expect(j.run('log', 'Bob  Smith', 'coffee').stderr).toBe('net: no contact called "Bob  Smith"; see net list, or add them with net add "Bob Smith"\n');
    // A close name is suggested first; net log, which may add them, still says how.
    expect(j.run('log', 'jnae', 'coffee').stderr).toBe('net: no contact called "jnae"; did you mean "Jane Doe"? If they are new: net add "jnae"\n');
    expect(j.run('show', 'jnae').stderr).toBe('net: no contact called "jnae"; did you mean "Jane Doe"?\n');
    expect(j.dump()).toEqual(before);
  });
});

describe('snooze suggests days to come', () => {
  it('the hint after an unreadable day, and the example in --help, are after the command\'s day', () => {
    const r = j.run('snooze', 'jane', 'someday');
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'net: cannot read date "someday"; use YYYY-MM-DD (2026-12-02), 02.12.2026, or words such as tomorrow, friday, "next monday", "in 2 weeks"\n' });
    expect(j.runWith({ now: '2027-03-01' }, 'snooze', 'jane', 'someday').stderr).toContain('(2027-03-11), 11.03.2027,');
    expect(j.run('snooze', '--help').stdout).toContain('$ net snooze jane 2026-12-02\n');
    expect(j.runWith({ now: '2027-03-01' }, 'snooze', '--help').stdout).toContain('$ net snooze jane 2027-03-11\n');
    // What happened looks back: its hint shows a day before.
    expect(j.run('log', 'jane', 'coffee', '--date', 'someday').stderr).toBe('net: cannot read date "someday"; use YYYY-MM-DD (2026-11-16), 16.11.2026, or words such as today, yesterday, tuesday, "3 days ago", "last friday"\n');
  });
});

describe('a mistyped command is guessed only when close', () => {
  it.each([
    [['chek'], "net: unknown command 'chek' (did you mean check?); see net --help\n"],
    [['lsit'], "net: unknown command 'lsit' (did you mean list?); see net --help\n"],
    [['nope'], "net: unknown command 'nope'; see net --help\n"],
    [['xyz', 'jane'], "net: unknown command 'xyz'; see net --help\n"],
    [['due', '--tga', 'bni'], "net: unknown option '--tga' (did you mean --tag?); see net due --help\n"],
    [['due', '--explode'], "net: unknown option '--explode'; see net due --help\n"],
  ])('net %j', (args, stderr) => {
    expect(j.run(...args)).toEqual({ code: 2, stdout: '', stderr });
  });
});

describe('net balance --tag with a tag no contact has', () => {
  it('says so, and how to tag one, as net due and net list do', () => {
    expect(j.run('balance', '--tag', 'nosuch')).toEqual({ code: 0, stderr: '', stdout: 'No contacts are tagged nosuch. Tag one with: net edit <name> --tag nosuch\nSee everyone with: net balance\n' });
    expect(j.run('due', '--tag', 'nosuch').stdout).toBe('No contacts are tagged nosuch. Tag one with: net edit <name> --tag nosuch\nSee everyone due with: net due\n');
    expect(j.run('list', '--tag', 'nosuch').stdout).toBe('No contacts are tagged nosuch. Tag one with: net edit <name> --tag nosuch\nSee everyone with: net list\n');
    expect(j.json('balance', '--tag', 'nosuch')).toMatchObject({ contacts: [], total: 0, unusedTag: 'nosuch' });
    expect(j.json('balance', '--tag', 'BNI')).not.toHaveProperty('unusedTag');
  });
});

describe('a contact with only a company', () => {
  it('is named once in net list, net show and the import', () => {
    const list = j.run('list').stdout.split('\n');
    expect(list.find((l) => l.startsWith('Lens & Co'))).toMatch(/^Lens & Co +no touch yet$/);
    const show = j.run('show', 'lens');
    expect(show).toMatchObject({ code: 0, stderr: '' });
    expect(show.stdout.split('\n')[0]).toBe('Lens & Co');
    expect(j.json('show', 'lens').contact).toMatchObject({ name: 'Lens & Co', company: 'Lens & Co' });
    expect(list.find((l) => l.startsWith('Jane Doe'))).toMatch(/^Jane Doe +estate agent, Acme Homes +#bni +no touch yet$/);
  });
});

describe('the version', () => {
  it.each([['-V'], ['--version'], ['-v'], ['version']])('net %s prints it', (flag) => {
    expect(j.run(flag)).toEqual({ code: 0, stderr: '', stdout: `${VERSION}\n` });
  });

  it('net version has help and JSON, and is listed and completed as any command', () => {
    expect(j.json('version')).toEqual({ version: VERSION });
    expect(j.run('help', 'version').stdout).toMatch(/^Usage: net version/);
    expect(j.run('--help').stdout).toMatch(/^ {2}version +print the version/m);
    expect(j.run('--help').stdout).not.toMatch(/^ {2}-v\b/m);
  });
});

describe('net with its global options alone', () => {
  it.each([[['--json']], [['--debug', '--no-color']], [['--db=other.db']]])('net %j prints what net alone prints, exit 0', (args) => {
    const alone = j.runWith({}, ...[]);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toMatch(/^Usage: net /);
    expect(j.run(...args)).toEqual({ code: 0, stderr: '', stdout: alone.stdout });
  });

  it('an unknown option alone is still a usage error', () => {
    expect(j.run('--frob')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^net: unknown option '--frob'/) });
  });
});

describe('net --help with a name that is no command', () => {
  it.each([[['--help', 'nope']], [['-h', 'nope']], [['nope', '--help']]])('net %j is a usage error, exit 2', (args) => {
    expect(j.run(...args)).toEqual({ code: 2, stdout: '', stderr: "net: unknown command 'nope'; see net --help\n" });
  });

  it('net --help log is the help of log, as net help log', () => {
    expect(j.run('--help', 'log')).toEqual({ code: 0, stderr: '', stdout: j.run('help', 'log').stdout });
  });
});
