/**
 * Help as a user reads it: every command's --help (and `net help <command>`, as git has it) within 80 columns, the
 * width of help off a terminal and of the narrowest common terminal. The sweep runs in-process (net's run()); what
 * `net help` does is checked on the real bin/net.js as well.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/cli/program.js';
import { makeJournal, TODAY, type Journal } from '../helpers/run-net.js';

const spawned: Journal = makeJournal(TODAY, 'spawn');
const inProcess: Journal = makeJournal(TODAY, 'in-process');
afterAll(() => {
  spawned.cleanup();
  inProcess.cleanup();
});

/** The lines of a text wider than 80 columns (a character a column: help is plain text, no wide characters). */
const wide = (text: string) => text.split('\n').filter((line) => [...line].length > 80);

/** Every command's words, and the words of each subcommand: commander shows each with its own --help. */
const commandPaths = (): string[][] => {
  const subcommands = (path: string[]): string[][] => {
    const help = inProcess.run(...path, '--help').stdout;
    const listed = help.split('\nCommands:\n')[1]?.split('\n\n')[0] ?? '';
    return [...listed.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => [...path, m[1]!]).filter((p) => p.at(-1) !== 'help');
  };
  return [[], ...COMMAND_NAMES.map((name) => [name])].flatMap((p) => [p, ...(p.length ? subcommands(p) : [])]);
};

describe('help', () => {
  it.each(commandPaths().map((path) => [path.join(' ') || '(the overview)', path] as const))('net %s --help fits 80 columns', (_, path) => {
    const r = inProcess.run(...path, '--help');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^Usage: net/);
    expect(wide(r.stdout)).toEqual([]);
  });

  it.each([
    [['help', 'log'], ['log', '--help']],
    [['help', 'sync'], ['sync', '--help']],
    [['help'], ['--help']],
    [['--db', 'other.db', 'help', 'import'], ['import', '--help']],
  ])('net %j prints what %j prints, exit 0', (asked, same) => {
    const r = spawned.run(...asked);
    expect(r).toEqual({ code: 0, stderr: '', stdout: spawned.run(...same).stdout });
    expect(r.stdout).toMatch(/^Usage: net /);
  });

  it('lists net help in the overview', () => {
    expect(inProcess.run('--help').stdout).toMatch(/^ {2}help \[command\] +show help for a command/m);
  });

  it.each([
    [['help', 'nope'], "net: unknown command 'nope'; see net --help\n"],
    [['help', 'lgo'], "net: unknown command 'lgo' (did you mean log?); see net --help\n"],
    [['lgo', '--help'], "net: unknown command 'lgo' (did you mean log?); see net --help\n"],
  ])('net %j is a usage error on one line, exit 2', (asked, stderr) => {
    expect(spawned.run(...asked)).toEqual({ code: 2, stdout: '', stderr });
  });
});
