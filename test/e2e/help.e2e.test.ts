/**
 * Help as a user reads it: every command's --help within 80 columns, the width of help off a terminal and of the
 * narrowest common terminal. The sweep runs in-process (net's run()).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/cli/program.js';
import { makeJournal, TODAY, type Journal } from '../helpers/run-net.js';

const inProcess: Journal = makeJournal(TODAY, 'in-process');
afterAll(() => {
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
});
