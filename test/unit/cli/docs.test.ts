import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CliContext } from '../../../src/cli/context.js';
import { CommanderError, Help } from 'commander';
import { NotFoundError, StoreError, SyncError, UsageError } from '../../../src/core/errors.js';
import { report, toHelpArgs } from '../../../src/cli/run.js';
import { COMMANDS } from '../../../src/cli/commands.js';
import { buildProgram, COMMAND_NAMES, findCommandName, toOwnFlags } from '../../../src/cli/program.js';

const README = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
const program = await buildProgram({} as CliContext, [], { loadAll: true });
const commands = program.commands.map((c) => c.name());

describe('docs', () => {
  it('knows the journal commands', () => {
    expect(commands).toEqual(expect.arrayContaining(['add', 'log', 'where']));
  });

  it.each(commands)('net %s has a description, examples in --help, and an example in README', (name) => {
    const cmd = program.commands.find((c) => c.name() === name)!;
    expect(cmd.description().length).toBeGreaterThan(10);
    let help = '';
    cmd.configureOutput({ writeOut: (s) => (help += s) });
    cmd.outputHelp();
    expect(help).toMatch(new RegExp(`Examples:\\n(?:  # .*\\n)?\\s+\\$ net (--\\S+ \\S+ )?${name}\\b`));
    expect(README).toMatch(new RegExp(`^\\$? ?net (--\\S+ \\S+ )?${name}\\b`, 'm'));
  });

  it('lists every command in --help, in its order', () => {
    expect(commands).toEqual(COMMAND_NAMES);
  });

  it.each(commands)('net %s: the overview line made from the registry matches the loaded command', (name) => {
    const cmd = program.commands.find((c) => c.name() === name)!;
    const entry = COMMANDS.find((c) => c.name === name)!;
    expect(new Help().subcommandTerm(cmd)).toBe(`${name} ${entry.usage}`.trim());
    expect(cmd.description()).toBe(entry.summary);
  });

  it('loads no command module for the overview help, and only its own for a command', async () => {
    const spies = COMMANDS.map((entry) => vi.spyOn(entry as { load: () => Promise<unknown> }, 'load'));
    const loadedFor = async (args: string[]) => {
      for (const spy of spies) spy.mockClear();
      await buildProgram({} as CliContext, args);
      return COMMANDS.filter((_, i) => spies[i]!.mock.calls.length > 0).map((c) => c.name);
    };
    try {
      expect(await loadedFor(['--help'])).toEqual([]);
      expect(await loadedFor([])).toEqual([]);
      expect(await loadedFor(['--db', 'x.db', '--json', 'due', '--all'])).toEqual(['due']);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('gives the same overview help whether or not the commands are loaded', async () => {
    const overview = async (loadAll: boolean) => {
      let help = '';
      const p = await buildProgram({} as CliContext, [], { loadAll });
      p.configureOutput({ writeOut: (s) => (help += s) });
      p.outputHelp();
      return help;
    };
    expect(await overview(false)).toBe(await overview(true));
  });

  it.each([
    [['due'], 'due'],
    [['--db', 'x.db', '--json', 'check', 'jane'], 'check'],
    [['--json', '--db', 'due'], undefined],
    [['--help'], undefined],
    [[], undefined],
  ])('finds the command in %j: %s', (args, name) => {
    expect(findCommandName(args)).toBe(name);
  });

  it('gives each flag one meaning: no command has an option of the same name as a global one', () => {
    const globals = program.options.map((o) => o.long);
    const clashes = program.commands.flatMap((c) => c.options.filter((o) => globals.includes(o.long)).map((o) => `net ${c.name()} ${o.long}`));
    expect(clashes).toEqual([]);
  });

  it.each([
    [['export', '--json', 'x.json'], ['export', '--format=json', 'x.json']],
    [['--json', 'export', 'x.json'], ['--json', 'export', 'x.json']],
    [['--db', 'j.db', 'export', '--force', '--json'], ['--db', 'j.db', 'export', '--force', '--format=json']],
    [['export', '--', '--json'], ['export', '--', '--json']],
    [['due', '--json'], ['due', '--json']],
  ])('reads a global flag after a command that shadows it as the command\'s own: %j', (args, read) => {
    expect(toOwnFlags(args)).toEqual(read);
  });

  it.each([
    [['help', 'log'], ['log', '--help']],
    [['help'], ['--help']],
    [['--db', 'j.db', 'help', '--json', 'due'], ['--db', 'j.db', 'due', '--help']],
    [['help', 'nope'], ['nope']],
    [['nope', '--help'], ['nope']],
    [['--json', 'nope', '-h'], ['--json', 'nope']],
    [['--help', 'nope'], ['nope']],
    [['--help', 'log'], ['log', '--help']],
    [['-h', '--json', 'due'], ['--json', 'due', '--help']],
    [['log', 'help'], ['log', 'help']],
    [['--db', 'help', 'due'], ['--db', 'help', 'due']],
  ])('reads net help as git does: %j as %j', (args, read) => {
    expect(toHelpArgs(args)).toEqual(read);
  });

  it('documents every exit code that a run of net can end with, and no other', () => {
    const silent = { write: () => undefined };
    const returned = [
      new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'),
      new CommanderError(1, 'commander.unknownOption', "error: unknown option '--bogus'"),
      Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' }),
      new UsageError('bad'),
      new NotFoundError('nobody'),
      new StoreError('locked'),
      new SyncError('unreachable'),
      Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }),
      new Error('a bug'),
    ].map((err) => report(err, false, undefined, silent));
    const verdict: CliContext['exitCode'][] = [0, 3]; // net check and net ask set these on success
    const section = README.slice(README.indexOf('## Exit codes'), README.indexOf('\n## ', README.indexOf('## Exit codes') + 1));
    const documented = [...section.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
    expect(new Set([...returned, ...verdict])).toEqual(new Set(documented));
  });
});
